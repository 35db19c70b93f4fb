#pragma once

// Reading an input file whole, safely: a FIFO, a device or a folder named as
// input is refused instead of blocking or reading forever, and a file that
// grows past the limit while it is read (or changed since it was checked) is
// refused instead of being read without bound.

#include <cstddef>
#include <optional>
#include <string>

namespace folio {

struct FileBytes {
  std::optional<std::string> bytes;
  // Why there are no bytes: "No such file or directory" (the OS's reason), "a
  // folder, not a file", "a FIFO, not a regular file", "... more than the limit".
  std::string error;
  bool open_failed = false;  // `error` is the OS's reason for not opening it
};

// Opens with O_NONBLOCK (opening a FIFO never waits for a writer), checks the
// open file is regular and at most `max_bytes` long, and reads at most that many bytes.
FileBytes read_regular_file(const std::string& path, size_t max_bytes);

}  // namespace folio
