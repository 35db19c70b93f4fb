#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {
namespace {

// Checks that one series can be read as shares of a whole; reports at the series.
bool shares_ok(const Context& ctx, const Chart& c) {
  const Dataset& d = c.source.dataset;
  if (d.series.empty()) return false;
  const Series& series = d.series[0];
  if (d.series.size() > 1)
    ctx.diags.warning(d.series[1].span,
                      fmt::format("a donut shows one series; \"{}\" and the series after it are "
                                  "left out",
                                  d.series[1].name),
                      {"make a donut per series, or use kind = \"bar\" with mode = \"stacked\""});
  double sum = 0;
  for (double v : series.values) {
    if (v < 0) {
      ctx.diags.error(series.span, fmt::format("series \"{}\": a donut cannot show a negative "
                                               "share ({})",
                                               series.name, format_plain(v)));
      return false;
    }
    sum += v;
  }
  if (sum <= 0) {
    ctx.diags.error(
        series.span,
        fmt::format("series \"{}\": a donut needs values that add up to more than 0", series.name));
    return false;
  }
  return true;
}

}  // namespace

void draw_donut(const Context& ctx, const Styles& s, const Chart& c, Rect area, Frame& f) {
  if (!shares_ok(ctx, c)) return;
  const Theme& theme = ctx.theme();
  const Dataset& d = c.source.dataset;
  const Series& series = d.series[0];
  double sum = 0;
  for (double v : series.values) sum += v;
  auto slice_color = [&](size_t i) {
    return theme.palette.empty() ? theme.accent : theme.palette[i % theme.palette.size()];
  };

  const double outer = std::max(10.0, std::min({area.height, area.width * 0.42, 190.0}) / 2);
  const double inner = outer * 0.6;
  const Point centre{area.x + outer, area.y + area.height / 2};
  double angle = -M_PI / 2;  // from twelve o'clock, clockwise
  for (size_t i = 0; i < series.values.size(); ++i) {
    double sweep = 2 * M_PI * series.values[i] / sum;
    if (sweep <= 0) continue;
    PathItem slice;
    slice.ops.push_back({PathItem::Op::Kind::arc, centre, outer, angle, angle + sweep});
    slice.ops.push_back({PathItem::Op::Kind::arc, centre, inner, angle + sweep, angle});
    slice.ops.push_back({PathItem::Op::Kind::close, {}});
    slice.fill = slice_color(i);
    slice.stroke = theme.background;
    slice.stroke_width = series.values.size() > 1 ? 1.2 : 0;
    if (slice.stroke_width == 0) slice.stroke.reset();
    f.add(std::move(slice));
    angle += sweep;
  }

  // The centre figure: the whole, with the series' name beneath.
  text::TextStyle figure = s.centre;
  std::string total = c.format.apply(sum, ctx.doc.locale());
  while (text::measure_width(total, figure) > inner * 1.7 && figure.size > 8) figure.size -= 1;
  auto big = shape_plain(ctx, total, figure, d.span);
  text::TextStyle name_style = s.axis_title;
  name_style.align = Align::center;
  auto name = shape_plain(ctx, series.name, name_style, series.span, inner * 1.5);
  double block_h = big->height() + name->height();
  double top = centre.y - block_h / 2;
  add_text(f, big, Point{centre.x - big->natural_width() / 2, top});
  add_text(f, name, Point{centre.x - name->width() / 2, top + big->height()});

  // Labels: one row a category beside the ring (swatch, name, value and share),
  // so they never collide however thin a slice is.
  double x = centre.x + outer + 18;
  double list_w = std::max(40.0, area.right() - x);
  const double swatch = s.legend.size * 0.9;
  const double text_x = x + swatch + s.legend.size * 0.5;
  text::TextStyle label_style = ctx.with(s.legend, s.legend.size, 600, s.legend.color);
  text::TextStyle figure_style = ctx.with(s.legend, s.legend.size, 400, theme.muted);
  struct Row {
    Shaped label, figures;
  };
  std::vector<Row> rows;
  double rows_h = 0;
  const double gap = s.legend.size * 0.5;
  for (size_t i = 0; i < series.values.size() && i < d.categories.size(); ++i) {
    double v = series.values[i];
    std::string figures = c.format.kind == NumberFormat::Kind::percent
                              ? c.format.apply(v, ctx.doc.locale())
                              : fmt::format("{} \xC2\xB7 {}", c.format.apply(v, ctx.doc.locale()),
                                            format_percent(v / sum, 0, ctx.doc.locale()));
    Row r{shape_plain(ctx, d.categories[i], label_style, d.span, list_w - (text_x - x)),
          shape_plain(ctx, figures, figure_style, series.span)};
    rows_h += r.label->height() + r.figures->height() + (rows.empty() ? 0 : gap);
    rows.push_back(std::move(r));
  }
  double y = centre.y - rows_h / 2;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    f.add(RectItem{Rect{x, y + (r.label->line_height(0) - swatch) / 2, swatch, swatch},
                   slice_color(i), std::nullopt, 0, 1});
    add_text(f, r.label, Point{text_x, y});
    add_text(f, r.figures, Point{text_x, y + r.label->height()});
    y += r.label->height() + r.figures->height() + gap;
  }
}

}  // namespace folio::layout::chart
