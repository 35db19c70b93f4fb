#include "paint/file_sink.hpp"

#include <string_view>

namespace folio {

cairo_status_t FileSink::write(void* closure, const unsigned char* data, unsigned int length) {
  auto* sink = static_cast<FileSink*>(closure);
  // A failed write is recorded (the CheckedFile keeps the first errno and
  // ignores what follows) but not returned to cairo: cairo 1.16 crashes in
  // cairo_surface_finish of a PDF whose stream reported an error (a memcpy in
  // its font subsetting). finish() reports it instead.
  sink->file_.write({reinterpret_cast<const char*>(data), length});
  return CAIRO_STATUS_SUCCESS;
}

std::string FileSink::finish(cairo_status_t status) {
  // The OS's reason says more than cairo's "error while writing to output stream".
  bool closed = file_.finish();
  if (!file_.ok()) return file_.error();
  if (status != CAIRO_STATUS_SUCCESS) return cairo_status_to_string(status);
  if (!closed) return "the file could not be closed";
  return {};
}

}  // namespace folio
