#include <fmt/format.h>

#include <set>

#include "layout/blocks.hpp"
#include "layout/flow.hpp"
#include "layout/layout.hpp"
#include "layout/running.hpp"
#include "text/paragraph.hpp"

namespace folio {
namespace {

// The body columns of one page, filled from `token` with columns `height` tall.
struct PageFill {
  std::vector<Frame> columns;
  std::optional<layout::BreakToken> rest;  // nullopt: the document ended on this page
  bool section_end = false;                // the page ended at a page break (or the end)
  double tallest = 0;
};

PageFill fill_page(const std::vector<layout::FlowBlock>& blocks, const layout::BreakToken& from,
                   int columns, double column_width, double height) {
  PageFill fill;
  layout::BreakToken token = from;
  for (int column = 0; column < columns; ++column) {
    layout::FlowResult r = layout::flow(blocks, token, column_width, height, true);
    fill.tallest = std::max(fill.tallest, r.frame.size.height);
    fill.columns.push_back(std::move(r.frame));
    if (!r.rest) {
      fill.rest.reset();
      fill.section_end = true;
      return fill;
    }
    token = *r.rest;
    fill.rest = token;
    if (r.forced == BreakBefore::page) {
      fill.section_end = true;
      return fill;
    }
  }
  return fill;
}

bool same_end(const PageFill& a, const PageFill& b) {
  if (a.section_end != b.section_end || a.rest.has_value() != b.rest.has_value()) return false;
  return !a.rest || layout::same_token(*a.rest, *b.rest);
}

// The last page of a section (before a page break, or of the document) set in
// several columns: the lowest column height that still holds the same content,
// so the columns end level instead of one full column beside an empty one.
PageFill balance(const std::vector<layout::FlowBlock>& blocks, const layout::BreakToken& from,
                 int columns, double column_width, PageFill full) {
  double lo = 0, hi = full.tallest;
  for (int i = 0; i < 16 && hi - lo > 0.5; ++i) {
    double mid = (lo + hi) / 2;
    PageFill trial = fill_page(blocks, from, columns, column_width, mid);
    // Every column starts at the top and so may overflow a short height: that is no fit.
    if (same_end(trial, full) && trial.tallest <= mid + 0.01) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  PageFill balanced = fill_page(blocks, from, columns, column_width, hi);
  return same_end(balanced, full) ? balanced : full;
}

void collect_anchors(const Frame& frame, int page, Introspection& out) {
  for_each_item(frame, Point{0, 0}, [&](const FrameItem& item, Point) {
    auto* a = std::get_if<AnchorItem>(&item);
    if (!a) return;
    if (!a->id.empty()) out.page_of.emplace(a->id, page);
    if (a->level > 0 && !a->title.empty())
      out.headings.push_back({a->title, a->level, page, a->id, a->in_contents});
  });
}

}  // namespace

struct PageSequence::State {
  // Where a page starts and what its running heads say: all that is kept of
  // a page once it is laid out.
  struct Start {
    layout::BreakToken token;
    bool has_body = true;  // false: the page after the end of an empty document
    std::string style;     // its page style
    std::string section;   // its running section
  };
  // A page's body and where the next page starts.
  struct Body {
    Page page;
    std::optional<layout::BreakToken> rest;
    double tallest = 0;  // the tallest column before balancing
  };

  const Document* doc = nullptr;
  // The last pass's diagnostics: a flowable reports to them while it is
  // placed, and again (unread) when a page is made again.
  mutable Diagnostics diags;
  std::optional<Introspection> previous;
  std::vector<layout::FlowBlock> blocks;
  int columns = 1;
  double column_width = 0;
  double body_height = 0;
  std::vector<Start> starts;

