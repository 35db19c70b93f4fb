#include <algorithm>
#include <cmath>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {

void draw_lines(const Context& ctx, const Styles& s, const Chart& c, Rect area, Frame& f) {
  const Dataset& d = c.source.dataset;
  const Theme& theme = ctx.theme();
  const size_t n = d.categories.size();
  double lo = 0, hi = 0;
  for (const auto& series : d.series)
    for (double v : series.values) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  text::TextStyle value_style = s.value;
  PlotNeeds needs;
  needs.lo = lo;
  needs.hi = hi;
  if (c.value_labels) {
    for (const auto& series : d.series)
      for (double v : series.values)
        needs.label_w = std::max(
            needs.label_w, text::measure_width(c.format.apply(v, ctx.doc.locale()), value_style));
    needs.label_h = shape_plain(ctx, "0", value_style, {})->height();
    needs.labels_after_high = true;
    needs.labels_after_low = lo < 0;
  }
  Plot p = draw_axes(ctx, s, c, area, needs, true, f);
  draw_zero_line(s, p, f);

  const double radius = std::clamp(p.slot * 0.06, 2.0, 3.2);
  auto point = [&](size_t series, size_t i) {
    return Point{p.slot_start(i) + p.slot / 2, p.value.clamped(d.series[series].values[i])};
  };
  for (size_t j = 0; j < d.series.size(); ++j) {
    PathItem line;
    for (size_t i = 0; i < n && i < d.series[j].values.size(); ++i)
      line.ops.push_back(
          {i == 0 ? PathItem::Op::Kind::move : PathItem::Op::Kind::line, point(j, i)});
    line.stroke = series_color(c, j, theme);
    line.stroke_width = 1.8;
    f.add(std::move(line));
  }
  LabelPlacer placer(p.label_bounds);
  for (size_t j = 0; j < d.series.size(); ++j) {
    for (size_t i = 0; i < n && i < d.series[j].values.size(); ++i) {
      Point at = point(j, i);
      PathItem marker;
      marker.ops.push_back({PathItem::Op::Kind::arc, at, radius, 0, 2 * M_PI});
      marker.ops.push_back({PathItem::Op::Kind::close, {}});
      marker.fill = series_color(c, j, theme);
      marker.stroke = theme.background;
      marker.stroke_width = 0.8;
      f.add(std::move(marker));
      placer.block(Rect{at.x - radius, at.y - radius, 2 * radius, 2 * radius});
    }
  }
  if (!c.value_labels) return;

  size_t dropped = 0;
  for (size_t j = 0; j < d.series.size(); ++j) {
    for (size_t i = 0; i < n && i < d.series[j].values.size(); ++i) {
      double v = d.series[j].values[i];
      // The lowest of several lines at a category takes its label below the point.
      bool lowest = d.series.size() > 1;
      for (size_t o = 0; o < d.series.size(); ++o)
        if (o != j && i < d.series[o].values.size() && d.series[o].values[i] <= v) lowest = false;
      auto t = shape_plain(ctx, c.format.apply(v, ctx.doc.locale()), value_style, d.span);
      double w = t->natural_width(), h = t->height();
      Point at = point(j, i);
      Spot above{Rect{at.x - w / 2, at.y - radius - 1.5 - h, w, h}, Push::up, false};
      Spot below{Rect{at.x - w / 2, at.y + radius + 1.5, w, h}, Push::down, false};
      Spot right{Rect{at.x + radius + 2, at.y - h / 2, w, h}, Push::none, false};
      Spot left{Rect{at.x - radius - 2 - w, at.y - h / 2, w, h}, Push::none, false};
      auto spot = lowest ? placer.place({below, above, right, left})
                         : placer.place({above, below, right, left});
      if (!spot) {
        ++dropped;
        continue;
      }
      Color color = series_color(c, j, theme);
      if (d.series.size() == 1) color = value_style.color;
      f.add(TextItem{t, 0, t->line_count(), Point{spot->box.x, spot->box.y}, color});
    }
  }
  warn_dropped(ctx, c, dropped);
}

}  // namespace folio::layout::chart
