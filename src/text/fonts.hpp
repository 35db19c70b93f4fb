#pragma once

#include <pango/pango.h>

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/theme.hpp"

namespace folio::text {

// Makes the project's fonts/ folder and each of `extra_dirs` visible to
// fontconfig ahead of the system's fonts. Call before laying out any text;
// calling again adds folders.
void register_font_dirs(const std::vector<std::string>& extra_dirs, Diagnostics& diags);

// This thread's Pango font map (Pango keeps one per thread), noting that it
// exists: register_font_dirs resets it when it adds a folder after it was made.
PangoFontMap* thread_font_map();

// The project's own fonts/ folder, searched before everything else.
std::string project_font_dir();

// Where a font file comes from: the project's fonts/, a --font-path folder, or the system.
enum class FontOrigin { project, font_path, system };
const char* origin_name(FontOrigin origin);

// The families fontconfig can see, sorted, each with the file of its regular
// face and where that file comes from (`extra_dirs` are the --font-path folders).
struct FontFamily {
  std::string name;
  std::string file;
  FontOrigin origin = FontOrigin::system;
};
std::vector<FontFamily> list_font_families(const std::vector<std::string>& extra_dirs = {});

// The family fontconfig substitutes for `family` (itself when installed).
std::string matched_font_family(const std::string& family);

// Warns, at the theme key's span, for each font family the theme names that
// is not installed, and replaces it with its fallback, named in the warning:
// folio's default family for `font` and `mono_font`, the body's for `heading_font`.
void check_theme_fonts(Theme& theme, Diagnostics& diags);

// Forgets fontconfig's font lists so fonts added or changed on disk are seen;
// register_font_dirs must be called again afterwards.
void rescan_fonts();

}  // namespace folio::text
