#include "load/toml_reader.hpp"

#include <fmt/format.h>

#include <regex>

#include "core/suggest.hpp"

namespace folio {

Span span_of(const toml::source_region& region) {
  return Span{region.path, static_cast<int>(region.begin.line),
              static_cast<int>(region.begin.column), static_cast<int>(region.end.line),
              static_cast<int>(region.end.column)};
}

Span span_of(const toml::node& node) {
  return span_of(node.source());
}

const char* describe_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    default:
      return "nothing";
  }
}

TextValue text_of(const toml::node& node, const std::string& text) {
  Span span = span_of(node);
  if (span.known()) span.column += 1;  // past the opening quote
  return TextValue{text, span};
}

std::optional<Length> length_of(const toml::node& node, bool percent_allowed, Diagnostics& diags,
                                std::string_view what) {
  std::optional<Length> result;
  if (auto n = node.value<double>()) {
    result = Length{*n, false};
  } else if (auto s = node.value<std::string>()) {
    std::string error;
    result = parse_length(*s, percent_allowed, error);
    if (!result) {
      diags.error(span_of(node), fmt::format("`{}`: {}", what, error));
      return std::nullopt;
    }
  } else {
    diags.error(span_of(node),
                fmt::format("`{}` must be a length (a number of points or a string such as "
                            "\"12pt\" or \"4mm\"), not {}",
                            what, describe_type(node)));
    return std::nullopt;
  }
  if (result->value < 0) {
    diags.error(span_of(node), fmt::format("`{}` must not be negative", what));
    return std::nullopt;
  }
  return result;
}

std::optional<Color> color_of(const toml::node& node, const Theme* theme, Diagnostics& diags,
                              std::string_view what) {
  auto s = node.value<std::string>();
  if (!s) {
    diags.error(span_of(node), fmt::format("`{}` must be a colour string such as \"#0b6e99\" or "
                                           "\"accent\", not {}",
                                           what, describe_type(node)));
    return std::nullopt;
  }
  if (auto c = parse_hex_color(*s)) return c;
  if (theme) {
    if (auto c = theme->named_color(*s)) return c;
  }
  std::vector<std::string> hints;
  if (auto guess = closest_match(*s, {"text", "muted", "accent", "background", "rule"}))
    hints.push_back(fmt::format("did you mean `{}`?", *guess));
  diags.error(span_of(node),
              fmt::format("`{}`: \"{}\" is not a colour; use \"#rrggbb\", \"#rrggbbaa\" or a theme "
                          "colour (text, muted, accent, background, rule, palette.N)",
                          what, *s),
              hints);
  return std::nullopt;
}

TableReader::TableReader(const toml::table& table, Diagnostics& diags, const Theme* theme)
    : table_(table), diags_(diags), theme_(theme) {}

namespace {
thread_local AcceptedKeysLog::Keys* accepted_keys_log = nullptr;

void log_accepted(const toml::table& table, std::string_view key) {
  if (!accepted_keys_log) return;
  auto at = table.source().begin;
  (*accepted_keys_log)[{static_cast<int>(at.line), static_cast<int>(at.column)}].insert(
      std::string(key));
}
}  // namespace

AcceptedKeysLog::AcceptedKeysLog(Keys& into) : previous_(accepted_keys_log) {
  accepted_keys_log = &into;
}
AcceptedKeysLog::~AcceptedKeysLog() {
  accepted_keys_log = previous_;
}

const toml::node* TableReader::get(std::string_view key) {
  known_.push_back(key);
  log_accepted(table_, key);
  return table_.get(key);
}

void TableReader::allow(std::initializer_list<std::string_view> keys) {
  known_.insert(known_.end(), keys.begin(), keys.end());
  for (auto k : keys) log_accepted(table_, k);
}

Span TableReader::span(std::string_view key) const {
  if (auto* node = table_.get(key)) return span_of(*node);
  return span_of(table_);
}

void TableReader::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected) {
  diags_.error(span_of(node),
               fmt::format("`{}` must be {}, not {}", key, expected, describe_type(node)));
}

std::optional<std::string> TableReader::string(std::string_view key) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  if (auto s = node->value<std::string>()) return *s;
  wrong_type(key, *node, "a string");
  return std::nullopt;
}

std::optional<std::string> TableReader::language(std::string_view key) {
  auto value = string(key);
  if (!value) return std::nullopt;
  // BCP 47 in the shape ISO 32000 asks for: letters, then subtags of letters and digits.
  static const std::regex tag("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
  if (std::regex_match(*value, tag)) return value;
  diags_.error(span(key), fmt::format("`{}` is not a language tag", *value),
               {"write a BCP 47 tag such as \"en-GB\", \"cy\", \"pl\", \"ar\" or \"zh-Hans\""});
  return std::nullopt;
}

TextValue TableReader::text(std::string_view key) {
  auto* node = get(key);
  if (!node) return {};
  if (auto s = node->value_exact<std::string>()) return text_of(*node, *s);
  // Numbers are welcome as text: `value = 139` reads as "139".
  if (node->is_integer() || node->is_floating_point()) {
    double v = *node->value<double>();
    return TextValue{format_plain(v), span_of(*node)};
  }
  wrong_type(key, *node, "a string");
  return {};
}

std::optional<double> TableReader::number(std::string_view key) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  if (node->is_integer() || node->is_floating_point()) return node->value<double>();
  wrong_type(key, *node, "a number");
  return std::nullopt;
}

std::optional<int64_t> TableReader::integer(std::string_view key, int64_t min, int64_t max) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  auto v = node->value_exact<int64_t>();
  if (!v) {
    wrong_type(key, *node, "an integer");
    return std::nullopt;
  }
  if (*v < min || *v > max) {
    diags_.error(span_of(*node),
                 fmt::format("`{}` must be between {} and {}, not {}", key, min, max, *v));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  if (auto b = node->value_exact<bool>()) return b;
  wrong_type(key, *node, "true or false");
  return std::nullopt;
}

std::optional<Length> TableReader::length(std::string_view key, bool percent_allowed) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  return length_of(*node, percent_allowed, diags_, key);
}

std::optional<Color> TableReader::color(std::string_view key) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  return color_of(*node, theme_, diags_, key);
}

std::optional<std::string> TableReader::choice_text(std::string_view key,
                                                    const std::vector<std::string_view>& names) {
  auto* node = get(key);
  if (!node) return std::nullopt;
  auto s = node->value_exact<std::string>();
  std::string list;
  for (auto name : names) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", name);
  if (!s) {
    wrong_type(key, *node, "one of " + list);
    return std::nullopt;
  }
  for (auto name : names)
    if (name == *s) return s;
  std::vector<std::string> hints;
  if (auto guess = closest_match(*s, names))
    hints.push_back(fmt::format("did you mean \"{}\"?", *guess));
  diags_.error(span_of(*node), fmt::format("`{}` must be one of {}, not \"{}\"", key, list, *s),
               hints);
  return std::nullopt;
}

void TableReader::finish() {
  for (const auto& [key, node] : table_) {
    std::string_view name = key.str();
    bool known = false;
    for (auto k : known_) known = known || k == name;
    if (known) continue;
    std::vector<std::string> hints;
    std::string message = fmt::format("unknown key `{}`", name);
    if (auto guess = closest_match(name, known_))
      message += fmt::format("; did you mean `{}`?", *guess);
    diags_.error(span_of(key.source()), message, hints);
  }
}

}  // namespace folio
