#include <cairo.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support.hpp"
#include "text/paragraph.hpp"

using namespace folio;

namespace {

text::TextStyle open_sans(bool tabular, int weight = 400) {
  text::TextStyle style;
  style.family = "Open Sans";
  style.size = 9.2;
  style.line_height = 1.3;
  style.weight = weight;
  style.tabular_figures = tabular;
  return style;
}

// The same text shaped by Pango as a whole: centred in a width, which the
// cache leaves to Pango (it takes flush-left text only, and centring moves
// nothing that is measured here).
std::shared_ptr<const text::ShapedText> by_pango(const std::string& s, text::TextStyle st) {
  st.align = Align::center;
  return std::make_shared<const text::ShapedText>(text::plain_paragraph(s), st, 10000);
}

std::shared_ptr<const text::ShapedText> unwrapped(const std::string& s, const text::TextStyle& st) {
  return std::make_shared<const text::ShapedText>(text::plain_paragraph(s), st, -1);
}

}  // namespace

TEST_CASE("cached glyphs measure what Pango measures") {
  // Digits, separators, signs (always cached in Open Sans), then Latin words,
  // some with kerned pairs (Ye, To, AV, Yo: Pango moves both glyphs of such a
  // pair, so a string holding one is shaped by Pango whole).
  const size_t always_cached = 6;
  const std::vector<std::string> texts = {"0",
                                          "1,139",
                                          "-42.5%",
                                          "(1,234.56)",
                                          "£3,000",
                                          "0031",
                                          "Yewwood",
                                          "Tower Academy",
                                          "AVATAR",
                                          "Yoke Town",
                                          "Willowmere",
                                          "0093 Oakford",
                                          "Rowanwood Park",
                                          "Larchlea Youth Centre",
                                          "x-1/2"};
  for (bool tabular : {true, false}) {
    for (int weight : {400, 700}) {
      text::TextStyle style = open_sans(tabular, weight);
      for (size_t i = 0; i < texts.size(); ++i) {
        const std::string& s = texts[i];
        INFO(s << " tabular " << tabular << " weight " << weight);
        auto cached = unwrapped(s, style);
        auto pango = by_pango(s, style);
        if (i < always_cached) CHECK(cached->cached_glyphs());
        CHECK_FALSE(pango->cached_glyphs());
        CHECK(cached->natural_width() == pango->natural_width());
        CHECK(cached->line_count() == 1);
        CHECK(cached->height() == pango->height());
        CHECK(cached->baseline(0) == pango->baseline(0));
        CHECK(cached->line_text(0) == s);
      }
    }
  }
}

TEST_CASE("text the cache cannot draw as single glyphs goes to Pango whole") {
  text::TextStyle style = open_sans(true);
  // Another script, a soft hyphen, edge spaces, a style run: Pango.
  for (const std::string s : {"Ελλάδα", "naïve\xC2\xAD", " 12", "12 ", "日本"}) {
    INFO(s);
    auto t = unwrapped(s, style);
    CHECK_FALSE(t->cached_glyphs());
    CHECK(t->natural_width() == by_pango(s, style)->natural_width());
  }
  // Centred or right-aligned in a width: Pango places it.
  CHECK_FALSE(by_pango("123", style)->cached_glyphs());
}

TEST_CASE("flush-left text in a width is cached while it fits, and wraps by Pango when not") {
  // A table's name column: each cell has the column's width and wraps only when long.
  text::TextStyle style = open_sans(false);
  const std::string name = "0149 Birchwood Academy";
  auto unbounded = unwrapped(name, style);
  REQUIRE(unbounded->cached_glyphs());
  double natural = unbounded->natural_width();
  auto fits =
      std::make_shared<const text::ShapedText>(text::plain_paragraph(name), style, natural + 0.01);
  CHECK(fits->cached_glyphs());
  CHECK(fits->line_count() == 1);
  CHECK(fits->line_x(0) == 0);
  CHECK(fits->natural_width() == by_pango(name, style)->natural_width());
  CHECK(fits->height() == by_pango(name, style)->height());
  auto wraps =
      std::make_shared<const text::ShapedText>(text::plain_paragraph(name), style, natural - 1);
  CHECK_FALSE(wraps->cached_glyphs());
  CHECK(wraps->line_count() == 2);
  CHECK(wraps->line_text(1) == "Academy");
}

TEST_CASE("number cells use tabular figures: every digit is as wide") {
  text::TextStyle tabular = open_sans(true);
  double one = unwrapped("1111", tabular)->natural_width();
  for (const std::string digits : {"0000", "2222", "4444", "7777", "8888", "9999"})
    CHECK(unwrapped(digits, tabular)->natural_width() == Approx(one).epsilon(1e-9));
  // Cached: the tabular glyphs come from Pango with `tnum` on.
  CHECK(unwrapped("1111", tabular)->cached_glyphs());
}

TEST_CASE("cached kerned text puts every glyph where Pango puts it, pixel for pixel") {
  // Open Sans kerns pairs such as "rc", "Yo" and "AV" by moving both glyphs;
  // the cache adds up each pair's moves. Drawn at a fractional position, the
  // cached line and Pango's must give the same pixels.
  auto draw = [](const text::ShapedText& t) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 320, 30);
    cairo_t* cr = cairo_create(surface);
    cairo_move_to(cr, 10.3, 20.7);
    t.show_line(cr, 0);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    std::string pixels(reinterpret_cast<const char*>(data),
                       static_cast<size_t>(cairo_image_surface_get_stride(surface)) * 30);
    cairo_surface_destroy(surface);
    return pixels;
  };
  for (bool tabular : {false, true})
    for (const std::string s : {"0149 Birchwood Academy", "Yoke Town", "AVATAR", "Tower Academy",
                                "Larchlea Youth Centre", "Ferncroft Primary School", "1,139"}) {
      INFO(s << " tabular " << tabular);
      text::TextStyle style = open_sans(tabular);
      auto cached = unwrapped(s, style);
      auto pango = by_pango(s, style);
      CHECK(cached->cached_glyphs());
      REQUIRE_FALSE(pango->cached_glyphs());
      CHECK(cached->natural_width() == pango->natural_width());
      std::string a = draw(*cached), b = draw(*pango);
      CHECK(a.find_first_not_of('\0') != std::string::npos);  // something was drawn
      CHECK(a == b);
    }
}
