#include <algorithm>
#include <cmath>

#include "layout/chart/internal.hpp"

namespace folio::layout::chart {
namespace {

bool contains(const Rect& outer, const Rect& r) {
  const double eps = 0.01;
  return r.x >= outer.x - eps && r.y >= outer.y - eps && r.right() <= outer.right() + eps &&
         r.bottom() <= outer.bottom() + eps;
}

constexpr double kLabelGap = 1.5;  // between a pushed label and what it was pushed past

}  // namespace

const Rect* LabelPlacer::hit(const Rect& r, int owner, bool inside) const {
  for (const auto& t : taken_) {
    if (inside && owner >= 0 && t.owner == owner) continue;
    if (t.rect.intersects(r)) return &t.rect;
  }
  return nullptr;
}

std::optional<Spot> LabelPlacer::place(const std::vector<Spot>& spots, int owner) {
  for (Spot spot : spots) {
    // Each push moves the label past one obstacle; a few pushes at most.
    for (int tries = 0; tries < 12 && contains(bounds_, spot.box); ++tries) {
      const Rect* in_the_way = hit(spot.box, owner, spot.inside);
      if (!in_the_way) {
        taken_.push_back({spot.box, -1});
        labels_.push_back(spot.box);
        return spot;
      }
      Rect& b = spot.box;
      switch (spot.push) {
        case Push::none:
          tries = 12;
          break;
        case Push::up:
          b.y = in_the_way->y - kLabelGap - b.height;
          break;
        case Push::down:
          b.y = in_the_way->bottom() + kLabelGap;
          break;
        case Push::left:
          b.x = in_the_way->x - kLabelGap - b.width;
          break;
        case Push::right:
          b.x = in_the_way->right() + kLabelGap;
          break;
      }
    }
  }
  return std::nullopt;
}

namespace {

double widest_line(const Shaped& t) {
  double w = 0;
  for (int i = 0; i < t->line_count(); ++i) w = std::max(w, t->line_width(i));
  return w;
}

CategoryLabels shape_all(const Context& ctx, const Chart& c, const text::TextStyle& style,
                         double width) {
  CategoryLabels out;
  for (const auto& name : c.source.dataset.categories) {
    auto t = shape_plain(ctx, name, style, c.source.dataset.span, width);
    out.width = std::max(out.width, widest_line(t));
    out.height = std::max(out.height, t->height());
    out.labels.push_back(std::move(t));
  }
  return out;
}

constexpr double kSmallest = 6;  // points: category labels shrink no further

}  // namespace

CategoryLabels wrap_under(const Context& ctx, const Chart& c, text::TextStyle style, double slot) {
  // Wrap at the slot; a word wider than the slot shrinks the type of every label alike.
  double width = std::max(8.0, slot - 3);
  style.align = Align::center;
  for (;;) {
    CategoryLabels out = shape_all(ctx, c, style, width);
    bool fits = out.width <= width + 0.01;
    int most_lines = 0;
    for (const auto& l : out.labels) most_lines = std::max(most_lines, l->line_count());
    if ((fits && most_lines <= 3) || style.size <= kSmallest) return out;
    style.size = std::max(kSmallest, style.size - 0.5);
  }
}

CategoryLabels wrap_beside(const Context& ctx, const Chart& c, text::TextStyle style,
                           double max_width, double slot) {
  // Widen the column up to max_width before wrapping; then shrink the type
  // until every label is no taller than its slot.
  style.align = Align::right;
  for (;;) {
    double natural = 0;
    for (const auto& name : c.source.dataset.categories)
      natural = std::max(natural, text::measure_width(name, style));
    double width = std::min(max_width, natural + 0.5);
    CategoryLabels out = shape_all(ctx, c, style, width);
    if ((out.height <= slot && out.width <= width + 0.01) || style.size <= kSmallest) {
      out.width = width;
      return out;
    }
    style.size = std::max(kSmallest, style.size - 0.5);
  }
}

}  // namespace folio::layout::chart
