#include "load/sandbox.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "load/internal.hpp"

namespace folio {
namespace {

namespace fs = std::filesystem;

// True when `path` is `dir` or lies below it (both already canonical).
bool inside(const fs::path& path, const fs::path& dir) {
  auto p = path.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++p) {
    if (d->empty()) continue;  // a trailing slash
    if (p == path.end() || *p != *d) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> resolve_inside(const TextValue& ref, const std::string& base_dir,
                                          const FileAccess& access, std::string_view what,
                                          Diagnostics& diags) {
  std::string joined = join_path(base_dir, ref.text);
  std::error_code ec;
  fs::path real = fs::canonical(joined, ec);
  if (ec) {
    diags.error(ref.span, fmt::format("cannot find the {} `{}`", what, joined),
                {"paths are relative to the file that names them"});
    return std::nullopt;
  }
  fs::path root = fs::canonical(access.root.empty() ? "." : access.root, ec);
  bool allowed = !ec && inside(real, root);
  for (const auto& dir : access.allowed) {
    fs::path d = fs::canonical(dir, ec);
    if (!ec && inside(real, d)) allowed = true;
  }
  if (!allowed) {
    diags.error(
        ref.span,
        fmt::format("the {} `{}` is outside the layout's folder; folio refuses it", what, ref.text),
        {fmt::format("it is `{}`", real.string()),
         fmt::format("to allow it, pass --allow-path {}", real.parent_path().string())});
    return std::nullopt;
  }
  if (!fs::is_regular_file(real, ec)) {
    diags.error(ref.span, fmt::format("the {} `{}` is not a file", what, joined));
    return std::nullopt;
  }
  return real.string();
}

}  // namespace folio
