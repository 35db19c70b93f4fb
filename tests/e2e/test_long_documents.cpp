// Long documents: contents, cross-references, text colour, running sections.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <regex>

#include "support.hpp"

using namespace folio;

namespace {

const char* kReport = R"([document]
title = "Long"

[footer]
left = "{{ section }}"
right = "Page {{ page }} of {{ pages }}"

[[block]]
type = "heading"
text = "Contents"
contents = false

[[block]]
type = "contents"

[[block]]
type = "heading"
text = "Foreword"
id = "foreword"
break_before = "page"

[[block]]
type = "paragraph"
text = "See [the results](#results) on page {{ pageref.results }}."

[[block]]
type = "heading"
text = "Method"
break_before = "page"

[[block]]
type = "paragraph"
text = "A short section."

[[block]]
type = "heading"
text = "Results"
id = "results"

[[block]]
type = "heading"
level = 2
text = "Arrests"

[[block]]
type = "heading"
level = 3
text = "Not listed at depth 2"
)";

}  // namespace

TEST_CASE("a contents block lists each heading with the page it lands on, as GoTo links") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/r.toml", kReport);
  auto r = test::run_folio("render " + dir + "/r.toml -o " + dir + "/r.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(dir + "/r.pdf");
  REQUIRE(pages.size() == 3);
  // Each entry's page number is the page on which pdftotext finds the heading.
  for (auto [title, page] :
       {std::pair{"Foreword", 2}, {"Method", 3}, {"Results", 3}, {"Arrests", 3}}) {
    INFO(title);
    std::regex entry(std::string(title) + "\\s+" + std::to_string(page) + "\\b");
    CHECK(std::regex_search(pages[0], entry));
    CHECK(pages[page - 1].find(title) != std::string::npos);
  }
  CHECK(pages[0].find("Not listed") == std::string::npos);
  // The page reference agrees, and every contents entry and #id link goes to its page.
  CHECK(pages[1].find("on page 3.") != std::string::npos);
  std::string tree = test::pdf_tree(dir + "/r.pdf");
  INFO(tree);
  CHECK(tree.find("  TOC\n    TOCI\n") != std::string::npos);
  CHECK(tree.find("link page=1 uri= goto=2 contents=\"Foreword, page 2\"") != std::string::npos);
  CHECK(tree.find("link page=1 uri= goto=3 contents=\"Results, page 3\"") != std::string::npos);
  CHECK(tree.find("link page=2 uri= goto=3 contents=\"the results\"") != std::string::npos);
  // The running section is the one each page starts in.
  CHECK(pages[0].find("Contents") != std::string::npos);
  CHECK(pages[2].find("Method") != std::string::npos);
}

TEST_CASE("an unknown link target, an unknown page reference and a duplicate id are errors") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/e.toml", R"([[block]]
type = "paragraph"
id = "a"
text = "See [there](#resluts) and page {{ pageref.nowhere }}."

[[block]]
type = "heading"
id = "a"
text = "Again"

[[block]]
type = "heading"
id = "results"
text = "Results"
)");
  auto r = test::run_folio("check " + dir + "/e.toml");
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("e.toml:4:22: error: no block has the id `resluts`") != std::string::npos);
  CHECK(r.output.find("did you mean `#results`?") != std::string::npos);
  CHECK(r.output.find("pageref.nowhere") != std::string::npos);
  CHECK(r.output.find("e.toml:6:1: error: the id `a` is used twice") != std::string::npos);
}

