#pragma once

#include <memory>

#include "layout/context.hpp"
#include "layout/flowable.hpp"

namespace folio::layout {

// A table block prepared for `width`: rows split across regions with the
// header repeated, the caption on the first part, the notes on the last.
std::unique_ptr<Flowable> table_flowable(const TableBlock& table, const Span& block_span,
                                         double width, const Context& ctx, bool keep_together);

}  // namespace folio::layout
