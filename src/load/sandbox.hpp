#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace folio {

// The folders a document may read from: the layout's own folder tree and any
// --allow-path folders. A layout written by someone else must not pull
// arbitrary files (keys, /etc/passwd) into a PDF, not even through a symlink.
struct FileAccess {
  std::string root;                  // the layout file's folder
  std::vector<std::string> allowed;  // --allow-path folders
};

// Resolves `relative` (as written at `ref`) against `base_dir`, follows
// symlinks, and returns the real path when it exists inside the allowed
// folders; otherwise reports why at `ref` and returns nullopt. `what` names
// the kind of file in messages ("image", "theme file", "CSV file").
std::optional<std::string> resolve_inside(const TextValue& ref, const std::string& base_dir,
                                          const FileAccess& access, std::string_view what,
                                          Diagnostics& diags);

}  // namespace folio
