#pragma once

#include <vector>

#include "core/diagnostic.hpp"
#include "frame/frame.hpp"
#include "frame/structure.hpp"
#include "model/document.hpp"

namespace folio {

struct LayoutOptions {
  size_t max_pages = 5000;
};

// Flows a bound document's blocks through its pages (and body columns), then
// adds the header, footer and page decorations. Problems found on the way
// (text no font can draw, content that cannot fit) go into `diags`. With
// `structure`, the document's structure tree is built there (it must be
// empty: just its Document element) and the items name their elements.
std::vector<Page> layout_document(const Document& doc, Diagnostics& diags,
                                  const LayoutOptions& options = {},
                                  Structure* structure = nullptr);

}  // namespace folio
