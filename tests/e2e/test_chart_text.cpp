#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "support.hpp"

using namespace folio;

namespace {

std::map<std::string, int> tokens(const std::string& text) {
  std::map<std::string, int> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) ++out[word];
  return out;
}

// Each expected label appears exactly `count` times among the page's words.
void check_counts(const std::string& page, const std::map<std::string, int>& expected) {
  auto words = tokens(page);
  for (const auto& [label, count] : expected) {
    INFO("label \"" << label << "\" in:\n" << page);
    CHECK(words[label] == count);
  }
}

}  // namespace

TEST_CASE("every value label and tick label of the gallery appears once as text in the PDF") {
  std::string pdf = test::temp_dir() + "/gallery.pdf";
  auto r = test::run_folio("render layouts/chart-gallery.toml -o " + pdf);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(pdf);
  REQUIRE(pages.size() == 7);
  // Grouped columns: nine values, ticks 0-400.
  check_counts(pages[0], {{"76", 1},
                          {"131", 1},
                          {"139", 1},
                          {"83", 1},
                          {"297", 1},
                          {"334", 1},
                          {"29", 1},
                          {"55", 1},
                          {"82", 1},
                          {"0", 1},
                          {"100", 1},
                          {"200", 1},
                          {"300", 1},
                          {"400", 1},
                          {"2007/08", 1},
                          {"2006/07", 2} /* and in the caption */});
  // Stacked bars: nine values, three totals, ticks 0-600.
  check_counts(pages[1], {{"76", 1},
                          {"131", 1},
                          {"139", 1},
                          {"83", 1},
                          {"297", 1},
                          {"334", 1},
                          {"29", 1},
                          {"55", 1},
                          {"82", 1},
                          {"188", 1},
                          {"483", 1},
                          {"555", 1},
                          {"0", 1},
                          {"300", 1},
                          {"600", 1}});
  // Negative values: "0" is both Charities' value and a tick.
  check_counts(pages[2], {{"85", 1},
                          {"31", 1},
                          {"-20", 1},
                          {"-12", 1},
                          {"42", 1},
                          {"18", 1},
                          {"-7", 1},
                          {"9", 1},
                          {"12", 1},
                          {"-15", 1},
                          {"4", 1},
                          {"0", 2},
                          {"-25", 1},
                          {"25", 1},
                          {"50", 1},
                          {"75", 1},
                          {"100", 1}});
  // Twelve regions, values with thousands separators.
  check_counts(pages[3], {{"412", 1},
                          {"1,180", 1},
                          {"1,544", 1},
                          {"214", 1},
                          {"2,000", 1},
                          {"1,500", 1},
                          {"Humber", 1}});
  // Percent axis.
  check_counts(pages[4], {{"12%", 1},
                          {"18%", 1},
                          {"31%", 1},
                          {"44%", 1},
                          {"48%", 1},
                          {"85%", 1},
                          {"0%", 1},
                          {"20%", 1},
                          {"100%", 1}});
  // Lines: nine values beside their markers.
  check_counts(pages[5], {{"76", 1}, {"297", 1}, {"82", 1}, {"29", 1}, {"400", 1}});
  // Donut: the whole in the centre (and in the title), each share beside the ring.
  check_counts(pages[6], {{"5,686", 1},
                          {"2,800", 1},
                          {"49%", 1},
                          {"1,200", 1},
                          {"21%", 1},
                          {"986", 1},
                          {"17%", 1},
                          {"700", 1},
                          {"12%", 1}});
  // The chart's `alt` is its Figure's /Alt, not text on the page.
  CHECK(pages[6].find("about half came from children") == std::string::npos);
  CHECK(test::pdf_tree(pdf).find("Figure alt=\"A donut chart: of 5,686 reports, about half came "
                                 "from children") != std::string::npos);
}

TEST_CASE("a chart without alt is described by its title and every number, as its /Alt") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/c.toml", R"(
[[block]]
type = "chart"
title = "Quiet chart"
value_labels = false
categories = ["x", "y"]
series = [{ name = "s", values = [12345, 678] }]
)");
  auto r = test::run_folio("render " + dir + "/c.toml -o " + dir + "/c.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string tree = test::pdf_tree(dir + "/c.pdf");
  INFO(tree);
  CHECK(tree.find("Figure alt=\"Quiet chart (bar chart). s: x 12,345, y 678\"") !=
        std::string::npos);
}
