#include <catch2/catch.hpp>

#include "core/number_parse.hpp"
#include "load/load.hpp"

using namespace folio;

namespace {

std::optional<double> number(std::string_view text, DecimalMark mark = DecimalMark::point) {
  auto n = parse_number_text(text, mark);
  if (!n) return std::nullopt;
  return n->value;
}

}  // namespace

TEST_CASE("numbers as people and spreadsheets write them") {
  CHECK(number("1457") == 1457);
  CHECK(number(" 1,457 ") == 1457);
  CHECK(number("1,234,567.25") == 1234567.25);
  CHECK(number("-2.5") == -2.5);
  CHECK(number("+5") == 5);
  CHECK(number("\xE2\x88\x92"
               "3") == -3);  // U+2212 minus sign
  CHECK(number("$1,200") == 1200);
  CHECK(number("-$5") == -5);
  CHECK(number("\xC2\xA3"
               "12.50") == 12.5);  // £
  CHECK(number("\xE2\x82\xAC"
               "3") == 3);  // €
  CHECK(number("1e3") == 1000);
  CHECK(number(".5") == 0.5);
  auto pct = parse_number_text("12.5%");
  REQUIRE(pct);
  CHECK(pct->percent);
  CHECK(pct->value == Approx(0.125));
  CHECK(parse_number_text("1,457")->integral);
  CHECK_FALSE(parse_number_text("1.5")->integral);
}

TEST_CASE("text that only looks like a number is not one") {
  for (std::string_view text : {"", " ", "1,2", "12,34", "1,2345", "12 apples", "1.2.3", "abc", "$",
                                "%", "nan", "inf", "1,000e3", "--1", "2012-01-01"})
    CHECK_FALSE(parse_number_text(text));
}

TEST_CASE("a decimal comma locale reads 1.234,5") {
  CHECK(decimal_mark_of_locale("de") == DecimalMark::comma);
  CHECK(decimal_mark_of_locale("fr-FR") == DecimalMark::comma);
  CHECK(decimal_mark_of_locale("en-GB") == DecimalMark::point);
  CHECK_FALSE(decimal_mark_of_locale("12"));
  CHECK(number("1.234,5", DecimalMark::comma) == 1234.5);
  CHECK(number("1 234,5", DecimalMark::comma) == 1234.5);
  CHECK(number("1\xC2\xA0"
               "234",
               DecimalMark::comma) == 1234);  // no-break space
  CHECK(number("12,5 %", DecimalMark::comma) == Approx(0.125));
  CHECK(number("3,14", DecimalMark::comma) == Approx(3.14));
  CHECK_FALSE(parse_number_text("1,234.5", DecimalMark::comma));
}

TEST_CASE("values given with --set or in a manifest read numbers as a CSV cell does") {
  auto v = value_from_text("1,457");
  REQUIRE(std::holds_alternative<int64_t>(v.content));
  CHECK(std::get<int64_t>(v.content) == 1457);
  CHECK(std::get<double>(value_from_text("12%").content) == Approx(0.12));
  CHECK(std::get<int64_t>(value_from_text("$30").content) == 30);
  CHECK(std::get<double>(value_from_text("2.5").content) == 2.5);
  CHECK(std::get<std::string>(value_from_text("1,2").content) == "1,2");
  CHECK(std::get<bool>(value_from_text("true").content));
}
