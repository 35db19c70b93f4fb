#include "load/file_text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/stat.h>

#include "core/utf8.hpp"

namespace folio {

std::optional<std::string> read_text_file(const std::string& path, size_t max_bytes,
                                          const Span& from, Diagnostics& diags) {
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