  Body body(const Start& start, size_t index) const {
    const PageSetup& setup = doc->page;
    Body out;
    Page& page = out.page;
    page.size = setup.size;
    page.bleed = setup.bleed;
    page.crop_marks = setup.crop_marks;
    page.frame.size = setup.size;
    page.style = start.style;
    if (!start.has_body) return out;
    PageFill fill = fill_page(blocks, start.token, columns, column_width, body_height);
    out.tallest = fill.tallest;
    if (columns > 1 && fill.section_end)
      fill = balance(blocks, start.token, columns, column_width, std::move(fill));
    for (size_t c = 0; c < fill.columns.size(); ++c) {
      double x =
          setup.body_left(static_cast<int>(index + 1)) + c * (column_width + setup.column_gap);
      page.frame.place(std::move(fill.columns[c]), Point{x, setup.margins.top});
    }
    out.rest = std::move(fill.rest);
    return out;
  }
};

namespace {

// One pass of layout, reading page numbers from `previous`: the pages'
// starts go into `state`, their targets and headings into `found`; the pages
// themselves are dropped as soon as they are made.
void layout_pass(PageSequence::State& state, const LayoutOptions& options, Structure* structure,
                 const Introspection* previous, bool* uses_page_numbers, Introspection& found) {
  const Document& doc = *state.doc;
  layout::Context ctx{doc, state.diags, structure};
  ctx.previous = previous;
  ctx.uses_page_numbers = uses_page_numbers;
  const PageSetup& setup = doc.page;
  double body_width = setup.size.width - setup.margins.left - setup.margins.right;
  state.body_height = setup.size.height - setup.margins.top - setup.margins.bottom;
  state.columns = std::max(1, setup.columns);
  state.column_width = (body_width - (state.columns - 1) * setup.column_gap) / state.columns;
  state.blocks = layout::prepare_blocks(doc.blocks, state.column_width, ctx);
  const std::vector<layout::FlowBlock>& blocks = state.blocks;

  layout::BreakToken token;
  std::set<size_t> warned_overflow;
  std::string style;  // the page style, set by the block that starts a page
  layout::RunningSections sections;
  bool done = blocks.empty();
  while (!done || state.starts.empty()) {
    if (state.starts.size() >= options.max_pages) {
      state.diags.error(Span{std::make_shared<const std::string>(doc.path), 0, 0},
                        fmt::format("the document needs more than {} pages; raise the limit with "
                                    "--max-pages",
                                    options.max_pages));
      break;
    }
    if (!done && !token.inner && token.index < blocks.size() &&
        !blocks[token.index].page_style.empty())
      style = blocks[token.index].page_style == "default" ? "" : blocks[token.index].page_style;
    PageSequence::State::Start start{token, !done, style, {}};
    size_t index = state.starts.size();
    PageSequence::State::Body body = state.body(start, index);
    if (!done) {
      size_t first_block = token.index;
      // A block kept whole that is taller than a page is placed anyway, so the
      // document always advances; say so rather than clip silently.
      if (body.tallest > state.body_height + 0.5 && first_block < blocks.size() &&
          warned_overflow.insert(first_block).second) {
        state.diags.warning(
            blocks[first_block].span,
            fmt::format("this block is {:.0f} pt tall but a page holds {:.0f} pt; it "
                        "runs past the bottom margin",
                        body.tallest, state.body_height),
            {"let it split (keep_together = false), or make it smaller"});
      }
      if (body.rest) {
        token = *body.rest;
      } else {
        done = true;
      }
    }
    start.section = sections.next(body.page.frame, doc);
    collect_anchors(body.page.frame, static_cast<int>(index + 1), found);
    state.starts.push_back(std::move(start));
  }
}

}  // namespace

Introspection introspect(const std::vector<Page>& pages) {
  Introspection out;
  for (size_t i = 0; i < pages.size(); ++i)
    collect_anchors(pages[i].frame, static_cast<int>(i + 1), out);
  return out;
}

size_t PageSequence::size() const {
  return state_ ? state_->starts.size() : 0;
}

Page PageSequence::page(size_t index) const {
  const State& state = *state_;
  Page page = state.body(state.starts[index], index).page;
  layout::Context ctx{*state.doc, state.diags, nullptr};
  ctx.previous = state.previous ? &*state.previous : nullptr;
  layout::add_running_text(page, index + 1, state.starts.size(), state.starts[index].section, ctx);
  return page;
}

std::vector<Page> PageSequence::all() const {
  std::vector<Page> pages;
  pages.reserve(size());
  for (size_t i = 0; i < size(); ++i) pages.push_back(page(i));
  return pages;
}

void PageSequence::rebind(const Document& doc) {
  if (state_) state_->doc = &doc;
}

// Layout is pure, so it can run again: a contents block or a page reference
// prints the page numbers of the pass before, and the passes go on until the
// numbers a pass prints are those it produces (the contents block itself may
// push headings to later pages). A document without them takes one pass.
// Each pass keeps only where its pages start; the pages of the last one are
// made again, one at a time, when they are painted (PageSequence).
PageSequence layout_document(const Document& doc, Diagnostics& diags, const LayoutOptions& options,
                             Structure* structure) {
  std::optional<Introspection> previous;
  for (int pass = 1;; ++pass) {
    auto state = std::make_shared<PageSequence::State>();
    state->doc = &doc;
    std::optional<Structure> pass_structure;
    if (structure) pass_structure.emplace(structure->language());
    bool uses_page_numbers = false;
    Introspection found;
    layout_pass(*state, options, pass_structure ? &*pass_structure : nullptr,
                previous ? &*previous : nullptr, &uses_page_numbers, found);
    // Only a pass that printed page numbers needs to know where things landed.
    bool settled = !uses_page_numbers || (previous && found == *previous);
    if (settled || pass >= options.max_passes || state->diags.has_errors()) {
      for (const auto& d : state->diags.all()) diags.add(d);
      if (!settled && !state->diags.has_errors())
        diags.error(Span{std::make_shared<const std::string>(doc.path), 0, 0},
                    fmt::format("the page numbers of the contents and page references did not "
                                "settle after {} layouts",
                                pass),
                    {"a heading that moves to another page each time the contents grow; "
                     "start the contents on a page of its own (break_before = \"page\")"});
      if (structure) *structure = std::move(*pass_structure);
      state->previous = std::move(previous);
      state->diags = Diagnostics{};  // what placing pages again reports was reported above
      return PageSequence(std::move(state));
    }
    previous = std::move(found);
  }
}

}  // namespace folio
