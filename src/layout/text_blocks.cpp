#include <fmt/format.h>

#include <algorithm>

#include "layout/blocks.hpp"

namespace folio::layout {
namespace {

class LinesFlowable : public Flowable {
 public:
  LinesFlowable(std::vector<LinePiece> pieces, bool keep_together, std::optional<AnchorItem> anchor)
      : pieces_(std::move(pieces)), keep_together_(keep_together), anchor_(std::move(anchor)) {
    double y = 0;
    for (size_t p = 0; p < pieces_.size(); ++p) {
      const auto& text = *pieces_[p].text;
      if (p > 0) y += pieces_[p].gap_before;
      for (int i = 0; i < text.line_count(); ++i) {
        lines_.push_back({p, i, y, text.line_height(i), {}});
        y += text.line_height(i);
      }
      // Each footnote goes with the line that holds its reference.
      size_t first = lines_.size() - static_cast<size_t>(text.line_count());
      for (const auto& ref : pieces_[p].notes)
        lines_[first + static_cast<size_t>(text.line_of_index(ref.at))].notes.push_back(ref.note);
    }
  }

  Placement place(const BreakToken& from, double height, bool at_top) const override {
    size_t s = from.index;
    size_t n = lines_.size();
    if (s >= n) return Placement{};
    size_t best = 0;
    size_t fits_any = 0;
    std::vector<NoteFrame> notes;
    for (size_t e = s + 1; e <= n; ++e) {
      // A line fits with the footnotes it refers to, or not at all.
      notes.insert(notes.end(), lines_[e - 1].notes.begin(), lines_[e - 1].notes.end());
      if (span_height(s, e) + notes_height(notes) > height + 1e-6) break;
      fits_any = e;
      if (break_allowed(e)) best = e;
    }
    if (best == 0) {
      if (!at_top) return Placement::nothing();
      best = std::max(fits_any, s + 1);  // the region is empty: rules give way to progress
    }
    Placement out;
    out.frame = frame_for(s, best);
    if (best < n) out.rest = BreakToken{best, nullptr};
    for (size_t i = s; i < best; ++i)
      out.notes.insert(out.notes.end(), lines_[i].notes.begin(), lines_[i].notes.end());
    return out;
  }

 private:
  struct Line {
    size_t piece;
    int line;
    double top;
    double height;
    std::vector<NoteFrame> notes;  // the footnotes referenced on this line
  };

  double span_height(size_t s, size_t e) const {
    return lines_[e - 1].top + lines_[e - 1].height - lines_[s].top;
  }

  bool break_allowed(size_t e) const {
    if (e == lines_.size()) return true;
    if (keep_together_) return false;
    const Line& l = lines_[e];
    if (l.line == 0) return true;  // between paragraphs
    int count = pieces_[l.piece].text->line_count();
    return l.line >= 2 && count - l.line >= 2;  // no orphan, no widow
  }

  Frame frame_for(size_t s, size_t e) const {
    Frame f;
    double base = lines_[s].top;
    f.size = {0, span_height(s, e)};
    if (s == 0 && anchor_) f.add(*anchor_);
    size_t i = s;
    while (i < e) {
      const LinePiece& piece = pieces_[lines_[i].piece];
      size_t j = i;
      while (j < e && lines_[j].piece == lines_[i].piece) ++j;
      int first = lines_[i].line;
      int last = lines_[j - 1].line + 1;
      double y = lines_[i].top - base;
      // The marker first: reading order is Lbl, then LBody.
      if (first == 0 && piece.marker) {
        double marker_y = y + piece.text->baseline(0) - piece.marker->baseline(0);
        f.add(TextItem{piece.marker, 0, piece.marker->line_count(), Point{piece.marker_x, marker_y},
                       piece.marker->style().color, piece.marker_tag});
      }
      f.add(TextItem{piece.text, first, last, Point{piece.x, y}, piece.text->style().color,
                     piece.tag});
      for (auto& link : piece.text->links(first, last)) {
        link.box.x += piece.x;
        link.box.y += y;
        StructId tag = static_cast<size_t>(link.link) < piece.link_tags.size()
                           ? piece.link_tags[static_cast<size_t>(link.link)]
                           : kUntagged;
        f.add(LinkItem{link.box, link.url, tag});
      }
      i = j;
    }
    return f;
  }

