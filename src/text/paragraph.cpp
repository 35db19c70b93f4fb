#include "text/paragraph.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "core/c_handle.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

namespace folio::text {
namespace {

// One Pango context per thread and base direction: Pango's font maps are per
// thread, and a layout re-shapes itself when its context changes, so each
// direction keeps its own context rather than switching one.
PangoContext* thread_context(bool rtl) {
  auto make = [](PangoDirection direction) {
    PangoFontMap* map = thread_font_map();
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
  explicit FontDescription(const TextStyle& style) {
    pango_font_description_set_family(desc, style.family.c_str());
    pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
    pango_font_description_set_weight(desc, static_cast<PangoWeight>(style.weight));
    pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  }
  ~FontDescription() { pango_font_description_free(desc); }
  FontDescription(const FontDescription&) = delete;
  FontDescription& operator=(const FontDescription&) = delete;
};

// The script Pango's itemization gives a character shaped alone or beside
// another: a digit or a sign takes a letter's script.
PangoScript item_script(char32_t a, char32_t b = 0) {
  bool latin = g_unichar_get_script(a) == G_UNICODE_SCRIPT_LATIN ||
               (b && g_unichar_get_script(b) == G_UNICODE_SCRIPT_LATIN);
  return latin ? PANGO_SCRIPT_LATIN : PANGO_SCRIPT_COMMON;
}

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

// A PangoLayout of `text` in `style`, `width` wide (negative: unwrapped).
GObjectRef<PangoLayout> make_layout(const std::string& text, const std::vector<StyleRun>& runs,
                                    const TextStyle& style, double width) {
  GObjectRef<PangoLayout> owned(pango_layout_new(thread_context(style.rtl)));
  PangoLayout* layout = owned.get();
  FontDescription font(style);
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
  for (const auto& run : runs) {
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
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return owned;
}

// The first character of `s` from `i` (UTF-8), advancing `i`; U+FFFD for a bad byte.
char32_t next_char(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (extra < 0 || i + extra > s.size()) return 0xFFFD;
  char32_t out = c & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    auto b = static_cast<unsigned char>(s[i++]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    out = (out << 6) | (b & 0x3F);
  }
  return out;
}

// Characters the glyph cache may draw: ASCII, Latin-1, and the spaces, dashes,
// signs and currency of numbers. Everything else goes to Pango.
bool cacheable(char32_t c) {
  return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF && c != 0xAD) ||
         (c >= 0x2009 && c <= 0x200A) || (c >= 0x2010 && c <= 0x2015) || c == 0x202F ||
         c == 0x2030 || c == 0x2212 || c == 0x20AC;
}

}  // namespace

// One font's glyphs for single characters, and how pairs of characters shape:
// as those two glyphs, kerned by fixed amounts (HarfBuzz's pair kerning, read
// from the pair shaped alone), or not (a ligature, a contextual form: Pango
// shapes any string holding the pair). Open Sans kerns a pair by moving both
// glyphs: the first one's advance, the second one's position and advance; in
// a string each glyph takes the sum of its two pairs' moves (checked with
// hb-shape over every triple of letters, digits and punctuation that holds a
// kerned pair). Learnt from Pango one character (or pair) at a time and kept
// for the thread's life.
struct GlyphFace {
  struct Glyph {
    PangoGlyph id = 0;
    int advance = 0;   // Pango units
    int8_t state = 0;  // 0: not asked yet, 1: cached, -1: Pango draws it
  };
  TextStyle style;                   // align and colours aside
  GObjectRef<PangoFont> font;        // the font every cached glyph comes from
  PangoAnalysis analysis{};          // how Pango shaped the first character, for the others
  GObjectRef<PangoFontset> fontset;  // the style's fonts, as Pango picks one a character
  ~GlyphFace() {
    g_slist_free_full(analysis.extra_attrs,
                      [](gpointer a) { pango_attribute_destroy(static_cast<PangoAttribute*>(a)); });
  }
  ShapedText::Line line;  // the line box every cached text gets (width aside)
  bool has_line = false;
  Glyph ascii[128];
  std::unordered_map<char32_t, Glyph> others;
  int narrowest = 0;  // the narrowest advance of a glyph learned so far (0: none yet)
  struct Pair {
    int8_t state = 0;  // 0: not asked yet, 1: the two glyphs, kerned, -1: Pango shapes it
    int first = 0;     // added to the first glyph's advance, Pango units
    int second_x = 0;  // added to the second glyph's position (not to the pen)
    int second = 0;    // added to the second glyph's advance
  };
  // ASCII pairs by first character, a row of 128 made when that character
  // first leads a pair: a full 128 x 128 table is 256 KB a face, and touching
  // it cost a single render some 1,000 page faults.
  std::array<std::unique_ptr<Pair[]>, 128> ascii_pairs;
  std::unordered_map<uint64_t, Pair> other_pairs;

