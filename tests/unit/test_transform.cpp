#include <catch2/catch.hpp>

#include "load/csv.hpp"
#include "load/data_blocks.hpp"
#include "load/transform.hpp"

using namespace folio;

namespace {

DataTable table_of(const std::string& csv, CsvOptions options = {}) {
  Diagnostics diags;
  auto t = read_csv_table(csv, "t.csv", options, diags);
  INFO((diags.all().empty() ? std::string() : diags.all().front().message));
  REQUIRE(t);
  return *t;
}

std::vector<SpecText> texts(std::initializer_list<const char*> list) {
  std::vector<SpecText> out;
  for (const char* s : list) out.push_back(SpecText{s, {}});
  return out;
}

std::vector<double> numbers(const DataTable& t, std::string_view column) {
  const DataColumn* c = t.column(column);
  REQUIRE(c);
  REQUIRE(c->numeric());
  return c->numbers;
}

std::vector<std::string> strings(const DataTable& t, std::string_view column) {
  const DataColumn* c = t.column(column);
  REQUIRE(c);
  std::vector<std::string> out;
  for (size_t r = 0; r < t.rows; ++r) out.push_back(c->text(r));
  return out;
}

const char* kWeather =
    "date,precipitation,temp_max,weather\n"
    "2012-01-01,0.0,12.8,drizzle\n"
    "2012-01-02,10.9,10.6,rain\n"
    "2012-02-01,0.8,11.7,rain\n"
    "2013-02-02,20.3,12.2,rain\n"
    "2013-03-01,1.3,8.9,sun\n";

}  // namespace

TEST_CASE("a CSV's columns are typed: number, percent, date and text") {
  DataTable t = table_of(
      "Year,Sales,Share,Region,When\n2001,\"1,457\",12%,North,2012-01-31\n"
      "2002,$900,8.5%,South,2012-02-29\n2003,,1%,,\n");
  REQUIRE(t.rows == 3);
  CHECK(t.columns[0].name == "Year");  // the top-left cell names a column like any other
  CHECK(t.columns[0].type == ColumnType::number);
  CHECK(t.columns[1].type == ColumnType::number);
  CHECK(numbers(t, "Sales")[0] == 1457);
  CHECK(numbers(t, "Sales")[1] == 900);
  CHECK(std::isnan(numbers(t, "Sales")[2]));  // an empty cell is no value
  CHECK(t.columns[2].type == ColumnType::percent);
  CHECK(numbers(t, "Share")[1] == Approx(0.085));
  CHECK(t.columns[3].type == ColumnType::text);
  CHECK(t.columns[4].type == ColumnType::date);
}

TEST_CASE("a declared type: a cell that does not fit is one error at its line and column") {
  CsvOptions options;
  options.types = {{"code", ColumnType::text}, {"n", ColumnType::number}};
  Diagnostics diags;
  auto t = read_csv_table("code,n\n007,1\n008,x\n009,y\n010,z\n", "t.csv", options, diags);
  CHECK_FALSE(t);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message == "column \"n\" is declared number, but \"x\" is not a number");
  CHECK(diags.all()[0].span.line == 3);
  CHECK(diags.all()[0].span.column == 5);
  CHECK(diags.all()[0].hints[0] == "2 more cells of column \"n\" are not numbers either");

  Diagnostics fine;
  options.types = {{"code", ColumnType::text}};
  auto ok = read_csv_table("code,n\n007,1\n", "t.csv", options, fine);
  REQUIRE(ok);
  CHECK(ok->columns[0].text(0) == "007");
}

TEST_CASE("a locale reads decimal commas in a CSV") {
  CsvOptions options;
  options.decimal = DecimalMark::comma;
  DataTable de = table_of("Wert\n\"1.234,5\"\n\"2,25\"\n", options);
  CHECK(numbers(de, "Wert") == std::vector<double>{1234.5, 2.25});
}

