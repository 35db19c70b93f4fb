#pragma once

#include <cairo.h>

#include <functional>

#include "frame/frame.hpp"

namespace folio {

// Called with page coordinates for items a surface may turn into more than
// drawing (links and bookmarks in a PDF).
struct PaintHooks {
  std::function<void(const LinkItem&)> link;
  std::function<void(const AnchorItem&)> anchor;
};

// Draws a page (its trim box at the origin of `cr`), with crop marks in the bleed area.
void paint_page(cairo_t* cr, const Page& page, const PaintHooks& hooks = {});

}  // namespace folio
