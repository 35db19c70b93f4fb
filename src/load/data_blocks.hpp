#pragma once

// Typed tables into what blocks draw: a chart's categories and series, a
// table's rows, and a TOML array of tables into a typed table.

#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace folio {

// A TOML array of tables ([[data.people]] or people = [{ ... }, ...]) as a
// typed table: a column per key, in the order keys first appear; numbers are
// numbers, strings are read as numbers, percentages or dates when every one
// of the column reads so (as a CSV's cells are), else text.
std::optional<DataTable> table_from_values(const Value& array, std::string_view name,
                                           Diagnostics& diags);

// A SQLite query's result as a typed table, its columns typed as a list's are.
std::optional<DataTable> table_from_query(const std::vector<std::string>& columns,
                                          const std::vector<std::vector<Value>>& rows,
                                          std::string_view name, const Span& span,
                                          Diagnostics& diags);

// A chart's numbers from a typed table. The first column gives the categories
// and every other column of numbers a series (text columns after the first
// are left out, as pandas' plot does). A table whose first column has no name
// (a CSV whose top-left cell is empty) is the wide grid of earlier versions:
// its header row gives the categories and each row a series. A cell that is
// not a number is reported once, at its line and column. `use` is the block's
// `data` key.
std::optional<Dataset> dataset_from_table(const DataTable& table, std::string_view name,
                                          const Span& use, Diagnostics& diags);

// True for the wide grid (first header cell empty): a table shows it as a
// dataset (one row per series), as it always has.
bool is_wide_grid(const DataTable& table);

// A table block's columns and rows from a typed table: a header cell per
// column (unless the layout titles it), text and dates as plain text, numbers
// as numbers, percent columns formatted as percentages unless the layout says.
void fill_table_rows(const DataTable& table, TableBlock& block);

// The value of one cell as a template sees it.
Scalar cell_scalar(const DataColumn& column, size_t row);

}  // namespace folio
