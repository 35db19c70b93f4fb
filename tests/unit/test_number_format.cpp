#include <catch2/catch.hpp>

#include "core/number_format.hpp"

using namespace folio;

TEST_CASE("numbers get thousands separators") {
  CHECK(format_number(18887) == "18,887");
  CHECK(format_number(4000000) == "4,000,000");
  CHECK(format_number(139) == "139");
  CHECK(format_number(-1234.5, 1) == "-1,234.5");
  CHECK(format_number(0.85, 2) == "0.85");
  CHECK(format_number(-0.0001) == "0");
  CHECK(format_number(999.96, 1) == "1,000.0");
}

TEST_CASE("percent and plain forms") {
  CHECK(format_percent(0.85) == "85%");
  CHECK(format_percent(0.125, 1) == "12.5%");
  CHECK(format_plain(139) == "139");
  CHECK(format_plain(0.85) == "0.85");
}

TEST_CASE("formats parse from their names") {
  auto f = parse_number_format("number(1)");
  REQUIRE(f);
  CHECK(f->apply(3734) == "3,734.0");
  CHECK(parse_number_format("percent")->apply(0.73) == "73%");
  CHECK_FALSE(parse_number_format("currency"));
  CHECK_FALSE(parse_number_format("number(x)"));
}

TEST_CASE("locales write numbers, percentages and dates their way") {
  const Locale& pl = *find_locale("pl-PL");
  const Locale& de = *find_locale("de");
  CHECK(format_number(1234.5, 1, pl) ==
        "1\xC2\xA0"
        "234,5");  // a no-break space
  CHECK(format_number(1234.5, 1, de) == "1.234,5");
  CHECK(format_number(-1234567, 0, pl) ==
        "-1\xC2\xA0"
        "234\xC2\xA0"
        "567");
  CHECK(format_percent(0.125, 1, de) == "12,5\xC2\xA0%");
  CHECK(format_percent(0.125, 1, pl) == "12,5%");
  CHECK(format_number(1234.5, 1, *find_locale("cy")) == "1,234.5");
  CHECK(format_date("2026-03-05") == "5 March 2026");
  CHECK(format_date("2026-03-05", pl) == "5 marca 2026");
  CHECK(format_date("2026-12-31", de) == "31. Dezember 2026");
  CHECK(format_date("2026-03-05", *find_locale("zh-Hans")) ==
        "2026\xE5\xB9\xB4"
        "3\xE6\x9C\x88"
        "5\xE6\x97\xA5");
  CHECK_FALSE(format_date("5 March").has_value());
  CHECK_FALSE(format_date("2026-13-01").has_value());
  CHECK(find_locale("xx") == nullptr);
  CHECK(&locale_or_default("xx") == &default_locale());
  CHECK(find_locale("en-US") == &default_locale());
}
