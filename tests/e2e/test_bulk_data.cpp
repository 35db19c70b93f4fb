// Bulk builds where any value varies, and the one pipeline they share with a
// single render (issue 13): array indexes in manifest columns and --set, a
// path that does not resolve is an error, failed documents name their source,
// output names are checked before rendering, --allow-path applies to --each,
// and documents can come from a SQLite query.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

// Quarterly figures a chart draws and a paragraph repeats, so a test can read
// the values each document got from its text.
const char* kQuarterly = R"(
[document]
size = "A6"
margins = "10mm"

[data.quarters]
categories = ["Q1", "Q2", "Q3", "Q4"]
series = [{ name = "Sessions", values = [10, 20, 30, 40] }]

[[block]]
type = "heading"
level = 1
text = "{{ region.name | default(\"All regions\") }}"

[[block]]
type = "paragraph"
text = "Q1 {{ quarters.series[0].values[0] }}, Q2 {{ quarters.series[0].values[1] }}, Q3 {{ quarters.series[0].values[2] }}, Q4 {{ quarters.series[0].values[3] }}."

[[block]]
type = "chart"
data = "quarters"
alt = "Sessions by quarter"
height = "40mm"
)";

struct Folder {
  std::string dir = test::temp_dir();
  std::string layout = dir + "/quarterly.toml";
  std::string out = dir + "/out";
  Folder() { test::write_file(layout, kQuarterly); }
  std::vector<std::string> outputs() const {
    std::vector<std::string> names;
    if (!fs::exists(out)) return names;
    for (auto& e : fs::directory_iterator(out)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  std::string text_of(const std::string& pdf) const {
    auto pages = test::pdf_page_texts(out + "/" + pdf);
    return pages.empty() ? "" : pages[0];
  }
};

}  // namespace

TEST_CASE("set: --set reaches array indexes, and a path that does not resolve is an error") {
  Folder f;
  auto set = test::run_folio(fmt::format(
      "render '{}' --set 'quarters.series[0].values[1]=9' -o '{}/set.pdf'", f.layout, f.out));
  REQUIRE(set.exit_code == 0);
  CHECK_THAT(f.text_of("set.pdf"), Catch::Contains("Q1 10, Q2 9, Q3 30, Q4 40."));

  // Once this exited 0 and changed nothing; now it names the --set and why.
  for (std::string bad : {"quarters.series[0].values[9]=9", "quarters.series[3].values[0]=9",
                          "quarters.categories.x=1", "quarters.series[0].name[0]=x"}) {
    INFO(bad);
    auto r = test::run_folio(
        fmt::format("render '{}' --set '{}' -o '{}/bad.pdf'", f.layout, bad, f.out));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("folio: error: --set " + bad + ": "));
    CHECK_FALSE(test::file_exists(f.out + "/bad.pdf"));
  }
  auto range =
      test::run_folio(fmt::format("check '{}' --set 'quarters.series[0].values[9]=9'", f.layout));
  CHECK_THAT(
      range.output,
      Catch::Contains("`quarters.series[0].values` has 4 items, so [9] does not exist (0 to 3)"));
}

TEST_CASE("manifest columns set array items per document, and a bad path fails only its row") {
  Folder f;
  test::write_file(f.dir + "/regions.csv",
                   "region.name,quarters.series[0].values[0],quarters.series[0].values[2]\n"
                   "North,1,3\n"
                   "South,5,7\n"
                   "East,8,\n");
  test::write_file(f.dir + "/broken.csv",
                   "region.name,quarters.series[0].values[6]\n"
                   "West,1\n");
  auto r = test::run_folio(fmt::format(
      "render '{}' --manifest '{}/regions.csv' -o '{}/{{{{ region.name | lower }}}}.pdf'", f.layout,
      f.dir, f.out));
  REQUIRE(r.exit_code == 0);
  CHECK(f.outputs() == std::vector<std::string>{"east.pdf", "north.pdf", "south.pdf"});
  CHECK_THAT(f.text_of("north.pdf"), Catch::Contains("Q1 1, Q2 20, Q3 3, Q4 40."));
  CHECK_THAT(f.text_of("south.pdf"), Catch::Contains("Q1 5, Q2 20, Q3 7, Q4 40."));
  CHECK_THAT(f.text_of("east.pdf"), Catch::Contains("Q1 8, Q2 20, Q3 30, Q4 40."));  // empty: kept

  // Once "not a data path"; now an index beyond the list is an error at the cell.
  auto bad = test::run_folio(
      fmt::format("render '{}' --manifest '{}/broken.csv' -o '{}/{{{{ index }}}}.pdf'", f.layout,
                  f.dir, f.out));
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.output,
             Catch::Contains(f.dir + "/broken.csv:2:6: error: manifest column "
                                     "`quarters.series[0].values[6]`: `quarters.series[0].values` "
                                     "has 4 items, so [6] does not exist (0 to 3)"));
  CHECK_THAT(bad.output, Catch::Contains("  document: " + f.dir + "/broken.csv:2"));
}

