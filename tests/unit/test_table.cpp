#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "layout/table/table.hpp"
#include "support.hpp"

using namespace folio;
using folio::layout::table::ColumnNeed;
using folio::layout::table::size_columns;

namespace {

// A line of text as printed: its page, text and box in page coordinates.
struct PrintedLine {
  size_t page;
  std::string text;
  double left, right, top;
};

void collect(const Frame& frame, Point at, size_t page, std::vector<PrintedLine>& out) {
  for (const auto& item : frame.items) {
    if (auto* t = std::get_if<TextItem>(&item)) {
      for (int i = t->first_line; i < t->last_line; ++i) {
        double left = at.x + t->origin.x + t->text->line_x(i);
        double top = at.y + t->origin.y + t->text->line_top(i) - t->text->line_top(t->first_line);
        out.push_back({page, t->text->line_text(i), left, left + t->text->line_width(i), top});
      }
    } else if (auto* g = std::get_if<GroupItem>(&item)) {
      collect(*g->frame, Point{at.x + g->offset.x, at.y + g->offset.y}, page, out);
    }
  }
}

std::vector<PrintedLine> lines_of(const Built& built) {
  std::vector<PrintedLine> out;
  for (size_t p = 0; p < built.pages.size(); ++p) collect(built.pages[p].frame, {0, 0}, p, out);
  return out;
}

const PrintedLine& find(const std::vector<PrintedLine>& lines, const std::string& text) {
  auto it = std::find_if(lines.begin(), lines.end(),
                         [&](const PrintedLine& l) { return l.text == text; });
  INFO("looking for \"" << text << "\"");
  REQUIRE(it != lines.end());
  return *it;
}

const char* kResults = R"~(
[data.results]
categories = ["2006/07", "2007/08", "2008/09"]
series = [
  { name = "Children safeguarded", values = [76, 131, 139] },
  { name = "Arrests", values = [83, 297, 334] },
  { name = "Networks disrupted", values = [29, 55, 82] },
  { name = "Professionals trained", values = [1457, 2697, 3734] },
]
)~";

}  // namespace

TEST_CASE("columns that fit share the spare width; too wide ones shrink to their widest word") {
  auto fit = size_columns({{100, 50, {}}, {40, 40, {}}, {0, 0, 60.0}}, 300);
  CHECK(fit.widths[0] == Approx(150));
  CHECK(fit.widths[1] == Approx(90));
  CHECK(fit.widths[2] == Approx(60));
  CHECK(fit.too_narrow.empty());

  // 300 wanted, 200 available: each keeps its widest word, the rest shared by need.
  auto shrunk = size_columns({{200, 50, {}}, {100, 50, {}}}, 200);
  CHECK(shrunk.widths[0] + shrunk.widths[1] == Approx(200));
  CHECK(shrunk.widths[0] == Approx(50 + 100 * 150.0 / 200));
  CHECK(shrunk.widths[1] >= 50);
  CHECK(shrunk.too_narrow.empty());

  auto squeezed = size_columns({{200, 150, {}}, {100, 90, {}}}, 120);
  CHECK(squeezed.widths[0] + squeezed.widths[1] == Approx(120));
  CHECK(squeezed.too_narrow == std::vector<size_t>{0, 1});
}

TEST_CASE("a dataset table sums its total column and lines numbers up on the right") {
  Diagnostics diags;
  auto built = test::build_text(std::string(kResults) + R"~(
[[block]]
type = "table"
data = "results"
total_column = "TOTAL"
)~",
                                diags);
  REQUIRE(built);
  CHECK(diags.empty());
  auto lines = lines_of(*built);
  // 76 + 131 + 139 = 346, and so on.
  const auto& children = find(lines, "346");
  CHECK(find(lines, "714").right == Approx(children.right));
  CHECK(find(lines, "166").right == Approx(children.right));
  CHECK(find(lines, "7,888").right == Approx(children.right));
  CHECK(find(lines, "TOTAL").right == Approx(children.right));
  // A category column: header and numbers end at one x.
  const auto& first = find(lines, "2006/07");
  for (const char* n : {"76", "83", "29", "1,457"})
    CHECK(find(lines, n).right == Approx(first.right));
  // Names start at one x, left of the numbers, and the rows read top down.
  const auto& name = find(lines, "Children safeguarded");
  CHECK(find(lines, "Professionals trained").left == Approx(name.left));
  CHECK(name.right < first.left);
  CHECK(find(lines, "76").top > first.top);
  CHECK(find(lines, "1,457").top > find(lines, "29").top);
}

