#include "model/theme.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/language.hpp"

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

std::string Theme::families(const std::string& base, std::string_view language) const {
  if (fonts.empty() && fallback.empty()) return base;
  std::string tag(language);
  for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<std::string> list;
  auto add = [&](const std::string& family) {
    if (!family.empty() && std::find(list.begin(), list.end(), family) == list.end())
      list.push_back(family);
  };
  auto font_for = [&](const std::string& key) -> const std::string* {
    for (const auto& [name, font] : fonts)
      if (name == key) return &font.family;
    return nullptr;
  };
  // The most specific first: "zh-hant", then "zh", then the script "hant".
  const std::string* own = font_for(tag);
  if (!own) own = font_for(primary_language(tag));
  if (!own) own = font_for(language_script(tag));
  if (own) add(*own);
  add(base);
  for (const auto& f : fallback) add(f.family);
  for (const auto& [name, font] : fonts)
    if (name.size() == 4) add(font.family);  // scripts only: a language's font is for that language
  std::string out;
  for (const auto& family : list) out += (out.empty() ? "" : ", ") + family;
  return out;
}

}  // namespace folio
