#include "load/file_text.hpp"

#include <fmt/format.h>

#include <memory>

#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace folio {
namespace {
thread_local std::vector<std::string>* active_log = nullptr;
}  // namespace

FileReadLog::FileReadLog(std::vector<std::string>& into) : previous_(active_log) {
  active_log = &into;
}
FileReadLog::~FileReadLog() {
  active_log = previous_;
}

void note_file_read(const std::string& path) {
  if (!active_log) return;
  for (const auto& p : *active_log)
    if (p == path) return;
  active_log->push_back(path);
}

std::optional<std::string> read_text_file(const std::string& path, size_t max_bytes,
                                          const Span& from, Diagnostics& diags) {
  note_file_read(path);
  FileBytes read = read_regular_file(path, max_bytes);
  if (!read.bytes) {
    diags.error(from, read.open_failed ? fmt::format("cannot open `{}`: {}", path, read.error)
                                       : fmt::format("`{}` is {}", path, read.error));
    return std::nullopt;
  }
  std::string text = std::move(*read.bytes);
  size_t bad = find_invalid_utf8(text);
  if (bad != std::string::npos) {
    int line = 1, column = 1;
    for (size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    diags.error(Span{std::make_shared<const std::string>(path), line, column},
                fmt::format("invalid UTF-8 (byte 0x{:02x}); save the file as UTF-8",
                            static_cast<unsigned char>(text[bad])));
    return std::nullopt;
  }
  return text;
}

}  // namespace folio
