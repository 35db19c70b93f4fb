#include "core/length.hpp"

#include <charconv>
#include <cmath>

namespace folio {

std::optional<Length> parse_length(std::string_view text, bool percent_allowed,
                                   std::string& error) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data() || !std::isfinite(number)) {
    error = "expected a length such as \"12pt\", \"4mm\", \"1.5cm\" or \"0.5in\"";
    return std::nullopt;
  }
  std::string_view unit(end, text.data() + text.size() - end);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit.empty() || unit == "pt") return Length{number, false};
  if (unit == "mm") return Length{mm_to_pt(number), false};
  if (unit == "cm") return Length{mm_to_pt(number * 10), false};
  if (unit == "in") return Length{number * 72, false};
  if (unit == "px") return Length{number * 0.75, false};
  if (unit == "%") {
    if (percent_allowed) return Length{number, true};
    error = "a percentage is not allowed here; use an absolute length such as \"12pt\"";
    return std::nullopt;
  }
  error = "unknown unit \"" + std::string(unit) + "\"; use pt, mm, cm or in";
  return std::nullopt;
}

}  // namespace folio
