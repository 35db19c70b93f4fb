#pragma once

// What folio prints on stdout (JSON diagnostics, --dump-layout, the schema,
// the font list) is output too: redirected to a full disk, it must not be lost
// without a word. iostreams and stdio keep only a failure flag, not errno, so
// while one of these lives std::cout writes to file descriptor 1 through a
// buffer whose every write(2) is checked and whose first failure keeps the
// OS's reason. A terminal keeps std::cout's own line-buffered stream.

#include <memory>
#include <streambuf>
#include <string>

namespace folio::cli {

class CheckedStdout {
 public:
  CheckedStdout();
  ~CheckedStdout();  // flushes and gives std::cout its own buffer back
  CheckedStdout(const CheckedStdout&) = delete;
  CheckedStdout& operator=(const CheckedStdout&) = delete;

  // Flushes; when anything could not be written, says so on stderr and
  // returns kOutputError in place of kSuccess (a failing `code` stays).
  int finish(int code);

 private:
  class Buffer;
  std::unique_ptr<Buffer> buffer_;  // null on a terminal
  std::streambuf* previous_ = nullptr;
};

}  // namespace folio::cli
