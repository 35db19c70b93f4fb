#pragma once

#include <unordered_map>

#include "core/diagnostic.hpp"
#include "frame/structure.hpp"
#include "layout/layout.hpp"
#include "model/document.hpp"
#include "text/paragraph.hpp"

namespace folio::layout {

struct NoteState;

// Shaped texts by what they were shaped from, kept from one layout pass to the
// next: a pass that only changes page numbers reshapes only the texts that print them.
class ShapeCache {
 public:
  // The text shaped from `p` in `style` at `width`, if it was shaped before.
  std::shared_ptr<const text::ShapedText> find(const text::RichParagraph& p,
                                               const text::TextStyle& style, double width) const;
  void add(const text::RichParagraph& p, std::shared_ptr<const text::ShapedText> shaped);

 private:
  struct Entry {
    std::vector<text::StyleRun> runs;
    std::shared_ptr<const text::ShapedText> shaped;  // knows its own style and width
  };
  std::unordered_map<std::string, std::vector<Entry>> by_text_;
};

// The body of the pages of one page style: where its blocks go.
struct PageBody {
  Insets margins;  // of a right-hand page; a two-sided left-hand page swaps left and right
  double width = 0;
  double height = 0;
  int columns = 1;
  double column_gap = 0;
  double column_width = 0;

  // The body's left edge on page `number` (1-based).
  double left(const PageSetup& setup, int number) const {
    return setup.two_sided && number % 2 == 0 ? margins.right : margins.left;
  }
};

// The body of a page in `style` ("" or an unknown name: the document's own).
PageBody page_body(const Document& doc, const std::string& style);

// What every block layout may read: the theme's text styles and where to report problems.
// `p` with each page-reference placeholder replaced by the page its target
// starts on in `known` ("00" while unknown), its style runs moved to match.
text::RichParagraph with_page_numbers(const text::RichParagraph& p, const Introspection* known);

struct Context {
  const Document& doc;
  Diagnostics& diags;
  // Where the document's structure grows; null in tests that only look at geometry.
  Structure* structure = nullptr;
  // The element that blocks laid out with this context belong to.
  StructId parent = kDocumentElement;
  // Where the previous pass put headings and targets (null on the first pass).
  const Introspection* previous = nullptr;
  // Set when something printed a page number from `previous`, so that layout
  // knows it must run again until the numbers settle.
  bool* uses_page_numbers = nullptr;
  // The notes numbered so far in this pass (null: notes are dropped, in tests).
  NoteState* notes = nullptr;
  ShapeCache* shapes = nullptr;  // null: every text is shaped afresh
  // Text colour and the colour behind it, from an enclosing box.
  std::optional<Color> text_color = std::nullopt;
  // The language of the blocks laid out with this context, when it is not the document's.
  std::string language = {};
  // The blocks' text reads right to left (the base direction of their paragraphs).
  bool rtl = false;
  // The frames these blocks write are mirrored before they reach the page:
  // layouts write left to right, and a right-to-left block is turned over
  // whole, so its first column, tile or bar ends up on the right.
  bool mirrored = false;
  std::optional<Color> background = std::nullopt;
  // The body of the pages the blocks laid out with this context go on.
  PageBody region = {};

  // A new element under `under` (default: `parent`), or kUntagged without a structure.
  // Layouts make their elements when they are prepared, never in place(), so
  // placing a block again (to balance columns, to probe a fit) adds nothing.
  StructId element(Role role) const { return element(role, parent); }
  StructId element(Role role, StructId under) const;
  // The opaque colour behind the blocks laid out with this context: `background`
  // (an enclosing box's or the page style's) over the theme's page colour.
  Color backdrop() const;
  // The same context, for blocks inside `element`.
  Context within(StructId element) const;

  // The document's theme, or one scaled down to fit (see Fit).
  const Theme* scaled_theme = nullptr;

  const Theme& theme() const { return scaled_theme ? *scaled_theme : doc.theme; }
  // A user's alignment in the coordinates layouts write: `start` is their
  // left, and the page's left and right swap in a mirrored block.
  Align layout_align(Align a) const;
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
