#include "layout/context.hpp"

#include <fmt/format.h>

#include "core/page_ref.hpp"

namespace folio::layout {

text::RichParagraph with_page_numbers(const text::RichParagraph& p, const Introspection* known) {
  text::RichParagraph out = p;
  std::vector<text::Replacement> replacements;
  for (size_t open = p.text.find(kPageRefOpen); open != std::string::npos;
       open = p.text.find(kPageRefOpen, open + 1)) {
    size_t close = p.text.find(kPageRefClose, open);
    if (close == std::string::npos) break;
    std::string id = p.text.substr(open + kPageRefOpen.size(), close - open - kPageRefOpen.size());
    std::string label;
    if (known) label = known->label_of(id);
    // Before the numbers are known, a wide stand-in keeps the line as long as it will be.
    replacements.push_back({open, close + kPageRefClose.size(), label.empty() ? "00" : label});
  }
  text::replace_ranges(out, replacements);
  return out;
}

std::shared_ptr<const text::ShapedText> ShapeCache::find(const text::RichParagraph& p,
                                                         const text::TextStyle& style,
                                                         double width) const {
  auto it = by_text_.find(p.text);
  if (it == by_text_.end()) return nullptr;
  // A ShapedText is made of its text, style runs, style and width, nothing else.
  for (const Entry& e : it->second)
    if (e.shaped->width() == width && e.runs == p.runs && e.shaped->style() == style)
      return e.shaped;
  return nullptr;
}

void ShapeCache::add(const text::RichParagraph& p, std::shared_ptr<const text::ShapedText> shaped) {
  by_text_[p.text].push_back({p.runs, std::move(shaped)});
}

PageBody page_body(const Document& doc, const std::string& style) {
  const PageSetup& setup = doc.page;
  PageBody body;
  body.margins = setup.margins;
  if (auto it = doc.page_styles.find(style); it != doc.page_styles.end() && it->second.margins)
    body.margins = *it->second.margins;
  body.width = std::max(1.0, setup.size.width - body.margins.left - body.margins.right);
  body.height = std::max(1.0, setup.size.height - body.margins.top - body.margins.bottom);
  body.columns = std::max(1, setup.columns);
  body.column_gap = setup.column_gap;
  body.column_width =
      std::max(1.0, (body.width - (body.columns - 1) * body.column_gap) / body.columns);
  return body;
}

StructId Context::element(Role role, StructId under) const {
  if (!structure) return kUntagged;
  return structure->add(role, under);
}

Color Context::backdrop() const {
  Color page = theme().background;
  page.a = 1;
  return background ? over(*background, page) : page;
}

Context Context::within(StructId element) const {
  Context inner = *this;
  if (element >= 0) inner.parent = element;
  return inner;
}

text::TextStyle Context::body() const {
  const Theme& t = theme();
  text::TextStyle s;
  s.language = language.empty() ? doc.metadata.language : language;
  s.family = t.families(t.font, s.language);
  s.mono_family = t.families(t.mono_font, s.language);
  s.size = t.size;
  s.line_height = t.line_height;
  s.color = t.text;
  s.link_color = t.accent;
  if (text_color) s.color = s.link_color = *text_color;
  s.rtl = rtl;
  s.mirrored = mirrored;
  s.hyphenate = doc.metadata.hyphenate;
  return s;
}

Align Context::layout_align(Align a) const {
  switch (a) {
    case Align::start:
      return Align::left;
    case Align::end:
      return Align::right;
    case Align::left:
      return mirrored ? Align::right : Align::left;
    case Align::right:
      return mirrored ? Align::left : Align::right;
    default:
      return a;
  }
}

text::TextStyle Context::with(text::TextStyle base, double size, int weight, Color color) const {
  base.size = size;
  base.weight = weight;
  base.color = color;
  return base;
}

text::TextStyle Context::paragraph(ParagraphStyle style) const {
  const Theme& t = theme();
  text::TextStyle s = body();
  switch (style) {
    case ParagraphStyle::body:
      break;
    case ParagraphStyle::lead:
      s.size = t.size * 1.3;
      s.line_height = std::max(1.2, t.line_height - 0.05);
      break;
    case ParagraphStyle::small:
      s.size = t.size * 0.85;
      s.color = t.muted;
      break;
    case ParagraphStyle::note:
      s.size = t.size * 0.8;
      s.color = t.muted;
      s.italic = true;
      break;
  }
  if (text_color) s.color = s.link_color = *text_color;
  return s;
}

text::TextStyle Context::heading(int level) const {
  const Theme& t = theme();
  text::TextStyle s = body();
  s.family = t.families(t.heading_font, s.language);
  s.line_height = 1.15;
  s.hyphenate = false;  // a heading's words stay whole
  if (level == 1) {
    s.size = t.h1;
    s.weight = 800;
    s.color = t.text;
  } else if (level == 2) {
    s.size = t.h2;
    s.weight = 700;
    s.color = t.accent;
  } else {
    s.size = t.h3;
    s.weight = 700;
    s.color = t.text;
  }
  if (text_color) s.color = s.link_color = *text_color;
  return s;
}

std::shared_ptr<const text::ShapedText> Context::shape(const text::RichParagraph& p,
                                                       const text::TextStyle& style, double width,
                                                       const Span& from) const {
  std::optional<text::RichParagraph> numbered;
  if (!p.notes.empty()) {
    // Only running text numbers its notes (number_notes); a label or a cell cannot hold one.
    diags.warning(from,
                  "a note (`^[...]`) here is left out: notes belong in paragraphs, lists "
                  "and headings",
                  {"move the note into a paragraph near this block"});
    numbered = p;
    text::drop_notes(*numbered);
  }
  if (has_page_ref(p.text)) {
    if (uses_page_numbers) *uses_page_numbers = true;
    numbered = with_page_numbers(numbered ? *numbered : p, previous);
  }
  const text::RichParagraph& final_text = numbered ? *numbered : p;
  std::shared_ptr<const text::ShapedText> shaped;
  if (shapes) shaped = shapes->find(final_text, style, width);
  if (!shaped) {
    shaped = std::make_shared<const text::ShapedText>(final_text, style, width);
    if (shapes) shapes->add(final_text, shaped);
  }
  // Checked on every pass: only the last pass's diagnostics are kept.
  auto missing = shaped->missing_characters();
  if (!missing.empty()) {
    std::string chars;
    for (char32_t c : missing)
      chars += fmt::format("{}U+{:04X}", chars.empty() ? "" : ", ", static_cast<unsigned>(c));
    diags.warning(from,
                  fmt::format("no available font can draw {} (tried \"{}\" and the "
                              "system's fallbacks)",
                              chars, style.family),
                  {"add a font that has these characters to fonts/ or --font-path"});
  }
  return shaped;
}

std::shared_ptr<const text::ShapedText> Context::shape_markdown(const TextValue& t,
                                                                const text::TextStyle& style,
                                                                double width) const {
  return shape(text::parse_markdown_inline(t.text), style, width, t.span);
}

}  // namespace folio::layout
