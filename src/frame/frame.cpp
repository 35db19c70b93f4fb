#include "frame/frame.hpp"

namespace folio {

void Frame::place(Frame child, Point at) {
  if (child.items.empty()) return;
  items.push_back(GroupItem{at, std::make_shared<const Frame>(std::move(child))});
}

}  // namespace folio

namespace folio {

void for_each_item(const Frame& frame, Point origin,
                   const std::function<void(const FrameItem&, Point origin)>& visit) {
  for (const auto& item : frame.items) {
    if (auto* g = std::get_if<GroupItem>(&item)) {
      for_each_item(*g->frame, Point{origin.x + g->offset.x, origin.y + g->offset.y}, visit);
    } else {
      visit(item, origin);
    }
  }
}

void tag_untagged(Frame& frame, StructId tag) {
  for (auto& item : frame.items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, GroupItem>) {
            Frame copy = *it.frame;  // shared and immutable: tag a copy
            tag_untagged(copy, tag);
            it.frame = std::make_shared<const Frame>(std::move(copy));
          } else if constexpr (requires { it.tag; }) {
            if (it.tag == kUntagged) it.tag = tag;
          }
        },
        item);
  }
}

}  // namespace folio
