// A contents block: one row per heading of the previous layout pass, indented
// by level, the title, dot leaders and the page number flush right; the whole
// row links to the heading. Structure: TOC > TOCI (with a Link) per row.

#include <fmt/format.h>

#include "layout/blocks.hpp"

namespace folio::layout {
namespace {

// The document's headings as written, before any layout, in order: the first
// pass lists them with a stand-in page number, so that the contents are as long
// as they will be and the pages after them need not move on the next pass.
void headings_in(const std::vector<Block>& blocks, std::vector<Introspection::Heading>& out) {
  for (const Block& b : blocks) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, Heading>) {
            std::string title = plain_text(text::parse_markdown_inline(c.text.text));
            if (!title.empty())
              out.push_back({title, c.level, 0, heading_id(c, b.id), c.in_contents});
          } else if constexpr (std::is_same_v<T, Box> || std::is_same_v<T, ColumnsBlock>) {
            headings_in(c.blocks, out);
          }
        },
        b.content);
  }
}

}  // namespace

std::unique_ptr<Flowable> contents_flowable(const ContentsBlock& c, double width,
                                            const Context& ctx) {
  const Theme& theme = ctx.theme();
  if (ctx.uses_page_numbers) *ctx.uses_page_numbers = true;
  std::vector<Frame> rows;
  StructId toc = ctx.element(Role::TOC);
  const double indent = theme.size * 1.4;
  const double gap = theme.size * 0.6;
  std::vector<Introspection::Heading> written;
  if (!ctx.previous) headings_in(ctx.doc.blocks, written);
  {
    for (const auto& h : ctx.previous ? ctx.previous->headings : written) {
      if (!h.in_contents || h.level > c.depth) continue;
      text::TextStyle style = ctx.body();
      if (h.level == 1) style.weight = 700;
      text::TextStyle number_style = style;
      number_style.align = Align::right;
      StructId item = ctx.element(Role::TOCI, toc);
      StructId link = ctx.element(Role::Link, item);
      // The page's number as printed on it ("iv" in roman front matter).
      std::string label = ctx.previous ? ctx.previous->label(h.page) : "00";
      if (ctx.structure && link >= 0)
        ctx.structure->text(link).alt = fmt::format("{}, page {}", h.title, label);
      auto number = ctx.shape(text::plain_paragraph(label), number_style, theme.size * 4, {});
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
        // Dots on a 4 pt grid across all rows, so that they line up down the page.
        double first = std::ceil(from / 4) * 4, last = std::floor((to - 1) / 4) * 4;
        if (last >= first) {
          LineItem dots{Point{first, baseline - 1}, Point{last, baseline - 1}, theme.muted, 1.2};
          dots.tag = kArtifact;
          dots.dot_pitch = 4;
          row.add(std::move(dots));
        }
      }
      row.add(TextItem{number, 0, 1, Point{width - theme.size * 4, number_top}, style.color, item});
      row.add(LinkItem{Rect{0, 0, width, height}, "#" + h.id, link});
      rows.push_back(std::move(row));
    }
  }
  return stack_flowable(std::move(rows), theme.size * 0.35, false);
}

}  // namespace folio::layout
