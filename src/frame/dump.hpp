#pragma once

#include <string>
#include <vector>

#include "frame/frame.hpp"

namespace folio {

// Stable indented text of the pages, coordinates rounded to 0.1 pt, for tests
// and `folio render --dump-layout`.
std::string dump_pages(const std::vector<Page>& pages);
std::string dump_frame(const Frame& frame, int indent = 0);

}  // namespace folio
