#pragma once

#include <vector>

#include "frame/frame.hpp"
#include "layout/context.hpp"

namespace folio::layout {

// Adds each page's header and footer (with its page number, the page count
// and the current level-1 section) and the page background.
void add_running_text(std::vector<Page>& pages, const Context& ctx);

}  // namespace folio::layout
