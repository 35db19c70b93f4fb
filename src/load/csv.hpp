#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/value.hpp"

namespace folio {

// RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and newlines;
// CRLF or LF; a UTF-8 byte-order mark is skipped. Each cell keeps its position.
struct CsvCell {
  std::string text;
  Span span;
};
using CsvRows = std::vector<std::vector<CsvCell>>;

std::optional<CsvRows> parse_csv(const std::string& text, const std::string& path,
                                 Diagnostics& diags);

// A dataset table from CSV: first row the categories, first column the series
// names, every other cell a number.
std::optional<Value> csv_dataset(const CsvRows& rows, const std::string& path, Diagnostics& diags);

}  // namespace folio