TEST_CASE("a box's text colour reaches its blocks; low contrast is a warning naming the block") {
  Diagnostics diags;
  auto built = test::build_text(R"([[block]]
type = "box"
background = "accent"
color = "on_accent"
blocks = [{ type = "paragraph", text = "White on blue." }]

[[block]]
type = "paragraph"
color = "#dddddd"
text = "Too pale."
)",
                                diags);
  REQUIRE(built);
  std::string dump = dump_pages(built->pages);
  INFO(dump);
  std::string warnings;
  for (const auto& d : diags.all()) warnings += d.message + "\n";
  INFO(warnings);
  CHECK(warnings.find("contrast of 1.4:1") != std::string::npos);
  CHECK(warnings.find("#ffffff) on its background (#0b6e99") == std::string::npos);  // white passes
  // The paragraph in the box is white: its text item's colour.
  bool white = false;
  std::function<void(const Frame&)> find = [&](const Frame& f) {
    for (const auto& item : f.items) {
      if (auto* t = std::get_if<TextItem>(&item); t && t->text->line_text(0) == "White on blue.")
        white = t->color == Color{1, 1, 1, 1};
      if (auto* g = std::get_if<GroupItem>(&item)) find(*g->frame);
    }
  };
  find(built->pages[0].frame);
  CHECK(white);
}

TEST_CASE("a page style leaves the running head off a back cover and colours its page") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/p.toml", R"([footer]
right = "Page {{ page }} of {{ pages }}"

[page.back]
header = false
footer = false
background = "accent"

[[block]]
type = "paragraph"
text = "Inside."

[[block]]
type = "box"
page_style = "back"
color = "on_accent"
blocks = [{ type = "paragraph", text = "Back cover." }]
)");
  auto r = test::run_folio("render " + dir + "/p.toml -o " + dir + "/p.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("contrast") == std::string::npos);  // white on the accent page passes
  auto pages = test::pdf_page_texts(dir + "/p.pdf");
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].find("Page 1 of 2") != std::string::npos);
  CHECK(pages[1].find("Back cover.") != std::string::npos);
  CHECK(pages[1].find("Page 2") == std::string::npos);
  // The back page is the accent colour to its edges (a pixel in its corner).
  REQUIRE(test::run_shell("pdftoppm -r 10 -f 2 -l 2 -png '" + dir + "/p.pdf' '" + dir + "/back'")
              .exit_code == 0);
  auto ppm = test::run_shell("pdftoppm -r 10 -f 2 -l 2 '" + dir +
                             "/p.pdf' | head -c 20 | tail -c 3 | od -An -tu1");
  INFO(ppm.output);
  CHECK(ppm.output.find(" 11 110 153") != std::string::npos);  // #0b6e99

  test::write_file(
      dir + "/bad.toml",
      "[[block]]\ntype = \"paragraph\"\npage_style = \"bak\"\ntext = \"x\"\n\n[page.back]\n");
  r = test::run_folio("check " + dir + "/bad.toml");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no page style named \"bak\"") != std::string::npos);
  CHECK(r.output.find("did you mean \"back\"?") != std::string::npos);
}

