#pragma once

#include <optional>
#include <string>

#include "folio.hpp"

namespace folio::bulk {

// A layout loaded once for many documents: parsed, its theme read, and the
// data files every document shares merged into its [data]. Each document of
// a bulk build is a copy of it with its own data merged over.
struct PreparedLayout {
  Document document;  // unbound: its templates are still {{ ... }}
  BuildOptions options;
};

// Loads the layout and the shared data files (`options.load.data_files`);
// --set values are kept for after each document's own data.
std::optional<PreparedLayout> prepare_layout(const std::string& layout_path,
                                             const BuildOptions& options, Diagnostics& diags);

// The data one document sees: the shared data, then `own`, then --set values.
Value document_data(const PreparedLayout& prepared, const Value& own);

// Binds and lays out a copy of the prepared layout with `data` (from
// document_data); nullopt when an error was reported.
std::optional<Built> build_document(const PreparedLayout& prepared, Value data, Diagnostics& diags);

}  // namespace folio::bulk
