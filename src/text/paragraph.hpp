#pragma once

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
class ShapedText {
 public:
  ShapedText(const RichParagraph& paragraph, const TextStyle& style, double width);
  ShapedText(const ShapedText&) = delete;
  ShapedText& operator=(const ShapedText&) = delete;

  int line_count() const { return static_cast<int>(lines_.size()); }
  double line_top(int i) const { return lines_[i].top; }
  double line_height(int i) const { return lines_[i].height; }
  double baseline(int i) const { return lines_[i].baseline; }
  double line_x(int i) const { return lines_[i].x; }
  double line_width(int i) const { return lines_[i].width; }
  // Height of lines [first, last).
  double height(int first, int last) const;
  double height() const { return height(0, line_count()); }
  // Widest line, for shrink-to-fit boxes.
  double natural_width() const;
  double width() const { return width_; }
  const TextStyle& style() const { return style_; }

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
    double top, height, baseline, x, width;
    int start_index, length;
  };
  GObjectRef<PangoLayout> layout_;
  std::string text_;
  std::vector<StyleRun> runs_;
  std::vector<Line> lines_;
  TextStyle style_;
  double width_;
};

// Shaped and measured in one call, for the common case of plain text on one line.
double measure_width(std::string_view text, const TextStyle& style);

}  // namespace folio::text
