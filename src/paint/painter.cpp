#include "paint/painter.hpp"

#include <pango/pangocairo.h>

#include <cmath>

#include "core/overloaded.hpp"
#include "paint/cairo_handles.hpp"
#include "paint/images.hpp"

namespace folio {
namespace {

void set_color(cairo_t* cr, const Color& c) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

void rounded_rect(cairo_t* cr, const Rect& r, double radius) {
  if (radius <= 0) {
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    return;
  }
  radius = std::min({radius, r.width / 2, r.height / 2});
  cairo_new_sub_path(cr);
  cairo_arc(cr, r.right() - radius, r.y + radius, radius, -M_PI / 2, 0);
  cairo_arc(cr, r.right() - radius, r.bottom() - radius, radius, 0, M_PI / 2);
  cairo_arc(cr, r.x + radius, r.bottom() - radius, radius, M_PI / 2, M_PI);
  cairo_arc(cr, r.x + radius, r.y + radius, radius, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

void fill_and_stroke(cairo_t* cr, const std::optional<Color>& fill,
                     const std::optional<Color>& stroke, double width) {
  if (fill) {
    set_color(cr, *fill);
    if (stroke) {
      cairo_fill_preserve(cr);
    } else {
      cairo_fill(cr);
    }
  }
  if (stroke) {
    set_color(cr, *stroke);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

// An image that cannot be drawn (it changed since binding checked it) shows as a grey panel.
void draw_image(cairo_t* cr, const ImageItem& item) {
  if (draw_image_file(cr, item.path, item.rect)) return;
  cairo_rectangle(cr, item.rect.x, item.rect.y, item.rect.width, item.rect.height);
  cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
  cairo_fill(cr);
}

void paint_frame(cairo_t* cr, const Frame& frame, Point origin, const PaintHooks& hooks) {
  // Untagged, the cached one-line texts that follow each other in one colour
  // (a table row's cells) are shown as one run: cairo records, and its PDF
  // surface analyses, each call as an operation of its own (a 10,000-row
  // table: 0.50 s, 0.36 s with runs). Tagged, each text is in its own marked
  // content. Anything else drawn shows the run first, keeping the order.
  text::GlyphRun run;
  Color run_color;
  auto show_run = [&] {
    if (run.empty()) return;
    set_color(cr, run_color);
    run.show(cr);
  };
  auto before = [&](StructId tag) {
    show_run();
    if (hooks.item) hooks.item(tag);
  };
  for (const auto& item : frame.items) {
    std::visit(
        Overloaded{
            [&](const TextItem& it) {
              double top = it.text->line_top(it.first_line);
              auto move_to_line = [&](int i) {
                cairo_move_to(cr, origin.x + it.origin.x + it.text->line_x(i),
                              origin.y + it.origin.y + it.text->baseline(i) - top);
              };
              if (!hooks.item && it.last_line == it.first_line + 1 && it.text->cached_glyphs()) {
                if (!run.empty() && !(run_color == it.color)) show_run();
                // Through cairo's current point, as show_line places a line:
                // cairo keeps it in fixed point, so the glyphs land on the
                // same fractions of a point either way.
                move_to_line(it.first_line);
                double x = 0, y = 0;
                cairo_get_current_point(cr, &x, &y);
                if (!it.text->add_to_run(run, x, y)) {  // another font
                  show_run();
                  it.text->add_to_run(run, x, y);
                }
                run_color = it.color;
                return;
              }
              before(it.tag);
              set_color(cr, it.color);
              for (int i = it.first_line; i < it.last_line; ++i) {
                move_to_line(i);
                it.text->show_line(cr, i);
              }
            },
            [&](const RectItem& it) {
              before(it.tag);
              Rect r = it.rect;
              r.x += origin.x;
              r.y += origin.y;
              rounded_rect(cr, r, it.radius);
              fill_and_stroke(cr, it.fill, it.stroke, it.stroke_width);
            },
            [&](const LineItem& it) {
              before(it.tag);
              set_color(cr, it.color);
              cairo_set_line_width(cr, it.width);
              if (it.dot_pitch > 0) {
                double dash[] = {0, it.dot_pitch};
                cairo_set_dash(cr, dash, 2, 0);
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
              } else if (it.dashed) {
                double dash[] = {2, 2};
                cairo_set_dash(cr, dash, 2, 0);
              }
              cairo_move_to(cr, origin.x + it.from.x, origin.y + it.from.y);
              cairo_line_to(cr, origin.x + it.to.x, origin.y + it.to.y);
              cairo_stroke(cr);
              cairo_set_dash(cr, nullptr, 0, 0);
              cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            },
            [&](const PathItem& it) {
              before(it.tag);
              cairo_new_path(cr);  // text drawing leaves a current point; an arc would join it
              for (const auto& op : it.ops) {
                double x = origin.x + op.p.x, y = origin.y + op.p.y;
                switch (op.kind) {
                  case PathItem::Op::Kind::move:
                    cairo_move_to(cr, x, y);
                    break;
                  case PathItem::Op::Kind::line:
                    cairo_line_to(cr, x, y);
                    break;
                  case PathItem::Op::Kind::arc:
                    if (op.angle_to >= op.angle_from) {
                      cairo_arc(cr, x, y, op.radius, op.angle_from, op.angle_to);
                    } else {
                      cairo_arc_negative(cr, x, y, op.radius, op.angle_from, op.angle_to);
                    }
                    break;
                  case PathItem::Op::Kind::close:
                    cairo_close_path(cr);
                    break;
                }
              }
              fill_and_stroke(cr, it.fill, it.stroke, it.stroke_width);
            },
            [&](const ImageItem& it) {
              before(it.tag);
              ImageItem moved = it;
              moved.rect.x += origin.x;
              moved.rect.y += origin.y;
              draw_image(cr, moved);
            },
            [&](const LinkItem& it) {
              show_run();
              if (!hooks.link) return;
              LinkItem moved = it;
              moved.rect.x += origin.x;
              moved.rect.y += origin.y;
              hooks.link(moved);
            },
            [&](const AnchorItem& it) {
              show_run();
              if (!hooks.anchor) return;
              AnchorItem moved = it;
              moved.at.x += origin.x;
              moved.at.y += origin.y;
              hooks.anchor(moved);
            },
            [&](const GroupItem& it) {
              show_run();
              paint_frame(cr, *it.frame, Point{origin.x + it.offset.x, origin.y + it.offset.y},
                          hooks);
            },
        },
        item);
  }
  show_run();
}

// Trim marks in the slug, beyond the bleed, so that no trimmed edge shows them.
void paint_crop_marks(cairo_t* cr, const Page& page) {
  if (!page.crop_marks) return;
  double w = page.size.width, h = page.size.height;
  double from = std::max(page.bleed, kCropMarkOffset);
  double to = from + kCropMarkLength;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.3);
  for (double x : {0.0, w}) {
    cairo_move_to(cr, x, -from);
    cairo_line_to(cr, x, -to);
    cairo_move_to(cr, x, h + from);
    cairo_line_to(cr, x, h + to);
  }
  for (double y : {0.0, h}) {
    cairo_move_to(cr, -from, y);
    cairo_line_to(cr, -to, y);
    cairo_move_to(cr, w + from, y);
    cairo_line_to(cr, w + to, y);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace

double media_outset(const Page& page) {
  if (!page.crop_marks) return page.bleed;
  return std::max(page.bleed, kCropMarkOffset) + kCropMarkLength + kCropMarkSlack;
}

void paint_page(cairo_t* cr, const Page& page, const PaintHooks& hooks) {
  paint_frame(cr, page.frame, Point{0, 0}, hooks);
  if (page.crop_marks && hooks.item) hooks.item(kArtifact);
  paint_crop_marks(cr, page);
}

void visit_tags(const Frame& frame, const std::function<void(StructId, bool)>& visit) {
  for (const auto& item : frame.items) {
    std::visit(Overloaded{
                   [&](const TextItem& it) { visit(it.tag, true); },
                   [&](const RectItem& it) { visit(it.tag, true); },
                   [&](const LineItem& it) { visit(it.tag, true); },
                   [&](const PathItem& it) { visit(it.tag, true); },
                   [&](const ImageItem& it) { visit(it.tag, true); },
                   [&](const LinkItem& it) { visit(it.tag, false); },
                   [&](const AnchorItem&) {},
                   [&](const GroupItem& it) { visit_tags(*it.frame, visit); },
               },
               item);
  }
}

}  // namespace folio
