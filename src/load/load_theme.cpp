#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "load/file_text.hpp"
#include "load/internal.hpp"
#include "load/sandbox.hpp"

namespace folio {

void load_theme_file(const std::string& path, const Span& from, const Limits& limits,
                     const FileAccess& access, Theme& theme, Diagnostics& diags, int depth,
                     const std::string& shown_path) {
  const std::string& name = shown_path.empty() ? path : shown_path;
  auto text = read_text_file(path, limits.max_file_bytes, from, diags);
  if (!text) return;
  auto parsed = parse_toml(*text, name, diags);
  if (!parsed) return;
  const toml::table* inner = parsed->get_as<toml::table>("theme");
  if (!inner) {
    diags.error(Span{std::make_shared<const std::string>(name), 1, 1},
                "a theme file must hold a [theme] table");
    return;
  }
  TableReader file_top(*parsed, diags);
  file_top.allow({"theme"});
  file_top.finish();
  load_theme(*inner, folder_of(name), limits, access, theme, diags, depth);
}

void load_theme(const toml::table& table, const std::string& base_dir, const Limits& limits,
                const FileAccess& access, Theme& theme, Diagnostics& diags, int depth) {
  TableReader r(table, diags, &theme);
  if (auto* node = r.get("extends")) {
    auto relative = node->value_exact<std::string>();
    if (!relative) {
      r.wrong_type("extends", *node, "a path to a theme file");
    } else if (depth >= 8) {
      diags.error(span_of(*node), "themes extend each other more than 8 deep (a cycle?)");
    } else {
      auto real = resolve_inside(text_of(*node, *relative), base_dir, access, "theme file", diags);
      if (real)
        load_theme_file(*real, span_of(*node), limits, access, theme, diags, depth + 1,
                        join_path(base_dir, *relative));
    }
  }
  if (auto f = r.string("font")) theme.font = *f, theme.font_span = r.span("font");
  if (auto f = r.string("heading_font"))
    theme.heading_font = *f, theme.heading_font_span = r.span("heading_font");
  if (auto f = r.string("mono_font"))
    theme.mono_font = *f, theme.mono_font_span = r.span("mono_font");
  if (auto* node = r.get("fonts")) {
    if (auto* t = node->as_table()) {
      for (const auto& [key, value] : *t) {
        std::string name(key.str());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto family = value.value_exact<std::string>();
        if (!family) {
          diags.error(span_of(value), fmt::format("`fonts.{}` must be a font family name, not {}",
                                                  key.str(), describe_type(value)));
          continue;
        }
        auto it = std::find_if(theme.fonts.begin(), theme.fonts.end(),
                               [&](const auto& f) { return f.first == name; });
        Theme::ScriptFont font{*family, span_of(value)};
        if (it != theme.fonts.end()) {
          it->second = font;  // a theme overrides the one it extends
        } else {
          theme.fonts.emplace_back(name, font);
        }
      }
    } else {
      r.wrong_type(
          "fonts", *node,
          "a table of script or language = family, as in { arab = \"Noto Naskh Arabic\" }");
    }
  }
  if (auto* node = r.get("fallback")) {
    auto* arr = node->as_array();
    if (!arr) {
      r.wrong_type("fallback", *node, "a list of font family names");
    } else {
      theme.fallback.clear();
      for (const auto& item : *arr) {
        if (auto family = item.value_exact<std::string>()) {
          theme.fallback.push_back({*family, span_of(item)});
        } else {
          diags.error(span_of(item), fmt::format("`fallback` must hold font family names, not {}",
                                                 describe_type(item)));
        }
      }
    }
  }
  auto font_size = [&](std::string_view key, double& target) {
    if (auto l = r.length(key)) {
      if (l->value < 2 || l->value > 400) {
        diags.error(r.span(key), fmt::format("`{}` must be between 2pt and 400pt", key));
      } else {
        target = l->value;
      }
    }
  };
  font_size("size", theme.size);
  font_size("h1", theme.h1);
  font_size("h2", theme.h2);
  font_size("h3", theme.h3);
  if (auto lh = r.number("line_height")) {
    if (*lh < 0.5 || *lh > 4) {
      diags.error(r.span("line_height"), "`line_height` must be a factor between 0.5 and 4");
    } else {
      theme.line_height = *lh;
    }
  }
  // Colours may name each other ("rule = 'muted'"), so read them in this order.
  for (auto [key, target] : {std::pair<std::string_view, Color*>{"text", &theme.text},
                             {"muted", &theme.muted},
                             {"accent", &theme.accent},
                             {"background", &theme.background},
                             {"rule", &theme.rule},
                             {"on_accent", &theme.on_accent}}) {
    if (auto c = r.color(key)) *target = *c;
  }
  if (auto* node = r.get("palette")) {
    auto* arr = node->as_array();
    if (!arr || arr->empty()) {
      r.wrong_type("palette", *node, "a non-empty list of colours");
    } else {
      std::vector<Color> palette;
      for (const auto& item : *arr)
        if (auto c = color_of(item, &theme, diags, "palette")) palette.push_back(*c);
      if (palette.size() == arr->size()) theme.palette = std::move(palette);
    }
  }
  r.finish();
}

}  // namespace folio
