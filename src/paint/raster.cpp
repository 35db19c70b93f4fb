#include <cairo-svg.h>

#include <cmath>

#include "paint/cairo_handles.hpp"
#include "paint/file_sink.hpp"
#include "paint/paint.hpp"
#include "paint/painter.hpp"

namespace folio {

std::string write_png(const Page& page, double dpi, const std::string& path, bool show_bleed) {
  double scale = dpi / 72.0;
  // A preview shows the page as it is trimmed, unless asked for the sheet.
  double outset = show_bleed ? media_outset(page) : 0;
  double w = page.size.width + 2 * outset;
  double h = page.size.height + 2 * outset;
  int pw = static_cast<int>(std::ceil(w * scale));
  int ph = static_cast<int>(std::ceil(h * scale));
  if (pw <= 0 || ph <= 0 || static_cast<double>(pw) * ph > 400e6)
    return "the image would be too large";
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return cairo_status_to_string(cairo_surface_status(surface.get()));
  ContextPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  cairo_translate(cr.get(), outset, outset);
  paint_page(cr.get(), page);
  cr.reset();
  FileSink sink(path);
  return sink.finish(cairo_surface_write_to_png_stream(surface.get(), FileSink::write, &sink));
}

std::string write_svg(const Page& page, const std::string& path, bool show_bleed) {
  double outset = show_bleed ? media_outset(page) : 0;
  FileSink sink(path);  // declared first: it outlives the surface that writes to it
  SurfacePtr surface(cairo_svg_surface_create_for_stream(
      FileSink::write, &sink, page.size.width + 2 * outset, page.size.height + 2 * outset));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return cairo_status_to_string(cairo_surface_status(surface.get()));
  ContextPtr cr(cairo_create(surface.get()));
  cairo_translate(cr.get(), outset, outset);
  paint_page(cr.get(), page);
  cr.reset();
  cairo_surface_finish(surface.get());
  return sink.finish(cairo_surface_status(surface.get()));
}

}  // namespace folio
