#include <catch2/catch.hpp>

#include "core/color.hpp"
#include "core/length.hpp"
#include "core/suggest.hpp"
#include "core/utf8.hpp"
#include "model/theme.hpp"

using namespace folio;

TEST_CASE("lengths parse every unit to points") {
  std::string error;
  CHECK(parse_length("12pt", false, error)->value == Approx(12));
  CHECK(parse_length("25.4mm", false, error)->value == Approx(72));
  CHECK(parse_length("1.5cm", false, error)->value == Approx(42.5197).epsilon(1e-4));
  CHECK(parse_length("0.5in", false, error)->value == Approx(36));
  CHECK(parse_length(" 10 ", false, error)->value == Approx(10));
  auto percent = parse_length("40%", true, error);
  REQUIRE(percent);
  CHECK(percent->percent);
  CHECK(percent->resolve(200) == Approx(80));
}

TEST_CASE("bad lengths say what is wrong") {
  std::string error;
  CHECK_FALSE(parse_length("12px2", false, error));
  CHECK_THAT(error, Catch::Contains("unknown unit"));
  CHECK_FALSE(parse_length("40%", false, error));
  CHECK_THAT(error, Catch::Contains("percentage is not allowed"));
  CHECK_FALSE(parse_length("wide", false, error));
  CHECK_THAT(error, Catch::Contains("expected a length"));
}

TEST_CASE("hex colours with and without alpha") {
  auto c = parse_hex_color("#0a5c8a");
  REQUIRE(c);
  CHECK(c->r == Approx(10 / 255.0));
  CHECK(c->g == Approx(92 / 255.0));
  CHECK(c->a == 1);
  auto a = parse_hex_color("#ff000080");
  REQUIRE(a);
  CHECK(a->a == Approx(128 / 255.0));
  CHECK(to_hex(*c) == "#0a5c8a");
  CHECK_FALSE(parse_hex_color("#12345"));
  CHECK_FALSE(parse_hex_color("0a5c8a"));
  CHECK_FALSE(parse_hex_color("#gg0000"));
}

TEST_CASE("theme colour names resolve, palette entries wrap") {
  Theme t;
  CHECK(t.named_color("accent") == t.accent);
  CHECK(t.named_color("palette.1") == t.palette[1]);
  CHECK(t.named_color("palette.6") == t.palette[0]);
  CHECK_FALSE(t.named_color("accentt"));
}

TEST_CASE("suggestions find likely typos only") {
  CHECK(closest_match("colums", {"columns", "column_gap", "size"}) == "columns");
  CHECK(closest_match("mrgins", {"margins", "title"}) == "margins");
  CHECK_FALSE(closest_match("zebra", {"title", "size"}));
}

TEST_CASE("invalid UTF-8 is found at its byte") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xFFz") == 2);
  CHECK(find_invalid_utf8("ab\xC3") == 2);
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // a UTF-16 surrogate
}
