#include "layout/context.hpp"

#include <fmt/format.h>

#include "core/page_ref.hpp"

namespace folio::layout {

text::RichParagraph with_page_numbers(const text::RichParagraph& p, const Introspection* known) {
  text::RichParagraph out = p;
  out.text.clear();
  // Byte offsets of the old text move by what each replacement adds or removes.
  std::vector<std::pair<size_t, long>> shifts;
  long shift = 0;
  size_t at = 0;
  while (true) {
    size_t open = p.text.find(kPageRefOpen, at);
    size_t close = open == std::string::npos ? open : p.text.find(kPageRefClose, open);
    if (close == std::string::npos) {
      out.text.append(p.text, at);
      break;
    }
    out.text.append(p.text, at, open - at);
    std::string id = p.text.substr(open + kPageRefOpen.size(), close - open - kPageRefOpen.size());
    int page = 0;
    if (known)
      if (auto it = known->page_of.find(id); it != known->page_of.end()) page = it->second;
    // Before the numbers are known, a wide stand-in keeps the line as long as it will be.
    std::string number = page > 0 ? std::to_string(page) : "00";
    out.text += number;
    size_t end = close + kPageRefClose.size();
    shift += static_cast<long>(number.size()) - static_cast<long>(end - open);
    shifts.push_back({end, shift});
    at = end;
  }
  auto moved = [&](unsigned offset) {
    long d = 0;
    for (const auto& [from, by] : shifts)
      if (offset >= from) d = by;
    return static_cast<unsigned>(static_cast<long>(offset) + d);
  };
  for (auto& run : out.runs) {
    run.start = moved(run.start);
    run.end = moved(run.end);
  }
  return out;
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
  s.language = language.empty() ? doc.metadata.language : language;
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
  if (has_page_ref(p.text)) {
    if (uses_page_numbers) *uses_page_numbers = true;
    numbered = with_page_numbers(p, previous);
  }
  auto shaped = std::make_shared<const text::ShapedText>(numbered ? *numbered : p, style, width);
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
