#include <catch2/catch.hpp>

#include "layout/blocks.hpp"
#include "layout/flow.hpp"
#include "support.hpp"
#include "text/fonts.hpp"

using namespace folio;
using namespace folio::layout;

namespace {

struct Fixture {
  Document doc;
  Diagnostics diags;
  Context ctx{doc, diags};
  Fixture() { text::register_font_dirs({}, diags); }

  // A paragraph of exactly `lines` lines (one word a line at a narrow width).
  std::unique_ptr<Flowable> paragraph(int lines, double width = 30) {
    std::string words;
    for (int i = 0; i < lines; ++i) words += (i ? " " : "") + std::string("word");
    Paragraph p{TextValue{words, {}}, ParagraphStyle::body, Align::left};
    return paragraph_flowable(p, width, ctx, false);
  }
  double line_height() const {
    return text::ShapedText(text::plain_paragraph("word"), ctx.body(), 30).line_height(0);
  }
};

Block make_block(BlockContent content) {
  Block b;
  b.content = std::move(content);
  return b;
}

size_t lines_in(const Placement& p, double line) {
  return static_cast<size_t>(p.frame.size.height / line + 0.5);
}

}  // namespace

TEST_CASE("a paragraph splits between lines where it must") {
  Fixture f;
  auto para = f.paragraph(10);
  double line = f.line_height();
  Placement p = para->place(BreakToken{}, line * 6.5, false);
  REQUIRE(p.fits);
  CHECK(lines_in(p, line) == 6);
  REQUIRE(p.rest);
  CHECK(p.rest->index == 6);
  Placement q = para->place(*p.rest, line * 100, true);
  CHECK(lines_in(q, line) == 4);
  CHECK_FALSE(q.rest);
}

TEST_CASE("no single orphan line at the foot of a region") {
  Fixture f;
  auto para = f.paragraph(10);
  double line = f.line_height();
  CHECK_FALSE(para->place(BreakToken{}, line * 1.5, false).fits);
  Placement two = para->place(BreakToken{}, line * 2.5, false);
  REQUIRE(two.fits);
  CHECK(lines_in(two, line) == 2);
}

TEST_CASE("no single widow line at the head of the next region") {
  Fixture f;
  auto para = f.paragraph(10);
  double line = f.line_height();
  // Room for 9 of 10 lines would leave one alone: 8 go, 2 follow.
  Placement p = para->place(BreakToken{}, line * 9.5, false);
  CHECK(lines_in(p, line) == 8);
  REQUIRE(p.rest);
  CHECK(p.rest->index == 8);
}

TEST_CASE("a three-line paragraph cannot split without an orphan or widow") {
  Fixture f;
  auto para = f.paragraph(3);
  double line = f.line_height();
  CHECK_FALSE(para->place(BreakToken{}, line * 2.5, false).fits);
  // At the top of an empty region it must make progress anyway.
  Placement forced = para->place(BreakToken{}, line * 2.5, true);
  CHECK(forced.fits);
  CHECK(lines_in(forced, line) == 2);
}

TEST_CASE("a heading moves on with the block it is kept with") {
  Fixture f;
  double line = f.line_height();
  std::vector<Block> blocks;
  blocks.push_back(
      make_block(Paragraph{TextValue{"Opening words", {}}, ParagraphStyle::body, Align::left}));
  blocks.push_back(make_block(Heading{TextValue{"Section", {}}, 2}));
  blocks.push_back(make_block(
      Paragraph{TextValue{"one two three four five six", {}}, ParagraphStyle::body, Align::left}));
  auto prepared = prepare_blocks(blocks, 40, f.ctx);
  // Room for the first paragraph and the heading, but not two lines after it.
  double heading_h = f.doc.theme.h2 * 1.15;
  double room = line + f.doc.theme.size * 0.8 + f.doc.theme.h2 * 0.9 + heading_h + line * 1.2;
  FlowResult r = flow(prepared, BreakToken{}, 40, room, true);
  REQUIRE(r.rest);
  CHECK(r.rest->index == 1);  // the heading starts the next region
  FlowResult next = flow(prepared, *r.rest, 40, 1000, true);
  CHECK_FALSE(next.rest);
}

TEST_CASE("break_before = page ends the region") {
  Fixture f;
  std::vector<Block> blocks;
  blocks.push_back(
      make_block(Paragraph{TextValue{"First", {}}, ParagraphStyle::body, Align::left}));
  Block second = make_block(Paragraph{TextValue{"Second", {}}, ParagraphStyle::body, Align::left});
  second.break_before = BreakBefore::page;
  blocks.push_back(std::move(second));
  auto prepared = prepare_blocks(blocks, 300, f.ctx);
  FlowResult r = flow(prepared, BreakToken{}, 300, 1000, true);
  REQUIRE(r.rest);
  CHECK(r.rest->index == 1);
  CHECK(r.forced == BreakBefore::page);
}

TEST_CASE("kept-together stats rows never split") {
  Fixture f;
  Stats s;
  for (int i = 0; i < 4; ++i) s.items.push_back({TextValue{"139", {}}, TextValue{"label", {}}, {}});
  s.columns = 2;
  auto rows = stats_rows(s, 300, f.ctx);
  REQUIRE(rows.size() == 2);
  auto together = stack_flowable(rows, 8, true);
  double one_row = rows[0].size.height;
  CHECK_FALSE(together->place(BreakToken{}, one_row * 1.5, false).fits);
  auto apart = stack_flowable(rows, 8, false);
  Placement p = apart->place(BreakToken{}, one_row * 1.5, false);
  CHECK(p.fits);
  REQUIRE(p.rest);
  CHECK(p.rest->index == 1);
}

TEST_CASE("the shape cache gives back a text only for the same text, runs, style and width") {
  Fixture f;
  ShapeCache cache;
  f.ctx.shapes = &cache;
  text::TextStyle style = f.ctx.body();
  auto p = text::plain_paragraph("12,480 requests");
  auto first = f.ctx.shape(p, style, 100, {});
  CHECK(f.ctx.shape(p, style, 100, {}) == first);  // the same: shaped once
  CHECK(f.ctx.shape(p, style, 120, {}) != first);  // another width
  text::TextStyle rtl = style;
  rtl.rtl = true;  // another base direction orders the words differently
  auto right_to_left = f.ctx.shape(p, rtl, 100, {});
  CHECK(right_to_left != first);
  CHECK(right_to_left->style().rtl);
  text::TextStyle hyphenated = style;
  hyphenated.hyphenate = true;
  CHECK(f.ctx.shape(p, hyphenated, 100, {}) != first);
  auto bold = p;
  text::StyleRun run;
  run.end = 6;
  run.bold = true;
  bold.runs.push_back(run);
  CHECK(f.ctx.shape(bold, style, 100, {}) != first);
}
