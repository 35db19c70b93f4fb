#pragma once

#include <cairo.h>

#include "core/c_handle.hpp"

namespace folio {

// RAII owners of Cairo handles: nothing is destroyed by hand.
using SurfacePtr = Handle<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = Handle<cairo_t, cairo_destroy>;

}  // namespace folio
