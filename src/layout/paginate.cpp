#include <fmt/format.h>

#include <set>

#include "layout/blocks.hpp"
#include "layout/flow.hpp"
#include "layout/layout.hpp"
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

// What a pass learns about its last page: whether it holds only the end of
// the flow (a block pushed over from the page before).
struct LastPage {
  size_t first_block = 0;  // the block the page starts with (or goes on with)
  bool forced = false;     // it starts at a page break
  double used = 0;         // the height its body holds
};

// One pass of layout, reading page numbers from `previous`, with the theme
// `theme` (the document's, or one scaled down to fit).
std::vector<Page> layout_pass(const Document& doc, Diagnostics& diags, const LayoutOptions& options,
                              Structure* structure, const Introspection* previous,
                              bool* uses_page_numbers, const Theme* theme, LastPage* last) {
  layout::Context ctx{doc, diags, structure};
  ctx.scaled_theme = theme;
  ctx.rtl = doc.rtl();
  ctx.previous = previous;
  ctx.uses_page_numbers = uses_page_numbers;
  const PageSetup& setup = doc.page;
  double body_width = setup.size.width - setup.margins.left - setup.margins.right;
  double body_height = setup.size.height - setup.margins.top - setup.margins.bottom;
  int columns = std::max(1, setup.columns);
  double column_width = (body_width - (columns - 1) * setup.column_gap) / columns;

  std::vector<layout::FlowBlock> blocks = layout::prepare_blocks(doc.blocks, column_width, ctx);

  std::vector<Page> pages;
  layout::BreakToken token;
  std::set<size_t> warned_overflow;
  std::string style;  // the page style, set by the block that starts a page
  bool done = blocks.empty();
  bool after_break = true;  // the next page starts at a page break (the first does)
  while (!done || pages.empty()) {
    if (pages.size() >= options.max_pages) {
      diags.error(Span{std::make_shared<const std::string>(doc.path), 0, 0},
                  fmt::format("the document needs more than {} pages; raise the limit with "
                              "--max-pages",
                              options.max_pages));
      break;
    }
    Page page;
    page.size = setup.size;
    page.bleed = setup.bleed;
    page.crop_marks = setup.crop_marks;
    page.frame.size = setup.size;
    if (!done && !token.inner && token.index < blocks.size() &&
        !blocks[token.index].page_style.empty())
      style = blocks[token.index].page_style == "default" ? "" : blocks[token.index].page_style;
    page.style = style;
    if (!done) {
      size_t first_block = token.index;
      PageFill fill = fill_page(blocks, token, columns, column_width, body_height);
      // A block kept whole that is taller than a page is placed anyway, so the
      // document always advances; say so rather than clip silently.
      if (fill.tallest > body_height + 0.5 && first_block < blocks.size() &&
          warned_overflow.insert(first_block).second) {
        diags.warning(blocks[first_block].span,
                      fmt::format("this block is {:.0f} pt tall but a page holds {:.0f} pt; it "
                                  "runs past the bottom margin",
                                  fill.tallest, body_height),
                      {"let it split (keep_together = false), or make it smaller"});
      }
      if (columns > 1 && fill.section_end)
        fill = balance(blocks, token, columns, column_width, std::move(fill));
      if (last) {
        last->first_block = first_block;
        last->forced = after_break;
        last->used = 0;
        for (const auto& column : fill.columns)
          last->used = std::max(last->used, column.size.height);
      }
      after_break = fill.section_end && fill.rest;
      for (size_t c = 0; c < fill.columns.size(); ++c) {
        // In a right-to-left document the first column is the rightmost.
        double step = c * (column_width + setup.column_gap);
        double x = setup.body_left(static_cast<int>(pages.size() + 1)) +
                   (ctx.rtl ? body_width - column_width - step : step);
        page.frame.place(std::move(fill.columns[c]), Point{x, setup.margins.top});
      }
      if (fill.rest) {
        token = *fill.rest;
      } else {
        done = true;
      }
    }
    pages.push_back(std::move(page));
  }
  layout::add_running_text(pages, ctx);
  return pages;
}

}  // namespace

Introspection introspect(const std::vector<Page>& pages) {
  Introspection out;
  for (size_t i = 0; i < pages.size(); ++i)
    collect_anchors(pages[i].frame, static_cast<int>(i + 1), out);
  return out;
}

