#include "text/paragraph.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include "text/hyphenate.hpp"

namespace folio::text {
namespace {

// One Pango context per thread and base direction: Pango's font maps are per
// thread, and a layout re-shapes itself when its context changes, so each
// direction keeps its own context rather than switching one.
PangoContext* thread_context(bool rtl) {
  auto make = [](PangoDirection direction) {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    GObjectRef<PangoContext> ctx(pango_font_map_create_context(map));
    cairo_font_options_t* options = cairo_font_options_create();
    // Metrics independent of any device, so PDF and PNG break lines alike.
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx.get(), options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(ctx.get(), 72);
    pango_context_set_round_glyph_positions(ctx.get(), FALSE);
    pango_context_set_base_dir(ctx.get(), direction);
    return ctx;
  };
  thread_local GObjectRef<PangoContext> ltr = make(PANGO_DIRECTION_LTR);
  thread_local GObjectRef<PangoContext> rtl_context = make(PANGO_DIRECTION_RTL);
  return rtl ? rtl_context.get() : ltr.get();
}

// Pango's alignment for `style`: sides of the page, after mirroring.
PangoAlignment physical_alignment(const TextStyle& style) {
  bool right = style.align == Align::right || style.align == Align::end;
  bool left = style.align == Align::left || style.align == Align::start;
  if (style.mirrored) std::swap(left, right);
  if (style.align == Align::justify) return style.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  return right ? PANGO_ALIGN_RIGHT : left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER;
}

struct AttrList {
  PangoAttrList* list = pango_attr_list_new();
  ~AttrList() { pango_attr_list_unref(list); }
  void add(PangoAttribute* a, unsigned start, unsigned end) {
    a->start_index = start;
    a->end_index = end;
    pango_attr_list_insert(list, a);
  }
};

struct FontDescription {
  PangoFontDescription* desc = pango_font_description_new();
  ~FontDescription() { pango_font_description_free(desc); }
};

// `p` with soft hyphens where its language allows words to break, except in
// code; the style runs move with the text they cover.
void insert_soft_hyphens(std::string& text, std::vector<StyleRun>& runs,
                         std::string_view language) {
  Hyphenated h = hyphenate(text, language);
  if (h.inserted.empty()) return;
  std::erase_if(h.inserted, [&](size_t at) {
    return std::any_of(runs.begin(), runs.end(),
                       [&](const StyleRun& r) { return r.code && r.start < at && at < r.end; });
  });
  std::string out;
  out.reserve(text.size() + 2 * h.inserted.size());
  size_t from = 0;
  for (size_t at : h.inserted) {
    out.append(text, from, at - from);
    out += "\xC2\xAD";
    from = at;
  }
  out.append(text, from, std::string::npos);
  // A hyphen inserted at a run's edge belongs to the run before it.
  auto moved = [&](unsigned offset) {
    size_t before =
        std::upper_bound(h.inserted.begin(), h.inserted.end(), size_t{offset}) - h.inserted.begin();
    return static_cast<unsigned>(offset + 2 * before);
  };
  for (auto& run : runs) {
    run.start = moved(run.start);
    run.end = moved(run.end);
  }
  text = std::move(out);
}

guint16 channel(double v) {
  return static_cast<guint16>(std::lround(std::clamp(v, 0.0, 1.0) * 65535));
}

}  // namespace

ShapedText::ShapedText(const RichParagraph& paragraph, const TextStyle& style, double width)
    : layout_(pango_layout_new(thread_context(style.rtl))),
      text_(paragraph.text),
      runs_(paragraph.runs),
      style_(style),
      width_(width) {
  PangoLayout* layout = layout_.get();
  if (style.hyphenate && !style.language.empty()) insert_soft_hyphens(text_, runs_, style.language);
  FontDescription font;
  pango_font_description_set_family(font.desc, style.family.c_str());
  pango_font_description_set_absolute_size(font.desc, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font.desc, static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(font.desc,
                                   style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, font.desc);
  pango_layout_set_width(layout, width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  // The base direction is the block's, not guessed from the first strong
  // character, and left and right alignments mean the page's sides.
  pango_layout_set_auto_dir(layout, FALSE);
  pango_layout_set_alignment(layout, physical_alignment(style));
  if (style.align == Align::justify) pango_layout_set_justify(layout, TRUE);
  AttrList attrs;
  if (!style.language.empty())
    attrs.add(pango_attr_language_new(pango_language_from_string(style.language.c_str())), 0,
              PANGO_ATTR_INDEX_TO_TEXT_END);
  if (style.tabular_figures)
    attrs.add(pango_attr_font_features_new("tnum 1"), 0, PANGO_ATTR_INDEX_TO_TEXT_END);
  if (style.letter_spacing != 0)
    attrs.add(pango_attr_letter_spacing_new(static_cast<int>(style.letter_spacing * PANGO_SCALE)),
              0, PANGO_ATTR_INDEX_TO_TEXT_END);
  for (const auto& run : runs_) {
    if (run.bold) attrs.add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), run.start, run.end);
    if (run.italic) attrs.add(pango_attr_style_new(PANGO_STYLE_ITALIC), run.start, run.end);
    if (run.code) {
      attrs.add(pango_attr_family_new(style.mono_family.c_str()), run.start, run.end);
      attrs.add(pango_attr_size_new_absolute(static_cast<int>(style.size * 0.9 * PANGO_SCALE)),
                run.start, run.end);
    }
    if (run.superscript) {
      // The font's own superscript size and shift (its OS/2 metrics).
      attrs.add(pango_attr_baseline_shift_new(PANGO_BASELINE_SHIFT_SUPERSCRIPT), run.start,
                run.end);
      attrs.add(pango_attr_font_scale_new(PANGO_FONT_SCALE_SUPERSCRIPT), run.start, run.end);
    }
    if (!run.link.empty()) {
      const Color& c = style.link_color;
      attrs.add(pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), run.start,
                run.end);
      // A note's number is a link too, but is marked by its size, not underlined.
      if (!run.superscript)
        attrs.add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), run.start, run.end);
    }
  }
  pango_layout_set_attributes(layout, attrs.list);
  pango_layout_set_text(layout, text_.data(), static_cast<int>(text_.size()));

  double pitch = style.size * style.line_height;
  // A note's raised number may reach into the leading above its line: the
  // line keeps the font's ascent, so lines with and without one are spaced alike.
  double font_ascent = 0;
  bool raised =
      std::any_of(runs_.begin(), runs_.end(), [](const auto& r) { return r.superscript; });
  if (raised) {
    PangoFontMetrics* metrics = pango_context_get_metrics(
        pango_layout_get_context(layout), font.desc,
        style.language.empty() ? nullptr : pango_language_from_string(style.language.c_str()));
    font_ascent = pango_font_metrics_get_ascent(metrics) / double(PANGO_SCALE);
    pango_font_metrics_unref(metrics);
  }
  double top = 0;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    PangoLayoutLine* l = pango_layout_iter_get_line_readonly(iter);
    double line_top = logical.y / double(PANGO_SCALE);
    double ascent = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE) - line_top;
    double glyph_height = logical.height / double(PANGO_SCALE);
    if (raised && ascent > font_ascent + 0.01) {
      glyph_height -= ascent - font_ascent;
      ascent = font_ascent;
    }
    double box = std::max(pitch, glyph_height);
    Line line;
    line.top = top;
    line.height = box;
    line.baseline = top + (box - glyph_height) / 2 + ascent;
    line.x = logical.x / double(PANGO_SCALE);
    line.width = logical.width / double(PANGO_SCALE);
    line.start_index = l->start_index;
    line.length = l->length;
    lines_.push_back(line);
    top += box;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