TEST_CASE("transpose turns series into columns") {
  Diagnostics diags;
  auto built = test::build_text(std::string(kResults) + R"~(
[[block]]
type = "table"
data = "results"
transpose = true
total_row = "Total"
)~",
                                diags);
  REQUIRE(built);
  auto lines = lines_of(*built);
  const auto& y1 = find(lines, "2006/07");
  const auto& y3 = find(lines, "2008/09");
  CHECK(y1.left == Approx(y3.left));
  CHECK(y3.top > y1.top);
  const auto& arrests = find(lines, "Arrests");
  CHECK(arrests.top < y1.top);
  // The total row sums each series: 83 + 297 + 334.
  const auto& total = find(lines, "714");
  CHECK(total.top > y3.top);
  CHECK(find(lines, "334").right == Approx(total.right));
  CHECK(find(lines, "7,888").top == Approx(total.top));
}

TEST_CASE("inline rows: formats, alignment, a total row with the grand total") {
  Diagnostics diags;
  auto built = test::build_text(R"~(
[[block]]
type = "table"
columns = ["Measure", { title = "Share", format = "percent" },
           { title = "Amount", format = "number(1)", align = "center" }]
rows = [["A", 0.25, 1234.56], ["B", 0.5, 10]]
total_row = "All"
total_column = "Sum"
)~",
                                diags);
  REQUIRE(built);
  CHECK(diags.empty());
  auto lines = lines_of(*built);
  CHECK(find(lines, "25%").right == Approx(find(lines, "75%").right));
  CHECK(find(lines, "All").left == Approx(find(lines, "A").left));
  const auto& a = find(lines, "1,234.6");
  const auto& b = find(lines, "10.0");
  CHECK((a.left + a.right) / 2 == Approx((b.left + b.right) / 2));  // centred
  find(lines, "1,244.6");                                           // the column's sum
  find(lines, "1,234.81");  // 0.25 + 1234.56 (mixed formats: as many decimals as needed)
}

TEST_CASE("a long table continues with its header, every row once and whole") {
  std::string rows;
  for (int i = 1; i <= 150; ++i) rows += fmt::format("[\"Row {}\", {}],\n", i, i * 10);
  Diagnostics diags;
  auto built = test::build_text(R"~(
[document]
size = "A6"

[[block]]
type = "table"
caption = "Caption"
notes = "Notes"
columns = ["Item", "Value"]
rows = [
)~" + rows + "]\n",
                                diags);
  REQUIRE(built);
  REQUIRE(built->pages.size() >= 3);
  auto lines = lines_of(*built);
  std::map<std::string, int> seen;
  for (size_t p = 0; p < built->pages.size(); ++p) {
    std::vector<PrintedLine> page;
    for (const auto& l : lines)
      if (l.page == p) page.push_back(l);
    std::sort(page.begin(), page.end(), [](const auto& x, const auto& y) {
      return x.top != y.top ? x.top < y.top : x.left < y.left;
    });
    size_t first = p == 0 ? 1 : 0;  // the caption heads the first part only
    REQUIRE(page.size() > first + 2);
    CHECK(page[first].text == "Item");
    CHECK((p == 0) == (page[0].text == "Caption"));
    for (const auto& l : page) {
      if (!l.text.starts_with("Row ")) continue;
      ++seen[l.text];
      int n = std::stoi(l.text.substr(4));
      // Its value on the same page and line.
      auto value = std::find_if(page.begin(), page.end(), [&](const PrintedLine& v) {
        return v.text == format_number(n * 10);
      });
      REQUIRE(value != page.end());
      CHECK(value->top == Approx(l.top));
    }
  }
  CHECK(seen.size() == 150);
  for (const auto& [row, count] : seen) CHECK(count == 1);
  auto notes = find(lines, "Notes");
  CHECK(notes.page == built->pages.size() - 1);
}

