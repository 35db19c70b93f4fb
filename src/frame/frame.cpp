#include "frame/frame.hpp"

namespace folio {

void Frame::place(Frame child, Point at) {
  if (child.items.empty()) return;
  items.push_back(GroupItem{at, std::make_shared<const Frame>(std::move(child))});
}

}  // namespace folio
