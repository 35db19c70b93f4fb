#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <memory>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "model/document.hpp"
#include "text/markdown.hpp"

namespace folio::text {

// Owns one GObject reference; no manual unref anywhere else.
template <class T>
class GObjectRef {
 public:
  GObjectRef() = default;
  explicit GObjectRef(T* p) : p_(p) {}
  GObjectRef(const GObjectRef&) = delete;
  GObjectRef& operator=(const GObjectRef&) = delete;
  GObjectRef(GObjectRef&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  GObjectRef& operator=(GObjectRef&& o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~GObjectRef() {
    if (p_) g_object_unref(p_);
  }
  T* get() const { return p_; }

 private:
  T* p_ = nullptr;
};

struct TextStyle {
  std::string family;
  std::string mono_family;
  double size = 10;           // points
  double line_height = 1.35;  // factor of size
  int weight = 400;           // CSS weights: 400 regular, 600 semibold, 700 bold
  bool italic = false;
  Color color;
  Color link_color;
  // In the coordinates of the frame the text is placed in: `start` is `left`
  // and `end` is `right` there. With `mirrored`, the frame is mirrored before
  // it reaches the page, so left and right swap when the text is shaped.
  Align align = Align::left;
  bool mirrored = false;
  // The paragraph's base direction for the Unicode bidi algorithm: Arabic
  // words and Latin names or numbers inside each other's text are ordered by it.
  bool rtl = false;
  double letter_spacing = 0;  // points
  // BCP 47: tells Pango (and HarfBuzz) the text's language, for line breaking
  // and the glyphs a script uses per language (Serbian Cyrillic, Urdu, Chinese).
  std::string language;
  // Digits of equal width (OpenType `tnum`, where the font has it), so that
  // numbers in a column line up digit under digit.
  bool tabular_figures = false;
  // Soft hyphens go in where `language`'s dictionary allows a word to break
  // (text/hyphenate.hpp); Pango breaks there and shows the hyphen.
  bool hyphenate = false;

  bool operator==(const TextStyle&) const = default;
};

struct GlyphFace;  // one font's glyphs and advances, cached per thread (paragraph.cpp)

// Glyphs of one font with their text, shown by one cairo_show_text_glyphs:
// the untagged painter gathers a table row's cached cells in one run, since
// cairo records (and its PDF surface analyses) every call as an operation of
// its own.
struct GlyphRun {
  cairo_scaled_font_t* font = nullptr;
  std::string text;
  std::vector<cairo_glyph_t> glyphs;
  std::vector<cairo_text_cluster_t> clusters;

  bool empty() const { return glyphs.empty(); }
  // Shows the run with `cr`'s source and empties it.
  void show(cairo_t* cr);
};

// A link's box on one line, relative to the paragraph's top-left.
struct LinkBox {
  Rect box;
  std::string url;
  int link = 0;  // which link of the paragraph (a link broken over lines has a box per line)
};

// A paragraph shaped and broken into lines at a width: a RAII wrapper over
// PangoLayout. Lines are stacked CSS-style: each line box is size*line_height
// tall (or taller when its glyphs need it) with the glyphs centred in it.
//
// Simple text on one line (a table cell, a chart label: digits, separators,
// signs, Latin letters; no style runs, no letter spacing, no wrapping width)
// is not given a PangoLayout: its glyphs and advances come from a per-font
// cache filled by Pango itself, one character and one pair of characters at a
// time, and a string is simple only when every character is drawn by the
// style's first font and every adjacent pair shapes as the two glyphs side by
// side (HarfBuzz's pair kerning between them is cached with the pair).
// Anything else (any other script, a ligature, a contextual form, a mark) is
// shaped by Pango and HarfBuzz as a whole. Both give the same widths, lines
// and glyphs; the cached form is much smaller (no PangoLayout) and faster.
class ShapedText {
 public:
  ShapedText(const RichParagraph& paragraph, const TextStyle& style, double width);
  ShapedText(const ShapedText&) = delete;
  ShapedText& operator=(const ShapedText&) = delete;

  int line_count() const { return face_ ? 1 : static_cast<int>(pango_->lines.size()); }
  double line_top(int i) const { return line_at(i).top; }
  double line_height(int i) const { return line_at(i).height; }
  double baseline(int i) const { return line_at(i).baseline; }
  double line_x(int i) const { return line_at(i).x; }
  double line_width(int i) const { return line_at(i).width; }
  // Height of lines [first, last).
  double height(int first, int last) const;
  double height() const { return height(0, line_count()); }
  // Widest line, for shrink-to-fit boxes.
  double natural_width() const;
  double width() const { return width_; }
  const TextStyle& style() const { return *style_; }

  // Draws line `i` with its baseline's left end at the current point of `cr`,
  // with its text attached to the glyphs (text extraction, /ActualText).
  void show_line(cairo_t* cr, int i) const;
  // For cached glyphs: adds the line to `run` with its baseline's left end at
  // (x, y), and true; false (nothing added) when `run` holds another font's
  // glyphs or Pango draws this text.
  bool add_to_run(GlyphRun& run, double x, double y) const;
  // Whether the text was drawn from the glyph cache, not shaped by Pango as a whole.
  bool cached_glyphs() const { return face_ != nullptr; }

  // nullptr for cached glyphs, and for a plain line that dropped its layout
  PangoLayoutLine* line(int i) const;
  // The line that holds the character at UTF-8 byte `index` of the text.
  int line_of_index(unsigned index) const;
  std::string line_text(int i) const;
  std::vector<LinkBox> links(int first, int last) const;
  // The paragraph's links in order, as their texts (for a link's description).
  std::vector<std::string> link_texts() const;
  // Characters that no font could draw.
  std::vector<char32_t> missing_characters() const;

 private:
  struct Line {
    double top = 0, height = 0, baseline = 0, x = 0, width = 0;
    int start_index = 0, length = 0;
  };
  friend struct GlyphFace;

  Line line_at(int i) const { return face_ ? cached_line() : pango_->lines[i]; }
  Line cached_line() const;
  void shape_with_pango(double width);
  // A layout line's box (its top at 0) for `style`.
  static Line measure_line(PangoLayoutIter* iter, const TextStyle& style, double font_ascent = 0);

  std::shared_ptr<const GlyphFace> face_;   // cached glyphs: their font
  std::shared_ptr<const TextStyle> style_;  // shared by every text of the same style
  std::string text_;
  // What Pango shaped (absent for cached glyphs): a table holds one
  // ShapedText per cell, so the cached form keeps only what it needs.
  struct Shaped {
    GObjectRef<PangoLayout> layout;  // null once a plain line dropped it
    std::vector<StyleRun> runs;
    std::vector<Line> lines;
  };
  std::unique_ptr<Shaped> pango_;
  double natural_ = 0;  // cached glyphs: the line's width
  double width_;
};

// Shaped and measured in one call, for the common case of plain text on one line.
double measure_width(std::string_view text, const TextStyle& style);

}  // namespace folio::text
