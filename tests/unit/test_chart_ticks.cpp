#include <catch2/catch.hpp>

#include "layout/chart/ticks.hpp"

using folio::NumberFormat;
using folio::layout::chart::choose_ticks;
using folio::layout::chart::tick_format;
using folio::layout::chart::Ticks;

namespace {

// Every tick is a whole multiple of a 1, 2, 2.5 or 5 x 10^n step, 4 to 8 of them.
void check_round(const Ticks& t) {
  INFO("step " << t.step << ", " << t.values.size() << " ticks from " << t.min << " to " << t.max);
  REQUIRE(t.values.size() >= 4);
  REQUIRE(t.values.size() <= 8);
  double unit = std::pow(10.0, std::floor(std::log10(t.step)));
  double m = t.step / unit;
  bool nice = false;
  for (double ok : {1.0, 2.0, 2.5, 5.0}) nice = nice || std::fabs(m - ok) < 1e-9;
  CHECK(nice);
  for (size_t i = 0; i < t.values.size(); ++i) {
    CHECK(t.values[i] >= t.min - 1e-9);
    CHECK(t.values[i] <= t.max + 1e-9);
    if (i > 0) CHECK(t.values[i] - t.values[i - 1] == Approx(t.step));
    double k = t.values[i] / t.step;
    CHECK(std::fabs(k - std::round(k)) < 1e-9);
  }
}

}  // namespace

TEST_CASE("ticks for 0 to 139 are 0, 25 ... 150") {
  Ticks t = choose_ticks(0, 139);
  check_round(t);
  CHECK(t.step == 25);
  CHECK(t.min == 0);
  CHECK(t.max == 150);
  CHECK(t.values == std::vector<double>{0, 25, 50, 75, 100, 125, 150});
}

TEST_CASE("ticks for 0 to 3734 are thousands up to 4000") {
  Ticks t = choose_ticks(0, 3734);
  check_round(t);
  CHECK(t.values == std::vector<double>{0, 1000, 2000, 3000, 4000});
}

TEST_CASE("ticks for -20 to 85 include zero and reach both ends") {
  Ticks t = choose_ticks(-20, 85);
  check_round(t);
  CHECK(t.min <= -20);
  CHECK(t.max >= 85);
  CHECK(std::find(t.values.begin(), t.values.end(), 0.0) != t.values.end());
  CHECK(t.values == std::vector<double>{-25, 0, 25, 50, 75, 100});
}

TEST_CASE("ticks for 0 to 0.85 step by 0.2 and print as percentages") {
  Ticks t = choose_ticks(0, 0.85);
  check_round(t);
  CHECK(t.step == Approx(0.2));
  CHECK(t.max == Approx(1.0));
  NumberFormat percent{NumberFormat::Kind::percent, 0};
  NumberFormat f = tick_format(t, percent);
  CHECK(f.decimals == 0);
  CHECK(f.apply(t.values[1]) == "20%");
  CHECK(f.apply(t.values.back()) == "100%");
}

TEST_CASE("all-equal values still get an axis from zero") {
  Ticks t = choose_ticks(7, 7);
  check_round(t);
  CHECK(t.min == 0);
  CHECK(t.max >= 7);
  Ticks negative = choose_ticks(-3, -3);
  check_round(negative);
  CHECK(negative.min <= -3);
  CHECK(negative.max == 0);
}

TEST_CASE("a single zero value gets an axis from 0 to 1") {
  Ticks t = choose_ticks(0, 0);
  check_round(t);
  CHECK(t.min == 0);
  CHECK(t.max == 1);
}

TEST_CASE("a user's min and max fix the axis ends exactly") {
  Ticks t = choose_ticks(3, 97, 0.0, 100.0);
  check_round(t);
  CHECK(t.min == 0);
  CHECK(t.max == 100);
  Ticks from_fifty = choose_ticks(60, 139, 50.0, std::nullopt);
  check_round(from_fifty);
  CHECK(from_fifty.min == 50);
  CHECK(from_fifty.max >= 139);
}

TEST_CASE("2.5-steps print their decimal") {
  Ticks t = choose_ticks(0, 9);
  check_round(t);
  NumberFormat f = tick_format(t, NumberFormat{});
  if (t.step == 2.5) {
    CHECK(f.apply(2.5) == "2.5");
  } else {
    CHECK(f.decimals == 0);
  }
}
