#include <algorithm>
#include <cmath>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {
namespace {

struct Bar {
  Rect rect;
  size_t series = 0;
  size_t category = 0;
  double value = 0;
  Color color;
};

// Shares of a category's slot: bars of one series are a little narrower than a group.
constexpr double kSingleShare = 0.62;
constexpr double kGroupShare = 0.8;
constexpr double kSmallestValue = 6.5;  // points

// The value labels' type, shrunk until the widest label is about as wide as
// a bar (vertical) or as tall as one (horizontal).
text::TextStyle fit_value_style(text::TextStyle style, const std::vector<std::string>& texts,
                                double room, bool vertical) {
  for (;;) {
    double widest = 0;
    for (const auto& t : texts) widest = std::max(widest, text::measure_width(t, style));
    double extent =
        vertical ? widest : text::ShapedText(text::plain_paragraph("0"), style, -1).height();
    if (extent <= room || style.size <= kSmallestValue) return style;
    style.size = std::max(kSmallestValue, style.size - 0.5);
  }
}

}  // namespace

void draw_bars(const Context& ctx, const Styles& s, const Chart& c, Rect area, Frame& f) {
  const Dataset& d = c.source.dataset;
  const Theme& theme = ctx.theme();
  const size_t n = d.categories.size();
  const size_t k = d.series.size();
  const bool vertical = c.orientation == Orientation::vertical;
  const bool stacked = c.mode == ChartMode::stacked && k > 1;

  // The extremes the value axis must reach: stack ends, or single values.
  double lo = 0, hi = 0;
  std::vector<double> totals(n, 0);
  for (size_t i = 0; i < n; ++i) {
    double pos = 0, neg = 0;
    for (const auto& series : d.series) {
      double v = i < series.values.size() ? series.values[i] : 0;
      if (stacked) {
        (v >= 0 ? pos : neg) += v;
      } else {
        hi = std::max(hi, v);
        lo = std::min(lo, v);
      }
      totals[i] += v;
    }
    if (stacked) {
      hi = std::max(hi, pos);
      lo = std::min(lo, neg);
    }
  }

  std::vector<std::string> texts;
  if (c.value_labels) {
    for (const auto& series : d.series)
      for (double v : series.values) texts.push_back(c.format.apply(v, ctx.doc.locale()));
  }
  double slot_guess = (vertical ? area.width * 0.88 : area.height * 0.85) / std::max<size_t>(1, n);
  double share = k == 1 || stacked ? kSingleShare : kGroupShare;
  double bar_guess = stacked ? slot_guess * share : slot_guess * share / k;
  text::TextStyle value_style =
      fit_value_style(s.value, texts, vertical ? bar_guess + 2 : bar_guess + 3, vertical);
  text::TextStyle total_style = ctx.with(s.total, value_style.size, s.total.weight, s.total.color);

  PlotNeeds needs;
  needs.lo = lo;
  needs.hi = hi;
  if (c.value_labels) {
    std::vector<std::string> outside = texts;
    if (stacked) {
      outside.clear();
      for (double t : totals) outside.push_back(c.format.apply(t, ctx.doc.locale()));
    }
    for (const auto& t : outside)
      needs.label_w =
          std::max(needs.label_w, text::measure_width(t, stacked ? total_style : value_style));
    needs.label_h = shape_plain(ctx, "0", value_style, {})->height();
    needs.labels_after_high = hi > 0;
    needs.labels_after_low = lo < 0;
  }
  Plot p = draw_axes(ctx, s, c, area, needs, vertical, f);

  const double base = std::clamp(0.0, p.ticks.min, p.ticks.max);
  const double group = p.slot * share;
  const double gap = stacked || k == 1 ? 0 : std::min(2.0, group * 0.05);
  const double thickness = stacked ? group : (group - (k - 1) * gap) / k;
  std::vector<Bar> bars;
  for (size_t i = 0; i < n; ++i) {
    double pos = 0, neg = 0;
    for (size_t j = 0; j < k; ++j) {
      double v = i < d.series[j].values.size() ? d.series[j].values[i] : 0;
      double from = base;
      if (stacked) from = v >= 0 ? pos : neg;
      double to = from + v;
      if (stacked) (v >= 0 ? pos : neg) = to;
      double a = p.value.clamped(from), b = p.value.clamped(to);
      double across =
          p.slot_start(i) + (p.slot - group) / 2 + (stacked ? 0 : j * (thickness + gap));
      Rect r = vertical ? Rect{across, std::min(a, b), thickness, std::fabs(b - a)}
                        : Rect{std::min(a, b), across, std::fabs(b - a), thickness};
      bars.push_back(Bar{r, j, i, v, series_color(c, j, theme)});
    }
  }
  for (const auto& b : bars) f.add(RectItem{b.rect, b.color, std::nullopt, 0, 0});
  draw_zero_line(s, p, f);
  if (!c.value_labels) return;

  LabelPlacer placer(p.label_bounds);
  for (size_t i = 0; i < bars.size(); ++i) placer.block(bars[i].rect, static_cast<int>(i));
  size_t dropped = 0;
  const Span& from = c.source.dataset.span;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    auto t = shape_plain(ctx, c.format.apply(b.value, ctx.doc.locale()), value_style, from);
    double w = t->natural_width(), h = t->height();
    const Rect& r = b.rect;
    double cx = r.x + r.width / 2, cy = r.y + r.height / 2;
    bool fits_inside = vertical ? (w <= r.width - 2 && h + 3 <= r.height)
                                : (w + 6 <= r.width && h <= r.height + 0.5);
    bool negative = b.value < 0;
    std::vector<Spot> spots;
    if (stacked) {
      if (fits_inside) spots.push_back({Rect{cx - w / 2, cy - h / 2, w, h}, Push::none, true});
      if (vertical) {
        spots.push_back({Rect{r.right() + 2, cy - h / 2, w, h}, Push::none, false});
        spots.push_back({Rect{r.x - 2 - w, cy - h / 2, w, h}, Push::none, false});
      } else {
        spots.push_back({Rect{cx - w / 2, r.y - 1 - h, w, h}, Push::none, false});
        spots.push_back({Rect{cx - w / 2, r.bottom() + 1, w, h}, Push::none, false});
      }
    } else if (vertical) {
      double end = negative ? r.bottom() : r.y;
      spots.push_back({Rect{cx - w / 2, negative ? end + 1.5 : end - 1.5 - h, w, h},
                       negative ? Push::down : Push::up, false});
      if (fits_inside)
        spots.push_back(
            {Rect{cx - w / 2, negative ? end - 2 - h : end + 2, w, h}, Push::none, true});
    } else {
      double end = negative ? r.x : r.right();
      spots.push_back({Rect{negative ? end - 3 - w : end + 3, cy - h / 2, w, h},
                       negative ? Push::left : Push::right, false});
      if (fits_inside)
        spots.push_back(
            {Rect{negative ? end + 3 : end - 3 - w, cy - h / 2, w, h}, Push::none, true});
    }
    auto spot = placer.place(spots, static_cast<int>(i));
    if (!spot) {
      ++dropped;
      continue;
    }
    Color color = spot->inside ? text_on(b.color, theme) : value_style.color;
    f.add(TextItem{t, 0, t->line_count(), Point{spot->box.x, spot->box.y}, color});
  }

  if (stacked) {
    // Each stack's total, beyond its end.
    for (size_t i = 0; i < n; ++i) {
      auto t = shape_plain(ctx, c.format.apply(totals[i], ctx.doc.locale()), total_style, from);
      double w = t->natural_width(), h = t->height();
      double pos_end = p.value.at(base), neg_end = pos_end;
      for (const auto& b : bars) {
        if (b.category != i) continue;
        if (vertical) {
          if (b.value >= 0)
            pos_end = std::min(pos_end, b.rect.y);
          else
            neg_end = std::max(neg_end, b.rect.bottom());
        } else {
          if (b.value >= 0)
            pos_end = std::max(pos_end, b.rect.right());
          else
            neg_end = std::min(neg_end, b.rect.x);
        }
      }
      bool below = totals[i] < 0;
      double across = p.slot_start(i) + p.slot / 2;
      Spot spot;
      if (vertical) {
        spot = below ? Spot{Rect{across - w / 2, neg_end + 1.5, w, h}, Push::down, false}
                     : Spot{Rect{across - w / 2, pos_end - 1.5 - h, w, h}, Push::up, false};
      } else {
        spot = below ? Spot{Rect{neg_end - 3 - w, across - h / 2, w, h}, Push::left, false}
                     : Spot{Rect{pos_end + 3, across - h / 2, w, h}, Push::right, false};
      }
      auto placed = placer.place({spot});
      if (!placed) {
        ++dropped;
        continue;
      }
      add_text(f, t, Point{placed->box.x, placed->box.y});
    }
  }
  warn_dropped(ctx, c, dropped);
}

}  // namespace folio::layout::chart
