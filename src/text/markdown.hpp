#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::text {

// A styled stretch of a paragraph, in UTF-8 byte offsets.
struct StyleRun {
  unsigned start = 0;
  unsigned end = 0;
  bool bold = false;
  bool italic = false;
  bool code = false;
  std::string link;          // the URL when the run is a link
  bool superscript = false;  // a note's number

  bool operator==(const StyleRun&) const = default;
};

// Where an inline note `^[...]` was written: layout replaces this mark (a
// Unicode noncharacter, so no text has it) with the note's number.
constexpr std::string_view kNoteMark = "\xEF\xB7\x92";  // U+FDD2

enum class ParagraphKind { paragraph, bullet, numbered, code };

// One paragraph of CommonMark, flattened to text plus style runs.
struct RichParagraph {
  std::string text;
  std::vector<StyleRun> runs;
  ParagraphKind kind = ParagraphKind::paragraph;
  int number = 0;  // of a numbered list item
  int depth = 0;   // list nesting, 0 outside lists
  // The CommonMark of each `^[note]`, in the order of their kNoteMark in `text`.
  std::vector<std::string> notes;
};

// Bytes [start, end) of a paragraph's text to be replaced `with` other text.
struct Replacement {
  size_t start = 0;
  size_t end = 0;
  std::string with;
};
// Applies `replacements` (in order, not overlapping) to `p`'s text and moves
// its style runs to match; returns where each replacement now starts.
std::vector<unsigned> replace_ranges(RichParagraph& p,
                                     const std::vector<Replacement>& replacements);

// Takes `p`'s notes out, marks and all (where a note cannot be set).
void drop_notes(RichParagraph& p);

// Reads CommonMark into paragraphs and list items. Raw HTML is text, never markup.
std::vector<RichParagraph> parse_markdown(std::string_view markdown);

// The whole text as one paragraph (the paragraphs joined by line breaks), for
// headings, labels and cells.
RichParagraph parse_markdown_inline(std::string_view markdown);

// Plain text without styles, as one paragraph.
RichParagraph plain_paragraph(std::string_view text);

}  // namespace folio::text
