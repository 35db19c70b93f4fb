#include <fmt/format.h>

#include <algorithm>

#include "layout/chart/internal.hpp"

namespace folio::layout {
namespace {

// What the chart says in words: its `alt`, else (when the figures are not
// printed as value labels) the numbers themselves, series by series.
std::string description(const Chart& c) {
  if (!c.alt.empty()) return c.alt.text;
  if (c.value_labels && c.kind != ChartKind::donut) return "";
  if (c.kind == ChartKind::donut) return "";  // the labels beside the ring carry every number
  const Dataset& d = c.source.dataset;
  std::string out = c.title.text;
  for (const auto& series : d.series) {
    out += fmt::format("{}{}:", out.empty() ? "" : ". ", series.name);
    for (size_t i = 0; i < series.values.size() && i < d.categories.size(); ++i)
      out +=
          fmt::format("{} {} {}", i ? "," : "", d.categories[i], c.format.apply(series.values[i]));
  }
  return out;
}

// The description as a text layer that is not seen (the page's colour, almost
// transparent) but is read by text extraction and screen readers: cairo 1.16
// cannot attach /Alt to a tagged figure.
void add_description(Frame& f, const Chart& c, double width, const Context& ctx) {
  std::string text = description(c);
  if (text.empty()) return;
  text::TextStyle style = ctx.body();
  style.size = 4;
  style.line_height = 1;
  style.color = ctx.theme().background;
  style.color.a = 0.01;
  auto shaped = ctx.shape(text::plain_paragraph(text), style, width, c.alt.span);
  f.add(TextItem{shaped, 0, shaped->line_count(), Point{0, 0}, style.color});
}

}  // namespace

// The figure: title, legend (top, right or bottom), the chart, caption, in a
// frame of the chart's `height` and `width`.
Frame chart_frame(const Chart& c, double width, const Context& ctx) {
  using namespace chart;
  Styles s = chart_styles(ctx);
  const double w = c.width ? std::clamp(c.width->resolve(width), 60.0, width) : width;
  const double h = c.height.resolve(width);
  const double gap = ctx.theme().size * 0.6;
  const Dataset& d = c.source.dataset;
  Frame f;
  double top = 0, bottom = h;

  if (!c.title.empty()) {
    auto t = ctx.shape_markdown(c.title, s.title, w);
    add_text(f, t, Point{0, 0});
    top += t->height() + gap;
  }
  Shaped caption;
  if (!c.caption.empty()) {
    caption = ctx.shape_markdown(c.caption, s.caption, w);
    bottom -= caption->height() + gap;
  }

  std::optional<Frame> legend;
  bool has_legend =
      c.kind != ChartKind::donut && d.series.size() > 1 && c.legend != LegendPosition::none;
  double right = w;
  if (has_legend) {
    std::vector<LegendEntry> entries;
    for (size_t i = 0; i < d.series.size(); ++i)
      entries.push_back({d.series[i].name, series_color(c, i, ctx.theme())});
    bool column = c.legend == LegendPosition::right;
    legend = legend_frame(ctx, s, entries, column ? w * 0.28 : w, column);
    if (c.legend == LegendPosition::top) {
      f.place(*legend, Point{0, top});
      top += legend->size.height + gap;
    } else if (c.legend == LegendPosition::bottom) {
      bottom -= legend->size.height + gap;
    } else {
      right = w - legend->size.width - gap * 2;
    }
  }

  const double smallest = 60;
  if (bottom - top < smallest) bottom = top + smallest;  // grow rather than crush the plot
  Rect area{0, top, right, bottom - top};
  switch (c.kind) {
    case ChartKind::bar:
      draw_bars(ctx, s, c, area, f);
      break;
    case ChartKind::line:
      draw_lines(ctx, s, c, area, f);
      break;
    case ChartKind::donut:
      draw_donut(ctx, s, c, area, f);
      break;
  }

  double y = bottom;
  if (legend && c.legend == LegendPosition::bottom) {
    f.place(*legend, Point{0, y + gap});
    y += gap + legend->size.height;
  } else if (legend && c.legend == LegendPosition::right) {
    f.place(*legend, Point{w - legend->size.width, top});
  }
  if (caption) {
    add_text(f, caption, Point{0, y + gap});
    y += gap + caption->height();
  }
  add_description(f, c, w, ctx);
  f.size = {w, std::max(h, y)};
  return f;
}

}  // namespace folio::layout
