#pragma once

#include "frame/frame.hpp"
#include "layout/context.hpp"
#include "model/document.hpp"

namespace folio::layout {

// A chart block laid out as one frame of rectangles, lines, paths and text:
// bar (vertical or horizontal, grouped or stacked), line, or donut. Problems
// (labels that cannot be placed, negative shares) go to ctx.diags.
Frame chart_frame(const Chart& chart, double width, const Context& ctx);

}  // namespace folio::layout
