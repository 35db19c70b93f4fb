#pragma once

#include <cstring>
#include <string>

namespace folio {

// The OS's words for an errno ("No space left on device"). strerror_r (the GNU
// one, which returns the text): strerror may share a buffer between threads.
inline std::string os_reason(int err) {
  char buffer[256];
  return ::strerror_r(err, buffer, sizeof buffer);
}

}  // namespace folio
