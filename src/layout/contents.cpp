// A contents block: one row per heading of the previous layout pass, indented
// by level, the title, dot leaders and the page number flush right; the whole
// row links to the heading. Structure: TOC > TOCI (with a Link) per row.

#include <fmt/format.h>

#include "layout/blocks.hpp"

namespace folio::layout {

std::unique_ptr<Flowable> contents_flowable(const ContentsBlock& c, double width,
                                            const Context& ctx) {
  const Theme& theme = ctx.theme();
  if (ctx.uses_page_numbers) *ctx.uses_page_numbers = true;
  std::vector<Frame> rows;
  StructId toc = ctx.element(Role::TOC);
  const double indent = theme.size * 1.4;
  const double gap = theme.size * 0.6;
  if (ctx.previous) {
    for (const auto& h : ctx.previous->headings) {
      if (!h.in_contents || h.level > c.depth) continue;
      text::TextStyle style = ctx.body();
      if (h.level == 1) style.weight = 700;
      text::TextStyle number_style = style;
      number_style.align = Align::right;
      StructId item = ctx.element(Role::TOCI, toc);
      StructId link = ctx.element(Role::Link, item);
      if (ctx.structure && link >= 0)
        ctx.structure->text(link).alt = fmt::format("{}, page {}", h.title, h.page);
      auto number = ctx.shape(text::plain_paragraph(std::to_string(h.page)), number_style,
                              theme.size * 4, {});
      double x = indent * (h.level - 1);
      double number_width = number->natural_width();
      double title_width = std::max(theme.size * 4, width - x - number_width - 2 * gap);
      auto title = ctx.shape(text::plain_paragraph(h.title), style, title_width, {});
      Frame row;
      double height = title->height();
      row.size = {width, height};
      row.add(TextItem{title, 0, title->line_count(), Point{x, 0}, style.color, item});
      // The number sits on the title's last line.
      int last = title->line_count() - 1;
      double baseline = title->line_top(last) + title->baseline(last) - title->line_top(0);
      double number_top = baseline - number->baseline(0);
      if (c.leaders) {
        double from = x + title->line_x(last) + title->line_width(last) + gap;
        double to = width - number_width - gap;
        PathItem dots;
        dots.fill = theme.muted;
        dots.tag = kArtifact;
        for (double d = std::ceil(from / 4) * 4; d + 1 <= to; d += 4)
          dots.ops.push_back({PathItem::Op::Kind::arc, Point{d, baseline - 1}, 0.6, 0, 2 * M_PI});
        if (!dots.ops.empty()) row.add(std::move(dots));
      }
      row.add(TextItem{number, 0, 1, Point{width - theme.size * 4, number_top}, style.color, item});
      row.add(LinkItem{Rect{0, 0, width, height}, "#" + h.id, link});
      rows.push_back(std::move(row));
    }
  }
  return stack_flowable(std::move(rows), theme.size * 0.35, false);
}

}  // namespace folio::layout
