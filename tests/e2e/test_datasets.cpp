#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "folio.hpp"
#include "support.hpp"

using namespace folio;

namespace {

// A layout and the files beside it, built in a fresh folder.
struct Folder {
  std::string dir = test::temp_dir();
  void write(const std::string& name, const std::string& text) const {
    test::write_file(dir + "/" + name, text);
  }
  std::optional<Built> build(const std::string& layout, Diagnostics& diags) const {
    write("layout.toml", layout);
    return folio::build(dir + "/layout.toml", BuildOptions{}, diags);
  }
};

std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all())
    out += fmt::format("{}:{}:{}: {}\n", d.span.file ? *d.span.file : "", d.span.line,
                       d.span.column, d.message);
  return out;
}

template <class T>
const T& block(const Built& b, size_t i) {
  return std::get<T>(b.document.blocks.at(i).content);
}

const char* kWeatherCsv =
    "date,precipitation,temp_max,weather\n"
    "2012-01-01,0.0,12.8,drizzle\n"
    "2012-01-02,10.9,10.6,rain\n"
    "2012-02-01,0.8,11.7,rain\n"
    "2013-02-02,20.3,12.2,rain\n"
    "2013-03-01,1.3,8.9,sun\n";

}  // namespace

TEST_CASE("a CSV with a date and a text column draws and tabulates, with no error per cell") {
  Folder f;
  f.write("weather.csv", kWeatherCsv);
  Diagnostics diags;
  // Before typed datasets this gave one "is not a number" error per cell.
  auto built = f.build(
      "[[block]]\ntype = \"chart\"\ndata = \"weather.csv\"\n"
      "[[block]]\ntype = \"table\"\ndata = \"weather.csv\"\n",
      diags);
  INFO(messages(diags));
  REQUIRE(built);
  const Chart& chart = block<Chart>(*built, 0);
  CHECK(chart.source.dataset.categories.front() == "2012-01-01");
  REQUIRE(chart.source.dataset.series.size() == 2);  // the two number columns; text left out
  CHECK(chart.source.dataset.series[0].name == "precipitation");
  CHECK(chart.source.dataset.series[0].values[3] == Approx(20.3));
  const TableBlock& table = block<TableBlock>(*built, 1);
  REQUIRE(table.columns.size() == 4);
  CHECK(table.columns[0].title.text == "date");
  CHECK(std::get<std::string>(table.rows[1][3].content) == "rain");
}

TEST_CASE("a table from a CSV keeps its top-left header cell") {
  Folder f;
  f.write("sales.csv", "Year,North,South\n2001,\"1,457\",900\n2002,12,13\n");
  f.write("layout.toml",
          "[[block]]\ntype = \"table\"\ndata = \"sales.csv\"\ntotal_row = \"Total\"\n");
  std::string pdf = f.dir + "/out.pdf";
  auto r = test::run_folio("render '" + f.dir + "/layout.toml' -o '" + pdf + "'");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(pdf);
  REQUIRE(pages.size() == 1);
  // "Year" heads its column (it was dropped), years print as labels and are not summed.
  CHECK_THAT(pages[0], Catch::Contains("Year"));
  CHECK_THAT(pages[0], Catch::Contains("2001"));
  CHECK_THAT(pages[0], Catch::Contains("1,469"));   // 1,457 + 12
  CHECK_THAT(pages[0], !Catch::Contains("4,003"));  // 2001 + 2002 is no total
}

