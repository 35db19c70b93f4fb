#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace folio {

// Reads a whole text file, refusing one larger than `max_bytes` or not valid
// UTF-8 (reported with the line and column of the bad byte). `from` is where
// the file was named, for the "cannot open" error.
std::optional<std::string> read_text_file(const std::string& path, size_t max_bytes,
                                          const Span& from, Diagnostics& diags);

// While one of these lives, read_text_file on this thread also appends each
// path it is asked for (read or not) to `into`: the loader's record of its inputs.
class FileReadLog {
 public:
  explicit FileReadLog(std::vector<std::string>& into);
  ~FileReadLog();
  FileReadLog(const FileReadLog&) = delete;
  FileReadLog& operator=(const FileReadLog&) = delete;

 private:
  std::vector<std::string>* previous_;
};

// Appends `path` to the active FileReadLog, if any (for files read by other means, such as images).
void note_file_read(const std::string& path);

}  // namespace folio
