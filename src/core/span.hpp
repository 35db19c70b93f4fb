#pragma once

#include <memory>
#include <string>

namespace folio {

// Where a value was written: file, 1-based line and column. An empty file
// means "not from a file" (a default or a command-line value).
struct Span {
  std::shared_ptr<const std::string> file;
  int line = 0;
  int column = 0;
  // Where the value ends (inclusive line, exclusive column), when known; 0 otherwise.
  int end_line = 0;
  int end_column = 0;

  bool known() const { return file && line > 0; }
  const std::string& file_name() const;
};

}  // namespace folio
