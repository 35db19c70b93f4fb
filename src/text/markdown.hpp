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
  std::string link;  // the URL when the run is a link
};

enum class ParagraphKind { paragraph, bullet, numbered, code };

// One paragraph of CommonMark, flattened to text plus style runs.
struct RichParagraph {
  std::string text;
  std::vector<StyleRun> runs;
  ParagraphKind kind = ParagraphKind::paragraph;
  int number = 0;  // of a numbered list item
  int depth = 0;   // list nesting, 0 outside lists
};

// Reads CommonMark into paragraphs and list items. Raw HTML is text, never markup.
std::vector<RichParagraph> parse_markdown(std::string_view markdown);

// The whole text as one paragraph (the paragraphs joined by line breaks), for
// headings, labels and cells.
RichParagraph parse_markdown_inline(std::string_view markdown);

// Plain text without styles, as one paragraph.
RichParagraph plain_paragraph(std::string_view text);

}  // namespace folio::text
