#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace folio {

Span span_of(const toml::node& node);
Span span_of(const toml::source_region& region);
const char* describe_type(const toml::node& node);

// Reads one TOML table key by key. Every key asked for counts as known;
// finish() reports the rest as unknown, with the closest known key as a hint.
class TableReader {
 public:
  TableReader(const toml::table& table, Diagnostics& diags, const Theme* theme = nullptr);

  const toml::node* get(std::string_view key);
  void allow(std::initializer_list<std::string_view> keys);
  Span span() const { return span_of(table_); }
  Span span(std::string_view key) const;

  std::optional<std::string> string(std::string_view key);
  // A BCP 47 language tag; anything else is an error at the value.
  std::optional<std::string> language(std::string_view key);
  TextValue text(std::string_view key);
  std::optional<double> number(std::string_view key);
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max);
  std::optional<bool> boolean(std::string_view key);
  std::optional<Length> length(std::string_view key, bool percent_allowed = false);
  std::optional<Color> color(std::string_view key);
  template <class E>
  std::optional<E> choice(std::string_view key,
                          std::initializer_list<std::pair<std::string_view, E>> options);

  // Reports a value of the wrong type at `key`.
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);
  void finish();

  Diagnostics& diags() { return diags_; }
  const Theme* theme() const { return theme_; }

 private:
  std::optional<std::string> choice_text(std::string_view key,
                                         const std::vector<std::string_view>& names);

  const toml::table& table_;
  Diagnostics& diags_;
  const Theme* theme_;
  std::vector<std::string_view> known_;
};

// While one lives, every TableReader on this thread records the keys it
// accepts (asked for or allowed) by its table's line and column: how the test
// of format_keys.hpp learns what the loader accepts.
class AcceptedKeysLog {
 public:
  using Keys = std::map<std::pair<int, int>, std::set<std::string>>;
  explicit AcceptedKeysLog(Keys& into);
  ~AcceptedKeysLog();
  AcceptedKeysLog(const AcceptedKeysLog&) = delete;
  AcceptedKeysLog& operator=(const AcceptedKeysLog&) = delete;

 private:
  Keys* previous_;
};

// A TextValue from a string node (span at the first character inside the quotes).
TextValue text_of(const toml::node& node, const std::string& text);

// Parses a length value node (number of points or a string with a unit).
std::optional<Length> length_of(const toml::node& node, bool percent_allowed, Diagnostics& diags,
                                std::string_view what);
// Parses a colour value node: "#rrggbb", "#rrggbbaa" or a theme colour name.
std::optional<Color> color_of(const toml::node& node, const Theme* theme, Diagnostics& diags,
                              std::string_view what);

template <class E>
std::optional<E> TableReader::choice(
    std::string_view key, std::initializer_list<std::pair<std::string_view, E>> options) {
  std::vector<std::string_view> names;
  for (const auto& [name, value] : options) names.push_back(name);
  auto chosen = choice_text(key, names);
  if (!chosen) return std::nullopt;
  for (const auto& [name, value] : options)
    if (name == *chosen) return value;
  return std::nullopt;
}

}  // namespace folio
