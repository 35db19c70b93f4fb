#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/diagnostic.hpp"
#include "frame/frame.hpp"
#include "model/document.hpp"

namespace folio::layout {

// Where a block resumes after a break: an index (a line, a row, a child
// block) and, for blocks holding other blocks, the child's own token.
struct BreakToken {
  size_t index = 0;
  std::shared_ptr<const BreakToken> inner;
};

struct Placement {
  Frame frame;                     // frame.size.height is the height used
  std::optional<BreakToken> rest;  // where to go on in the next region; nullopt: finished
  bool fits = true;                // false: nothing could be placed in the space given
  // The footnotes referenced by what was placed, for the foot of the region.
  std::vector<std::shared_ptr<const Frame>> notes;
  // What placing found (a block kept whole that had to split). place() is
  // called many times for the same block (to balance columns, to probe a
  // fit), so it reports nothing itself: pagination reports each warning once.
  std::vector<Diagnostic> warnings;
  static Placement nothing() {
    Placement p;
    p.fits = false;
    return p;
  }
};

// A block prepared for one width. place() lays out as much as fits from
// `from` in `height`; with `at_top` the region is empty, so the block must
// place something (overflowing if it must) so that pagination always advances.
class Flowable {
 public:
  virtual ~Flowable() = default;
  virtual Placement place(const BreakToken& from, double height, bool at_top) const = 0;
};

// A block of the flow with its spacing and break rules resolved.
struct FlowBlock {
  std::unique_ptr<Flowable> flowable;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
  BreakBefore break_before = BreakBefore::none;
  bool page_break = false;  // a `page_break` block
  Span span;
  std::string id;          // a link target: an anchor marks where the block starts
  std::string page_style;  // the block starts a page in this style
};

}  // namespace folio::layout
