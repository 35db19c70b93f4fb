#include <algorithm>
#include <limits>

#include "layout/blocks.hpp"
#include "layout/table/table.hpp"

namespace folio::layout::table {

// Slice edges come back from break tokens rounded to a thousandth of a point,
// far less than any line is tall.
constexpr double eps = 0.01;

Frame paint_row(const ShapedRow& row, const std::vector<double>& widths, const Style& style,
                bool zebra, double from, double to, bool repeated) {
  double width = 0;
  for (double w : widths) width += w;
  Frame f;
  f.size = {width, to - from};
  f.items.reserve(row.cells.size() + 2);  // a shade, the cells, a rule
  if (zebra && row.kind == RowKind::body && row.body_index % 2 == 1)
    f.add(RectItem{Rect{0, 0, width, to - from}, style.zebra, std::nullopt, 0, 0, kArtifact});
  double x = 0;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const ShapedCell& cell = row.cells[c];
    const text::ShapedText& text = *cell.text;
    int first = 0;
    while (first < text.line_count() && style.pad_y + cell.y + text.line_top(first) < from - eps)
      ++first;
    int last = first;
    while (last < text.line_count() && style.pad_y + cell.y + text.line_top(last) < to - eps)
      ++last;
    if (last > first) {
      Point origin{x + cell.x, style.pad_y + cell.y + text.line_top(first) - from};
      f.add(TextItem{cell.text, first, last, origin, text.style().color,
                     repeated ? kPagination : cell.tag});
      for (auto& link : text.links(first, last)) {
        link.box.x += origin.x;
        link.box.y += origin.y;
        size_t k = static_cast<size_t>(link.link);
        StructId tag = repeated                    ? kPagination
                       : k < cell.link_tags.size() ? cell.link_tags[k]
                                                   : kUntagged;
        f.add(LinkItem{link.box, link.url, tag});
      }
    }
    x += widths[c];
  }
  bool ends = to >= row.height - eps;
  if (row.kind == RowKind::header && ends) {
    f.add(LineItem{Point{0, to - from}, Point{width, to - from}, style.strong_rule, 0.9, false,
                   kArtifact});
  } else if (row.kind == RowKind::total && from <= eps) {
    f.add(LineItem{Point{0, 0}, Point{width, 0}, style.strong_rule, 0.9, false, kArtifact});
  } else if (row.kind == RowKind::body && ends) {
    f.add(
        LineItem{Point{0, to - from}, Point{width, to - from}, style.rule, 0.4, false, kArtifact});
  }
  return f;
}

void tag_rows(std::vector<ShapedRow>& rows, const Grid& grid, StructId table, const Context& ctx) {
  bool row_headers = grid.has_header() && !grid.columns.empty() && !grid.columns[0].numeric;
  StructId body = kUntagged;
  for (ShapedRow& row : rows) {
    bool header = row.kind == RowKind::header;
    StructId group = header              ? ctx.element(Role::THead, table)
                     : body == kUntagged ? (body = ctx.element(Role::TBody, table))
                                         : body;
    StructId tr = ctx.element(Role::TR, group);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      ShapedCell& cell = row.cells[c];
      bool th = header || (row_headers && c == 0);
      cell.tag = ctx.element(th ? Role::TH : Role::TD, tr);
      if (th && ctx.structure && cell.tag >= 0)
        (*ctx.structure)[cell.tag].scope = header ? Scope::column : Scope::row;
      cell.link_tags = link_elements(*cell.text, cell.tag, ctx);
    }
  }
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
      double top = pad_y + cell.y + text.line_top(i);
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
