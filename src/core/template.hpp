#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/locale.hpp"

namespace folio {

// A data value as a template sees it.
using Scalar = std::variant<std::monostate, bool, int64_t, double, std::string>;

// Resolves a path such as "results.series[0].values[2]"; nullopt when the path
// does not exist, or `not_scalar` set when it names a table or list.
struct Lookup {
  Lookup() = default;
  Lookup(std::optional<Scalar> found, bool table_or_list)
      : value(std::move(found)), not_scalar(table_or_list) {}

  std::optional<Scalar> value;
  bool not_scalar = false;
  // When the path does not exist: the closest path that does (a likely typo), if any.
  std::string closest;
  // When the path does not exist but might (its data could not be read): not reported.
  bool unknown = false;
};
using Resolver = std::function<Lookup(std::string_view path)>;

// Applied to every expanded value, so text that comes from data is never read
// as markup by the stage that reads the string next.
using Escaper = std::function<std::string(std::string_view)>;

struct TemplateIssue {
  size_t offset = 0;  // byte offset into the template text
  std::string message;
  std::vector<std::string> hints;
};

struct Expansion {
  std::string text;
  std::vector<TemplateIssue> issues;
  bool ok() const { return issues.empty(); }
};

// Replaces every {{ path | filter | ... }} of `text`. Filters: number,
  // number(N), number(N, "de"), percent (likewise), date, date("pl"), signed,
  // upper, lower, pad(N) (a whole number zero-padded to N digits: 7 -> 007),
  // default("text"); numbers and dates follow `locale` unless the filter names
  // another. `max_size` bounds the result so a huge value cannot exhaust memory.
Expansion expand_template(std::string_view text, const Resolver& resolve,
                          const Escaper& escape = nullptr, size_t max_size = 1 << 20,
                          const Locale& locale = default_locale());

// True when `text` holds a placeholder at all (the fast path skips the rest).
inline bool has_placeholder(std::string_view text) {
  return text.find("{{") != std::string_view::npos;
}

// Backslash-escapes every CommonMark punctuation character, and '<' '&'.
std::string escape_markdown(std::string_view text);

// Plain text of a scalar without any filter: 18887 -> "18887", true -> "true".
std::string scalar_text(const Scalar& value);

}  // namespace folio
