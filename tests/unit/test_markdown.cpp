#include <catch2/catch.hpp>

#include "text/markdown.hpp"

using namespace folio::text;

TEST_CASE("inline Markdown becomes style runs over plain text") {
  auto p = parse_markdown_inline("A **bold** and *italic* `code` [link](https://example.org/x).");
  CHECK(p.text == "A bold and italic code link.");
  REQUIRE(p.runs.size() == 4);
  CHECK(p.text.substr(p.runs[0].start, p.runs[0].end - p.runs[0].start) == "bold");
  CHECK(p.runs[0].bold);
  CHECK(p.runs[1].italic);
  CHECK(p.runs[2].code);
  CHECK(p.runs[3].link == "https://example.org/x");
  CHECK(p.text.substr(p.runs[3].start, p.runs[3].end - p.runs[3].start) == "link");
}

TEST_CASE("paragraphs and lists are separate pieces") {
  auto ps = parse_markdown("First paragraph\ncontinues.\n\n- one\n- two\n\n1. first\n2. second\n");
  REQUIRE(ps.size() == 5);
  CHECK(ps[0].text == "First paragraph continues.");
  CHECK(ps[0].kind == ParagraphKind::paragraph);
  CHECK(ps[1].kind == ParagraphKind::bullet);
  CHECK(ps[1].depth == 1);
  CHECK(ps[2].text == "two");
  CHECK(ps[3].kind == ParagraphKind::numbered);
  CHECK(ps[4].number == 2);
}

TEST_CASE("raw HTML and escaped characters print as themselves") {
  CHECK(parse_markdown_inline("<b>not bold</b>").text == "<b>not bold</b>");
  CHECK(parse_markdown_inline("\\*\\*x\\*\\*").text == "**x**");
  CHECK(parse_markdown_inline("a &amp; b").text == "a & b");
}

TEST_CASE("hard line breaks stay inside the paragraph") {
  auto p = parse_markdown_inline("line one\\\nline two");
  CHECK(p.text == "line one\xE2\x80\xA8line two");
}
