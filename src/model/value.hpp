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

// A data value from a TOML data file or a layout's [data] table, with where it was written.
struct Value {
  using Array = std::vector<Value>;
  using Table = std::vector<std::pair<std::string, Value>>;  // keeps the file's order

  std::variant<std::monostate, bool, int64_t, double, std::string, Array, Table> content;
  Span span;

  bool is_table() const { return std::holds_alternative<Table>(content); }
  bool is_array() const { return std::holds_alternative<Array>(content); }
  bool is_number() const {
    return std::holds_alternative<int64_t>(content) || std::holds_alternative<double>(content);
  }
  double as_number() const;
  const Table* table() const { return std::get_if<Table>(&content); }
  const Array* array() const { return std::get_if<Array>(&content); }
  const std::string* string() const { return std::get_if<std::string>(&content); }
  const Value* member(std::string_view key) const;
  Value* member(std::string_view key);
};

// Follows "results.series[0].values[2]" from `root`; nullptr when any step is missing.
const Value* find_path(const Value& root, std::string_view path);

// The value at `path` as a template sees it.
Lookup lookup_scalar(const Value& root, std::string_view path);

// Merges `over` into `base`: tables merge key by key, anything else is replaced.
void merge_values(Value& base, const Value& over);

// Sets `path` (dots only) to `value`, creating tables on the way.
void set_path(Value& root, std::string_view path, Value value);

// "a table", "a list", "an integer", ... for error messages.
const char* describe_type(const Value& v);

}  // namespace folio