TEST_CASE("a failed document's errors name its data file or manifest line in text and JSON") {
  Folder f;
  fs::create_directories(f.dir + "/data");
  test::write_file(f.dir + "/data/good.toml", "[region]\nname = \"Good\"\n");
  // Text where the chart needs a number: the error is at the layout's chart,
  // which alone would not say which document it was.
  test::write_file(f.dir + "/data/bad.toml",
                   "[region]\nname = \"Bad\"\n[quarters]\ncategories = [\"Q1\", \"Q2\", \"Q3\", "
                   "\"Q4\"]\nseries = [{ name = \"S\", values = [1, \"two\", 3, 4] }]\n");
  std::string each =
      fmt::format("render '{}' --each '{}/data/*.toml' -o '{}/{{{{ source.stem }}}}.pdf'", f.layout,
                  f.dir, f.out);
  auto text = test::run_folio(each);
  CHECK(text.exit_code == 1);
  CHECK(f.outputs() == std::vector<std::string>{"good.pdf"});
  CHECK_THAT(text.output, Catch::Contains("  document: " + f.dir + "/data/bad.toml"));
  // The summary names the document, its output and its first error.
  CHECK_THAT(text.output, Catch::Contains("  failed: " + f.dir + "/data/bad.toml -> " + f.out +
                                          "/bad.pdf: " + f.dir + "/data/bad.toml:5:"));

  auto json = test::run_folio(each + " --diagnostics json 2>/dev/null");
  CHECK(json.exit_code == 1);
  CHECK_THAT(json.output, Catch::Contains("\"document\":\"" + f.dir + "/data/bad.toml\""));
  CHECK_THAT(json.output, !Catch::Contains("good.toml"));
}

TEST_CASE("an output name too long or naming a folder fails before anything renders") {
  Folder f;
  std::string long_name(300, 'x');
  test::write_file(f.dir + "/names.csv", "region.name,file\nShort,short\nLong," + long_name + "\n");
  auto r = test::run_folio(fmt::format(
      "render '{}' --manifest '{}/names.csv' -o '{}/{{{{ file }}}}.pdf' -j 1 --fail-fast", f.layout,
      f.dir, f.out));
  CHECK(r.exit_code == 1);
  CHECK(f.outputs().empty());  // refused while naming, before the first render
  CHECK_THAT(r.output, Catch::Contains("is 304 bytes long; a file name can have at most 255"));
  CHECK_THAT(r.output, Catch::Contains("not rendered after --fail-fast"));

  auto folder = test::run_folio(
      fmt::format("render '{}' --manifest '{}/names.csv' -o '{}/{{{{ file }}}}/' -j 1", f.layout,
                  f.dir, f.out));
  CHECK(folder.exit_code == 1);
  CHECK_THAT(folder.output, Catch::Contains("names a folder, not a file"));
  CHECK_THAT(folder.output, Catch::Contains("2 of 2 documents failed: 0 written"));
  CHECK(f.outputs().empty());
}

TEST_CASE("output names padded with index | pad(3) sort in order") {
  Folder f;
  std::string csv = "region.name\n";
  for (int i = 1; i <= 11; ++i) csv += fmt::format("R{}\n", i);
  test::write_file(f.dir + "/m.csv", csv);
  auto r = test::run_folio(fmt::format(
      "render '{}' --manifest '{}/m.csv' -o '{}/{{{{ index | pad(3) }}}}.pdf' --shard 3/3",
      f.layout, f.dir, f.out));
  REQUIRE(r.exit_code == 0);
  CHECK(f.outputs() == std::vector<std::string>{"008.pdf", "009.pdf", "010.pdf", "011.pdf"});
  CHECK_THAT(f.text_of("010.pdf"), Catch::Contains("R10"));
}

