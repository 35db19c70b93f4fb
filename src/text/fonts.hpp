#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace folio::text {

// Makes the project's fonts/ folder and each of `extra_dirs` visible to
// fontconfig ahead of the system's fonts. Call before laying out any text;
// calling again adds folders.
void register_font_dirs(const std::vector<std::string>& extra_dirs, Diagnostics& diags);

// The families fontconfig can see, sorted, each with the file of its regular face.
struct FontFamily {
  std::string name;
  std::string file;
};
std::vector<FontFamily> list_font_families();

}  // namespace folio::text
