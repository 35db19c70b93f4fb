#include "load/image_check.hpp"

#include <fmt/format.h>

#include "image/probe.hpp"
#include "load/internal.hpp"
#include "load/sandbox.hpp"

namespace folio {
std::optional<CheckedImage> check_image(const TextValue& src, const std::string& base_dir,
                                        const std::vector<std::string>& allowed_dirs,
                                        const Limits& limits, Diagnostics& diags) {
  if (src.text.empty()) return std::nullopt;  // the loader already said `src` is missing
  auto real = resolve_inside(src, base_dir, FileAccess{base_dir, allowed_dirs}, "image", diags);
  if (!real) return std::nullopt;
  std::string joined = join_path(base_dir, src.text);
  image::Probe probe = image::probe_file(*real, limits.max_file_bytes);
  if (!probe.info) {
    diags.error(src.span, fmt::format("cannot use the image `{}`: {}", joined, probe.error));
    return std::nullopt;
  }
  if (probe.info->format != image::Format::svg) {
    double pixels = (probe.info->size.width / 0.75) * (probe.info->size.height / 0.75);
    if (pixels > limits.max_image_pixels) {
      diags.error(src.span,
                  fmt::format("the image `{}` has {:.0f} megapixels, more than the limit of {:.0f}",
                              joined, pixels / 1e6, limits.max_image_pixels / 1e6),
                  {"scale it down, or raise the limit with --max-image-pixels"});
      return std::nullopt;
    }
  }
  return CheckedImage{*real, probe.info->size};
}

}  // namespace folio
