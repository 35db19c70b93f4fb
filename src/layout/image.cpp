// An image block: the picture at its width (a length, a percentage of the
// space, or its natural size when that fits), aligned, with its caption below.
#include <fmt/format.h>

#include <algorithm>

#include "layout/blocks.hpp"

namespace folio::layout {

Frame image_frame(const Image& img, double width, const Context& ctx) {
  double natural_w = std::max(1.0, img.natural.width);
  double natural_h = std::max(1.0, img.natural.height);
  double w = img.width ? img.width->resolve(width) : natural_w;
  w = std::clamp(w, 1.0, width);
  double h = w * natural_h / natural_w;
  // An image taller than a whole page could never be placed: scale it to fit.
  double room = ctx.region.height - (img.caption.empty() ? 0 : ctx.theme().size * 3);
  if (h > room && room > 0) {
    ctx.diags.warning(img.src.span,
                      fmt::format("the image is {:.0f} pt tall, more than a page holds; it is "
                                  "scaled down to {:.0f} pt",
                                  h, room));
    w *= room / h;
    h = room;
  }
  Align align = ctx.layout_align(img.align);
  double x = align == Align::right ? width - w : align == Align::center ? (width - w) / 2 : 0;

  Frame frame;
  // A Figure described by its `alt` (binding warns when it is missing), then its Caption.
  StructId figure = ctx.element(Role::Figure);
  if (ctx.structure && figure >= 0) ctx.structure->text(figure).alt = img.alt.text;
  frame.add(ImageItem{Rect{x, 0, w, h}, img.resolved_path, figure});
  double height = h;
  if (!img.caption.empty()) {
    text::TextStyle style = ctx.paragraph(ParagraphStyle::note);
    style.align = align;
    auto shaped = ctx.shape_markdown(img.caption, style, width);
    double gap = style.size * 0.6;
    frame.add(TextItem{shaped, 0, shaped->line_count(), Point{0, h + gap}, style.color,
                       ctx.element(Role::Caption)});
    height += gap + shaped->height();
  }
  frame.size = {width, height};
  return frame;
}

}  // namespace folio::layout