TEST_CASE("a row taller than a page breaks between lines, with a warning") {
  std::string words;
  for (int i = 1; i <= 700; ++i) words += fmt::format("w{} ", i);
  Diagnostics diags;
  auto built = test::build_text(R"~(
[document]
size = "A6"

[[block]]
type = "table"
columns = ["Text", "N"]
rows = [["short", 1], [")~" + words +
                                    R"~(", 2], ["after", 3]]
)~",
                                diags);
  REQUIRE(built);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].severity == Severity::warning);
  CHECK(diags.all()[0].message.find("taller than a whole page") != std::string::npos);
  CHECK(diags.all()[0].span.line == 8);
  REQUIRE(built->pages.size() >= 2);
  // Every word once, in order, across the pages.
  std::string all;
  for (const auto& l : lines_of(*built))
    if (l.text.starts_with("w")) all += l.text + " ";
  INFO(all);
  CHECK(all.size() == words.size());
  CHECK(all == words);
}

TEST_CASE("a table too wide wraps its cells; only a word that cannot fit warns") {
  Diagnostics diags;
  auto built = test::build_text(R"~(
[document]
size = "A6"

[[block]]
type = "table"
columns = ["One", "Two", "Three"]
rows = [["many short words that wrap nicely within the column", "more words here that also wrap", "and yet more of them to wrap"]]
)~",
                                diags);
  REQUIRE(built);
  CHECK(diags.empty());
  auto lines = lines_of(*built);
  double page_right = built->pages[0].size.width;
  for (const auto& l : lines) CHECK(l.right < page_right);

  Diagnostics narrow;
  REQUIRE(test::build_text(R"~(
[[block]]
type = "table"
columns = [{ title = "Word", width = "8mm" }, "Other"]
rows = [["Supercalifragilisticexpialidocious", 1]]
)~",
                           narrow));
  REQUIRE(narrow.all().size() == 1);
  CHECK(narrow.all()[0].severity == Severity::warning);
  CHECK(narrow.all()[0].span.line == 5);
  CHECK(narrow.all()[0].span.column == 11);  // inside the quotes
}

TEST_CASE("names from a dataset print as themselves, not as Markdown") {
  Diagnostics diags;
  auto built = test::build_text(R"~(
[data.d]
categories = ["*x*"]
series = [{ name = "a **b**", values = [1] }]

[[block]]
type = "table"
data = "d"
)~",
                                diags);
  REQUIRE(built);
  auto lines = lines_of(*built);
  find(lines, "*x*");
  find(lines, "a **b**");
}

TEST_CASE("a column with sum = false stays out of the totals") {
  Diagnostics diags;
  auto built = test::build_text(R"([[block]]
type = "table"
columns = [{ title = "Site" }, { title = "Year", sum = false }, { title = "Sessions" }, { title = "People" }]
rows = [["Leeds", 2008, 12, 40], ["York", 2009, 8, 25]]
total_column = "All"
total_row = "Total"
)",
                                diags);
  REQUIRE(built);
  std::string dump = dump_pages(built->pages);
  CHECK(dump.find("\"52\"") != std::string::npos);     // Leeds: 12 + 40, not + 2008
  CHECK(dump.find("\"33\"") != std::string::npos);     // York: 8 + 25
  CHECK(dump.find("\"85\"") != std::string::npos);     // the grand total
  CHECK(dump.find("\"4,017\"") == std::string::npos);  // the years were not summed
  CHECK(dump.find("\"2,060\"") == std::string::npos);
}
