#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.hpp"

namespace folio {

// Reads a whole text file, refusing one larger than `max_bytes` or not valid
// UTF-8 (reported with the line and column of the bad byte). `from` is where
// the file was named, for the "cannot open" error.
std::optional<std::string> read_text_file(const std::string& path, size_t max_bytes,
                                          const Span& from, Diagnostics& diags);

}  // namespace folio
