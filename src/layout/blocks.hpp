#pragma once

// The layout of each block kind, one factory per kind.

#include <memory>
#include <optional>
#include <vector>

#include "layout/context.hpp"
#include "layout/flowable.hpp"
#include "layout/notes.hpp"

namespace folio::layout {

// A paragraph of lines in a run of text: its shaped text, where it sits, and
// an optional marker (a bullet or number) hung left of its first line.
struct LinePiece {
  std::shared_ptr<const text::ShapedText> text;
  double x = 0;
  double gap_before = 0;
  std::shared_ptr<const text::ShapedText> marker;
  double marker_x = 0;
  StructId tag = kUntagged;         // the text's element (P, H1, LBody, ...)
  StructId marker_tag = kUntagged;  // the marker's Lbl
  std::vector<StructId> link_tags;  // a Link element per link of the text, in order
  std::vector<NoteRef> notes;       // footnotes referenced in the text
};

// The text of `p` as words, its line separators (U+2028) as spaces: a
// heading's bookmark title, a stat tile's /ActualText.
std::string plain_text(const text::RichParagraph& p);

// Link elements under `parent` for each link of `text`, described by the link's text.
std::vector<StructId> link_elements(const text::ShapedText& text, StructId parent,
                                    const Context& ctx);

// Lines that break between any two lines, but never leave a single line of a
// paragraph alone at the foot or the head of a region.
std::unique_ptr<Flowable> lines_flowable(std::vector<LinePiece> pieces, bool keep_together,
                                         std::optional<AnchorItem> anchor = std::nullopt);
// A frame placed whole or not at all.
std::unique_ptr<Flowable> fixed_flowable(Frame frame);
// Frames stacked with a gap, breaking only between them.
std::unique_ptr<Flowable> stack_flowable(std::vector<Frame> rows, double gap, bool keep_together);

// A heading's anchor has the block's `id`, or one made from the heading's
// position in its file, so that a contents entry can link to it.
// The id of a heading's anchor: the block's `id`, or one made from where the heading is written.
std::string heading_id(const Heading& h, const std::string& block_id);
std::unique_ptr<Flowable> heading_flowable(const Heading& h, const std::string& id, double width,
                                           const Context& ctx);
// The document's headings (from the previous layout pass) with their pages.
std::unique_ptr<Flowable> contents_flowable(const ContentsBlock& c, double width,
                                            const Context& ctx);
// The endnotes waiting in the context's NoteState, which it takes.
std::unique_ptr<Flowable> notes_flowable(const Block& block, const Context& ctx);
// The element a block's layout makes first (for a block's `id` and `language`).
std::unique_ptr<Flowable> paragraph_flowable(const Paragraph& p, double width, const Context& ctx,
                                             bool keep_together);
std::unique_ptr<Flowable> list_flowable(const ListBlock& l, double width, const Context& ctx,
                                        bool keep_together);
Frame quote_frame(const Quote& q, double width, const Context& ctx);
std::vector<Frame> stats_rows(const Stats& s, double width, const Context& ctx);
std::unique_ptr<Flowable> box_flowable(const Box& box, double width, const Context& ctx,
                                       bool keep_together, int depth);
std::unique_ptr<Flowable> columns_flowable(const ColumnsBlock& cols, double width,
                                           const Context& ctx, int depth);
Frame rule_frame(double width, const Context& ctx);
Frame image_frame(const Image& img, double width, const Context& ctx);
// Charts, tables and images until their layouts land: a labelled placeholder.
Frame placeholder_frame(std::string_view what, double width, double height, const Context& ctx);

bool same_token(const BreakToken& a, const BreakToken& b);

}  // namespace folio::layout
