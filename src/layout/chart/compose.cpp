#include <fmt/format.h>

#include <algorithm>

#include "layout/chart/internal.hpp"

namespace folio::layout {
namespace {

// What the chart says in words, its /Alt: its `alt`, else its title and
// every number, series by series, category by category.
std::string description(const Chart& c, const Locale& locale) {
  if (!c.alt.empty()) return c.alt.text;
  const Dataset& d = c.source.dataset;
  std::string out = c.title.text;
  if (out.empty()) out = "Chart";
  out += c.kind == ChartKind::line    ? " (line chart)"
         : c.kind == ChartKind::donut ? " (donut chart)"
                                      : " (bar chart)";
  for (const auto& series : d.series) {
    out += fmt::format(". {}:", series.name);
    for (size_t i = 0; i < series.values.size() && i < d.categories.size(); ++i)
      out += fmt::format("{} {} {}", i ? "," : "", d.categories[i],
                         c.format.apply(series.values[i], locale));
  }
  return out;
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
  // The chart is one Figure described in words; its caption follows as a Caption.
  StructId figure = ctx.element(Role::Figure);
  if (ctx.structure && figure >= 0) ctx.structure->text(figure).alt = description(c, ctx.doc.locale());

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
  // Gridlines are artifacts; drawn first (they lie under everything anyway),
  // they leave the figure's own ink in one run.
  std::stable_partition(f.items.begin(), f.items.end(), [](const FrameItem& item) {
    auto* line = std::get_if<LineItem>(&item);
    return line && line->tag == kArtifact;
  });
  tag_untagged(f, figure);
  if (caption) {
    f.add(TextItem{caption, 0, caption->line_count(), Point{0, y + gap}, caption->style().color,
                   ctx.element(Role::Caption)});
    y += gap + caption->height();
  }
  f.size = {w, std::max(h, y)};
  return f;
}

}  // namespace folio::layout
