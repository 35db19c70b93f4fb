#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/span.hpp"
#include "core/template.hpp"

namespace folio {

struct Member;

// A data value from a TOML data file or a layout's [data] table, with where it was written.
struct Value {
  using Array = std::vector<Value>;
  using Table = std::vector<Member>;  // keeps the file's order

  std::variant<std::monostate, bool, int64_t, double, std::string, Array, Table> content;
  Span span;

  // Defined after the class: Value must be complete before its variant is used.
  bool is_table() const;
  bool is_array() const;
  bool is_number() const;
  double as_number() const;
  const Table* table() const;
  const Array* array() const;
  const std::string* string() const;
  const Value* member(std::string_view key) const;
  Value* member(std::string_view key);
};

// A key of a table and its value (a named struct, not std::pair: Value is
// incomplete where the table type is declared).
struct Member {
  std::string first;
  Value second;
  Member(std::string key, Value value) : first(std::move(key)), second(std::move(value)) {}
};

inline bool Value::is_table() const {
  return std::holds_alternative<Table>(content);
}
inline bool Value::is_array() const {
  return std::holds_alternative<Array>(content);
}
inline bool Value::is_number() const {
  return std::holds_alternative<int64_t>(content) || std::holds_alternative<double>(content);
}
inline const Value::Table* Value::table() const {
  return std::get_if<Table>(&content);
}
inline const Value::Array* Value::array() const {
  return std::get_if<Array>(&content);
}
inline const std::string* Value::string() const {
  return std::get_if<std::string>(&content);
}

// Follows "results.series[0].values[2]" from `root`; nullptr when any step is missing.
const Value* find_path(const Value& root, std::string_view path);

// The path closest to `path` that exists in `root`, each wrong name replaced by
// its table's closest key (a likely typo); empty when there is none.
std::string closest_existing_path(const Value& root, std::string_view path);

// The value at `path` as a template sees it.
Lookup lookup_scalar(const Value& root, std::string_view path);

// Merges `over` into `base`: tables merge key by key, anything else is replaced.
void merge_values(Value& base, const Value& over);

// Whether `path` is written as a data path: keys of letters, digits, `_` and
// `-` joined by dots, each optionally followed by indexes: "region.series[0].values[2]".
bool is_data_path(std::string_view path);

// Sets `path` ("region.name", "quarters.series[0].values[2]") to `value`.
// Missing table keys are created on the way, and an index one past the end of
// a list appends to it (so columns `values[0]`, `values[1]` build a list), but
// an index beyond that, an index into something that is not a list, or a key
// inside something that is not a table does not resolve: the value is not set
// and the reason comes back ("`quarters.series[0].values` has 4 items, so [9]
// does not exist (0 to 3)"). Empty when it was set.
std::string set_path(Value& root, std::string_view path, Value value);

// "a table", "a list", "an integer", ... for error messages.
const char* describe_type(const Value& v);

}  // namespace folio