TEST_CASE("a declared type that a cell does not fit is one error, at the cell") {
  Folder f;
  std::string csv = "day,rain\n";
  for (int i = 1; i <= 200; ++i)
    csv += fmt::format("2012-01-{:02},{}\n", i % 28 + 1, i % 7 ? "1.5" : "n/a");
  f.write("rain.csv", csv);
  Diagnostics diags;
  auto built = f.build(
      "[dataset.rain]\ncsv = \"rain.csv\"\ntypes = { day = \"date\", rain = \"number\" }\n"
      "[[block]]\ntype = \"chart\"\ndata = \"rain\"\n"
      "[[block]]\ntype = \"table\"\ndata = \"rain\"\n",
      diags);
  CHECK_FALSE(built);
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& d = diags.all()[0];
  CHECK(d.message == "column \"rain\" is declared number, but \"n/a\" is not a number");
  CHECK(d.span.line == 8);  // row 7, after the header
  CHECK(d.span.column == 12);
  CHECK(*d.span.file == f.dir + "/rain.csv");
  CHECK(d.hints[0] == "27 more cells of column \"rain\" are not numbers either");
}

TEST_CASE("datasets transform, and templates read single values from them") {
  Folder f;
  f.write("weather.csv", kWeatherCsv);
  Diagnostics diags;
  auto built = f.build(R"(
[dataset.weather]
csv = "weather.csv"
[dataset.totals]
from = "weather"
aggregate = ["sum(precipitation) as rain", "count() as days"]
[dataset.by_year]
from = "weather"
derive = "year(date) as year"
group_by = "year"
aggregate = ["sum(precipitation) as rain"]
sort = "-rain"
[[block]]
type = "paragraph"
text = "{{ totals.rain | number(1) }} mm in {{ totals.days }} days; wettest {{ by_year[0].year }}, driest {{ by_year[-1].year }}; {{ by_year.rows }} years."
[[block]]
type = "stats"
items = [{ value = "{{ totals.rain }}", label = "mm" }]
)",
                       diags);
  INFO(messages(diags));
  REQUIRE(built);
  CHECK(block<Paragraph>(*built, 0).text.text ==
        "33\\.3 mm in 5 days; wettest 2013, driest 2012; 2 years.");
  CHECK(block<Stats>(*built, 1).items[0].value.text == "33\\.3");

  Diagnostics many;
  CHECK_FALSE(
      f.build("[dataset.w]\ncsv = \"weather.csv\"\n[[block]]\ntype = \"paragraph\"\n"
              "text = \"{{ w.precipitation }}\"\n",
              many));
  CHECK(many.error_count() == 1);  // five rows: which one?
}

TEST_CASE("lists, stats tiles and table rows from a dataset or a list under [data]") {
  Folder f;
  f.write("weather.csv", kWeatherCsv);
  Diagnostics diags;
  auto built = f.build(R"(
[dataset.by_weather]
csv = "weather.csv"
group_by = "weather"
aggregate = ["count() as days"]
sort = "-days"
[data]
towns = ["Leeds", "York"]
people = [{ name = "Ada", sales = "1,457" }, { name = "Brian", sales = 900 }]
[[block]]
type = "list"
data = "by_weather"
item = "{{ row.weather }}: {{ row.days }}"
[[block]]
type = "list"
data = "towns"
[[block]]
type = "stats"
data = "by_weather"
item = { value = "{{ row.days }}", label = "days of {{ row.weather }}" }
[[block]]
type = "table"
data = "people"
total_row = "Total"
)",
                       diags);
  INFO(messages(diags));
  REQUIRE(built);
  const auto& list = block<ListBlock>(*built, 0);
  REQUIRE(list.items.size() == 3);
  CHECK(list.items[0].text == "rain: 3");
  CHECK(block<ListBlock>(*built, 1).items[1].text == "York");
  const auto& stats = block<Stats>(*built, 2);
  REQUIRE(stats.items.size() == 3);
  CHECK(stats.items[2].label.text == "days of sun");
  const auto& table = block<TableBlock>(*built, 3);
  REQUIRE(table.rows.size() == 2);
  CHECK(std::get<double>(table.rows[0][1].content) == 1457);  // the same number reader as CSV

  Diagnostics typo;
  CHECK_FALSE(
      f.build("[dataset.w]\ncsv = \"weather.csv\"\n[[block]]\ntype = \"list\"\n"
              "data = \"w\"\nitem = \"{{ row.wether }}\"\n",
              typo));
  CHECK(typo.error_count() == 1);  // once, not once per row
  CHECK_THAT(messages(typo), Catch::Contains("row.weather"));
}

