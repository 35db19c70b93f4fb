#include <catch2/catch.hpp>

#include "load/csv.hpp"

using namespace folio;

TEST_CASE("CSV handles quotes, embedded commas and newlines, BOM and CRLF") {
  Diagnostics diags;
  auto rows = parse_csv("\xEF\xBB\xBFname,\"a, b\",c\r\n\"say \"\"hi\"\"\",\"two\nlines\",3\r\n", "t.csv", diags);
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
  auto rows = parse_csv(",2006/07,2007/08\nArrests,83,297\nChildren,76,\"1,310\"\n", "t.csv", diags);
  REQUIRE(rows);
  auto value = csv_dataset(*rows, "t.csv", diags);
  REQUIRE(value);
  const Value* series = value->member("series");
  REQUIRE(series->array()->size() == 2);
  CHECK((*series->array())[1].member("values")->array()->at(1).as_number() == 1310);

  auto bad = parse_csv(",a\nX,12q\n", "t.csv", diags);
  CHECK_FALSE(csv_dataset(*bad, "t.csv", diags));
  CHECK(diags.all().back().message == "series \"X\": \"12q\" is not a number");
  CHECK(diags.all().back().span.line == 2);
}
