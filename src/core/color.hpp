#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio {

struct Color {
  double r = 0;
  double g = 0;
  double b = 0;
  double a = 1;

  bool operator==(const Color&) const = default;
};

// "#rrggbb" or "#rrggbbaa"; nullopt for anything else.
std::optional<Color> parse_hex_color(std::string_view text);
std::string to_hex(const Color& c);

// `top` painted over `bottom` (alpha compositing), opaque.
Color over(const Color& top, const Color& bottom);
// WCAG 2.1's contrast ratio of two opaque colours, 1 to 21; AA asks 4.5 for body text.
double contrast_ratio(const Color& a, const Color& b);

}  // namespace folio
