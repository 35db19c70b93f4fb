#include "text/fonts.hpp"

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <sys/stat.h>

namespace folio::text {
namespace {

bool is_folder(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

std::mutex font_dirs_mutex;

}  // namespace

void register_font_dirs(const std::vector<std::string>& extra_dirs, Diagnostics& diags) {
  std::lock_guard lock(font_dirs_mutex);
  FcConfig* config = FcConfigGetCurrent();
  std::vector<std::string> dirs = {FOLIO_FONTS_DIR};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  for (const auto& dir : dirs) {
    if (!is_folder(dir)) {
      if (dir != FOLIO_FONTS_DIR) diags.error({}, fmt::format("font folder `{}` does not exist", dir));
      continue;
    }
    FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str()));
  }
  PangoFontMap* map = pango_cairo_font_map_get_default();
  if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));
}

std::vector<FontFamily> list_font_families() {
  FcPattern* pattern = FcPatternCreate();
  FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, nullptr);
  FcFontSet* set = FcFontList(nullptr, pattern, objects);
  std::map<std::string, std::string> families;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* family = nullptr;
    FcChar8* file = nullptr;
    FcChar8* style = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch) continue;
    FcPatternGetString(set->fonts[i], FC_FILE, 0, &file);
    FcPatternGetString(set->fonts[i], FC_STYLE, 0, &style);
    std::string name(reinterpret_cast<char*>(family));
    std::string path = file ? reinterpret_cast<char*>(file) : "";
    bool regular = style && std::string(reinterpret_cast<char*>(style)) == "Regular";
    if (!families.count(name) || regular) families[name] = path;
  }
  if (set) FcFontSetDestroy(set);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  std::vector<FontFamily> out;
  for (auto& [name, file] : families) out.push_back({name, file});
  return out;
}

}  // namespace folio::text