double ShapedText::height(int first, int last) const {
  if (first >= last) return 0;
  return lines_[last - 1].top + lines_[last - 1].height - lines_[first].top;
}

double ShapedText::natural_width() const {
  double w = 0;
  for (const auto& l : lines_) w = std::max(w, l.width);
  return w;
}

int ShapedText::line_of_index(unsigned index) const {
  for (int i = line_count() - 1; i > 0; --i)
    if (static_cast<unsigned>(lines_[i].start_index) <= index) return i;
  return 0;
}

PangoLayoutLine* ShapedText::line(int i) const {
  return pango_layout_get_line_readonly(layout_.get(), i);
}

std::string ShapedText::line_text(int i) const {
  std::string s = text_.substr(lines_[i].start_index, lines_[i].length);
  // A line break inside a paragraph (U+2028) is not part of the line's text.
  for (size_t p; (p = s.find("\xE2\x80\xA8")) != std::string::npos;) s.erase(p, 3);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return without_soft_hyphens(s);
}

std::vector<LinkBox> ShapedText::links(int first, int last) const {
  std::vector<LinkBox> out;
  int link = -1;
  for (const auto& run : runs_) {
    if (run.link.empty()) continue;
    ++link;
    for (int i = first; i < last; ++i) {
      const Line& l = lines_[i];
      int start = std::max<int>(run.start, l.start_index);
      int end = std::min<int>(run.end, l.start_index + l.length);
      if (start >= end) continue;
      int x0 = 0, x1 = 0;
      pango_layout_line_index_to_x(line(i), start, FALSE, &x0);
      pango_layout_line_index_to_x(line(i), end, FALSE, &x1);
      double left = l.x + std::min(x0, x1) / double(PANGO_SCALE);
      double right = l.x + std::max(x0, x1) / double(PANGO_SCALE);
      out.push_back(
          {Rect{left, l.top - lines_[first].top, right - left, l.height}, run.link, link});
    }
  }
  return out;
}

std::vector<std::string> ShapedText::link_texts() const {
  std::vector<std::string> out;
  for (const auto& run : runs_) {
    if (run.link.empty()) continue;
    size_t start = std::min<size_t>(run.start, text_.size());
    size_t end = std::min<size_t>(std::max<size_t>(run.end, start), text_.size());
    out.push_back(without_soft_hyphens(text_.substr(start, end - start)));
  }
  return out;
}

std::vector<char32_t> ShapedText::missing_characters() const {
  std::vector<char32_t> missing;
  if (pango_layout_get_unknown_glyphs_count(layout_.get()) == 0) return missing;
  for (int i = 0; i < line_count(); ++i) {
    for (GSList* r = line(i)->runs; r; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
        PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
        if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG)) continue;
        char32_t c = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
        // Line and paragraph separators are control characters, not missing glyphs.
        if (c < 0x20 || c == 0x2028 || c == 0x2029) continue;
        if (std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
      }
    }
  }
  return missing;
}

double measure_width(std::string_view text, const TextStyle& style) {
  return ShapedText(plain_paragraph(text), style, -1).natural_width();
}

}  // namespace folio::text