// Layout is pure, so it can run again: a contents block or a page reference
// prints the page numbers of the pass before, and the passes go on until the
// numbers a pass prints are those it produces (the contents block itself may
// push headings to later pages). A document without them takes one pass.
namespace {

// Layout passes until the page numbers settle (see layout_document).
std::vector<Page> settled_layout(const Document& doc, Diagnostics& diags,
                                 const LayoutOptions& options, Structure* structure,
                                 const Theme* theme, LastPage* last) {
  std::optional<Introspection> previous;
  for (int pass = 1;; ++pass) {
    Diagnostics pass_diags;
    std::optional<Structure> pass_structure;
    if (structure) pass_structure.emplace(structure->language());
    bool uses_page_numbers = false;
    auto pages = layout_pass(doc, pass_diags, options, pass_structure ? &*pass_structure : nullptr,
                             previous ? &*previous : nullptr, &uses_page_numbers, theme, last);
    // Only a pass that printed page numbers needs to know where things landed.
    std::optional<Introspection> now;
    if (uses_page_numbers) now = introspect(pages);
    bool settled = !uses_page_numbers || (previous && *now == *previous);
    if (settled || pass >= options.max_passes || pass_diags.has_errors()) {
      for (const auto& d : pass_diags.all()) diags.add(d);
      if (!settled && !pass_diags.has_errors())
        diags.error(Span{std::make_shared<const std::string>(doc.path), 0, 0},
                    fmt::format("the page numbers of the contents and page references did not "
                                "settle after {} layouts",
                                pass),
                    {"a heading that moves to another page each time the contents grow; "
                     "start the contents on a page of its own (break_before = \"page\")"});
      if (structure) *structure = std::move(*pass_structure);
      return pages;
    }
    previous = std::move(*now);
  }
}

// The theme with every text size times `scale`.
Theme scaled(const Theme& theme, double scale) {
  Theme t = theme;
  for (double* size : {&t.size, &t.h1, &t.h2, &t.h3}) *size *= scale;
  return t;
}

}  // namespace

// A last page that holds only a little (a block pushed over from the page
// before) is a page too many: with `fit = "shrink"` the text is set smaller in
// steps, down to `fit_min_size`, until the pages before hold it; without, a
// warning says which block it is and how much is over.
std::vector<Page> layout_document(const Document& doc, Diagnostics& diags,
                                  const LayoutOptions& options, Structure* structure) {
  LastPage last;
  Diagnostics first_diags;
  std::optional<Structure> first_structure;
  if (structure) first_structure.emplace(structure->language());
  auto pages = settled_layout(doc, first_diags, options,
                              first_structure ? &*first_structure : nullptr, nullptr, &last);
  const PageSetup& setup = doc.page;
  double body_height = setup.size.height - setup.margins.top - setup.margins.bottom;
  bool near_empty = pages.size() > 1 && !last.forced && !first_diags.has_errors() &&
                    last.used < body_height * kNearEmptyShare;
  auto keep = [&](std::vector<Page> p, Diagnostics& d, std::optional<Structure>& s) {
    for (const auto& diag : d.all()) diags.add(diag);
    if (structure && s) *structure = std::move(*s);
    return p;
  };
  if (!near_empty) return keep(std::move(pages), first_diags, first_structure);
  if (doc.metadata.fit == Fit::shrink) {
    double floor = doc.metadata.fit_min_size.value_or(doc.theme.size * 0.85) / doc.theme.size;
    for (double scale = 1 - kFitStep; scale >= floor - 1e-9; scale -= kFitStep) {
      Theme theme = scaled(doc.theme, scale);
      Diagnostics d;
      std::optional<Structure> s;
      if (structure) s.emplace(structure->language());
      LastPage l;
      auto fewer = settled_layout(doc, d, options, s ? &*s : nullptr, &theme, &l);
      if (fewer.size() < pages.size()) return keep(std::move(fewer), d, s);
    }
  }
  const Block& block = doc.blocks[std::min(last.first_block, doc.blocks.size() - 1)];
  first_diags.warning(
      block.span,
      fmt::format("this block is pushed alone onto page {}, which it leaves nearly empty: "
                  "{:.0f} pt ({:.0f} mm) run over from page {}{}",
                  pages.size(), last.used, last.used / 72 * 25.4, pages.size() - 1,
                  doc.metadata.fit == Fit::shrink ? ", even with the text at its smallest" : ""),
      {doc.metadata.fit == Fit::shrink
           ? "shorten the text, or lower [document] fit_min_size"
           : "set [document] fit = \"shrink\" to set the text smaller until it fits, or "
             "shorten the text"});
  return keep(std::move(pages), first_diags, first_structure);
}

}  // namespace folio
