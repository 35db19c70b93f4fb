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

// The same text shaped by Pango as a whole: a wrapping width sends it there.
std::shared_ptr<const text::ShapedText> by_pango(const std::string& s, const text::TextStyle& st) {
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
  // A wrapping width always goes to Pango.
  CHECK_FALSE(by_pango("123", style)->cached_glyphs());
}

TEST_CASE("number cells use tabular figures: every digit is as wide") {
  text::TextStyle tabular = open_sans(true);
  double one = unwrapped("1111", tabular)->natural_width();
  for (const std::string digits : {"0000", "2222", "4444", "7777", "8888", "9999"})
    CHECK(unwrapped(digits, tabular)->natural_width() == Approx(one).epsilon(1e-9));
  // Cached: the tabular glyphs come from Pango with `tnum` on.
  CHECK(unwrapped("1111", tabular)->cached_glyphs());
}
