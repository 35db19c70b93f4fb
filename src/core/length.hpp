#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio {

// A length as written: absolute points, or a share of the space available.
struct Length {
  double value = 0;
  bool percent = false;

  double resolve(double available) const { return percent ? available * value / 100 : value; }
};

// "12pt", "4mm", "1.5cm", "0.5in", "40%" (when percent_allowed) or a bare
// number string. nullopt with `error` set when the text is not a length.
std::optional<Length> parse_length(std::string_view text, bool percent_allowed, std::string& error);

constexpr double mm_to_pt(double mm) {
  return mm * 72.0 / 25.4;
}

}  // namespace folio
