#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace folio {

// What a column of a data table holds. A percent column holds fractions
// (12% is 0.12) and prints as a percentage; a date column holds ISO dates
// ("2012-01-31"), which sort and compare as text.
enum class ColumnType { text, number, percent, date };

std::string_view column_type_name(ColumnType type);
inline bool is_numeric(ColumnType type) {
  return type == ColumnType::number || type == ColumnType::percent;
}

// One named column. Numbers are stored as doubles (NaN: no value); text and
// dates as codes into a dictionary of distinct strings, so a million rows of a
// few distinct words cost four bytes each and group quickly ("" is no value).
struct DataColumn {
  std::string name;
  ColumnType type = ColumnType::text;
  std::vector<double> numbers;       // numeric types
  std::vector<uint32_t> codes;       // text and date
  std::vector<std::string> strings;  // the dictionary of text and date
  Span span;                         // where the column is named (a CSV header cell)
  // Numbers that name rather than count (a year, a month's number): printed
  // without thousands separators and never summed into a table's totals.
  bool label = false;
  // Where a text column was read from a file: its first cell that is not a
  // number, and how many are not, so a block that needs numbers reports that
  // cell once; and its first empty cell.
  Span first_non_number;
  std::string first_non_number_text;
  size_t non_numbers = 0;
  size_t first_non_number_row = 0;
  Span first_missing;
  size_t first_missing_row = 0;

  size_t size() const { return is_numeric(type) ? numbers.size() : codes.size(); }
  bool numeric() const { return is_numeric(type); }
  double number(size_t row) const { return numbers[row]; }
  const std::string& text(size_t row) const { return strings[codes[row]]; }
  bool missing(size_t row) const {
    return numeric() ? std::isnan(numbers[row]) : strings[codes[row]].empty();
  }
};

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// A table of named, typed columns of equal length: a CSV file, a SQLite
// query, a TOML array of tables, or what a transform made of one of those.
struct DataTable {
  std::vector<DataColumn> columns;
  size_t rows = 0;
  Span span;  // where the data came from (the file, or the [dataset.NAME] table)

  const DataColumn* column(std::string_view name) const {
    for (const auto& c : columns)
      if (c.name == name) return &c;
    return nullptr;
  }
};

// Builds a text or date column one value at a time, sharing equal strings.
class TextColumnBuilder {
 public:
  explicit TextColumnBuilder(DataColumn& column);
  void push(std::string_view text);

 private:
  DataColumn& column_;
  std::vector<uint32_t> slots_;  // open-addressing hash of dictionary indexes (+1; 0: empty)
  void grow();
};

}  // namespace folio
