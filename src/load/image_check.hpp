#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/load.hpp"
#include "model/document.hpp"

namespace folio {

struct CheckedImage {
  std::string path;  // with symlinks resolved
  Size natural;      // points
};

// Resolves an image's `src` against the layout's folder and checks it: it must
// stay inside that folder tree or one of `allowed_dirs` once symlinks are
// resolved (a layout from elsewhere must not read arbitrary files into a PDF),
// exist, and be a sound PNG, JPEG or SVG file. Errors point at `src`.
std::optional<CheckedImage> check_image(const TextValue& src, const std::string& base_dir,
                                        const std::vector<std::string>& allowed_dirs,
                                        const Limits& limits, Diagnostics& diags);

}  // namespace folio
