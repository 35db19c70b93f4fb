#pragma once

// Cairo writes PDF, SVG and PNG bytes through a callback; this one sends them
// to a CheckedFile, so a short write (a full disk, a quota, an I/O error) is
// caught with its errno instead of leaving a truncated file that cairo's own
// stdio output would not report.

#include <cairo.h>

#include <string>

#include "core/atomic_file.hpp"

namespace folio {

class FileSink {
 public:
  // Creates `path` (which must not exist yet).
  explicit FileSink(const std::string& path) { file_.create(path); }

  // For cairo_*_create_for_stream and cairo_surface_write_to_png_stream, with
  // `this` as closure. Always says success to cairo; a failure is kept for finish().
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length);

  // After cairo finished (or failed): flushes and closes the file. Returns an
  // empty string, or the reason (the OS's for a failed write, else cairo's `status`).
  std::string finish(cairo_status_t status);

 private:
  CheckedFile file_;
};

}  // namespace folio