  std::vector<LinePiece> pieces_;
  bool keep_together_;
  std::optional<AnchorItem> anchor_;
  std::vector<Line> lines_;
};

// CommonMark paragraphs and list items as pieces: list items indented, with a marker.
// Each paragraph is a P; list items are LI (Lbl + LBody) in an L, one L per
// run of items at a depth; a paragraph that continues an item (deeper, no
// marker) goes into that item's LBody.
std::vector<LinePiece> markdown_pieces(const std::vector<text::RichParagraph>& paragraphs,
                                       text::TextStyle style, double width, const Context& ctx,
                                       const Span& span, double paragraph_gap,
                                       StructId open_list = kUntagged) {
  std::vector<LinePiece> pieces;
  const double indent = style.size * 1.5;
  struct OpenList {
    int depth;
    StructId list;
    StructId body;  // the last item's LBody
  };
  std::vector<OpenList> lists;
  if (open_list != kUntagged) lists.push_back({1, open_list, kUntagged});
  for (const auto& p : paragraphs) {
    double x = indent * p.depth;
    text::TextStyle s = style;
    if (p.kind == text::ParagraphKind::code) s.family = s.mono_family, s.size *= 0.9;
    LinePiece piece;
    piece.x = x;
    text::RichParagraph numbered = p;
    bool item = p.kind == text::ParagraphKind::bullet || p.kind == text::ParagraphKind::numbered;
    piece.gap_before = item && !pieces.empty() ? paragraph_gap * 0.4 : paragraph_gap;
    if (item) {
      text::TextStyle m = s;
      m.color = ctx.theme().accent;
      m.weight = 700;
      m.align = Align::right;
      std::string marker = p.kind == text::ParagraphKind::bullet ? "\xE2\x80\xA2"  // •
                                                                 : std::to_string(p.number) + ".";
      double room = indent - s.size * 0.4;
      piece.marker = ctx.shape(text::plain_paragraph(marker), m, room, span);
      piece.marker_x = x - indent;
      if (piece.marker->line_count() > 1) {
        // "10." is wider than the indent: it hangs to the left rather than wrapping.
        double wide = room * 3;
        piece.marker = ctx.shape(text::plain_paragraph(marker), m, wide, span);
        piece.marker_x -= wide - room;
      }
    }
    // Close the lists deeper than this paragraph; a plain paragraph at a list's
    // depth continues that list's last item.
    while (!lists.empty() && lists.back().depth > p.depth) lists.pop_back();
    if (item) {
      if (lists.empty() || lists.back().depth < p.depth) {
        StructId parent = lists.empty() ? ctx.parent : lists.back().body;
        lists.push_back({p.depth, ctx.element(Role::L, parent), kUntagged});
      }
      StructId li = ctx.element(Role::LI, lists.back().list);
      piece.marker_tag = ctx.element(Role::Lbl, li);
      lists.back().body = ctx.element(Role::LBody, li);
      piece.tag = lists.back().body;
    } else {
      StructId parent = lists.empty() ? ctx.parent : lists.back().body;
      piece.tag = ctx.element(Role::P, parent);
    }
    piece.notes = number_notes(numbered, ctx, span);
    piece.text = ctx.shape(numbered, s, width - x, span);
    piece.link_tags = link_elements(*piece.text, piece.tag, ctx);
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

}  // namespace

std::string plain_text(const text::RichParagraph& p) {
  std::string s = p.text;
  for (size_t at; (at = s.find("\xE2\x80\xA8")) != std::string::npos;) s.replace(at, 3, " ");
  for (size_t at; (at = s.find(text::kNoteMark)) != std::string::npos;)
    s.erase(at, text::kNoteMark.size());
  return s;
}

std::vector<StructId> link_elements(const text::ShapedText& text, StructId parent,
                                    const Context& ctx) {
  std::vector<StructId> tags;
  for (auto& description : text.link_texts()) {
    StructId link = ctx.element(Role::Link, parent);
    if (ctx.structure && link >= 0) ctx.structure->text(link).alt = std::move(description);
    tags.push_back(link);
  }
  return tags;
}

std::unique_ptr<Flowable> lines_flowable(std::vector<LinePiece> pieces, bool keep_together,
                                         std::optional<AnchorItem> anchor) {
  return std::make_unique<LinesFlowable>(std::move(pieces), keep_together, std::move(anchor));
}

std::string heading_id(const Heading& h, const std::string& id) {
  return !id.empty() ? id : fmt::format("_heading-{}-{}", h.text.span.line, h.text.span.column);
}

std::unique_ptr<Flowable> heading_flowable(const Heading& h, const std::string& id, double width,
                                           const Context& ctx) {
  auto rich = text::parse_markdown_inline(h.text.text);
  std::string title = plain_text(rich);
  LinePiece piece;
  piece.tag = ctx.element(heading_role(h.level));
  piece.notes = number_notes(rich, ctx, h.text.span);
  piece.text = ctx.shape(rich, ctx.heading(h.level), width, h.text.span);
  piece.link_tags = link_elements(*piece.text, piece.tag, ctx);
  std::vector<LinePiece> pieces{std::move(piece)};
  AnchorItem anchor;
  anchor.title = std::move(title);
  anchor.level = h.level;
  anchor.id = heading_id(h, id);
  anchor.bookmark = h.bookmark;
  anchor.in_contents = h.in_contents;
  return lines_flowable(std::move(pieces), true, std::move(anchor));
}

std::unique_ptr<Flowable> paragraph_flowable(const Paragraph& p, double width, const Context& ctx,
                                             bool keep_together) {
  text::TextStyle style = ctx.paragraph(p.style);
  style.align = ctx.layout_align(p.align);
  if (p.hyphenate) style.hyphenate = *p.hyphenate;
  auto paragraphs = text::parse_markdown(p.text.text);
  if (paragraphs.empty()) paragraphs.push_back(text::plain_paragraph(""));
  return lines_flowable(
      markdown_pieces(paragraphs, style, width, ctx, p.text.span, style.size * 0.6), keep_together);
}

std::unique_ptr<Flowable> list_flowable(const ListBlock& l, double width, const Context& ctx,
                                        bool keep_together) {
  text::TextStyle style = ctx.body();
  std::vector<LinePiece> pieces;
  int number = 1;
  StructId list = ctx.element(Role::L);
  for (const auto& item : l.items) {
    auto paragraphs = text::parse_markdown(item.text);
    if (paragraphs.empty()) paragraphs.push_back(text::plain_paragraph(""));
    // The item's own paragraphs sit one level in; its first one carries the marker.
    for (auto& p : paragraphs) p.depth += 1;
    paragraphs[0].kind = l.ordered ? text::ParagraphKind::numbered : text::ParagraphKind::bullet;
    paragraphs[0].number = number++;
    auto item_pieces =
        markdown_pieces(paragraphs, style, width, ctx, item.span, style.size * 0.6, list);
    if (!pieces.empty()) item_pieces[0].gap_before = style.size * 0.35;
    for (auto& piece : item_pieces) pieces.push_back(std::move(piece));
  }
  return lines_flowable(std::move(pieces), keep_together);
}

}  // namespace folio::layout
