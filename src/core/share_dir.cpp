#include "core/share_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace folio {
namespace {

bool holds_fonts(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "fonts", ec);
}

std::string find_share_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("FOLIO_SHARE_DIR"); env && *env && holds_fonts(env)) return env;
  for (const std::string& dir : program_folders()) {
    fs::path candidate = fs::path(dir) / "share" / "folio";
    if (holds_fonts(candidate)) return candidate.lexically_normal().string();
  }
#ifdef FOLIO_INSTALL_SHARE_DIR
  if (holds_fonts(FOLIO_INSTALL_SHARE_DIR)) return FOLIO_INSTALL_SHARE_DIR;
#endif
  return "";
}

}  // namespace

std::vector<std::string> program_folders() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return out;
  fs::path dir = exe.parent_path();
  for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
    out.push_back(dir.string());
    if (dir == dir.root_path()) break;
  }
  return out;
}

const std::string& share_dir() {
  // Found once: the answer cannot change while the program runs.
  static const std::string dir = find_share_dir();
  return dir;
}

}  // namespace folio
