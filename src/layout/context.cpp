#include "layout/context.hpp"

#include <fmt/format.h>

namespace folio::layout {

StructId Context::element(Role role, StructId under) const {
  if (!structure) return kUntagged;
  return structure->add(role, under);
}

Context Context::within(StructId element) const {
  Context inner = *this;
  if (element >= 0) inner.parent = element;
  return inner;
}

text::TextStyle Context::body() const {
  const Theme& t = theme();
  text::TextStyle s;
  s.family = t.font;
  s.mono_family = t.mono_font;
  s.size = t.size;
  s.line_height = t.line_height;
  s.color = t.text;
  s.link_color = t.accent;
  return s;
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
  return s;
}

text::TextStyle Context::heading(int level) const {
  const Theme& t = theme();
  text::TextStyle s = body();
  s.family = t.heading_font;
  s.line_height = 1.15;
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
  return s;
}

std::shared_ptr<const text::ShapedText> Context::shape(const text::RichParagraph& p,
                                                       const text::TextStyle& style, double width,
                                                       const Span& from) const {
  auto shaped = std::make_shared<const text::ShapedText>(p, style, width);
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
