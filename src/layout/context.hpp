#pragma once

#include "core/diagnostic.hpp"
#include "frame/structure.hpp"
#include "model/document.hpp"
#include "text/paragraph.hpp"

namespace folio::layout {

// What every block layout may read: the theme's text styles and where to report problems.
struct Context {
  const Document& doc;
  Diagnostics& diags;
  // Where the document's structure grows; null in tests that only look at geometry.
  Structure* structure = nullptr;
  // The element that blocks laid out with this context belong to.
  StructId parent = kDocumentElement;

  // A new element under `under` (default: `parent`), or kUntagged without a structure.
  // Layouts make their elements when they are prepared, never in place(), so
  // placing a block again (to balance columns, to probe a fit) adds nothing.
  StructId element(Role role) const { return element(role, parent); }
  StructId element(Role role, StructId under) const;
  // The same context, for blocks inside `element`.
  Context within(StructId element) const;

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
