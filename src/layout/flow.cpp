#include "layout/flow.hpp"

#include <algorithm>

#include "layout/notes.hpp"

namespace folio::layout {
namespace {

// The first piece of `block` in `height`, to see whether a block kept with it fits too.
bool first_piece_fits(const FlowBlock& block, double height) {
  if (height <= 0) return false;
  return block.flowable->place(BreakToken{}, height, false).fits;
}

}  // namespace

FlowResult flow(const std::vector<FlowBlock>& blocks, const BreakToken& from, double width,
                double height, bool at_top) {
  FlowResult result;
  result.frame.size = {width, 0};
  double y = 0;
  bool placed_any = false;
  double previous_space_after = 0;
  size_t i = from.index;
  BreakToken token = from.inner ? *from.inner : BreakToken{};
  bool continuing = from.inner != nullptr;

  auto stop = [&](size_t index, std::optional<BreakToken> inner) {
    BreakToken rest{index, nullptr};
    if (inner) rest.inner = std::make_shared<const BreakToken>(std::move(*inner));
    result.rest = std::move(rest);
    result.frame.size.height = y;
    return result;
  };

  for (; i < blocks.size(); ++i) {
    const FlowBlock& b = blocks[i];
    if (b.page_break) {
      if (i + 1 < blocks.size()) {
        result.forced = BreakBefore::page;
        result.frame.size.height = y;
        result.rest = BreakToken{i + 1, nullptr};
        return result;
      }
      continue;
    }
    if (!continuing && b.break_before != BreakBefore::none && (placed_any || !at_top)) {
      result.forced = b.break_before;
      return stop(i, std::nullopt);
    }
    double gap = placed_any && !continuing ? std::max(previous_space_after, b.space_before) : 0;
    // The footnotes referenced so far take room at the region's foot.
    double available = height - y - gap - notes_height(result.notes);
    bool region_empty = at_top && !placed_any;
    Placement p = b.flowable->place(token, available, region_empty);
    if (!p.fits) {
      if (placed_any || !region_empty) {
        return stop(i, continuing ? std::optional<BreakToken>(token) : std::nullopt);
      }
      p = b.flowable->place(token, available, true);
    }
    // A block kept with the next one (a heading) moves on when the next one's
    // first piece would not follow it here.
    if (!p.rest && b.keep_with_next && i + 1 < blocks.size() && placed_any && !continuing) {
      const FlowBlock& next = blocks[i + 1];
      double next_gap = std::max(b.space_after, next.space_before);
      if (!next.page_break && next.break_before == BreakBefore::none &&
          !first_piece_fits(next, available - p.frame.size.height - next_gap)) {
        return stop(i, std::nullopt);
      }
    }
    double block_height = p.frame.size.height;
    if (!continuing && !b.id.empty()) {
      AnchorItem target;
      target.at = Point{0, y + gap};
      target.level = 0;
      target.id = b.id;
      result.frame.add(std::move(target));
    }
    result.frame.place(std::move(p.frame), Point{0, y + gap});
    for (auto& note : p.notes) result.notes.push_back(std::move(note));
    for (auto& w : p.warnings) result.warnings.push_back(std::move(w));
    y += gap + block_height;
    placed_any = true;
    if (p.rest) return stop(i, std::move(p.rest));
    previous_space_after = b.space_after;
    continuing = false;
    token = BreakToken{};
  }
  result.frame.size.height = y;
  return result;
}

}  // namespace folio::layout
