#pragma once

// librsvg, loaded when the first SVG is read rather than when folio starts.
// Linked, it and what it needs (gio, gdk-pixbuf, libxml2, ICU: about 4,000
// relocations resolved at load) cost every process 4 ms, half of folio's
// start-up beyond Pango's own, though most documents hold no SVG.

#include <librsvg/rsvg.h>

#include <string>

namespace folio::image {

// The librsvg functions folio calls.
struct SvgLibrary {
  decltype(&rsvg_handle_new_from_data) new_from_data = nullptr;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsic_size_in_pixels = nullptr;
  decltype(&rsvg_handle_get_intrinsic_dimensions) intrinsic_dimensions = nullptr;
  decltype(&rsvg_handle_render_document) render_document = nullptr;
};

// librsvg, loaded once (thread-safe); null when it cannot be, with why in
// `*error` ("librsvg-2.so.2: cannot open shared object file ...").
const SvgLibrary* svg_library(std::string* error = nullptr);

}  // namespace folio::image