TEST_CASE("each: --each goes through the single render's checks: --allow-path and theme fonts") {
  Folder f;
  fs::create_directories(f.dir + "/shared");
  fs::create_directories(f.dir + "/layout/data");
  fs::copy_file(test::source_path("tests/cases/images/pixels.png"), f.dir + "/shared/pixels.png");
  test::write_file(f.dir + "/layout/leaflet.toml", R"(
[document]
size = "A6"
[theme]
font = "No Such Family Anywhere"
[[block]]
type = "heading"
text = "{{ region.name }}"
[[block]]
type = "image"
alt = "The shared logo"
src = "../shared/pixels.png"
width = "20mm"
)");
  test::write_file(f.dir + "/layout/data/a.toml", "[region]\nname = \"A\"\n");
  test::write_file(f.dir + "/layout/data/b.toml", "[region]\nname = \"B\"\n");
  std::string each = fmt::format(
      "render '{0}/layout/leaflet.toml' --each '{0}/layout/data/*.toml' -o '{1}/{{{{ "
      "source.stem }}}}.pdf'",
      f.dir, f.out);

  auto refused = test::run_folio(each);
  CHECK(refused.exit_code == 1);
  CHECK(f.outputs().empty());
  CHECK_THAT(refused.output, Catch::Contains("outside the layout's folder"));
  CHECK_THAT(refused.output, Catch::Contains("2 of 2 documents failed"));

  auto allowed = test::run_folio(each + fmt::format(" --allow-path '{}/shared'", f.dir));
  INFO(allowed.output);
  CHECK(allowed.exit_code == 0);
  CHECK(f.outputs() == std::vector<std::string>{"a.pdf", "b.pdf"});
  // The theme's missing font is reported as in a single render (once, not per document).
  CHECK_THAT(allowed.output, Catch::Contains("No Such Family Anywhere"));
}

TEST_CASE(
    "each-query: --each-query makes one document per row of a SQLite query, failures by row") {
  Folder f;
  REQUIRE(test::make_sqlite(f.dir + "/regions.db",
                            "CREATE TABLE region(name TEXT, slug TEXT, q1 INTEGER, q2 REAL, q4 "
                            "INTEGER);"
                            "INSERT INTO region VALUES ('North', 'north', 1, 2.5, 4),"
                            "('South', 'south', 5, 6, NULL), ('Broken', 'broken', 7, 8, 9);") ==
          "");
  std::string query =
      "SELECT name AS \"region.name\", slug, q1 AS \"quarters.series[0].values[0]\", "
      "q2 AS \"quarters.series[0].values[1]\", "
      "CASE WHEN q1 = 7 THEN slug ELSE q4 END AS \"quarters.series[0].values[3]\" "
      "FROM region ORDER BY name";
  auto r = test::run_folio(
      fmt::format("render '{}' --each-query '{}/regions.db' '{}' -o '{}/{{{{ slug }}}}.pdf'",
                  f.layout, f.dir, query, f.out));
  CHECK(r.exit_code == 1);
  CHECK(f.outputs() == std::vector<std::string>{"north.pdf", "south.pdf"});
  CHECK_THAT(f.text_of("north.pdf"), Catch::Contains("Q1 1, Q2 2.5, Q3 30, Q4 4."));
  CHECK_THAT(f.text_of("south.pdf"), Catch::Contains("Q1 5, Q2 6, Q3 30, Q4 40."));  // NULL: kept
  // Row 1 (ORDER BY name) is Broken: its text is not a number for the chart.
  CHECK_THAT(r.output, Catch::Contains("  failed: " + f.dir + "/regions.db row 1 -> " + f.out +
                                       "/broken.pdf"));
  CHECK_THAT(r.output, Catch::Contains("1 of 3 documents failed"));

  // A query that writes, and a column that is not a data path, are refused up front.
  auto write =
      test::run_folio(fmt::format("render '{}' --each-query '{}/regions.db' 'DELETE FROM "
                                  "region' -o '{}/x.pdf'",
                                  f.layout, f.dir, f.out));
  CHECK(write.exit_code == 1);
  CHECK_THAT(write.output, Catch::Contains("may only read"));
  auto column = test::run_folio(fmt::format(
      "render '{}' --each-query '{}/regions.db' 'SELECT name || 1 FROM region' -o '{}/x.pdf'",
      f.layout, f.dir, f.out));
  CHECK(column.exit_code == 1);
  CHECK_THAT(column.output, Catch::Contains("column `name || 1` of the query is not a data path"));
}
