#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "folio.hpp"
#include "load/csv.hpp"
#include "support.hpp"

using namespace folio;

namespace {

// The words of each page grouped into lines by their vertical position, read
// left to right: one string per printed line.
std::vector<std::vector<std::string>> pdf_lines(const std::string& path) {
  std::vector<std::vector<std::string>> pages;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) return pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::map<long, std::vector<std::pair<double, std::string>>> rows;
    for (auto& box : page->text_list()) {
      auto bytes = box.text().to_utf8();
      auto r = box.bbox();
      long key = std::lround((r.top() + r.bottom()) / 2);
      // Words of one line share a centre within a point or so.
      auto it = rows.find(key);
      if (it == rows.end()) it = rows.find(key - 1);
      if (it == rows.end()) it = rows.find(key + 1);
      if (it == rows.end())
        it = rows.emplace(key, std::vector<std::pair<double, std::string>>{}).first;
      it->second.emplace_back(r.left(), std::string(bytes.begin(), bytes.end()));
    }
    std::vector<std::string> lines;
    for (auto& [y, words] : rows) {
      std::sort(words.begin(), words.end());
      std::string line;
      for (auto& [x, w] : words) line += (line.empty() ? "" : " ") + w;
      lines.push_back(line);
    }
    pages.push_back(std::move(lines));
  }
  return pages;
}

std::string render(const std::string& args) {
  std::string pdf = test::temp_dir() + "/out.pdf";
  auto r = test::run_folio("render " + args + " -o " + pdf);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return pdf;
}

}  // namespace

TEST_CASE("the review's results table reads back with folio's totals") {
  auto pages = pdf_lines(render("layouts/annual-review.toml --data data/ceop-2008-09.toml"));
  REQUIRE(pages.size() == 2);
  const auto& two = pages[1];
  auto has = [&](const std::string& line) {
    return std::find(two.begin(), two.end(), line) != two.end();
  };
  CHECK(has("Three years of results"));
  CHECK(has("2006/07 2007/08 2008/09 Total"));
  CHECK(has("Children safeguarded 76 131 139 346"));  // 76 + 131 + 139
  CHECK(has("Arrests 83 297 334 714"));
  CHECK(has("Networks disrupted 29 55 82 166"));
  CHECK(has("Professionals trained 1,457 2,697 3,734 7,888"));
}

TEST_CASE("the 2012/13 review's table holds its two years and stays on two pages") {
  auto pages = pdf_lines(render("layouts/annual-review.toml --data data/ceop-2012-13.toml"));
  REQUIRE(pages.size() == 2);
  const auto& two = pages[1];
  auto has = [&](const std::string& line) {
    return std::find(two.begin(), two.end(), line) != two.end();
  };
  CHECK(has("2011/12 2012/13 Total"));
  CHECK(has("Children safeguarded 427 790 1,217"));
  CHECK(has("Reports 16,568 18,887 35,455"));
}

TEST_CASE("the long table: every row once, whole, and every page starts with the header") {
  std::string csv = test::read_file(test::source_path("layouts/data/long-table.csv"));
  Diagnostics diags;
  auto rows = parse_csv(csv, "long-table.csv", diags);
  REQUIRE(rows);
  REQUIRE(rows->size() > 500);
  // Each row as it must print: name, four values, and their sum.
  std::map<std::string, std::string> expected;
  std::vector<double> column_sums(4, 0);
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    std::string line = row[0].text;
    double sum = 0;
    for (size_t c = 1; c < row.size(); ++c) {
      std::string digits;
      for (char ch : row[c].text)
        if (ch != ',') digits += ch;
      sum += std::stod(digits);
      column_sums[c - 1] += std::stod(digits);
      line += " " + row[c].text;
    }
    expected[row[0].text.substr(0, 4)] = line + " " + format_number(sum);
  }

  auto pages = pdf_lines(render("layouts/long-table.toml"));
  REQUIRE(pages.size() >= 5);
  const std::string header = "Site Q1 Q2 Q3 Q4 Year";
  std::map<std::string, int> seen;
  for (size_t p = 0; p < pages.size(); ++p) {
    INFO("page " << p + 1);
    const auto& lines = pages[p];
    auto h = std::find(lines.begin(), lines.end(), header);
    REQUIRE(h != lines.end());
    bool first_row = true;
    for (auto it = lines.begin(); it != lines.end(); ++it) {
      std::string key = it->substr(0, 4);
      if (!expected.count(key)) continue;
      if (first_row) CHECK(it > h);  // the header comes before the page's first row
      first_row = false;
      CHECK(*it == expected[key]);  // the whole row, with its total, on one line
      ++seen[key];
    }
    CHECK_FALSE(first_row);  // every page holds rows
  }
  CHECK(seen.size() == expected.size());
  for (const auto& [key, count] : seen) {
    INFO(key);
    CHECK(count == 1);
  }
  std::string total = "All sites";
  double grand = 0;
  for (double s : column_sums) total += " " + format_number(s), grand += s;
  total += " " + format_number(grand);
  const auto& last = pages.back();
  CHECK(std::find(last.begin(), last.end(), total) != last.end());
  // The caption only above the first part.
  CHECK(std::count(pages[0].begin(), pages[0].end(), "Sessions delivered, by site and quarter") ==
        1);
  CHECK(std::count(pages[1].begin(), pages[1].end(), "Sessions delivered, by site and quarter") ==
        0);
}

