#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/span.hpp"

namespace folio {

struct Theme {
  std::string font = "Open Sans";
  std::string heading_font = "Open Sans";
  std::string mono_font = "DejaVu Sans Mono";
  // Where each font was named (unknown for the defaults), for "font not installed" warnings.
  Span font_span;
  Span heading_font_span;
  Span mono_font_span;
  // A font per script (ISO 15924: "arab", "beng", "hans") or per language
  // ("ur", "zh-Hant"), lowercase: text in that language, or in that script
  // where the theme's font lacks it, is set in it.
  struct ScriptFont {
    std::string family;
    Span span;
  };
  std::vector<std::pair<std::string, ScriptFont>> fonts;
  // Families tried, in order, for characters the chosen font does not have.
  std::vector<ScriptFont> fallback;
  double size = 10;  // points
  double line_height = 1.35;
  double h1 = 26;
  double h2 = 16;
  double h3 = 12.5;
  Color text = *parse_hex_color("#1f2933");
  Color muted = *parse_hex_color("#616e7c");
  Color accent = *parse_hex_color("#0b6e99");
  Color background = *parse_hex_color("#ffffff");
  Color rule = *parse_hex_color("#cbd2d9");
  Color on_accent = *parse_hex_color("#ffffff");  // text on an accent background
  std::vector<Color> palette = {*parse_hex_color("#0b6e99"), *parse_hex_color("#e07a1f"),
                                *parse_hex_color("#3e8e41"), *parse_hex_color("#8e44ad"),
                                *parse_hex_color("#c0392b"), *parse_hex_color("#7f8c8d")};

  // "accent", "muted", "text", "background", "rule", "palette.N"; nullopt when unknown.
  std::optional<Color> named_color(std::string_view name) const;

  // The families for text in `language` whose own font is `base` (the body's
  // or the headings'), as the comma-separated list Pango tries in order: the
  // font for that language, else for its script; `base`; the fallback list;
  // then the fonts of every other script, so that any script finds its font.
  std::string families(const std::string& base, std::string_view language) const;
};

}  // namespace folio
