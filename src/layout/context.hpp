#pragma once

#include "core/diagnostic.hpp"
#include "model/document.hpp"
#include "text/paragraph.hpp"

namespace folio::layout {

// What every block layout may read: the theme's text styles and where to report problems.
struct Context {
  const Document& doc;
  Diagnostics& diags;

  const Theme& theme() const { return doc.theme; }
  text::TextStyle body() const;
  text::TextStyle paragraph(ParagraphStyle style) const;
  text::TextStyle heading(int level) const;
  text::TextStyle with(text::TextStyle base, double size, int weight, Color color) const;

  // Shapes text and warns about characters no font can draw, naming where the text came from.
  std::shared_ptr<const text::ShapedText> shape(const text::RichParagraph& p,
                                                const text::TextStyle& style, double width,
                                                const Span& from) const;
  std::shared_ptr<const text::ShapedText> shape_markdown(const TextValue& t,
                                                         const text::TextStyle& style,
                                                         double width) const;
};

}  // namespace folio::layout
