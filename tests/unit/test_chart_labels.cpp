#include <catch2/catch.hpp>

#include "support.hpp"

using namespace folio;

namespace {

struct Box {
  Rect rect;
  std::string text;
};

// Every visible line of text on a page, in page coordinates.
void collect(const Frame& f, Point at, std::vector<Box>& out) {
  for (const auto& item : f.items) {
    if (auto* g = std::get_if<GroupItem>(&item)) {
      collect(*g->frame, Point{at.x + g->offset.x, at.y + g->offset.y}, out);
    } else if (auto* t = std::get_if<TextItem>(&item)) {
      if (t->color.a < 0.5) continue;  // a chart's description layer, not seen
      double top = t->text->line_top(t->first_line);
      for (int i = t->first_line; i < t->last_line; ++i) {
        Rect r{at.x + t->origin.x + t->text->line_x(i),
               at.y + t->origin.y + t->text->line_top(i) - top, t->text->line_width(i),
               t->text->line_height(i)};
        // Line boxes include leading; compare the glyphs' core so that stacked
        // lines of one label, which touch, do not count as overlapping.
        double trim = r.height * 0.12;
        r.y += trim;
        r.height -= 2 * trim;
        out.push_back({r, t->text->line_text(i)});
      }
    }
  }
}

void check_no_overlaps(const std::vector<Page>& pages) {
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<Box> boxes;
    collect(pages[p].frame, {}, boxes);
    CHECK(boxes.size() > 5);
    for (size_t i = 0; i < boxes.size(); ++i)
      for (size_t j = i + 1; j < boxes.size(); ++j) {
        INFO("page " << p + 1 << ": \"" << boxes[i].text << "\" and \"" << boxes[j].text << "\"");
        CHECK_FALSE(boxes[i].rect.intersects(boxes[j].rect));
      }
  }
}

}  // namespace

TEST_CASE("no two labels of any gallery chart overlap") {
  Diagnostics diags;
  auto built = build(test::source_path("layouts/chart-gallery.toml"), {}, diags);
  for (const auto& d : diags.all()) INFO(format_diagnostic(d));
  REQUIRE(built);
  CHECK(diags.all().empty());  // nothing dropped, nothing warned
  REQUIRE(built->pages.size() == 7);
  check_no_overlaps(built->pages);
}

TEST_CASE("a crowded chart leaves labels out, with a warning, rather than overlap them") {
  std::string layout = R"(
[[block]]
type = "chart"
width = "80mm"
height = "40mm"
categories = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"]
series = [
  { name = "one", values = [123456, 234567, 345678, 456789, 123456, 234567, 345678, 456789, 123456, 234567, 345678, 456789, 1, 2] },
  { name = "two", values = [123457, 234568, 345679, 456780, 123457, 234568, 345679, 456780, 123457, 234568, 345679, 456780, 3, 4] },
  { name = "three", values = [123458, 234569, 345670, 456781, 123458, 234569, 345670, 456781, 123458, 234569, 345670, 456781, 5, 6] },
]
)";
  Diagnostics diags;
  auto built = test::build_text(layout, diags);
  REQUIRE(built);
  check_no_overlaps(built->pages);
  bool warned = false;
  for (const auto& d : diags.all())
    warned = warned || d.message.find("did not fit") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("bars grow from the zero line, negative values below it") {
  std::string layout = R"(
[[block]]
type = "chart"
categories = ["up", "down"]
series = [{ name = "change", values = [40, -20] }]
)";
  Diagnostics diags;
  auto built = test::build_text(layout, diags);
  REQUIRE(built);
  std::vector<RectItem> bars;
  std::vector<LineItem> lines;
  std::function<void(const Frame&)> walk = [&](const Frame& f) {
    for (const auto& item : f.items) {
      if (auto* g = std::get_if<GroupItem>(&item)) walk(*g->frame);
      if (auto* r = std::get_if<RectItem>(&item)) bars.push_back(*r);
      if (auto* l = std::get_if<LineItem>(&item)) lines.push_back(*l);
    }
  };
  walk(built->pages[0].frame);
  REQUIRE(bars.size() == 2);
  // The zero line is the darker, thicker horizontal line.
  double zero = -1;
  for (const auto& l : lines)
    if (l.width > 0.8 && l.from.y == l.to.y) zero = l.from.y;
  REQUIRE(zero > 0);
  CHECK(bars[0].rect.bottom() == Approx(zero));
  CHECK(bars[1].rect.y == Approx(zero));
  CHECK(bars[0].rect.height == Approx(bars[1].rect.height * 2).epsilon(0.01));
}
