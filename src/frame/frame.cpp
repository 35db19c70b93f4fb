#include "frame/frame.hpp"

namespace folio {

std::string page_number_label(PageNumbering numbering, int number) {
  switch (numbering) {
    case PageNumbering::arabic:
      return std::to_string(number);
    case PageNumbering::roman: {
      static constexpr std::pair<int, const char*> kDigits[] = {
          {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
          {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
      std::string out;
      for (const auto& [value, digits] : kDigits)
        for (; number >= value; number -= value) out += digits;
      return out;
    }
    case PageNumbering::none:
      break;
  }
  return "";
}

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

namespace folio {
namespace {

double flip(double x, double w, double width) {
  return width - x - w;
}

Rect flip(Rect r, double width) {
  r.x = flip(r.x, r.width, width);
  return r;
}

}  // namespace

Frame mirrored(const Frame& frame, double width) {
  Frame out;
  out.size = frame.size;
  out.items.reserve(frame.items.size());
  for (const auto& item : frame.items) {
    out.items.push_back(std::visit(
        [&](const auto& it) -> FrameItem {
          using T = std::decay_t<decltype(it)>;
          T m = it;
          if constexpr (std::is_same_v<T, TextItem>) {
            // The text's box: the width it was broken at (its lines are aligned
            // within it), or its widest line when it was set on one line.
            double w = it.text->width() > 0 ? it.text->width() : it.text->natural_width();
            m.origin.x = flip(it.origin.x, w, width);
          } else if constexpr (std::is_same_v<T, RectItem> || std::is_same_v<T, ImageItem> ||
                               std::is_same_v<T, LinkItem>) {
            m.rect = flip(it.rect, width);
          } else if constexpr (std::is_same_v<T, LineItem>) {
            m.from.x = width - it.from.x;
            m.to.x = width - it.to.x;
          } else if constexpr (std::is_same_v<T, PathItem>) {
            for (auto& op : m.ops) {
              op.p.x = width - op.p.x;
              // An arc turned over runs the other way round, from pi - a to
              // pi - b (the painter draws a decreasing arc counter-clockwise).
              if (op.kind == PathItem::Op::Kind::arc) {
                constexpr double kPi = 3.14159265358979323846;
                op.angle_from = kPi - op.angle_from;
                op.angle_to = kPi - op.angle_to;
              }
            }
          } else if constexpr (std::is_same_v<T, AnchorItem>) {
            m.at.x = width - it.at.x;
          } else if constexpr (std::is_same_v<T, GroupItem>) {
            double w = it.frame->size.width;
            m.offset.x = flip(it.offset.x, w, width);
            m.frame = std::make_shared<const Frame>(mirrored(*it.frame, w));
          }
          return m;
        },
        item));
  }
  return out;
}

}  // namespace folio
