#pragma once

#include <vector>

#include "layout/context.hpp"
#include "layout/flowable.hpp"

namespace folio::layout {

struct FlowResult {
  Frame frame;
  std::optional<BreakToken> rest;          // nullopt when every block was placed
  BreakBefore forced = BreakBefore::none;  // the region ended at a break_before or page_break
  // The footnotes referenced in the region, in order; the blocks left room for them.
  std::vector<std::shared_ptr<const Frame>> notes;
  std::vector<Diagnostic> warnings;  // from the blocks placed (Placement::warnings)
};

// Places blocks top to bottom into one region (a column of a page, a box's
// inside), from `from` (index: block, inner: that block's token).
FlowResult flow(const std::vector<FlowBlock>& blocks, const BreakToken& from, double width,
                double height, bool at_top);

// The blocks of a list prepared for a width.
std::vector<FlowBlock> prepare_blocks(const std::vector<Block>& blocks, double width,
                                      const Context& ctx, int depth = 0);

}  // namespace folio::layout
