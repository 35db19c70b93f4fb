#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/number_parse.hpp"
#include "model/data_table.hpp"
#include "model/dataset.hpp"
#include "model/value.hpp"

namespace folio {

// RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and newlines;
// CRLF, LF or a lone CR; a UTF-8 byte-order mark is skipped; a row of nothing
// but empty fields is no row. Each cell keeps its position (for manifests,
// where every cell becomes a value of its own).
struct CsvCell {
  std::string text;
  Span span;
};
using CsvRows = std::vector<std::vector<CsvCell>>;

std::optional<CsvRows> parse_csv(const std::string& text, const std::string& path,
                                 Diagnostics& diags);

// How a CSV file becomes a typed table.
struct CsvOptions {
  // Declared column types; a column not named here is inferred: number when
  // every non-empty cell reads as one (parse_number_text), percent when every
  // one ends in %, date when every one is an ISO date (2012-01-31), else text.
  std::map<std::string, ColumnType, std::less<>> types;
  Span types_span;  // where `types` was written, for a column it names that the file lacks
  DecimalMark decimal = DecimalMark::point;
};

// The CSV as a table of named, typed columns: the first row names them. The
// text is read twice (types, then values) without a string per cell, so a
// million rows cost little more than their numbers. A cell that does not fit
// its declared type is one error at its line and column (with a count of the
// others), a ragged row one error per row.
std::optional<DataTable> read_csv_table(std::string_view text, const std::string& path,
                                        const CsvOptions& options, Diagnostics& diags);

// True for "2012-01-31", optionally followed by a time ("T10:00", " 10:00:00").
bool is_iso_date(std::string_view text);

}  // namespace folio
