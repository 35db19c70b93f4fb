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
