#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

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

TEST_CASE("an output folder that cannot be made is named in the error") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/file", "not a folder");
  auto r = test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " +
                           dir + "/file/sub/x.pdf");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Catch::Contains("cannot create the output folder `" + dir + "/file/sub`"));
}

TEST_CASE("a missing output folder is created") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " +
                           dir + "/new/deeper/x.pdf");
  CHECK(r.exit_code == 0);
  CHECK(test::file_exists(dir + "/new/deeper/x.pdf"));
}

TEST_CASE("the summary line names the files written and the pages in them") {
  std::string dir = test::temp_dir();
  std::string base = "render layouts/annual-review.toml --data data/ceop-2008-09.toml ";
  auto png = test::run_folio(base + "--format png --dpi 20 -o " + dir + "/review.png");
  REQUIRE(png.exit_code == 0);
  CHECK_THAT(png.output,
             Catch::StartsWith(dir + "/review-1.png, " + dir + "/review-2.png: 2 pages in "));
  auto one = test::run_folio(base + "--format svg --pages 2 -o " + dir + "/review.svg");
  REQUIRE(one.exit_code == 0);
  CHECK_THAT(one.output, Catch::StartsWith(dir + "/review-2.svg: page 2 of 2 in "));
  auto pdf = test::run_folio(base + "--pages 1- -o " + dir + "/review.pdf");
  REQUIRE(pdf.exit_code == 0);
  CHECK_THAT(pdf.output, Catch::StartsWith(dir + "/review.pdf: 2 pages in "));
}

TEST_CASE("render --help shows each flag by its name only") {
  auto r = test::run_folio("render --help");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("--keep-going"));
  CHECK_THAT(r.output, !Catch::Contains("{false}"));
}

TEST_CASE("every error of a layout in one run, in file order") {
  // A bad key, a missing CSV, a missing image, a misspelt data path and an
  // unknown font: load, bind and font checks all report before anything stops.
  std::string dir = test::temp_dir();
  test::write_file(dir + "/five.toml",
                   "[document]\n"
                   "titel = \"Review\"\n"
                   "[data.stats]\n"
                   "reports = 5686\n"
                   "[[block]]\n"
                   "type = \"table\"\n"
                   "data = \"missing.csv\"\n"
                   "[[block]]\n"
                   "type = \"image\"\n"
                   "src = \"missing.png\"\n"
                   "alt = \"a picture\"\n"
                   "[[block]]\n"
                   "type = \"paragraph\"\n"
                   "text = \"{{ stats.reprots }} reports\"\n"
                   "[theme]\n"
                   "font = \"Comic Sans MS\"\n");
  auto r = test::run_folio("render " + dir + "/five.toml -o " + dir + "/five.pdf");
  CHECK(r.exit_code == 1);
  std::vector<std::string> heads;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with(dir)) heads.push_back(line.substr(dir.size() + 1));
  REQUIRE(heads.size() == 5);
  CHECK_THAT(heads[0], Catch::StartsWith("five.toml:2:1: error: unknown key `titel`"));
  CHECK_THAT(heads[0], Catch::Contains("did you mean `title`?"));
  CHECK_THAT(heads[1], Catch::StartsWith("five.toml:7:9: error: "));
  CHECK_THAT(heads[1], Catch::Contains("missing.csv"));
  CHECK_THAT(heads[2], Catch::StartsWith("five.toml:10:8: error: "));
  CHECK_THAT(heads[2], Catch::Contains("missing.png"));
  CHECK(heads[3] ==
        "five.toml:14:9: error: data path `stats.reprots` does not exist; did you mean "
        "`stats.reports`?");
  CHECK(heads[4] ==
        "five.toml:16:8: warning: `font`: font family \"Comic Sans MS\" is not installed; \"Open "
        "Sans\" is used instead");
  CHECK_FALSE(test::file_exists(dir + "/five.pdf"));
}

TEST_CASE("the caret spans the value, and a long line is cut around it") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/c.toml", "[document]\norientation = \"sideways\"\n");
  auto r = test::run_folio("check " + dir + "/c.toml");
  CHECK(r.exit_code == 1);
  CHECK_THAT(
      r.output,
      Catch::Contains("    2 | orientation = \"sideways\"\n      |               ^~~~~~~~~~\n"));
  std::string padding(5000, ' ');
  test::write_file(dir + "/long.toml",
                   "[document]\norientation = " + padding + "\"sideways\"" + padding + "# end\n");
  auto l = test::run_folio("check " + dir + "/long.toml");
  CHECK(l.exit_code == 1);
  CHECK(l.output.size() < 1000);
  CHECK_THAT(l.output,
             Catch::Contains("| ...                                        \"sideways\""));
  CHECK_THAT(l.output, Catch::Contains("   ^~~~~~~~~~\n"));
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

TEST_CASE("man/folio.1 is what `folio man` writes, and lists every option of every command") {
  auto man = test::run_shell(std::string(FOLIO_BINARY) + " man 2>/dev/null");
  REQUIRE(man.exit_code == 0);
  CHECK(man.output ==
        test::read_file(test::source_path("man/folio.1")));  // else: folio man > man/folio.1
  for (const char* command : {"render", "check", "watch", "fonts"}) {
    auto help = test::run_folio(std::string(command) + " --help");
    REQUIRE(help.exit_code == 0);
    std::istringstream words(help.output);
    int options = 0;
    for (std::string word; words >> word;) {
      if (!word.starts_with("--") || word == "--help") continue;
      word = word.substr(0, word.find_first_of(" ,=[{"));
      std::string escaped;
      for (char c : word) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      INFO(command << " " << word);
      CHECK_THAT(man.output, Catch::Contains(escaped));
      ++options;
    }
    CHECK(options > 0);
  }
}
