#include <catch2/catch.hpp>

#include "load/csv.hpp"
#include "load/data_blocks.hpp"

using namespace folio;

namespace {

// A CSV read as a typed table, then as a chart's dataset (the wide grid when
// its top-left cell is empty).
std::optional<Dataset> csv_dataset(const std::string& text, Diagnostics& diags) {
  auto table = read_csv_table(text, "t.csv", {}, diags);
  if (!table) return std::nullopt;
  return dataset_from_table(*table, "t.csv", {}, diags);
}

}  // namespace

TEST_CASE("CSV handles quotes, embedded commas and newlines, BOM and CRLF") {
  Diagnostics diags;
  auto rows = parse_csv("\xEF\xBB\xBFname,\"a, b\",c\r\n\"say \"\"hi\"\"\",\"two\nlines\",3\r\n",
                        "t.csv", diags);
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0][0].text == "name");
  CHECK((*rows)[0][1].text == "a, b");
  CHECK((*rows)[1][0].text == "say \"hi\"");
  CHECK((*rows)[1][1].text == "two\nlines");
  CHECK((*rows)[1][2].span.line == 3);  // after the embedded newline
  CHECK(diags.empty());
}

TEST_CASE("CSV errors have positions") {
  Diagnostics diags;
  CHECK_FALSE(parse_csv("a,b\n1,\"open\n", "t.csv", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].span.line == 2);
  CHECK(diags.all()[0].span.column == 3);
}

TEST_CASE("a CSV dataset reads categories and series") {
  Diagnostics diags;
  auto ds = csv_dataset(",2006/07,2007/08\nArrests,83,297\nChildren,76,\"1,310\"\n", diags);
  REQUIRE(ds);
  REQUIRE(ds->series.size() == 2);
  CHECK(ds->categories == std::vector<std::string>{"2006/07", "2007/08"});
  CHECK(ds->series[1].values.at(1) == 1310);

  // Every cell that is not a number is one error, at the first of them.
  CHECK_FALSE(csv_dataset(",a,b\nX,12q,1\nY,zz,2\n", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all().back().message == "series \"X\": \"12q\" is not a number");
  CHECK(diags.all().back().span.line == 2);
  CHECK(diags.all().back().span.column == 3);
  REQUIRE(diags.all().back().hints.size() == 1);
  CHECK(diags.all().back().hints[0] == "1 more cells of \"a\" are not numbers either");
}

TEST_CASE("CSV: lone CR endings, spaces around quotes, blank rows, a trailing empty field") {
  Diagnostics diags;
  auto rows = parse_csv("a,b\r1, \"x, y\" \r,,\r\n\n2,\r", "t.csv", diags);
  REQUIRE(rows);
  REQUIRE(rows->size() == 3);  // ",," and the empty line are no rows
  CHECK((*rows)[1][1].text == "x, y");
  REQUIRE((*rows)[2].size() == 2);
  CHECK((*rows)[2][1].text.empty());
  CHECK((*rows)[2][0].span.line == 5);
  CHECK(diags.empty());
}

TEST_CASE("CSV columns count characters, not bytes") {
  Diagnostics diags;
  auto rows = parse_csv("Zürich,Größe,x\n", "t.csv", diags);
  REQUIRE(rows);
  CHECK((*rows)[0][1].span.column == 8);
  CHECK((*rows)[0][2].span.column == 14);
}

TEST_CASE("CSV errors: a stray quote, text after a closing quote") {
  Diagnostics diags;
  CHECK_FALSE(parse_csv("a,b\nsay \"hi\",1\n", "t.csv", diags));
  CHECK(diags.all().back().message == "a quote in the middle of an unquoted field");
  CHECK(diags.all().back().span.line == 2);
  CHECK(diags.all().back().span.column == 5);
  CHECK_FALSE(parse_csv("\"a\"b,c\n", "t.csv", diags));
  CHECK(diags.all().back().message == "unexpected text after a closing quote");
  CHECK(diags.all().back().span.column == 4);
}

TEST_CASE("a CSV dataset reports ragged rows, empty values and names where they are") {
  Diagnostics diags;
  CHECK_FALSE(csv_dataset(",a,b\nX,1,2,3\nY,1\n", diags));
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].message == "this row has 4 fields but the header row has 3");
  CHECK(diags.all()[0].span.column == 7);  // the field too many
  CHECK(diags.all()[1].span.line == 3);

  Diagnostics empty;
  CHECK_FALSE(csv_dataset(",a,b\nX,+1, \n", empty));
  REQUIRE(empty.all().size() == 1);
  CHECK(empty.all()[0].message == "series \"X\" has no value for \"b\"");

  Diagnostics header;
  CHECK_FALSE(csv_dataset(",a\n", header));
  CHECK(header.all()[0].message.find("at least one row of values") != std::string::npos);
}
