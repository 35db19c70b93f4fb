#pragma once

#include <optional>
#include <vector>

#include "core/number_format.hpp"

namespace folio::layout::chart {

// A value axis: the range it spans and the round numbers marked on it.
struct Ticks {
  double min = 0;
  double max = 1;
  double step = 0.2;
  std::vector<double> values;  // ascending, all within [min, max]
};

// Chooses ticks at 1, 2, 2.5 or 5 x 10^n, four to eight of them, around the
// data's range [lo, hi] (zero always included unless the user's bounds leave it
// out). A user's `min` or `max` fixes that end of the axis exactly.
Ticks choose_ticks(double lo, double hi, std::optional<double> user_min = std::nullopt,
                   std::optional<double> user_max = std::nullopt);

// The format for tick labels: at least the chart's decimals, and enough more
// that 2.5-steps print as themselves ("2.5", not "3").
NumberFormat tick_format(const Ticks& ticks, NumberFormat format);

}  // namespace folio::layout::chart
