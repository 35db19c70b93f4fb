#include "load/file_text.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

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
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    diags.error(from, fmt::format("cannot open `{}`: {}", path, std::strerror(errno)));
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    diags.error(from, fmt::format("`{}` is a folder, not a file", path));
    return std::nullopt;
  }
  if (static_cast<size_t>(info.st_size) > max_bytes) {
    diags.error(from, fmt::format("`{}` is {} bytes, more than the limit of {} bytes", path,
                                  info.st_size, max_bytes));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(from, fmt::format("cannot open `{}`: {}", path, std::strerror(errno)));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = std::move(buffer).str();
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
