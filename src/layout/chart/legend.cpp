#include <algorithm>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {

Frame legend_frame(const Context& ctx, const Styles& s, const std::vector<LegendEntry>& entries,
                   double width, bool column) {
  const double swatch = s.legend.size * 0.9;
  const double after_swatch = s.legend.size * 0.45;
  const double gap_x = s.legend.size * 1.6;
  const double gap_y = s.legend.size * 0.35;
  Frame f;
  double x = 0, y = 0, row_h = 0, widest = 0;
  for (const auto& e : entries) {
    double text_max = std::max(20.0, width - swatch - after_swatch);
    auto t = shape_plain(ctx, e.name, s.legend, {}, text_max);
    Size ts = text_size(t);
    double w = swatch + after_swatch + ts.width;
    if (column || (x > 0 && x + w > width + 0.01)) {
      if (x > 0 || column) y += row_h + (row_h > 0 ? gap_y : 0);
      x = 0;
      row_h = 0;
    }
    double line_h = t->line_height(0);
    f.add(
        RectItem{Rect{x, y + (line_h - swatch) / 2, swatch, swatch}, e.color, std::nullopt, 0, 1});
    add_text(f, t, Point{x + swatch + after_swatch, y});
    row_h = std::max(row_h, ts.height);
    widest = std::max(widest, x + w);
    x += w + gap_x;
  }
  f.size = {widest, y + row_h};
  return f;
}

}  // namespace folio::layout::chart
