#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/load.hpp"
#include "model/value.hpp"

namespace folio::bulk {

// One document of a manifest (or of a query's row): the values its cells
// give, and the row's problems.
struct ManifestRow {
  std::vector<DataAssignment> cells;  // applied over the layout's data, before --set
  Span span;                          // the row's first cell
  Diagnostics errors;                 // this row's own problems: they fail only its document
};

// Reads a CSV manifest: the header row holds data paths ("region.name",
// "stats.children", "region.series[0].values[2]"), each further row is one
// document whose cells set those paths in the layout's data; a path that does
// not resolve there fails that document, at the cell. A cell that reads as a
// number becomes a number (but "007" stays text), true/false a boolean; an
// empty cell sets nothing (so `default(...)` applies). nullopt when the file
// or its header is unusable.
std::optional<std::vector<ManifestRow>> read_manifest(const std::string& path, const Limits& limits,
                                                      Diagnostics& diags);

// The same from a SQLite query (--each-query): each row of `sql` on the
// database `path` (opened read-only) is one document, each column named by a
// data path (`SELECT name AS "region.name", q1 AS "sales.series[0].values[0]"`).
// Cells keep their SQL types; NULL sets nothing. A cell's position is
// `path:ROW:COLUMN` of the query's result. nullopt when the database, the
// query or a column name is unusable.
std::optional<std::vector<ManifestRow>> read_query_rows(const std::string& path,
                                                        const std::string& sql,
                                                        const Limits& limits, Diagnostics& diags);

}  // namespace folio::bulk
