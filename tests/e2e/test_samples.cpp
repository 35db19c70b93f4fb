#include <poppler-document.h>
#include <poppler-page.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "support.hpp"

using namespace folio;

namespace {

// Offsets of each needle in the text, which must rise: the text reads in this order.
void check_in_order(const std::string& text, const std::vector<std::string>& needles) {
  size_t at = 0;
  for (const auto& needle : needles) {
    size_t found = text.find(needle, at);
    INFO("looking for \"" << needle << "\" after offset " << at);
    REQUIRE(found != std::string::npos);
    at = found + needle.size();
  }
}

std::string squash(std::string s) {
  // pdftotext-style output breaks lines; compare with single spaces.
  std::string out;
  for (char c : s) {
    char d = (c == '\n' || c == '\r') ? ' ' : c;
    if (d == ' ' && !out.empty() && out.back() == ' ') continue;
    out += d;
  }
  return out;
}

}  // namespace

TEST_CASE("the 2008/09 annual review renders to a two-page PDF with its figures in order") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/review.pdf";
  auto r =
      test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " + pdf);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(pdf);
  REQUIRE(pages.size() == 2);
  std::string one = squash(pages[0]);
  check_in_order(one, {"Behind every statistic, a young victim", "139", "children safeguarded",
                       "334", "5,686", "reports received", "Three years of results",
                       "Child protection is everybody's business", "Jim Gamble", "Page 1 of 2"});
  // The results chart: each year's figures as text.
  for (const char* figure : {" 76 ", " 131 ", " 139 ", " 83 ", " 297 ", " 29 ", " 55 ", " 82 ",
                             "2006/07", "2007/08", "Networks disrupted"})
    CHECK(one.find(figure) != std::string::npos);
  std::string two = squash(pages[1]);
  check_in_order(two, {"CEOP Annual Review 2008/09", "What the reports tell us", "four a day",
                       "73%", "4,000,000", "This is not about technology", "Page 2 of 2"});

  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  REQUIRE(doc);
  auto title = doc->info_key("Title").to_utf8();
  CHECK(std::string(title.begin(), title.end()) == "CEOP Annual Review 2008/09");
  auto fonts = doc->fonts();
  REQUIRE_FALSE(fonts.empty());
  for (const auto& font : fonts) {
    INFO(font.name());
    CHECK(font.is_embedded());
    CHECK(font.is_subset());
  }
}

TEST_CASE("the 2012/13 data renders with the same layout, falling back where figures are missing") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/review.pdf";
  auto r =
      test::run_folio("render layouts/annual-review.toml --data data/ceop-2012-13.toml -o " + pdf);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(pdf);
  REQUIRE(pages.size() == 2);
  std::string all = squash(pages[0] + " " + pages[1]);
  check_in_order(all, {"790", "18,887", "Seven years of protection", "2,255", "Peter Davies",
                       "Page 1 of 2", "Page 2 of 2"});
  CHECK(all.find("{{") == std::string::npos);
}

TEST_CASE("headings of levels 1 and 2 become bookmarks") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/review.pdf";
  REQUIRE(
      test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " + pdf)
          .exit_code == 0);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  REQUIRE(doc);
  std::string raw = test::pdf_objects(pdf);
  CHECK(raw.find("/Outlines") != std::string::npos);
  CHECK(raw.find("/Title (Three years of results)") != std::string::npos);
  CHECK(raw.find("/Title (What the reports tell us)") != std::string::npos);
}

TEST_CASE("Markdown links become real PDF links") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/links.toml",
                   "[[block]]\ntype = \"paragraph\"\ntext = \"See [the Thinkuknow "
                   "site](https://www.thinkuknow.co.uk/) for advice.\"\n");
  auto r = test::run_folio("render " + dir + "/links.toml -o " + dir + "/links.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string raw = test::pdf_objects(dir + "/links.pdf");
  CHECK(raw.find("/URI (https://www.thinkuknow.co.uk/)") != std::string::npos);
  CHECK(raw.find("/Subtype /Link") != std::string::npos);
  auto pages = test::pdf_page_texts(dir + "/links.pdf");
  REQUIRE(pages.size() == 1);
  CHECK_THAT(pages[0], Catch::Contains("See the Thinkuknow site for advice."));
}

// The tagged PDF as a screen reader meets it: the tree walked with pikepdf
// (tests/scripts/pdf_tree.py), its text read in order with poppler.
TEST_CASE(
    "the annual review is tagged: headings, a table with scoped headers, a described figure") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/review.pdf";
  auto r =
      test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " + pdf);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string tree = test::pdf_tree(pdf);
  INFO(tree);
  // One root, in the document's language.
  CHECK(tree.rfind("Document lang=en-GB\n", 0) == 0);
  // (Each needle starts at a line's start and stops short of its last newline.)
  check_in_order(tree,
                 {"\n  H1", "\n  H2", "\n  Figure alt=\"Column chart of three years", "\n  Caption",
                  "\n  BlockQuote\n    P\n    P", "\n  L\n    LI\n      Lbl\n      LBody",
                  "\n  Table\n    Caption\n    THead\n      TR\n        TH scope=Column",
                  "\n    TBody\n      TR\n        TH scope=Row\n        TD"});
  // Tiles read as "value label": one element each, in order.
  check_in_order(tree, {"P text=\"139 children safeguarded", "P text=\"334 suspected offenders",
                        "P text=\"82 offender networks", "P text=\"5,686 reports received"});
  // Every mark on every page is tagged content or an artifact.
  CHECK(tree.find("untagged=0") != std::string::npos);
  CHECK(tree.find("untagged=1") == std::string::npos);
  for (const char* page : {"page 1: tagged=", "page 2: tagged="})
    CHECK(tree.find(page) != std::string::npos);
  size_t at = 0;
  while ((at = tree.find("untagged=", at)) != std::string::npos) {
    CHECK(tree.compare(at, 11, "untagged=0\n") == 0);
    at += 9;
  }
  // The paragraphs in document order, as poppler reads the tree.
  auto text = test::run_shell("pdfinfo -struct-text '" + pdf + "'");
  check_in_order(squash(text.output),
                 {"Behind every statistic, a young victim", "In its third year the CEOP Centre",
                  "Three years of results", "Child protection is everybody", "Jim Gamble",
                  "What the reports tell us", "Children safeguarded", "76", "131", "139"});
  // The header and footer are artifacts: not in the tree.
  CHECK(text.output.find("Page 1 of 2") == std::string::npos);
}

// Text that layout left out of the structure would silently become an
// artifact; only running heads and repeated table headers may be.
TEST_CASE("every text of the samples belongs to an element, but running heads") {
  for (const char* command :
       {"render layouts/annual-review.toml --data data/ceop-2008-09.toml --dump-layout",
        "render layouts/chart-gallery.toml --dump-layout",
        "render layouts/leaflet.toml --data data/ceop-2008-09.toml --dump-layout",
        "render layouts/long-table.toml --dump-layout"}) {
    auto r = test::run_folio(command);
    INFO(command << "\n" << r.output.substr(0, 2000));
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("<untagged>") == std::string::npos);
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("text ") == std::string::npos || line.find("text ") > 40) continue;
      INFO(line);
      CHECK(line.find("<artifact>") == std::string::npos);
    }
  }
}
