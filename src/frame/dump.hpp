#pragma once

#include <string>
#include <vector>

#include "frame/frame.hpp"
#include "frame/structure.hpp"

namespace folio {

// Stable indented text of the pages, coordinates rounded to 0.1 pt, for tests
// and `folio render --dump-layout`. With a structure, each item ends with the
// element it belongs to (`<P 12>`), `<artifact>` or `<page artifact>`, and the
// structure tree follows the pages.
std::string dump_pages(const std::vector<Page>& pages, const Structure* structure = nullptr);
std::string dump_frame(const Frame& frame, int indent = 0, const Structure* structure = nullptr);
// The tree, one element per line, indented by depth: `H1 3 id=intro lang=cy`.
std::string dump_structure(const Structure& structure);

}  // namespace folio
