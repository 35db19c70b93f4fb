#include <fmt/format.h>

#include "layout/flow.hpp"
#include "layout/layout.hpp"
#include "layout/running.hpp"

namespace folio {

std::vector<Page> layout_document(const Document& doc, Diagnostics& diags,
                                  const LayoutOptions& options) {
  layout::Context ctx{doc, diags};
  const PageSetup& setup = doc.page;
  double body_width = setup.size.width - setup.margins.left - setup.margins.right;
  double body_height = setup.size.height - setup.margins.top - setup.margins.bottom;
  int columns = std::max(1, setup.columns);
  double column_width = (body_width - (columns - 1) * setup.column_gap) / columns;

  std::vector<layout::FlowBlock> blocks = layout::prepare_blocks(doc.blocks, column_width, ctx);

  std::vector<Page> pages;
  layout::BreakToken token;
  bool done = blocks.empty();
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
    for (int column = 0; column < columns && !done; ++column) {
      layout::FlowResult r = layout::flow(blocks, token, column_width, body_height, true);
      double x = setup.margins.left + column * (column_width + setup.column_gap);
      page.frame.place(std::move(r.frame), Point{x, setup.margins.top});
      if (!r.rest) {
        done = true;
        break;
      }
      token = *r.rest;
      if (r.forced == BreakBefore::page) break;
    }
    pages.push_back(std::move(page));
  }
  layout::add_running_text(pages, ctx);
  return pages;
}

}  // namespace folio
