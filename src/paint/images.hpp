#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "frame/frame.hpp"
#include "paint/cairo_handles.hpp"

namespace folio {

// An SVG's `<a>` elements as `<g>`, their content kept: librsvg 2.54 turns a
// link into a cairo Link tag, which inside a group (`<g opacity>`) damages a
// PDF and inside a tagged figure breaks its structure.
std::string without_svg_links(std::string_view svg);

// Draws an image file into `rect` (user space of `cr`): an SVG as vectors with
// librsvg, a PNG through Cairo, a JPEG decoded for raster output but carrying
// its original bytes as MIME data, so a PDF embeds it as is (DCTDecode) rather
// than re-encoding the pixels. Returns false when the file cannot be drawn.
bool draw_image_file(cairo_t* cr, const std::string& path, const Rect& rect);

// While one lives, each image this thread fails to draw is recorded as
// "`PATH`: why", so a render can fail with that reason instead of quietly
// printing the grey panel the painter puts in its place. Binding checked the
// image, but it can vanish or change before it is drawn.
class ImageFailureLog {
 public:
  explicit ImageFailureLog(std::vector<std::string>& into);
  ~ImageFailureLog();
  ImageFailureLog(const ImageFailureLog&) = delete;
  ImageFailureLog& operator=(const ImageFailureLog&) = delete;

 private:
  std::vector<std::string>* previous_;
};

// A JPEG's pixels in a Cairo surface with the file attached as CAIRO_MIME_TYPE_JPEG;
// null when it cannot be decoded.
SurfacePtr decode_jpeg(const std::string& bytes);

}  // namespace folio
