#include <algorithm>
#include <limits>

#include "layout/table/table.hpp"

namespace folio::layout::table {

// Slice edges come back from break tokens rounded to a thousandth of a point,
// far less than any line is tall.
constexpr double eps = 0.01;

Frame paint_row(const ShapedRow& row, const std::vector<double>& widths, const Style& style,
                bool zebra, double from, double to) {
  double width = 0;
  for (double w : widths) width += w;
  Frame f;
  f.size = {width, to - from};
  if (zebra && row.kind == RowKind::body && row.body_index % 2 == 1)
    f.add(RectItem{Rect{0, 0, width, to - from}, style.zebra, std::nullopt, 0, 0});
  double x = 0;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const ShapedCell& cell = row.cells[c];
    const text::ShapedText& text = *cell.text;
    int first = 0;
    while (first < text.line_count() && style.pad_y + text.line_top(first) < from - eps) ++first;
    int last = first;
    while (last < text.line_count() && style.pad_y + text.line_top(last) < to - eps) ++last;
    if (last > first) {
      Point origin{x + cell.x, style.pad_y + text.line_top(first) - from};
      f.add(TextItem{cell.text, first, last, origin, text.style().color});
      for (auto& link : text.links(first, last)) {
        link.box.x += origin.x;
        link.box.y += origin.y;
        f.add(LinkItem{link.box, link.url});
      }
    }
    x += widths[c];
  }
  bool ends = to >= row.height - eps;
  if (row.kind == RowKind::header && ends) {
    f.add(LineItem{Point{0, to - from}, Point{width, to - from}, style.strong_rule, 0.9, false});
  } else if (row.kind == RowKind::total && from <= eps) {
    f.add(LineItem{Point{0, 0}, Point{width, 0}, style.strong_rule, 0.9, false});
  } else if (row.kind == RowKind::body && ends) {
    f.add(LineItem{Point{0, to - from}, Point{width, to - from}, style.rule, 0.4, false});
  }
  return f;
}

double split_point(const ShapedRow& row, double pad_y, double from, double height) {
  constexpr double none = std::numeric_limits<double>::infinity();
  double limit = from + height;
  double cut = none;
  double first_bottom = none;  // the lowest step that still makes progress
  for (const ShapedCell& cell : row.cells) {
    const text::ShapedText& text = *cell.text;
    bool first_remaining = true;
    for (int i = 0; i < text.line_count(); ++i) {
      double top = pad_y + text.line_top(i);
      double bottom = top + text.line_height(i);
      if (top < from - eps) continue;
      if (first_remaining) first_bottom = std::min(first_bottom, bottom);
      first_remaining = false;
      if (bottom > limit + eps) {
        cut = std::min(cut, top);
        break;
      }
    }
  }
  if (cut == none) return row.height;
  if (cut <= from + eps) return std::min(row.height, first_bottom);  // not even one line fits
  return cut;
}

}  // namespace folio::layout::table
