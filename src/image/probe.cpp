#include "image/probe.hpp"

#include <memory>

#include "core/c_handle.hpp"
#include "core/read_file.hpp"
#include "image/svg_library.hpp"

namespace folio::image {
namespace {

using SvgHandle = Handle<RsvgHandle, g_object_unref>;
using ErrorHandle = Handle<GError, g_error_free>;

// librsvg reports the size the SVG asks for (width and height, else its viewBox).
Probe probe_svg(std::string_view bytes) {
  Probe p;
  std::string why;
  const SvgLibrary* rsvg = svg_library(&why);
  if (!rsvg) {
    p.error = "an SVG file, and librsvg cannot be loaded to read it (" + why +
              "); on Debian it is the librsvg2-2 package";
    return p;
  }
  GError* raw_error = nullptr;
  SvgHandle handle(
      rsvg->new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw_error));
  ErrorHandle error(raw_error);
  if (!handle) {
    p.error = std::string("a corrupt SVG file: ") + (error ? error->message : "unreadable");
    return p;
  }
  double w = 0, h = 0;
  if (!rsvg->intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0) {
    gboolean has_w, has_h, has_box;
    RsvgLength lw, lh;
    RsvgRectangle box;
    rsvg->intrinsic_dimensions(handle.get(), &has_w, &lw, &has_h, &lh, &has_box, &box);
    if (!has_box || box.width <= 0 || box.height <= 0) {
      p.error = "an SVG file without a size: give its <svg> a width and height or a viewBox";
      return p;
    }
    w = box.width;
    h = box.height;
  }
  p.info = Info{Format::svg, Size{w * kPointsPerPixel, h * kPointsPerPixel}};
  return p;
}

}  // namespace

std::optional<std::string> read_bytes(const std::string& path, size_t max_bytes) {
  return read_regular_file(path, max_bytes).bytes;
}

Probe probe_bytes(std::string_view bytes) {
  Probe p;
  auto format = sniff(bytes);
  if (!format) {
    p.error = "not a PNG, JPEG or SVG file";
    return p;
  }
  if (*format == Format::svg) return probe_svg(bytes);
  auto pixels = *format == Format::png ? png_pixels(bytes) : jpeg_pixels(bytes);
  if (!pixels) {
    p.error = *format == Format::png ? "a corrupt or truncated PNG file"
                                     : "a corrupt or truncated JPEG file";
    return p;
  }
  p.info = Info{*format, Size{pixels->width * kPointsPerPixel, pixels->height * kPointsPerPixel}};
  return p;
}

Probe probe_file(const std::string& path, size_t max_bytes) {
  FileBytes read = read_regular_file(path, max_bytes);
  if (!read.bytes) {
    Probe p;
    p.error = read.open_failed ? "cannot read it: " + read.error : "it is " + read.error;
    return p;
  }
  return probe_bytes(*read.bytes);
}

}  // namespace folio::image
