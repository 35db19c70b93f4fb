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
  // Called before each item that puts ink on the page, with its element (or an
  // artifact tag), so that a tagged PDF can open and close marked content.
  std::function<void(StructId)> item;
};

// Crop marks start this far outside the trim edge (or at the bleed's edge, if
// further) and are this long; the slack keeps them off the sheet's edge.
constexpr double kCropMarkOffset = 8.5;   // 3 mm
constexpr double kCropMarkLength = 14.2;  // 5 mm
constexpr double kCropMarkSlack = 2.8;    // 1 mm

// How far the sheet (the media box) reaches beyond the trim box on each side:
// the bleed, and room for crop marks when the page has them.
double media_outset(const Page& page);

// Draws a page (its trim box at the origin of `cr`), with crop marks outside the bleed.
void paint_page(cairo_t* cr, const Page& page, const PaintHooks& hooks = {});

// Every item's tag in paint order: `ink` is false for a link's area.
void visit_tags(const Frame& frame, const std::function<void(StructId, bool)>& visit);

}  // namespace folio