TEST_CASE("derive: parts of a date and arithmetic") {
  Diagnostics diags;
  auto t = add_columns(table_of(kWeather),
                       texts({"year(date)", "month(date) as m", "month_name(date)",
                              "year_month(date)", "temp_max - precipitation as gap"}),
                       diags);
  REQUIRE(t);
  CHECK(numbers(*t, "year") == std::vector<double>{2012, 2012, 2012, 2013, 2013});
  CHECK(numbers(*t, "m") == std::vector<double>{1, 1, 2, 2, 3});
  CHECK(strings(*t, "month_name") == std::vector<std::string>{"Jan", "Jan", "Feb", "Feb", "Mar"});
  CHECK(strings(*t, "year_month")[3] == "2013-02");
  CHECK(numbers(*t, "gap")[1] == Approx(-0.3));
}

TEST_CASE("filter keeps the rows where every condition holds") {
  Diagnostics diags;
  auto t =
      filter_rows(table_of(kWeather),
                  texts({"weather == 'rain'", "precipitation > 1", "date < '2013-01-01'"}), diags);
  REQUIRE(t);
  REQUIRE(t->rows == 1);
  CHECK(strings(*t, "date")[0] == "2012-01-02");

  auto cold = filter_rows(table_of("t\n-7.5\n2\n-1\n"), texts({"t < -1"}), diags);
  REQUIRE(cold);
  CHECK(numbers(*cold, "t") == std::vector<double>{-7.5});

  auto bad = filter_rows(table_of(kWeather), texts({"wether == 'rain'"}), diags);
  CHECK_FALSE(bad);
  CHECK(diags.all().back().message == "no column named `wether`");
  CHECK(diags.all().back().hints[0] == "did you mean `weather`?");
}

TEST_CASE("group_by with every aggregate, groups in order of first appearance") {
  Diagnostics diags;
  auto t = group_rows(
      table_of(kWeather), texts({"weather"}),
      texts({"sum(precipitation)", "mean(temp_max) as high", "median(precipitation) as mid",
             "min(date) as first", "max(temp_max)", "count() as days"}),
      diags);
  REQUIRE(t);
  CHECK(strings(*t, "weather") == std::vector<std::string>{"drizzle", "rain", "sun"});
  CHECK(numbers(*t, "precipitation")[1] == Approx(32.0));
  CHECK(numbers(*t, "high")[1] == Approx((10.6 + 11.7 + 12.2) / 3));
  CHECK(numbers(*t, "mid")[1] == Approx(10.9));
  CHECK(strings(*t, "first")[1] == "2012-01-02");
  CHECK(numbers(*t, "temp_max")[1] == Approx(12.2));
  CHECK(numbers(*t, "days") == std::vector<double>{1, 3, 1});

  // No keys: one row for the whole table; an even count's median is the middle two's mean.
  auto all =
      group_rows(table_of("x\n1\n4\n2\n10\n"), {}, texts({"median(x)", "sum(x) as s"}), diags);
  REQUIRE(all);
  CHECK(all->rows == 1);
  CHECK(numbers(*all, "x")[0] == 3);
  CHECK(numbers(*all, "s")[0] == 17);

  CHECK_FALSE(group_rows(table_of(kWeather), texts({"weather"}), texts({"sum(weather)"}), diags));
  CHECK(diags.all().back().message == "sum() needs a column of numbers, but `weather` holds text");
}

TEST_CASE("pivot: long to wide, for a chart") {
  Diagnostics diags;
  PivotSpec p;
  p.index = {"year", {}};
  p.columns = {"weather", {}};
  p.values = {"precipitation", {}};
  auto derived = add_columns(table_of(kWeather), texts({"year(date)"}), diags);
  REQUIRE(derived);
  auto t = pivot_rows(*derived, p, diags);
  REQUIRE(t);
  REQUIRE(t->rows == 2);
  REQUIRE(t->columns.size() == 4);
  CHECK(t->columns[0].name == "year");
  CHECK(t->columns[1].name == "drizzle");
  CHECK(numbers(*t, "rain")[0] == Approx(11.7));
  CHECK(numbers(*t, "rain")[1] == Approx(20.3));
  CHECK(numbers(*t, "sun") == std::vector<double>{0, 1.3});  // no row: `fill`

  auto ds = dataset_from_table(*t, "p", {}, diags);
  REQUIRE(ds);
  CHECK(ds->categories == std::vector<std::string>{"2012", "2013"});
  REQUIRE(ds->series.size() == 3);
  CHECK(ds->series[1].name == "rain");
}

