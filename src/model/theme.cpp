#include "model/theme.hpp"

#include <charconv>

namespace folio {

std::optional<Color> Theme::named_color(std::string_view name) const {
  if (name == "text") return text;
  if (name == "muted") return muted;
  if (name == "accent") return accent;
  if (name == "background") return background;
  if (name == "rule") return rule;
  if (name == "on_accent") return on_accent;
  if (name.starts_with("palette.")) {
    size_t index = 0;
    auto digits = name.substr(8);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (ec == std::errc() && end == digits.data() + digits.size() && !palette.empty())
      return palette[index % palette.size()];
  }
  return std::nullopt;
}

}  // namespace folio
