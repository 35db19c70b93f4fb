#include "paint/images.hpp"

#include <fmt/format.h>

#include <memory>

#include "core/c_handle.hpp"
#include "core/read_file.hpp"
#include "image/probe.hpp"
#include "image/svg_library.hpp"

namespace folio {
namespace {

using SvgHandle = Handle<RsvgHandle, g_object_unref>;
using ErrorHandle = Handle<GError, g_error_free>;

cairo_status_t read_from_string(void* closure, unsigned char* data, unsigned int length) {
  auto* view = static_cast<std::string_view*>(closure);
  if (view->size() < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(view->data(), length, data);
  view->remove_prefix(length);
  return CAIRO_STATUS_SUCCESS;
}

bool draw_svg(cairo_t* cr, const std::string& svg, const Rect& rect) {
  const image::SvgLibrary* rsvg = image::svg_library();
  if (!rsvg) return false;  // binding reported it: an SVG is probed before it is drawn
  std::string bytes = without_svg_links(svg);
  GError* raw = nullptr;
  SvgHandle handle(
      rsvg->new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw));
  ErrorHandle error(raw);
  if (!handle) return false;
  RsvgRectangle viewport{rect.x, rect.y, rect.width, rect.height};
  cairo_save(cr);
  bool ok = rsvg->render_document(handle.get(), cr, &viewport, &raw);
  error.reset(raw);
  cairo_restore(cr);
  return ok;
}

bool draw_surface(cairo_t* cr, cairo_surface_t* image, const Rect& rect) {
  if (!image || cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) return false;
  double w = cairo_image_surface_get_width(image);
  double h = cairo_image_surface_get_height(image);
  if (w <= 0 || h <= 0) return false;
  cairo_save(cr);
  cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height);
  cairo_clip(cr);
  cairo_translate(cr, rect.x, rect.y);
  cairo_scale(cr, rect.width / w, rect.height / h);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  return true;
}

}  // namespace

std::string without_svg_links(std::string_view svg) {
  std::string out;
  out.reserve(svg.size());
  auto ends_name = [&](size_t i) {
    return i >= svg.size() || svg[i] == '>' || svg[i] == '/' || svg[i] == ' ' || svg[i] == '\t' ||
           svg[i] == '\n' || svg[i] == '\r';
  };
  for (size_t i = 0; i < svg.size(); ++i) {
    if (svg[i] == '<') {
      size_t name = i + 1 < svg.size() && svg[i + 1] == '/' ? i + 2 : i + 1;
      if (svg.compare(name, 4, "svg:") == 0) name += 4;
      if (name < svg.size() && svg[name] == 'a' && ends_name(name + 1)) {
        out.append(svg.substr(i, name - i));
        out += 'g';
        i = name;
        continue;
      }
    }
    out += svg[i];
  }
  return out;
}

namespace {

thread_local std::vector<std::string>* active_failure_log = nullptr;

// Draws the image, or returns why it cannot.
std::string draw_or_explain(cairo_t* cr, const std::string& path, const Rect& rect) {
  // Binding held the file to --max-file-bytes; this bound only stops a file
  // that keeps growing since then from being read without end.
  constexpr size_t kMaxBytesSinceChecked = size_t{1} << 30;
  FileBytes read = read_regular_file(path, kMaxBytesSinceChecked);
  if (!read.bytes)
    return read.open_failed ? "cannot read it: " + read.error : "it is " + read.error;
  const std::string& bytes = *read.bytes;
  auto format = image::sniff(bytes);
  if (!format) return "it is no longer a PNG, JPEG or SVG file";
  bool drawn = false;
  switch (*format) {
    case image::Format::svg:
      drawn = draw_svg(cr, bytes, rect);
      break;
    case image::Format::jpeg: {
      SurfacePtr surface = decode_jpeg(bytes);
      drawn = draw_surface(cr, surface.get(), rect);
      break;
    }
    case image::Format::png: {
      std::string_view view = bytes;
      SurfacePtr surface(cairo_image_surface_create_from_png_stream(read_from_string, &view));
      drawn = draw_surface(cr, surface.get(), rect);
      break;
    }
  }
  return drawn ? std::string() : "it cannot be decoded (corrupt or changed since it was checked)";
}

}  // namespace

ImageFailureLog::ImageFailureLog(std::vector<std::string>& into) : previous_(active_failure_log) {
  active_failure_log = &into;
}
ImageFailureLog::~ImageFailureLog() {
  active_failure_log = previous_;
}

bool draw_image_file(cairo_t* cr, const std::string& path, const Rect& rect) {
  std::string why = draw_or_explain(cr, path, rect);
  if (why.empty()) return true;
  if (active_failure_log) active_failure_log->push_back(fmt::format("`{}`: {}", path, why));
  return false;
}

}  // namespace folio