TEST_CASE("compute: share, change, pct_change and cumsum; sort, limit and select") {
  Diagnostics diags;
  auto t =
      add_columns(table_of("k,v\na,10\nb,30\nc,60\n"),
                  texts({"share(v)", "change(v)", "pct_change(v) as growth", "cumsum(v)"}), diags);
  REQUIRE(t);
  CHECK(t->column("v_share")->type == ColumnType::percent);
  CHECK(numbers(*t, "v_share")[2] == Approx(0.6));
  CHECK(std::isnan(numbers(*t, "v_change")[0]));
  CHECK(numbers(*t, "v_change")[2] == 30);
  CHECK(numbers(*t, "growth")[1] == Approx(2.0));
  CHECK(numbers(*t, "v_cumsum")[2] == 100);

  auto sorted = sort_rows(*t, texts({"-v"}), diags);
  REQUIRE(sorted);
  CHECK(strings(*sorted, "k") == std::vector<std::string>{"c", "b", "a"});
  auto by_text = sort_rows(*t, texts({"k desc"}), diags);
  CHECK(strings(*by_text, "k")[0] == "c");
  DataTable top = limit_rows(*sorted, 2);
  CHECK(top.rows == 2);
  auto picked = select_columns(top, texts({"v as value", "k"}), diags);
  REQUIRE(picked);
  CHECK(picked->columns[0].name == "value");
  CHECK(picked->columns[1].name == "k");
  CHECK(diags.empty());
}

TEST_CASE("a filter that keeps no rows groups into no rows, and totals of nothing are one row") {
  Diagnostics diags;
  auto none = filter_rows(table_of(kWeather), texts({"precipitation > 100"}), diags);
  REQUIRE(none);
  CHECK(none->rows == 0);
  auto grouped = group_rows(*none, texts({"weather"}), texts({"count() as days"}), diags);
  REQUIRE(grouped);
  CHECK(grouped->rows == 0);
  PivotSpec p{{"weather", {}}, {"date", {}}, {"precipitation", {}}, {}, 0, {}};
  auto pivoted = pivot_rows(*none, p, diags);
  REQUIRE(pivoted);
  CHECK(pivoted->rows == 0);
  auto totals = group_rows(*none, {}, texts({"count() as days", "sum(precipitation)"}), diags);
  REQUIRE(totals);
  REQUIRE(totals->rows == 1);
  CHECK(numbers(*totals, "days")[0] == 0);
  CHECK(numbers(*totals, "precipitation")[0] == 0);
}

TEST_CASE("missing values sort last and are skipped by aggregates") {
  Diagnostics diags;
  DataTable t = table_of("k,v\na,\nb,2\nc,1\n");
  auto sorted = sort_rows(t, texts({"v"}), diags);
  CHECK(strings(*sorted, "k") == std::vector<std::string>{"c", "b", "a"});
  auto g = group_rows(t, {}, texts({"mean(v)", "count(v) as n", "count() as rows"}), diags);
  CHECK(numbers(*g, "v")[0] == 1.5);
  CHECK(numbers(*g, "n")[0] == 2);
  CHECK(numbers(*g, "rows")[0] == 3);
}

TEST_CASE("a TOML list of tables is a typed table") {
  Value rows;
  Value::Array array;
  for (auto [name, sales] : {std::pair{"North", "1,457"}, std::pair{"South", "900"}}) {
    Value row;
    row.content = Value::Table{{"name", Value{std::string(name), {}}},
                               {"sales", Value{std::string(sales), {}}}};
    array.push_back(row);
  }
  rows.content = array;
  Diagnostics diags;
  auto t = table_from_values(rows, "regions", diags);
  REQUIRE(t);
  CHECK(t->column("sales")->type == ColumnType::number);
  CHECK(numbers(*t, "sales") == std::vector<double>{1457, 900});
}
