#include <algorithm>
#include <cmath>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {
namespace {

constexpr double kMinPlot = 24;  // points: the data area never collapses below this

// Extra room at one end of the value axis so that a label beyond the most
// extreme bar stays inside the chart: `free` is the share of the axis already
// left beyond that bar, `length` the axis length before the extra is taken.
double room_for(double need, double free, double length) {
  if (need <= 0 || free >= 1) return 0;
  return std::max(0.0, (need - free * length) / (1 - free));
}

}  // namespace

Plot draw_axes(const Context& ctx, const Styles& s, const Chart& c, Rect area,
               const PlotNeeds& needs, bool vertical, Frame& f) {
  Plot p;
  p.vertical = vertical;
  p.ticks = choose_ticks(needs.lo, needs.hi, c.min, c.max);
  const Ticks& ticks = p.ticks;
  NumberFormat format = tick_format(ticks, c.format);
  const Span& from = c.source.dataset.span;
  std::vector<Shaped> tick_labels;
  double tick_w = 0, tick_h = 0;
  for (double v : ticks.values) {
    auto t = shape_plain(ctx, format.apply(v, ctx.doc.locale()), s.tick, from);
    tick_w = std::max(tick_w, t->natural_width());
    tick_h = std::max(tick_h, t->height());
    tick_labels.push_back(std::move(t));
  }
  size_t n = std::max<size_t>(1, c.source.dataset.categories.size());
  double range = ticks.max - ticks.min;
  double free_high = std::clamp((ticks.max - std::max(needs.hi, ticks.min)) / range, 0.0, 1.0);
  double free_low = std::clamp((std::min(needs.lo, ticks.max) - ticks.min) / range, 0.0, 1.0);
  const double tick_gap = 4;

  if (vertical) {
    double top = area.y;
    if (!c.axis_title.empty()) {
      // Above the value axis, reading across: no rotated text.
      auto t = ctx.shape_markdown(c.axis_title, s.axis_title, area.width);
      add_text(f, t, Point{area.x, top});
      top += t->height() + 4;
    }
    double x0 = area.x + tick_w + tick_gap + 2;
    double x1 = area.right();
    p.slot = (x1 - x0) / n;
    CategoryLabels cats = wrap_under(ctx, c, s.category, p.slot);
    double bottom = area.bottom() - cats.height - 5;
    double y0 = top + tick_h / 2;
    double length = std::max(kMinPlot, bottom - y0);
    double need_high = needs.labels_after_high ? needs.label_h + 2 - tick_h / 2 : 0;
    double need_low = needs.labels_after_low ? needs.label_h + 2 : 0;
    double extra_high = room_for(need_high, free_high, length);
    double extra_low = room_for(need_low, free_low, length - extra_high);
    double y1 = std::max(y0 + extra_high + kMinPlot, bottom - extra_low);
    y0 += extra_high;
    p.area = Rect{x0, y0, x1 - x0, y1 - y0};
    p.value = Scale{ticks.min, ticks.max, y1, y0};
    for (size_t i = 0; i < ticks.values.size(); ++i) {
      double y = p.value.at(ticks.values[i]);
      f.add(LineItem{Point{x0, y}, Point{x1, y}, s.grid, 0.5, false, kArtifact});
      const auto& t = tick_labels[i];
      add_text(f, t, Point{x0 - tick_gap - t->natural_width(), y - t->height() / 2});
    }
    double label_top = y1 + extra_low + 4;
    for (size_t i = 0; i < cats.labels.size(); ++i) {
      const auto& t = cats.labels[i];
      add_text(f, t, Point{p.slot_start(i) + p.slot / 2 - t->width() / 2, label_top});
    }
    p.label_bounds = Rect{x0 - 2, top, x1 - x0 + 2, y1 + extra_low - top};
  } else {
    double bottom = area.bottom();
    Shaped title;
    if (!c.axis_title.empty()) {
      title = ctx.shape_markdown(c.axis_title, s.axis_title, area.width);
      bottom -= title->height() + 3;
    }
    double y0 = area.y;
    double y1 = std::max(y0 + kMinPlot, bottom - tick_h - 3);
    p.slot = (y1 - y0) / n;
    CategoryLabels cats = wrap_beside(ctx, c, s.category, area.width * 0.36, p.slot - 1);
    double x0 = area.x + cats.width + 8;
    double last_tick_half = tick_labels.empty() ? 0 : tick_labels.back()->natural_width() / 2;
    double x1 = area.right() - last_tick_half;
    double length = std::max(kMinPlot, x1 - x0);
    double need_high = needs.labels_after_high ? needs.label_w + 3 - last_tick_half : 0;
    double need_low = needs.labels_after_low ? needs.label_w + 3 : 0;
    double extra_high = room_for(need_high, free_high, length);
    double extra_low = room_for(need_low, free_low, length - extra_high);
    double label_left = x0;
    x0 += extra_low;
    x1 = std::max(x0 + kMinPlot, x1 - extra_high);
    p.area = Rect{x0, y0, x1 - x0, y1 - y0};
    p.value = Scale{ticks.min, ticks.max, x0, x1};
    for (size_t i = 0; i < ticks.values.size(); ++i) {
      double x = p.value.at(ticks.values[i]);
      f.add(LineItem{Point{x, y0}, Point{x, y1}, s.grid, 0.5, false, kArtifact});
      const auto& t = tick_labels[i];
      add_text(f, t, Point{x - t->natural_width() / 2, y1 + 3});
    }
    for (size_t i = 0; i < cats.labels.size(); ++i) {
      const auto& t = cats.labels[i];
      add_text(f, t, Point{area.x, p.slot_start(i) + (p.slot - t->height()) / 2});
    }
    if (title) {
      auto t = ctx.shape(
          text::parse_markdown_inline(c.axis_title.text),
          [&] {
            auto st = s.axis_title;
            st.align = Align::center;
            return st;
          }(),
          x1 - x0, c.axis_title.span);
      add_text(f, t, Point{x0, y1 + 3 + tick_h + 3});
    }
    p.label_bounds = Rect{label_left - 2, y0, area.right() - label_left + 2, y1 - y0};
  }
  return p;
}

void draw_zero_line(const Styles& s, const Plot& p, Frame& f) {
  if (p.ticks.min > 0 || p.ticks.max < 0) return;
  double at = p.value.at(0);
  if (p.vertical) {
    f.add(LineItem{Point{p.area.x, at}, Point{p.area.right(), at}, s.zero, 0.9, false});
  } else {
    f.add(LineItem{Point{at, p.area.y}, Point{at, p.area.bottom()}, s.zero, 0.9, false});
  }
}

}  // namespace folio::layout::chart
