#pragma once

// The transforms a [dataset.NAME] table declares, one function each, every one
// a pure function from a table to a table (or errors at the expression that
// named something wrong). apply_transforms() runs them in their fixed order.

#include <optional>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/dataset.hpp"

namespace folio {

// `derive` and `compute`: new columns, each "FUNCTION(column) [as name]" or
// "a OP b as name" (OP: + - * /; a and b columns or numbers). Row functions:
// year, month, month_name, quarter, day, year_month of a date. Column
// functions: share (of the column's total, a percent), change (from the
// previous row), pct_change (a percent), cumsum.
std::optional<DataTable> add_columns(DataTable table, const std::vector<SpecText>& expressions,
                                     Diagnostics& diags);

// `filter`: keeps the rows where every "column OP value" holds (OP: == != < <=
// > >=; a value is a number or 'quoted text'; dates compare as 'YYYY-MM-DD').
std::optional<DataTable> filter_rows(const DataTable& table,
                                     const std::vector<SpecText>& conditions, Diagnostics& diags);

// `group_by` + `aggregate`: one row per distinct key, in the order each first
// appears, with "FUNCTION(column) [as name]" per aggregate (sum, mean, median,
// min, max, count; count() counts rows). No keys: one row for the whole table.
// Missing values are skipped, as pandas does.
std::optional<DataTable> group_rows(const DataTable& table, const std::vector<SpecText>& keys,
                                    const std::vector<SpecText>& aggregates, Diagnostics& diags);

// `pivot`: one row per `index` value and one column per `columns` value (each
// in the order it first appears), holding `aggfunc` of `values`.
std::optional<DataTable> pivot_rows(const DataTable& table, const PivotSpec& pivot,
                                    Diagnostics& diags);

// `sort`: "column" (ascending), "-column" or "column desc"; stable; missing last.
std::optional<DataTable> sort_rows(const DataTable& table, const std::vector<SpecText>& keys,
                                   Diagnostics& diags);

// `limit`: the first `n` rows.
DataTable limit_rows(DataTable table, size_t n);

// `select`: these columns, in this order ("column as name" renames).
std::optional<DataTable> select_columns(const DataTable& table, const std::vector<SpecText>& names,
                                        Diagnostics& diags);

// Every transform `spec` declares, in order.
std::optional<DataTable> apply_transforms(DataTable table, const DatasetSpec& spec,
                                          Diagnostics& diags);

// The rows `rows` of `table`, in that order.
DataTable take_rows(const DataTable& table, const std::vector<size_t>& rows);

}  // namespace folio