TEST_CASE("chart values and table cells may be templates that give numbers") {
  Diagnostics diags;
  auto built = test::build_text(R"(
[data]
north = "1,457"
south = 12
[[block]]
type = "chart"
categories = ["North", "South"]
series = [{ name = "Sales", values = ["{{ north }}", "{{ south }}"] }]
[[block]]
type = "table"
columns = ["Region", "Sales"]
rows = [["North", "{{ north }}"], ["South", "{{ south }}"]]
total_row = "Total"
)",
                                diags);
  INFO(messages(diags));
  REQUIRE(built);
  CHECK(block<Chart>(*built, 0).source.dataset.series[0].values == std::vector<double>{1457, 12});
  CHECK(std::get<double>(block<TableBlock>(*built, 1).rows[0][1].content) == 1457);

  Diagnostics bad;
  CHECK_FALSE(
      test::build_text("[data]\nx = \"many\"\n[[block]]\ntype = \"chart\"\n"
                       "categories = [\"a\"]\nseries = [{ name = \"s\", values = "
                       "[\"{{ x }}\"] }]\n",
                       bad));
  REQUIRE(bad.error_count() == 1);
  CHECK(bad.all()[0].message == "series \"s\": \"{{ x }}\" gives \"many\", not a number");
}

TEST_CASE("a SQLite dataset: a read-only query inside the sandbox") {
  Folder f;
  REQUIRE(test::make_sqlite(f.dir + "/shop.db",
                            "CREATE TABLE orders(region TEXT, day TEXT, amount REAL);"
                            "INSERT INTO orders VALUES ('North','2024-01-02',10.5),"
                            "('South','2024-01-03',4),('North','2024-02-01',2);") == "");
  Diagnostics diags;
  auto built = f.build(R"(
[dataset.sales]
sqlite = "shop.db"
query = "SELECT region, sum(amount) AS amount, min(day) AS first FROM orders GROUP BY region ORDER BY region"
[[block]]
type = "chart"
data = "sales"
[[block]]
type = "paragraph"
text = "First order {{ sales[0].first }}."
)",
                       diags);
  INFO(messages(diags));
  REQUIRE(built);
  const auto& ds = block<Chart>(*built, 0).source.dataset;
  CHECK(ds.categories == std::vector<std::string>{"North", "South"});
  CHECK(ds.series[0].values == std::vector<double>{12.5, 4});
  CHECK(block<Paragraph>(*built, 1).text.text == "First order 2024\\-01\\-02.");

  // A database outside the layout's folder is refused, as a CSV file is.
  Folder other;
  Diagnostics outside;
  CHECK_FALSE(other.build("[dataset.s]\nsqlite = \"" + f.dir +
                              "/shop.db\"\nquery = \"SELECT 1 AS x\"\n[[block]]\ntype = "
                              "\"paragraph\"\ntext = \"{{ s.x }}\"\n",
                          outside));
  CHECK_THAT(messages(outside), Catch::Contains("outside"));
}

TEST_CASE("a running footer reads a dataset's value on every page") {
  Folder f;
  f.write("weather.csv", kWeatherCsv);
  f.write("layout.toml", R"(
[dataset.totals]
csv = "weather.csv"
aggregate = "sum(precipitation) as rain"
[footer]
left = "Rain {{ totals.rain | number(1) }} mm, page {{ page }}"
[[block]]
type = "paragraph"
text = "One"
[[block]]
type = "page_break"
[[block]]
type = "paragraph"
text = "Two"
)");
  std::string pdf = f.dir + "/out.pdf";
  auto r = test::run_folio("render '" + f.dir + "/layout.toml' -o '" + pdf + "'");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(pdf);
  REQUIRE(pages.size() == 2);
  CHECK_THAT(pages[1], Catch::Contains("Rain 33.3 mm, page 2"));
}
