#include <fmt/format.h>

#include <set>
#include <tuple>

#include "layout/blocks.hpp"
#include "layout/flow.hpp"
#include "layout/layout.hpp"
#include "layout/notes.hpp"
#include "layout/running.hpp"

namespace folio {
namespace {

// A last page holding less than this share of a page's body is "nearly empty".
constexpr double kNearEmptyShare = 0.25;
// fit = "shrink" sets the text smaller in steps of this share of its size.
constexpr double kFitStep = 0.03;

// The body columns of one page, filled from `token` with columns `height` tall.
struct PageFill {
  std::vector<Frame> columns;
  std::vector<std::vector<layout::NoteFrame>> notes;  // each column's footnotes
  std::vector<Diagnostic> warnings;                   // from the blocks placed
  std::optional<layout::BreakToken> rest;             // nullopt: the document ended on this page
  bool section_end = false;                           // the page ended at a page break (or the end)
  double tallest = 0;
};

PageFill fill_page(const std::vector<layout::FlowBlock>& blocks, const layout::BreakToken& from,
                   int columns, double column_width, double height) {
  PageFill fill;
  layout::BreakToken token = from;
  for (int column = 0; column < columns; ++column) {
    layout::FlowResult r = layout::flow(blocks, token, column_width, height, true);
    fill.tallest = std::max(fill.tallest, r.frame.size.height + layout::notes_height(r.notes));
    fill.columns.push_back(std::move(r.frame));
    fill.notes.push_back(std::move(r.notes));
    for (auto& w : r.warnings) fill.warnings.push_back(std::move(w));
    if (!r.rest) {
      fill.rest.reset();
      fill.section_end = true;
      return fill;
    }
    token = *r.rest;
    fill.rest = token;
    if (r.forced == BreakBefore::page || r.forced == BreakBefore::right) {
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

// What a pass learns about its last page: whether it holds only the end of
// the flow (a block pushed over from the page before).
struct LastPage {
  size_t first_block = 0;  // the block the page starts with (or goes on with)
  bool forced = false;     // it starts at a page break
  double used = 0;         // the height its body holds
};

}  // namespace

// All that is kept of a laid-out document: the prepared blocks and where each
// page starts. A page is placed again from its start when it is wanted (layout
// is pure, so it is the same page), painted, and dropped: memory does not grow
// with the pages.
struct PageSequence::State {
  struct Start {
    layout::BreakToken token;
    bool has_body = true;  // false: a blank page, or the page of an empty document
    bool blank = false;    // left blank so that a section starts on a right-hand page
    std::string style;     // its page style
    std::string section;   // its running section
    int number = 0;        // its number, and how it prints
    PageNumbering numbering = PageNumbering::arabic;
  };
  // A page's body and where the next page starts.
  struct Body {
    Page page;
    std::optional<layout::BreakToken> rest;
    double tallest = 0;  // the tallest column before balancing
    double used = 0;     // the tallest column after, with its footnotes
    bool section_end = false;
    std::vector<Diagnostic> warnings;
  };

  const Document* doc = nullptr;
  // The last pass's diagnostics: a flowable reports to them while it is
  // placed, and again (unread) when a page is made again.
  mutable Diagnostics diags;
  std::optional<Introspection> previous;
  std::optional<Theme> theme;  // the theme scaled down to fit, when it was
  std::vector<layout::FlowBlock> blocks;
  std::vector<Start> starts;
  std::string pages;  // what `{{ pages }}` prints

  layout::Context context(Diagnostics& d, Structure* structure) const {
    layout::Context ctx{*doc, d, structure};
    ctx.scaled_theme = theme ? &*theme : nullptr;
    ctx.rtl = doc->rtl();
    ctx.previous = previous ? &*previous : nullptr;
    ctx.region = layout::page_body(*doc, "");
    return ctx;
  }

  Body body(const Start& start, size_t index, const layout::Context& ctx) const {
    const PageSetup& setup = doc->page;
    Body out;
    Page& page = out.page;
    page.size = setup.size;
    page.bleed = setup.bleed;
    page.crop_marks = setup.crop_marks;
    page.frame.size = setup.size;
    page.style = start.style;
    page.blank = start.blank;
    page.number = start.number;
    page.numbering = start.numbering;
    if (!start.has_body) return out;
    layout::PageBody body = layout::page_body(*doc, start.style);
    PageFill fill = fill_page(blocks, start.token, body.columns, body.column_width, body.height);
    out.tallest = fill.tallest;
    if (body.columns > 1 && fill.section_end)
      fill = balance(blocks, start.token, body.columns, body.column_width, std::move(fill));
    for (size_t c = 0; c < fill.columns.size(); ++c)
      out.used =
          std::max(out.used, fill.columns[c].size.height + layout::notes_height(fill.notes[c]));
    out.section_end = fill.section_end;
    out.warnings = std::move(fill.warnings);
    int number = static_cast<int>(index + 1);
    for (size_t c = 0; c < fill.columns.size(); ++c) {
      // In a right-to-left document the first column is the rightmost.
      double step = c * (body.column_width + body.column_gap);
      double x =
          body.left(setup, number) + (ctx.rtl ? body.width - body.column_width - step : step);
      page.frame.place(std::move(fill.columns[c]), Point{x, body.margins.top});
      // Footnotes at the foot of their column, above the footer.
      const auto& column_notes = fill.notes[c];
      if (!column_notes.empty())
        page.frame.place(
            layout::notes_frame(column_notes, body.column_width, ctx),
            Point{x, body.margins.top + body.height - layout::notes_height(column_notes)});
    }
    out.rest = std::move(fill.rest);
    return out;
  }
};

namespace {

// One pass of layout, reading page numbers from `previous`: the pages' starts
// go into `state`, their targets, headings and numbers into `found`; the pages
// themselves are dropped as soon as they are made.
void layout_pass(PageSequence::State& state, const LayoutOptions& options, Structure* structure,
                 bool* uses_page_numbers, layout::ShapeCache* shapes, LastPage* last,
                 Introspection& found) {
  const Document& doc = *state.doc;
  layout::Context ctx = state.context(state.diags, structure);
  ctx.shapes = shapes;
  ctx.uses_page_numbers = uses_page_numbers;
  layout::NoteState notes;
  notes.placement = doc.notes;
  notes.width = ctx.region.column_width;
  ctx.notes = &notes;
  const PageSetup& setup = doc.page;
  Diagnostics& diags = state.diags;

  state.blocks = layout::prepare_blocks(doc.blocks, ctx.region.column_width, ctx);
  const std::vector<layout::FlowBlock>& blocks = state.blocks;
  if (!notes.waiting.empty())
    diags.warning(notes.first_waiting,
                  fmt::format("{} endnote{} referenced after the last `notes` block {} not printed",
                              notes.waiting.size(), notes.waiting.size() == 1 ? "" : "s",
                              notes.waiting.size() == 1 ? "is" : "are"),
                  {"add a block with type = \"notes\" after the last reference"});

  layout::BreakToken token;
  std::set<size_t> warned_overflow;
  // Placing warns afresh each time a block is placed; each warning is reported once.
  std::set<std::tuple<int, int, std::string>> warned;
  std::string style;  // the page style, set by the block that starts a page
  layout::RunningSections sections;
  bool done = blocks.empty();
  bool after_break = true;  // the next page starts at a page break (the first does)
  while (!done || state.starts.empty()) {
    if (state.starts.size() >= options.max_pages) {
      diags.error(Span{std::make_shared<const std::string>(doc.path), 0, 0},
                  fmt::format("the document needs more than {} pages; raise the limit with "
                              "--max-pages",
                              options.max_pages));
      break;
    }
    const layout::FlowBlock* next =
        !done && !token.inner && token.index < blocks.size() ? &blocks[token.index] : nullptr;
    // A block that starts on a right-hand page, due on a left-hand one: a blank page first.
    if (next && next->break_before == BreakBefore::right && setup.two_sided &&
        state.starts.size() % 2 == 1) {
      PageSequence::State::Start blank{
          token, false, true, style, sections.next(Frame{}, 0), 0, PageNumbering::arabic};
      state.starts.push_back(std::move(blank));
      continue;
    }
    if (next && !next->page_style.empty())
      style = next->page_style == "default" ? "" : next->page_style;
    PageSequence::State::Start start{token, !done, false, style, {}, 0, PageNumbering::arabic};
    size_t index = state.starts.size();
    PageSequence::State::Body body = state.body(start, index, ctx);
    layout::PageBody region = layout::page_body(doc, style);
    if (!done) {
      size_t first_block = token.index;
      // A block kept whole that is taller than a page is placed anyway, so the
      // document always advances; say so rather than clip silently.
      if (body.tallest > region.height + 0.5 && first_block < blocks.size() &&
          warned_overflow.insert(first_block).second) {
        diags.warning(blocks[first_block].span,
                      fmt::format("this block is {:.0f} pt tall but a page holds {:.0f} pt; it "
                                  "runs past the bottom margin",
                                  body.tallest, region.height),
                      {"let it split (keep_together = false), or make it smaller"});
      }
      if (last) {
        last->first_block = first_block;
        last->forced = after_break;
        last->used = body.used;
      }
      after_break = body.section_end && body.rest;
      for (auto& w : body.warnings)
        if (warned.insert({w.span.line, w.span.column, w.message}).second) diags.add(std::move(w));
      if (body.rest) {
        token = *body.rest;
      } else {
        done = true;
      }
    }
    start.section = sections.next(body.page.frame, region.margins.top);
    collect_anchors(body.page.frame, static_cast<int>(index + 1), found);
    state.starts.push_back(std::move(start));
  }

  // Each page's printed number, from its style's numbering: front matter in
  // roman numerals, a style that starts again at 1, pages left unnumbered.
  int number = 0;
  for (size_t i = 0; i < state.starts.size(); ++i) {
    auto& start = state.starts[i];
    PageStyle page_style;
    if (auto it = doc.page_styles.find(start.style); it != doc.page_styles.end())
      page_style = it->second;
    bool starts_style = i == 0 || state.starts[i - 1].style != start.style;
    number = page_style.restart_numbering && starts_style ? 1 : number + 1;
    start.number = number;
    start.numbering = page_style.numbering;
    found.labels.push_back(page_number_label(start.numbering, start.number));
  }
  // "Page 7 of 20" counts the main sequence: the last page with an arabic number.
  state.pages = std::to_string(state.starts.size());
  for (auto it = state.starts.rbegin(); it != state.starts.rend(); ++it)
    if (it->numbering == PageNumbering::arabic) {
      state.pages = std::to_string(it->number);
      break;
    }
}

// Layout passes until the page numbers settle (see layout_document).
std::shared_ptr<PageSequence::State> settled_layout(const Document& doc, Diagnostics& diags,
                                                    const LayoutOptions& options,
                                                    Structure* structure, const Theme* theme,
                                                    LastPage* last, layout::ShapeCache* shapes) {
  std::optional<Introspection> previous;
  for (int pass = 1;; ++pass) {
    auto state = std::make_shared<PageSequence::State>();
    state->doc = &doc;
    if (theme) state->theme = *theme;
    state->previous = previous;
    std::optional<Structure> pass_structure;
    if (structure) pass_structure.emplace(structure->language());
    bool uses_page_numbers = false;
    Introspection found;
    layout_pass(*state, options, pass_structure ? &*pass_structure : nullptr, &uses_page_numbers,
                shapes, last, found);
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
      state->diags = Diagnostics{};  // what placing pages again reports was reported above
      return state;
    }
    previous = std::move(found);
  }
}

// The theme with every text size times `scale`.
Theme scaled(const Theme& theme, double scale) {
  Theme t = theme;
  for (double* size : {&t.size, &t.h1, &t.h2, &t.h3}) *size *= scale;
  return t;
}

}  // namespace

std::string Introspection::label(int page) const {
  if (page < 1) return "";
  if (static_cast<size_t>(page) <= labels.size()) return labels[static_cast<size_t>(page - 1)];
  return std::to_string(page);
}

std::string Introspection::label_of(const std::string& id) const {
  auto it = page_of.find(id);
  return it == page_of.end() ? "" : label(it->second);
}

size_t PageSequence::size() const {
  return state_ ? state_->starts.size() : 0;
}

Page PageSequence::page(size_t index) const {
  const State& state = *state_;
  layout::Context ctx = state.context(state.diags, nullptr);
  const State::Start& start = state.starts[index];
  Page page = state.body(start, index, ctx).page;
  layout::add_running_text(page, index + 1, state.pages, start.section, ctx);
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
//
// A last page that holds only a little (a block pushed over from the page
// before) is a page too many: with `fit = "shrink"` the text is set smaller in
// steps, down to `fit_min_size`, until the pages before hold it; without, a
// warning says which block it is and how much is over.
PageSequence layout_document(const Document& doc, Diagnostics& diags, const LayoutOptions& options,
                             Structure* structure) {
  LastPage last;
  // Shaped text is reused by every pass, at every text size tried.
  layout::ShapeCache shapes;
  Diagnostics first_diags;
  std::optional<Structure> first_structure;
  if (structure) first_structure.emplace(structure->language());
  auto state =
      settled_layout(doc, first_diags, options, first_structure ? &*first_structure : nullptr,
                     nullptr, &last, &shapes);
  size_t count = state->starts.size();
  double body_height = layout::page_body(doc, count == 0 ? "" : state->starts.back().style).height;
  bool near_empty = count > 1 && !last.forced && !first_diags.has_errors() &&
                    last.used < body_height * kNearEmptyShare;
  auto keep = [&](std::shared_ptr<PageSequence::State> s, Diagnostics& d,
                  std::optional<Structure>& st) {
    for (const auto& diag : d.all()) diags.add(diag);
    if (structure && st) *structure = std::move(*st);
    return PageSequence(std::move(s));
  };
  if (!near_empty) return keep(std::move(state), first_diags, first_structure);
  if (doc.metadata.fit == Fit::shrink) {
    double floor = doc.metadata.fit_min_size.value_or(doc.theme.size * 0.85) / doc.theme.size;
    for (double scale = 1 - kFitStep; scale >= floor - 1e-9; scale -= kFitStep) {
      Theme theme = scaled(doc.theme, scale);
      Diagnostics d;
      std::optional<Structure> s;
      if (structure) s.emplace(structure->language());
      LastPage l;
      auto fewer = settled_layout(doc, d, options, s ? &*s : nullptr, &theme, &l, &shapes);
      if (fewer->starts.size() < count) return keep(std::move(fewer), d, s);
    }
  }
  const Block& block = doc.blocks[std::min(last.first_block, doc.blocks.size() - 1)];
  first_diags.warning(
      block.span,
      fmt::format("this block is pushed alone onto page {}, which it leaves nearly empty: "
                  "{:.0f} pt ({:.0f} mm) run over from page {}{}",
                  count, last.used, last.used / 72 * 25.4, count - 1,
                  doc.metadata.fit == Fit::shrink ? ", even with the text at its smallest" : ""),
      {doc.metadata.fit == Fit::shrink
           ? "shorten the text, or lower [document] fit_min_size"
           : "set [document] fit = \"shrink\" to set the text smaller until it fits, or "
             "shorten the text"});
  return keep(std::move(state), first_diags, first_structure);
}

}  // namespace folio
