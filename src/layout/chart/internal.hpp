#pragma once

// What the phases of chart layout share: styles, text helpers, the label placer.

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/chart/chart.hpp"
#include "layout/chart/ticks.hpp"

namespace folio::layout::chart {

using Shaped = std::shared_ptr<const text::ShapedText>;

struct Styles {
  text::TextStyle title;
  text::TextStyle caption;
  text::TextStyle axis_title;
  text::TextStyle tick;      // value axis numbers
  text::TextStyle category;  // category axis labels
  text::TextStyle value;     // value labels
  text::TextStyle total;     // totals of stacked bars
  text::TextStyle legend;
  text::TextStyle centre;  // a donut's centre figure
  Color grid;
  Color zero;
};
Styles chart_styles(const Context& ctx);

// Plain text shaped on one line (width <= 0) or wrapped at `width`.
Shaped shape_plain(const Context& ctx, std::string_view text, const text::TextStyle& style,
                   const Span& from, double width = 0);
Size text_size(const Shaped& t);
void add_text(Frame& f, const Shaped& t, Point top_left);

Color series_color(const Chart& c, size_t index, const Theme& theme);
// Text that reads on a fill: white on dark colours, the theme's text on light ones.
Color text_on(const Color& fill, const Theme& theme);

// Value -> position along an axis.
struct Scale {
  double v0 = 0, v1 = 1;  // values
  double p0 = 0, p1 = 1;  // positions
  double at(double v) const { return p0 + (v - v0) / (v1 - v0) * (p1 - p0); }
  double clamped(double v) const { return at(std::clamp(v, std::min(v0, v1), std::max(v0, v1))); }
};

// Places labels so that none overlaps another, a bar, or a marker. A spot is
// tried where it is, then pushed in its direction past whatever it hits, as
// long as it stays inside the bounds.
enum class Push { none, up, down, left, right };
struct Spot {
  Rect box;
  Push push = Push::none;
  bool inside = false;  // inside its own bar: may overlap that bar
};
class LabelPlacer {
 public:
  explicit LabelPlacer(Rect bounds) : bounds_(bounds) {}
  void block(const Rect& r, int owner = -1) { taken_.push_back({r, owner}); }
  // The first spot that can be made free; it is then taken. `owner`: the bar the label belongs to.
  std::optional<Spot> place(const std::vector<Spot>& spots, int owner = -1);
  const std::vector<Rect> labels() const { return labels_; }

 private:
  const Rect* hit(const Rect& r, int owner, bool inside) const;
  struct Taken {
    Rect rect;
    int owner;
  };
  Rect bounds_;
  std::vector<Taken> taken_;
  std::vector<Rect> labels_;
};

// Category labels wrapped to a slot (vertical charts) or to a column beside
// the bars (horizontal), shrunk when a word does not fit.
struct CategoryLabels {
  std::vector<Shaped> labels;
  double width = 0;   // the widest label
  double height = 0;  // the tallest label
};
CategoryLabels wrap_under(const Context& ctx, const Chart& c, text::TextStyle style, double slot);
CategoryLabels wrap_beside(const Context& ctx, const Chart& c, text::TextStyle style,
                           double max_width, double slot);

struct LegendEntry {
  std::string name;
  Color color;
};
// A legend in rows across `width`, or (column) one entry a line.
Frame legend_frame(const Context& ctx, const Styles& s, const std::vector<LegendEntry>& entries,
                   double width, bool column);

// The value axis and category axis of a bar or line chart, drawn into `f`.
struct PlotNeeds {
  double lo = 0, hi = 0;  // data range for the ticks
  double label_w = 0;     // widest value label (0: no labels)
  double label_h = 0;
  bool labels_after_high = false;  // labels beyond the highest value (above / right)
  bool labels_after_low = false;   // labels beyond the lowest negative value
};
struct Plot {
  Rect area;             // the data rectangle
  bool vertical = true;  // categories along x
  Scale value;
  double slot = 0;    // per category
  Rect label_bounds;  // where value labels may go
  Ticks ticks;
  double slot_start(size_t i) const { return (vertical ? area.x : area.y) + slot * i; }
};
Plot draw_axes(const Context& ctx, const Styles& s, const Chart& c, Rect area,
               const PlotNeeds& needs, bool vertical, Frame& f);
void draw_zero_line(const Styles& s, const Plot& p, Frame& f);

void draw_bars(const Context& ctx, const Styles& s, const Chart& c, Rect area, Frame& f);
void draw_lines(const Context& ctx, const Styles& s, const Chart& c, Rect area, Frame& f);
void draw_donut(const Context& ctx, const Styles& s, const Chart& c, Rect area, Frame& f);

// Tells the user that some labels were left out, once per chart.
void warn_dropped(const Context& ctx, const Chart& c, size_t dropped);

}  // namespace folio::layout::chart
