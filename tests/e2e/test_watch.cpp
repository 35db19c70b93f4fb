#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <thread>

#include "support.hpp"

using namespace folio;

namespace {

// Polls `done` every 50 ms for at most `limit`; never a fixed sleep.
bool wait_until(const std::function<bool()>& done,
                std::chrono::seconds limit = std::chrono::seconds(15)) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

std::string first_page_text(const std::string& pdf) {
  if (!test::file_exists(pdf)) return "";
  auto pages = test::pdf_page_texts(pdf);
  return pages.empty() ? "" : pages[0];
}

// Saves like an editor does: a new file renamed over the old one.
void save_by_rename(const std::string& path, const std::string& text) {
  test::write_file(path + ".swp", text);
  std::filesystem::rename(path + ".swp", path);
}

}  // namespace

TEST_CASE("watch re-renders when a data file changes and keeps the last good PDF on errors") {
  std::string dir = test::temp_dir();
  test::write_file(
      dir + "/report.toml",
      "[[block]]\ntype = \"paragraph\"\ntext = \"Children helped: {{ stats.children }}\"\n");
  test::write_file(dir + "/data.toml", "[stats]\nchildren = 111\n");
  std::string pdf = dir + "/report.pdf";
  // Bounded by timeout(1): the watcher ends after 30 s even if this test fails to stop it.
  std::string command = fmt::format(
      "cd '{}' && ( timeout -s INT 30 '{}' watch '{}/report.toml' --data '{}/data.toml' -o '{}' "
      "> '{}/log' 2>&1 & echo $! > '{}/pid'; wait $!; echo $? > '{}/rc' ) > /dev/null 2>&1 &",
      FOLIO_SOURCE_DIR, FOLIO_BINARY, dir, dir, pdf, dir, dir, dir);
  REQUIRE(std::system(command.c_str()) == 0);

  CHECK(wait_until(
      [&] { return first_page_text(pdf).find("Children helped: 111") != std::string::npos; }));
  CHECK(wait_until(
      [&] { return test::read_file(dir + "/log").find("Ctrl-C to stop") != std::string::npos; }));

  save_by_rename(dir + "/data.toml", "[stats]\nchildren = 222\n");
  CHECK(wait_until(
      [&] { return first_page_text(pdf).find("Children helped: 222") != std::string::npos; }));

  // A broken data file: an error is printed and the PDF keeps the previous version.
  test::write_file(dir + "/data.toml", "[stats]\nchildren = \n");
  CHECK(wait_until([&] {
    return test::read_file(dir + "/log").find("keeps the last good version") != std::string::npos;
  }));
  CHECK_THAT(test::read_file(dir + "/log"), Catch::Contains("data.toml:2:"));
  CHECK_THAT(first_page_text(pdf), Catch::Contains("Children helped: 222"));

  // Fixed again, in place this time (as `echo > file` does).
  test::write_file(dir + "/data.toml", "[stats]\nchildren = 333\n");
  CHECK(wait_until(
      [&] { return first_page_text(pdf).find("Children helped: 333") != std::string::npos; }));

  // Ctrl-C (SIGINT, forwarded by timeout) ends it with exit code 0.
  std::string pid = test::read_file(dir + "/pid");
  REQUIRE_FALSE(pid.empty());
  std::system(fmt::format("kill -INT {}", std::stoi(pid)).c_str());
  CHECK(wait_until([&] { return test::file_exists(dir + "/rc"); }));
  CHECK(std::stoi("0" + test::read_file(dir + "/rc")) == 0);
  std::string log = test::read_file(dir + "/log");
  CHECK_THAT(log, Catch::Contains("watch stopped"));
  // One line per render: the first, 222, the error, 333. The PDF written into the
  // watched folder (and its temporary file) must not set off renders of its own.
  int renders = 0;
  for (size_t at = 0; (at = log.find(" ms", at)) != std::string::npos; at += 3) ++renders;
  CHECK(renders == 4);
}
