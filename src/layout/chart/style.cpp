#include <fmt/format.h>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {

Styles chart_styles(const Context& ctx) {
  const Theme& t = ctx.theme();
  Styles s;
  s.title = ctx.with(ctx.heading(3), t.h3, 700, t.text);
  s.title.line_height = 1.25;
  s.caption = ctx.paragraph(ParagraphStyle::small);
  s.caption.line_height = 1.3;
  s.axis_title = ctx.with(ctx.body(), t.size * 0.8, 600, t.muted);
  s.axis_title.line_height = 1.2;
  s.tick = ctx.with(ctx.body(), t.size * 0.78, 400, t.muted);
  s.tick.line_height = 1.15;
  s.category = ctx.with(ctx.body(), t.size * 0.82, 400, t.text);
  s.category.line_height = 1.15;
  s.value = ctx.with(ctx.body(), t.size * 0.78, 600, t.text);
  s.value.line_height = 1.1;
  s.total = ctx.with(s.value, s.value.size, 800, t.text);
  s.legend = ctx.with(ctx.body(), t.size * 0.82, 400, t.text);
  s.legend.line_height = 1.2;
  s.centre = ctx.with(ctx.heading(2), t.h2 * 1.35, 800, t.text);
  s.centre.line_height = 1.05;
  s.grid = t.rule;
  s.grid.a = 0.6;
  s.zero = t.muted;
  return s;
}

Shaped shape_plain(const Context& ctx, std::string_view text, const text::TextStyle& style,
                   const Span& from, double width) {
  return ctx.shape(text::plain_paragraph(text), style, width > 0 ? width : -1, from);
}

Size text_size(const Shaped& t) {
  return {t->natural_width(), t->height()};
}

void add_text(Frame& f, const Shaped& t, Point top_left) {
  f.add(TextItem{t, 0, t->line_count(), top_left, t->style().color});
}

Color series_color(const Chart& c, size_t index, const Theme& theme) {
  const auto& series = c.source.dataset.series;
  if (index < series.size() && series[index].color) return *series[index].color;
  if (theme.palette.empty()) return theme.accent;
  return theme.palette[index % theme.palette.size()];
}

Color text_on(const Color& fill, const Theme& theme) {
  double luminance = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
  return luminance < 0.55 ? Color{1, 1, 1, 1} : theme.text;
}

void warn_dropped(const Context& ctx, const Chart& c, size_t dropped) {
  if (dropped == 0) return;
  Span at = c.source.name.span.known() ? c.source.name.span : c.source.dataset.span;
  ctx.diags.warning(at,
                    fmt::format("{} value label{} of this chart did not fit without overlapping "
                                "and {} left out",
                                dropped, dropped == 1 ? "" : "s", dropped == 1 ? "was" : "were"),
                    {"make the chart wider or taller, or set `value_labels = false`"});
}

}  // namespace folio::layout::chart
