#include "load/image_check.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "image/probe.hpp"
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

std::optional<CheckedImage> check_image(const TextValue& src, const std::string& base_dir,
                                        const std::vector<std::string>& allowed_dirs,
                                        const Limits& limits, Diagnostics& diags) {
  if (src.text.empty()) return std::nullopt;  // the loader already said `src` is missing
  std::string joined = join_path(base_dir, src.text);
  std::error_code ec;
  fs::path real = fs::canonical(joined, ec);
  if (ec) {
    diags.error(src.span, fmt::format("cannot find the image `{}`", joined),
                {"image paths are relative to the layout file's folder"});
    return std::nullopt;
  }
  fs::path base = fs::canonical(base_dir.empty() ? "." : base_dir, ec);
  bool allowed = !ec && inside(real, base);
  for (const auto& dir : allowed_dirs) {
    fs::path d = fs::canonical(dir, ec);
    if (!ec && inside(real, d)) allowed = true;
  }
  if (!allowed) {
    diags.error(
        src.span,
        fmt::format("the image `{}` is outside the layout's folder; folio refuses it", src.text),
        {fmt::format("it is `{}`", real.string()),
         fmt::format("to allow it, pass --allow-path {}", real.parent_path().string())});
    return std::nullopt;
  }
  if (!fs::is_regular_file(real, ec)) {
    diags.error(src.span, fmt::format("the image `{}` is not a file", joined));
    return std::nullopt;
  }
  image::Probe probe = image::probe_file(real.string(), limits.max_file_bytes);
  if (!probe.info) {
    diags.error(src.span, fmt::format("cannot use the image `{}`: {}", joined, probe.error));
    return std::nullopt;
  }
  return CheckedImage{real.string(), probe.info->size};
}

}  // namespace folio
