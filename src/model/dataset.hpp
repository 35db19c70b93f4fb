#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/span.hpp"

namespace folio {

struct Series {
  std::string name;
  std::vector<double> values;
  std::optional<Color> color;
  Span span;
};

// Numbers by category and series, shared by a chart and a table so they never disagree.
struct Dataset {
  std::string title;
  std::vector<std::string> categories;
  std::vector<Series> series;
  Span span;
};

}  // namespace folio
