#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/load.hpp"
#include "model/value.hpp"

namespace folio::bulk {

// One document of a manifest: the data its row gives, and the row's problems.
struct ManifestRow {
  Value data;          // a table built from the row's cells
  Span span;           // the row's first cell
  Diagnostics errors;  // this row's own problems: they fail only its document
};

// Reads a CSV manifest: the header row holds dotted data paths
// ("region.name", "stats.children"), each further row is one document whose
// cells set those paths. A cell that reads as a number becomes a number
// (but "007" stays text), true/false a boolean; an empty cell sets nothing (so `default(...)`
// applies). nullopt when the file or its header is unusable.
std::optional<std::vector<ManifestRow>> read_manifest(const std::string& path, const Limits& limits,
                                                      Diagnostics& diags);

}  // namespace folio::bulk
