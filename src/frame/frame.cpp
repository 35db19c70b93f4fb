#include "frame/frame.hpp"

namespace folio {

void Frame::place(Frame child, Point at) {
  if (child.items.empty()) return;
  items.push_back(GroupItem{at, std::make_shared<const Frame>(std::move(child))});
}

}  // namespace folio

namespace folio {

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