  static uint64_t pair_key(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

  // The kerning between two characters of a cached text.
  const Pair& kern(char32_t a, char32_t b) const {
    static const Pair none;
    if (a < 128 && b < 128) return ascii_pairs[a] ? ascii_pairs[a][b] : none;
    auto it = other_pairs.find(pair_key(a, b));
    return it == other_pairs.end() ? none : it->second;
  }

  const Glyph& glyph(char32_t c) const {
    if (c < 128) return ascii[c];
    static const Glyph none{0, 0, -1};
    auto it = others.find(c);
    return it == others.end() ? none : it->second;
  }

  // The glyph Pango gives `c` alone, when it is one glyph of this face's font
  // with the face's line box.
  Glyph learn(char32_t c) {
    Glyph g;
    g.state = -1;
    char buffer[8];
    std::string text(buffer, static_cast<size_t>(g_unichar_to_utf8(c, buffer)));
    // After the first character, as Pango would: the font its fontset gives
    // `c` (it must be the face's), and shape_alone.
    if (fontset.get()) {
      GObjectRef<PangoFont> chosen(pango_fontset_get_font(fontset.get(), c));
      if (chosen.get() != font.get()) return g;
      auto shaped = shape_alone(text, item_script(c));
      if (shaped->num_glyphs != 1) return g;
      const PangoGlyphInfo& info = shaped->glyphs[0];
      if ((info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) || info.geometry.x_offset != 0 ||
          info.geometry.y_offset != 0)
        return g;
      g.id = info.glyph;
      g.advance = info.geometry.width;
      g.state = 1;
      return g;
    }
    GObjectRef<PangoLayout> layout = make_layout(text, {}, style, -1);
    if (pango_layout_get_line_count(layout.get()) != 1 ||
        pango_layout_get_unknown_glyphs_count(layout.get()) != 0)
      return g;
    PangoLayoutLine* l = pango_layout_get_line_readonly(layout.get(), 0);
    if (!l->runs || l->runs->next) return g;
    auto* run = static_cast<PangoGlyphItem*>(l->runs->data);
    if (run->glyphs->num_glyphs != 1) return g;
    const PangoGlyphInfo& info = run->glyphs->glyphs[0];
    if (info.geometry.x_offset != 0 || info.geometry.y_offset != 0) return g;
    if (!font.get()) {
      font = GObjectRef<PangoFont>(PANGO_FONT(g_object_ref(run->item->analysis.font)));
      analysis = run->item->analysis;  // its font features too (tnum), copied
      analysis.extra_attrs = nullptr;
      for (GSList* a = run->item->analysis.extra_attrs; a; a = a->next)
        analysis.extra_attrs = g_slist_append(
            analysis.extra_attrs, pango_attribute_copy(static_cast<PangoAttribute*>(a->data)));
    }
    if (run->item->analysis.font != font.get()) return g;
    ShapedText::Line box = line_box(layout.get());
    if (!has_line) {
      line = box;
      has_line = true;
      PangoContext* context = pango_layout_get_context(layout.get());
      FontDescription desc(style);
      fontset = GObjectRef<PangoFontset>(pango_font_map_load_fontset(
          pango_context_get_font_map(context), context, desc.desc,
          style.language.empty() ? pango_context_get_language(context)
                                 : pango_language_from_string(style.language.c_str())));
    } else if (box.top != line.top || box.height != line.height || box.baseline != line.baseline ||
               box.x != 0) {
      return g;
    }
    g.id = info.glyph;
    g.advance = info.geometry.width;
    g.state = 1;
    return g;
  }

  const Glyph& lookup(char32_t c) {
    if (c < 128) {
      if (ascii[c].state == 0) ascii[c] = learned(c);
      return ascii[c];
    }
    auto it = others.find(c);
    if (it == others.end()) it = others.emplace(c, learned(c)).first;
    return it->second;
  }

  // learn(c), noted in `narrowest`.
  Glyph learned(char32_t c) {
    Glyph g = learn(c);
    if (g.state == 1 && g.advance > 0 && (narrowest == 0 || g.advance < narrowest))
      narrowest = g.advance;
    return g;
  }

  Pair* ascii_row(char32_t a) {
    if (!ascii_pairs[a]) ascii_pairs[a] = std::make_unique<Pair[]>(128);
    return ascii_pairs[a].get();
  }

  // How `a` then `b` shape; state -1 when not as their own glyphs side by side.
  const Pair& pair(char32_t a, char32_t b) {
    Pair& slot = a < 128 && b < 128 ? ascii_row(a)[b] : other_pairs[pair_key(a, b)];
    if (slot.state == 0) slot = learn_pair(a, b);
    return slot;
  }

  // `text` shaped as Pango shapes an item of a layout (the font and features
  // of the face's first character, `script`), without making a layout: a
  // document learns hundreds of characters and pairs, and a PangoLayout each
  // was most of what a single 2-page render spent beyond the floor.
  Handle<PangoGlyphString, pango_glyph_string_free> shape_alone(std::string_view text,
                                                                PangoScript script) const {
    PangoAnalysis item = analysis;
    item.script = script;
    Handle<PangoGlyphString, pango_glyph_string_free> shaped(pango_glyph_string_new());
    int length = static_cast<int>(text.size());
    pango_shape_with_flags(text.data(), length, text.data(), length, &item, shaped.get(),
                           PANGO_SHAPE_NONE);
    return shaped;
  }

  // How `a` then `b` shape alone (shape_alone).
  Pair learn_pair(char32_t a, char32_t b) {
    Pair out;
    out.state = -1;
    if (!font.get()) return out;
    char buffer[16];
    int n = g_unichar_to_utf8(a, buffer);
    n += g_unichar_to_utf8(b, buffer + n);
    auto shaped = shape_alone({buffer, static_cast<size_t>(n)}, item_script(a, b));
    if (shaped->num_glyphs != 2) return out;
    const Glyph& ga = glyph(a);
    const Glyph& gb = glyph(b);
    const PangoGlyphInfo* info = shaped->glyphs;
    if (info[0].glyph == ga.id && info[1].glyph == gb.id && info[0].geometry.x_offset == 0 &&
        info[0].geometry.y_offset == 0 && info[1].geometry.y_offset == 0) {
      out.state = 1;
      out.first = info[0].geometry.width - ga.advance;
      out.second_x = info[1].geometry.x_offset;
      out.second = info[1].geometry.width - gb.advance;
    }
    return out;
  }

  // The advance of `text` in Pango units when every character and pair is
  // cached; -1 when Pango must shape it, or when it passes `limit` (when not
  // negative): a paragraph that wraps learns no more than its first line.
  long long advance_of(std::string_view text, long long limit = -1) {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return -1;
    // A text that cannot fit even in the narrowest glyphs wraps: Pango
    // shapes it, and it teaches the cache nothing it would use again (a
    // paragraph's pairs, learned one by one, cost a leaflet a tenth of its time).
    if (limit >= 0 && narrowest > 0 &&
        g_utf8_strlen(text.data(), static_cast<gssize>(text.size())) * narrowest > limit)
      return -1;
    long long total = 0;
    char32_t previous = 0;
    for (size_t i = 0; i < text.size();) {
      char32_t c = next_char(text, i);
      if (!cacheable(c)) return -1;
      const Glyph& g = lookup(c);
      if (g.state != 1) return -1;
      if (previous) {
        const Pair& p = pair(previous, c);
        if (p.state != 1) return -1;
        total += p.first + p.second;
      }
      total += g.advance;
      if (limit >= 0 && total > limit) return -1;
      previous = c;
    }
    return total;
  }

  // The box of a layout's first line, as ShapedText stacks it.
  ShapedText::Line line_box(PangoLayout* layout) const {
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    ShapedText::Line box = ShapedText::measure_line(iter, style);
    pango_layout_iter_free(iter);
    return box;
  }
};

namespace {

// The glyph faces and shared styles of this thread, few per document: found
// by comparing styles, the last one found first.
struct StyleEntry {
  std::shared_ptr<const TextStyle> style;
  std::shared_ptr<GlyphFace> face;
};

StyleEntry& style_entry(const TextStyle& style) {
  thread_local std::vector<StyleEntry> entries;
  thread_local size_t last = 0;
  if (last < entries.size() && *entries[last].style == style) return entries[last];
  for (size_t i = 0; i < entries.size(); ++i)
    if (*entries[i].style == style) return entries[last = i];
  TextStyle font_style = style;  // what the glyphs depend on
  font_style.align = Align::left;
  font_style.color = {};
  font_style.link_color = {};
  std::shared_ptr<GlyphFace> face;
  for (const StyleEntry& e : entries)
    if (e.face->style == font_style) face = e.face;
  if (!face) {
    face = std::make_shared<GlyphFace>();
    face->style = font_style;
  }
  entries.push_back({std::make_shared<const TextStyle>(style), std::move(face)});
  last = entries.size() - 1;
  return entries.back();
}

bool plain_runs(const std::vector<StyleRun>& runs) {
  return std::all_of(runs.begin(), runs.end(), [](const StyleRun& r) {
    return !r.bold && !r.italic && !r.code && r.link.empty();
  });
}

}  // namespace

ShapedText::Line ShapedText::measure_line(PangoLayoutIter* iter, const TextStyle& style,
                                          double font_ascent) {
  double pitch = style.size * style.line_height;
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(iter, nullptr, &logical);
  PangoLayoutLine* l = pango_layout_iter_get_line_readonly(iter);
  double line_top = logical.y / double(PANGO_SCALE);
  double ascent = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE) - line_top;
  double glyph_height = logical.height / double(PANGO_SCALE);
  // A note's raised number may reach into the leading above its line: the
  // line keeps the font's ascent, so lines with and without one are spaced alike.
  if (font_ascent > 0 && ascent > font_ascent + 0.01) {
    glyph_height -= ascent - font_ascent;
    ascent = font_ascent;
  }
  double box = std::max(pitch, glyph_height);
  Line line;
  line.top = 0;
  line.height = box;
  line.baseline = (box - glyph_height) / 2 + ascent;
  line.x = logical.x / double(PANGO_SCALE);
  line.width = logical.width / double(PANGO_SCALE);
  line.start_index = l->start_index;
  line.length = l->length;
  return line;
}

ShapedText::ShapedText(const RichParagraph& paragraph, const TextStyle& style, double width)
    : text_(paragraph.text), width_(width) {
  StyleEntry& entry = style_entry(style);
  style_ = entry.style;
  std::vector<StyleRun> runs = paragraph.runs;
  if (style.hyphenate && !style.language.empty()) insert_soft_hyphens(text_, runs, style.language);
  // Right-to-left text keeps Pango's bidi ordering, even for digits and signs.
  // Text given a width is one line too when it fits (a table's name column,
  // whose cells wrap only when long): Pango would not break it, and set flush
  // left it starts where the cached line does.
  bool one_line = width <= 0 || physical_alignment(style) == PANGO_ALIGN_LEFT;
  if (one_line && style.letter_spacing == 0 && !style.rtl && plain_runs(runs)) {
    // Past the width it wraps: Pango breaks it into lines.
    long long limit = width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1;
    long long advance = entry.face->advance_of(text_, limit);
    if (advance >= 0) {
      face_ = entry.face;
      natural_ = advance / double(PANGO_SCALE);
      return;
    }
  }
  pango_ = std::make_unique<Shaped>();
  pango_->runs = std::move(runs);
  shape_with_pango(width);
  // A plain line Pango had to shape (a ligature, another script) keeps its
  // measures and drops its PangoLayout, which weighs kilobytes: a long table
  // holds every cell until its pages are painted. It is shaped again (the
  // same way) when painted.
  if (width < 0 && pango_->lines.size() == 1 && plain_runs(pango_->runs) &&
      pango_layout_get_unknown_glyphs_count(pango_->layout.get()) == 0)
    pango_->layout = GObjectRef<PangoLayout>();
}

void ShapedText::shape_with_pango(double width) {
  pango_->layout = make_layout(text_, pango_->runs, *style_, width);
  double font_ascent = 0;  // the font's own ascent, when a run is raised
  if (std::any_of(pango_->runs.begin(), pango_->runs.end(),
                  [](const auto& r) { return r.superscript; })) {
    PangoLayout* layout = pango_->layout.get();
    const TextStyle& style = *style_;
    PangoFontMetrics* metrics = pango_context_get_metrics(
        pango_layout_get_context(layout), pango_layout_get_font_description(layout),
        style.language.empty() ? nullptr : pango_language_from_string(style.language.c_str()));
    font_ascent = pango_font_metrics_get_ascent(metrics) / double(PANGO_SCALE);
    pango_font_metrics_unref(metrics);
  }
  double top = 0;
  PangoLayoutIter* iter = pango_layout_get_iter(pango_->layout.get());
  do {
    Line line = measure_line(iter, *style_, font_ascent);
    line.top = top;
    line.baseline += top;
    pango_->lines.push_back(line);
    top += line.height;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

ShapedText::Line ShapedText::cached_line() const {
  Line line = face_->line;
  line.width = natural_;
  line.start_index = 0;
  line.length = static_cast<int>(text_.size());
  return line;
}

void ShapedText::show_line(cairo_t* cr, int i) const {
  if (!face_ && pango_->layout.get()) {
    pango_cairo_show_layout_line(cr, line(i));
    return;
  }
  if (!face_) {
    GObjectRef<PangoLayout> again = make_layout(text_, pango_->runs, *style_, width_);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(again.get(), i));
    return;
  }
  double x = 0, y = 0;
  cairo_get_current_point(cr, &x, &y);
  // Reused from line to line: a long table shows a line per cell.
  thread_local GlyphRun run;
  add_to_run(run, x, y);
  run.show(cr);
}

bool ShapedText::add_to_run(GlyphRun& run, double x, double y) const {
  if (!face_) return false;
  cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(face_->font.get()));
  if (!run.empty() && run.font != font) return false;
  run.font = font;
  run.text += text_;
  long long advance = 0;  // Pango units, summed as Pango sums them
  char32_t previous = 0;
  for (size_t k = 0; k < text_.size();) {
    size_t from = k;
    char32_t c = next_char(text_, k);
    const GlyphFace::Glyph& g = face_->glyph(c);
    long long at = advance;
    if (previous) {
      const GlyphFace::Pair& kern = face_->kern(previous, c);
      advance += kern.first;  // the previous glyph's advance
      at = advance + kern.second_x;
      advance += kern.second;
    }
    run.glyphs.push_back({g.id, x + at / double(PANGO_SCALE), y});
    run.clusters.push_back({static_cast<int>(k - from), 1});
    advance += g.advance;
    previous = c;
  }
  return true;
}

void GlyphRun::show(cairo_t* cr) {
  if (glyphs.empty()) return;
  cairo_set_scaled_font(cr, font);
  cairo_show_text_glyphs(cr, text.data(), static_cast<int>(text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(),
                         static_cast<int>(clusters.size()), cairo_text_cluster_flags_t(0));
  text.clear();
  glyphs.clear();
  clusters.clear();
}

double ShapedText::height(int first, int last) const {
  if (first >= last) return 0;
  return line_at(last - 1).top + line_at(last - 1).height - line_at(first).top;
}

double ShapedText::natural_width() const {
  double w = 0;
  for (int i = 0; i < line_count(); ++i) w = std::max(w, line_at(i).width);
  return w;
}

int ShapedText::line_of_index(unsigned index) const {
  for (int i = line_count() - 1; i > 0; --i)
    if (static_cast<unsigned>(line_at(i).start_index) <= index) return i;
  return 0;
}

PangoLayoutLine* ShapedText::line(int i) const {
  if (!pango_ || !pango_->layout.get()) return nullptr;
  return pango_layout_get_line_readonly(pango_->layout.get(), i);
}

std::string ShapedText::line_text(int i) const {
  std::string s = text_.substr(line_at(i).start_index, line_at(i).length);
  // A line break inside a paragraph (U+2028) is not part of the line's text.
  for (size_t p; (p = s.find("\xE2\x80\xA8")) != std::string::npos;) s.erase(p, 3);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return without_soft_hyphens(s);
}

std::vector<LinkBox> ShapedText::links(int first, int last) const {
  std::vector<LinkBox> out;
  if (!pango_) return out;
  int link = -1;
  for (const auto& run : pango_->runs) {
    if (run.link.empty()) continue;
    ++link;
    for (int i = first; i < last; ++i) {
      const Line& l = pango_->lines[i];
      int start = std::max<int>(run.start, l.start_index);
      int end = std::min<int>(run.end, l.start_index + l.length);
      if (start >= end) continue;
      int x0 = 0, x1 = 0;
      pango_layout_line_index_to_x(line(i), start, FALSE, &x0);
      pango_layout_line_index_to_x(line(i), end, FALSE, &x1);
      double left = l.x + std::min(x0, x1) / double(PANGO_SCALE);
      double right = l.x + std::max(x0, x1) / double(PANGO_SCALE);
      out.push_back(
          {Rect{left, l.top - pango_->lines[first].top, right - left, l.height}, run.link, link});
    }
  }
  return out;
}

std::vector<std::string> ShapedText::link_texts() const {
  std::vector<std::string> out;
  if (!pango_) return out;
  for (const auto& run : pango_->runs) {
    if (run.link.empty()) continue;
    size_t start = std::min<size_t>(run.start, text_.size());
    size_t end = std::min<size_t>(std::max<size_t>(run.end, start), text_.size());
    out.push_back(without_soft_hyphens(text_.substr(start, end - start)));
  }
  return out;
}

std::vector<char32_t> ShapedText::missing_characters() const {
  std::vector<char32_t> missing;
  if (!pango_ || !pango_->layout.get() ||
      pango_layout_get_unknown_glyphs_count(pango_->layout.get()) == 0)
    return missing;
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