TEST_CASE("the sample annual report: contents pages match, links go there, covers are bare") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio("render layouts/annual-report.toml --data data/ceop-2008-09.toml -o " +
                           dir + "/ar.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("warning") == std::string::npos);
  auto pages = test::pdf_page_texts(dir + "/ar.pdf");
  REQUIRE(pages.size() >= 16);
  // The cover is unnumbered, the contents and foreword are i and ii, the
  // report proper starts again at 1: printed number -> page in the file.
  auto physical = [](const std::string& label) {
    if (label == "i") return 2;
    if (label == "ii") return 3;
    return std::stoi(label) + 3;
  };
  // Every contents entry ("Title ... N") names a page on which the heading stands.
  std::regex entry(R"(([A-Z][A-Za-z:, ]+?)\s{2,}(\d+|ii?)\n)");
  int entries = 0;
  for (auto it = std::sregex_iterator(pages[1].begin(), pages[1].end(), entry);
       it != std::sregex_iterator(); ++it, ++entries) {
    std::string title = (*it)[1];
    int page = physical((*it)[2]);
    INFO(title << " on page " << page);
    REQUIRE(page <= static_cast<int>(pages.size()));
    CHECK(pages[page - 1].find(title) != std::string::npos);
  }
  CHECK(entries >= 16);
  // The page references agree with the contents.
  CHECK(pages[2].find("Three years of results (page 1)") != std::string::npos);
  // No running head or page number on the covers; the inside pages have them,
  // and "of 12" counts the report proper.
  CHECK(pages.front().find("Page ") == std::string::npos);
  CHECK(pages.back().find("Page ") == std::string::npos);
  CHECK(pages[1].find("Page i of 12") != std::string::npos);
  CHECK(pages[3].find("Page 1 of 12") != std::string::npos);
  // A footnote on the foreword's page; the appendix table runs over two pages,
  // its header repeated.
  CHECK(std::regex_search(pages[2], std::regex(R"(\n1\s+It covers work that specifically)")));
  int appendix_pages = 0;
  for (const auto& p : pages)
    if (p.find("Force") != std::string::npos && p.find("Nation") != std::string::npos)
      ++appendix_pages;
  CHECK(appendix_pages == 2);
  std::string tree = test::pdf_tree(dir + "/ar.pdf");
  INFO(tree);
  CHECK(tree.find("untagged=1") == std::string::npos);
  CHECK(tree.find("link page=3 uri= goto=4 contents=\"Three years of results\"") !=
        std::string::npos);
  CHECK(tree.find("Note") != std::string::npos);
}

TEST_CASE("a block's language reaches the text's shaping; table figures are tabular") {
  Diagnostics diags;
  auto built = test::build_text(R"([document]
language = "en-GB"

[[block]]
type = "paragraph"
text = "Good morning."

[[block]]
type = "paragraph"
language = "cy"
text = "Bore da."

[[block]]
type = "table"
columns = [{ title = "Year" }, { title = "Count" }]
rows = [["2008", 1111], ["2009", 8888]]
)",
                                diags);
  REQUIRE(built);
  std::map<std::string, const text::TextStyle*> styles;
  std::function<void(const Frame&)> walk = [&](const Frame& f) {
    for (const auto& item : f.items) {
      if (auto* t = std::get_if<TextItem>(&item)) styles[t->text->line_text(0)] = &t->text->style();
      if (auto* g = std::get_if<GroupItem>(&item)) walk(*g->frame);
    }
  };
  walk(built->pages[0].frame);
  REQUIRE(styles.count("Good morning."));
  REQUIRE(styles.count("Bore da."));
  REQUIRE(styles.count("1,111"));
  CHECK(styles["Good morning."]->language == "en-GB");
  CHECK(styles["Bore da."]->language == "cy");
  CHECK(styles["1,111"]->tabular_figures);
  CHECK_FALSE(styles["Good morning."]->tabular_figures);
}

TEST_CASE("a two-sided document mirrors its margins and puts page numbers on the outside") {
  Diagnostics diags;
  auto built = test::build_text(R"([document]
margins = ["20mm", "15mm", "20mm", "30mm"]
two_sided = true

[footer]
left = "Report"
right = "Page {{ page }}"

[[block]]
type = "paragraph"
text = "Recto."

[[block]]
type = "paragraph"
text = "Verso."
break_before = "page"
)",
                                diags);
  REQUIRE(built);
  REQUIRE(built->pages.size() == 2);
  std::string dump = dump_pages(built->pages);
  INFO(dump);
  // Page 1 (right-hand): the 30 mm inside margin on the left, the number at the right edge.
  CHECK(dump.find("page 1 595.3x841.9\n  text 85.0,795.2 11.6 \"Report\"\n  text 526.4,795.2 11.6 "
                  "\"Page 1\"\n  group 85.0,56.7\n") != std::string::npos);
  // Page 2 (left-hand): the inside margin on the right, the number at the left edge.
  CHECK(dump.find("page 2 595.3x841.9\n  text 483.4,795.2 11.6 \"Report\"\n  text 42.5,795.2 "
                  "11.6 \"Page 2\"\n  group 42.5,56.7\n") != std::string::npos);
}
