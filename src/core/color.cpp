#include "core/color.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace folio {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Color> parse_hex_color(std::string_view text) {
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  double channels[4] = {0, 0, 0, 255};
  for (size_t i = 1, k = 0; i < text.size(); i += 2, ++k) {
    int hi = hex_digit(text[i]);
    int lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    channels[k] = hi * 16 + lo;
  }
  return Color{channels[0] / 255, channels[1] / 255, channels[2] / 255, channels[3] / 255};
}

std::string to_hex(const Color& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(v * 255)); };
  if (c.a < 1)
    return fmt::format("#{:02x}{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
  return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

}  // namespace folio

namespace folio {

Color over(const Color& top, const Color& bottom) {
  double a = std::clamp(top.a, 0.0, 1.0);
  return Color{top.r * a + bottom.r * (1 - a), top.g * a + bottom.g * (1 - a),
               top.b * a + bottom.b * (1 - a), 1};
}

double contrast_ratio(const Color& a, const Color& b) {
  auto luminance = [](const Color& c) {
    auto channel = [](double v) {
      return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace folio
