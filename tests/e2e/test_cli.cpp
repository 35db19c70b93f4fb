#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

using namespace folio;

TEST_CASE("--help and --version exit 0") {
  auto help = test::run_folio("--help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.output, Catch::Contains("render"));
  auto version = test::run_folio("--version");
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.output, Catch::StartsWith("folio "));
}

TEST_CASE("usage errors exit 2") {
  CHECK(test::run_folio("").exit_code == 2);
  CHECK(test::run_folio("render").exit_code == 2);
  CHECK(test::run_folio("render no-such-file.toml").exit_code == 2);
  CHECK(test::run_folio("frobnicate").exit_code == 2);
  auto set = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml --set novalue -o "
      "/tmp/x.pdf");
  CHECK(set.exit_code == 2);
  CHECK_THAT(set.output, Catch::Contains("--set takes path=value"));
}

TEST_CASE("check validates without writing") {
  auto ok = test::run_folio("check layouts/annual-review.toml --data data/ceop-2008-09.toml");
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.output, Catch::Contains("ok, 2 pages"));
  auto bad = test::run_folio("check layouts/annual-review.toml");
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.output, Catch::Contains("layouts/annual-review.toml:"));
}

TEST_CASE("a --set value overrides the data") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml --set stats.reports=7777 "
      "-o " +
      dir + "/x.pdf");
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(dir + "/x.pdf");
  REQUIRE_FALSE(pages.empty());
  CHECK_THAT(pages[0], Catch::Contains("7,777"));
}

TEST_CASE("a failed render leaves the existing PDF untouched") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/review.pdf";
  test::write_file(pdf, "previous good output");
  auto r = test::run_folio("render layouts/annual-review.toml -o " + pdf);  // no data: errors
  CHECK(r.exit_code == 1);
  CHECK(test::read_file(pdf) == "previous good output");
  // And no temporary file is left beside it.
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("an unwritable target is a clear error") {
  auto r = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml -o "
      "/nonexistent-folder/x.pdf");
  CHECK(r.exit_code == 3);  // an output failure, not a problem of the document
  CHECK_THAT(r.output, Catch::Contains("cannot write `/nonexistent-folder/x.pdf`"));
}

TEST_CASE("PNG and SVG previews write one file per page") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml --format png --dpi 36 -o " +
      dir + "/page.png");
  REQUIRE(r.exit_code == 0);
  CHECK(test::file_exists(dir + "/page-1.png"));
  CHECK(test::file_exists(dir + "/page-2.png"));
  std::string png = test::read_file(dir + "/page-1.png");
  REQUIRE(png.size() > 24);
  auto be32 = [&](size_t at) {
    return (unsigned(uint8_t(png[at])) << 24) | (unsigned(uint8_t(png[at + 1])) << 16) |
           (unsigned(uint8_t(png[at + 2])) << 8) | unsigned(uint8_t(png[at + 3]));
  };
  CHECK(be32(16) == 298);  // A4 at 36 dpi: 595.3 pt / 2, rounded up
  CHECK(be32(20) == 421);
  auto svg = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml --format svg --pages 2 -o " +
      dir + "/page.svg");
  REQUIRE(svg.exit_code == 0);
  CHECK(test::file_exists(dir + "/page-2.svg"));
  CHECK_FALSE(test::file_exists(dir + "/page-1.svg"));
}

TEST_CASE("two renders writing one target at once leave one whole PDF") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/same.pdf";
  std::string one =
      fmt::format("'{}' render layouts/annual-review.toml --data data/ceop-2008-09.toml -q -o '{}'",
                  FOLIO_BINARY, pdf);
  std::string two =
      fmt::format("'{}' render layouts/annual-review.toml --data data/ceop-2012-13.toml -q -o '{}'",
                  FOLIO_BINARY, pdf);
  for (int round = 0; round < 4; ++round) {
    auto r =
        test::run_shell(fmt::format("cd '{}' && ({} & {} & wait)", FOLIO_SOURCE_DIR, one, two));
    REQUIRE(r.exit_code == 0);
    auto pages = test::pdf_page_texts(pdf);
    REQUIRE(pages.size() == 2);  // one document or the other, never a mix or a torn file
    bool first = pages[0].find("Behind every statistic") != std::string::npos;
    bool second = pages[0].find("A record year") != std::string::npos;
    CHECK(first != second);
  }
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary file left behind
}