TEST_CASE("the long table's numbers end at one x per column, digit under digit") {
  std::string pdf = render("layouts/long-table.toml");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  REQUIRE(doc);
  REQUIRE(doc->pages() >= 3);
  for (int p : {1, doc->pages() - 2}) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    // The right edge of every number (digits and thousands separators) on the
    // page, grouped by column: the five number columns (Q1-Q4, Year).
    std::map<long, std::vector<double>> rights;
    std::map<long, std::vector<double>> lefts;
    size_t numbers = 0;
    for (auto& box : page->text_list()) {
      auto bytes = box.text().to_utf8();
      std::string word(bytes.begin(), bytes.end());
      if (word.empty() || word.find_first_not_of("0123456789,") != std::string::npos) continue;
      if (box.bbox().top() > page->page_rect().height() - 57)
        continue;  // the footer's "Page 2 of 17"
      if (word.size() == 4 && word.find(',') == std::string::npos &&
          box.bbox().left() < 150)  // the site's number ("0031") in the first column
        continue;
      ++numbers;
      long column = std::lround(box.bbox().right() / 20);
      rights[column].push_back(box.bbox().right());
      lefts[column].push_back(box.bbox().left());
    }
    INFO("page " << p + 1);
    CHECK(numbers >= 5 * 20);
    CHECK(rights.size() == 5);
    for (auto& [column, xs] : rights) {
      auto [lo, hi] = std::minmax_element(xs.begin(), xs.end());
      INFO("column near x " << column * 20 << ", " << xs.size() << " numbers");
      CHECK(*hi - *lo < 0.05);  // the same x, within the PDF's rounding (a digit is 5 pt)
    }
    // Tabular figures: numbers with as many characters start at the same x too.
    for (auto& [column, xs] : lefts) {
      std::sort(xs.begin(), xs.end());
      // Widths come in a few steps (3 digits, 1,234, ...), never a spread.
      size_t steps = 1;
      for (size_t i = 1; i < xs.size(); ++i)
        if (xs[i] - xs[i - 1] > 0.05) ++steps;
      CHECK(steps <= 4);
    }
  }
}

TEST_CASE("a long table's pages are made the same each time they are asked for") {
  Diagnostics diags;
  BuildOptions options;
  auto built = build(test::source_path("layouts/long-table.toml"), options, diags);
  REQUIRE(built);
  REQUIRE(built->pages.size() >= 3);
  std::vector<Page> all = built->pages.all();
  std::string once = dump_pages(all, &built->structure);
  CHECK(dump_pages(built->pages.all(), &built->structure) == once);
  // A page on its own is the page among all of them (running heads included).
  for (size_t i : {size_t{0}, size_t{1}, built->pages.size() - 1}) {
    std::vector<Page> one{built->pages[i]};
    std::vector<Page> same{all[i]};
    CHECK(dump_pages(one) == dump_pages(same));
  }
  // Moving the document keeps its pages working.
  Built moved = std::move(*built);
  CHECK(dump_pages(moved.pages.all(), &moved.structure) == once);
}
