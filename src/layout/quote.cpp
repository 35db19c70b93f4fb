#include "layout/blocks.hpp"

namespace folio::layout {

Frame quote_frame(const Quote& q, double width, const Context& ctx) {
  const Theme& theme = ctx.theme();
  bool pull = q.style == QuoteStyle::pull;
  Frame f;
  // The quotation and its attribution read together: BlockQuote > P, P, P.
  StructId quote_element = ctx.element(Role::BlockQuote);
  StructId text_element = ctx.element(Role::P, quote_element);
  double indent = pull ? theme.size * 3.2 : theme.size * 1.4;
  double text_width = width - indent;

  text::TextStyle body = ctx.body();
  body.italic = !pull;
  if (pull) {
    body.size = theme.size * 1.45;
    body.line_height = 1.3;
    body.weight = 600;
    body.color = theme.text;
  }
  auto quote = ctx.shape(text::parse_markdown_inline(q.text.text), body, text_width, q.text.span);
  double y = 0;
  if (pull) {
    // A large opening mark hung in the indent, its top level with the text's cap height.
    text::TextStyle mark = ctx.with(body, theme.size * 6, 800, theme.accent);
    mark.line_height = 1;
    mark.italic = false;
    // The theme's own font draws the mark: a CJK font's full-width mark sits
    // at the right of its em square, over the text.
    mark.family = theme.families(theme.font, "");
    auto shaped = ctx.shape(text::plain_paragraph("\xE2\x80\x9C"), mark, indent, q.text.span);
    // The opening mark is read as part of the quotation.
    f.add(TextItem{shaped, 0, 1, Point{-theme.size * 0.2, -theme.size * 1.2}, mark.color,
                   text_element});
  } else {
    // Its height is set below.
    f.add(RectItem{Rect{0, 0, 2.5, 0}, theme.accent, std::nullopt, 0, 0, kArtifact});
  }
  f.add(TextItem{quote, 0, quote->line_count(), Point{indent, y}, body.color, text_element});
  y += quote->height();

  if (!q.by.empty()) {
    text::TextStyle by =
        ctx.with(ctx.body(), theme.size * 0.95, 700, pull ? theme.accent : theme.text);
    std::string attribution = "\xE2\x80\x94 " + q.by.text;  // em dash
    auto shaped = ctx.shape(text::parse_markdown_inline(attribution), by, text_width, q.by.span);
    y += theme.size * 0.6;
    f.add(TextItem{shaped, 0, shaped->line_count(), Point{indent, y}, by.color,
                   ctx.element(Role::P, quote_element)});
    y += shaped->height();
  }
  if (!q.role.empty()) {
    text::TextStyle role = ctx.paragraph(ParagraphStyle::small);
    auto shaped = ctx.shape_markdown(q.role, role, text_width);
    f.add(TextItem{shaped, 0, shaped->line_count(), Point{indent, y}, role.color,
                   ctx.element(Role::P, quote_element)});
    y += shaped->height();
  }
  if (!pull) std::get<RectItem>(f.items[0]).rect.height = y;
  f.size = {width, y};
  return f;
}

}  // namespace folio::layout
