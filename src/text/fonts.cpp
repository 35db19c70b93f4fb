#include "text/fonts.hpp"

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

#include "core/share_dir.hpp"

namespace folio::text {
namespace {

bool is_folder(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

std::mutex font_dirs_mutex;
// The folders fontconfig was given since it last read its configuration:
// adding one again would scan it again.
std::set<std::string> font_dirs_added;
// Whether this thread's Pango font map exists yet (thread_font_map() makes it).
thread_local bool font_map_made = false;

// Owners of fontconfig objects.
struct PatternFree {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct ObjectSetFree {
  void operator()(FcObjectSet* o) const { FcObjectSetDestroy(o); }
};
struct FontSetFree {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
using PatternHandle = std::unique_ptr<FcPattern, PatternFree>;
using ObjectSetHandle = std::unique_ptr<FcObjectSet, ObjectSetFree>;
using FontSetHandle = std::unique_ptr<FcFontSet, FontSetFree>;

// `path` made absolute with symbolic links resolved, so prefixes compare.
std::string canonical_folder(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

bool inside(const std::string& file, const std::string& folder) {
  return file.size() > folder.size() && file.compare(0, folder.size(), folder) == 0 &&
         file[folder.size()] == '/';
}

}  // namespace

void register_font_dirs(const std::vector<std::string>& extra_dirs, Diagnostics& diags) {
  std::lock_guard lock(font_dirs_mutex);
  FcConfig* config = FcConfigGetCurrent();
  bool added = false;
  auto add = [&](const std::string& dir) {
    if (!font_dirs_added.insert(dir).second) return;
    FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str()));
    added = true;
  };
  std::string project = project_font_dir();
  if (project.empty()) {
    static std::once_flag warned;  // once per run, not once per document of a bulk build
    std::call_once(warned, [&] {
      diags.warning({}, "folio's own fonts were not found, so the system's fonts are used",
                    {"an installed folio looks in share/folio/fonts beside its bin/ folder; "
                     "FOLIO_SHARE_DIR names another folder holding fonts/"});
    });
  } else {
    add(project);  // first, so fontconfig prefers the project's faces over the system's
  }
  for (const auto& dir : extra_dirs) {
    if (!is_folder(dir)) {
      diags.error({}, fmt::format("font folder `{}` does not exist", dir));
      continue;
    }
    add(dir);
  }
  // A font map made earlier on this thread lists the fonts as they were and is
  // reset. Otherwise it is made now, with the folders in place: Pango reads
  // and sorts the font list in a thread of its own, which then overlaps with
  // loading the document (resetting a map instead cost a render 1.5 ms).
  if (!font_map_made) {
    thread_font_map();
  } else if (added) {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));
  }
}

PangoFontMap* thread_font_map() {
  font_map_made = true;
  return pango_cairo_font_map_get_default();
}

std::string project_font_dir() {
  return share_dir().empty() ? std::string() : share_dir() + "/fonts";
}

const char* origin_name(FontOrigin origin) {
  switch (origin) {
    case FontOrigin::project:
      return "project";
    case FontOrigin::font_path:
      return "font-path";
    case FontOrigin::system:
      return "system";
  }
  return "system";
}

std::vector<FontFamily> list_font_families(const std::vector<std::string>& extra_dirs) {
  PatternHandle pattern(FcPatternCreate());
  ObjectSetHandle objects(FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, nullptr));
  FontSetHandle set(FcFontList(nullptr, pattern.get(), objects.get()));
  std::string project = project_font_dir().empty() ? "" : canonical_folder(project_font_dir());
  std::vector<std::string> extra;
  for (const auto& dir : extra_dirs) extra.push_back(canonical_folder(dir));
  auto origin_of = [&](const std::string& file) {
    std::string canonical = canonical_folder(file);
    if (!project.empty() && inside(canonical, project)) return FontOrigin::project;
    for (const auto& dir : extra)
      if (inside(canonical, dir)) return FontOrigin::font_path;
    return FontOrigin::system;
  };
  // A family found in several places is listed from where folio takes it first
  // (the project's fonts, then --font-path, then the system), by its regular face.
  std::map<std::string, std::pair<std::tuple<FontOrigin, bool>, std::string>> families;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* family = nullptr;
    FcChar8* file = nullptr;
    FcChar8* style = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch) continue;
    FcPatternGetString(set->fonts[i], FC_FILE, 0, &file);
    FcPatternGetString(set->fonts[i], FC_STYLE, 0, &style);
    std::string name(reinterpret_cast<char*>(family));
    std::string path = file ? reinterpret_cast<char*>(file) : "";
    std::string style_name = style ? reinterpret_cast<char*>(style) : "";
    bool regular = style_name == "Regular" || style_name == "Book" || style_name == "Roman";
    auto rank = std::tuple{origin_of(path), !regular};
    auto found = families.find(name);
    if (found == families.end() || rank < found->second.first) families[name] = {rank, path};
  }
  std::vector<FontFamily> out;
  for (auto& [name, ranked] : families)
    out.push_back({name, ranked.second, std::get<FontOrigin>(ranked.first)});
  return out;
}

std::string matched_font_family(const std::string& family) {
  PatternHandle pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  PatternHandle match(FcFontMatch(nullptr, pattern.get(), &result));
  FcChar8* name = nullptr;
  if (!match || FcPatternGetString(match.get(), FC_FAMILY, 0, &name) != FcResultMatch) return "";
  return reinterpret_cast<char*>(name);
}

namespace {

std::string lowercase(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether fontconfig has a family of this name (matched as fontconfig matches
// names: case and spaces aside). One small query per name: listing every font
// with its canonical path, as `folio fonts` does, cost each render 2,350
// readlink calls and a sixth of the start-up the floor does not pay.
bool family_known(const std::string& name) {
  PatternHandle pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
  ObjectSetHandle objects(FcObjectSetBuild(FC_FAMILY, nullptr));
  FontSetHandle set(FcFontList(nullptr, pattern.get(), objects.get()));
  return set && set->nfont > 0;
}

// Pango takes a comma-separated list of families; any installed one (or a generic name) will do.
bool any_family_installed(const std::string& list) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string name = list.substr(start, comma - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    std::string lower = lowercase(name);
    if (lower == "sans-serif" || lower == "sans" || lower == "serif" || lower == "monospace" ||
        lower == "mono" || lower == "system-ui" || lower == "cursive" || lower == "fantasy")
      return true;
    if (!name.empty() && family_known(name)) return true;
    start = comma + 1;
  }
  return false;
}

}  // namespace

void check_theme_fonts(Theme& theme, Diagnostics& diags) {
  const Theme defaults;
  // Headings fall back to the body's family (checked first), the others to folio's defaults,
  // which are bundled in share/folio/fonts, never to whatever fontconfig would pick.
  for (auto [family, span, key, fallback, builtin] :
       {std::tuple{&theme.font, &theme.font_span, "font", &defaults.font, &defaults.font},
        {&theme.heading_font, &theme.heading_font_span, "heading_font", &theme.font,
         &defaults.heading_font},
        {&theme.mono_font, &theme.mono_font_span, "mono_font", &defaults.mono_font,
         &defaults.mono_font}}) {
    // A default is not the user's choice; a family set by --set has no span but is.
    if (!span->known() && *family == *builtin) continue;
    if (any_family_installed(*family)) continue;
    diags.warning(*span,
                  fmt::format("`{}`: font family \"{}\" is not installed; \"{}\" is used instead",
                              key, *family, *fallback),
                  {"`folio fonts` lists the families folio can see; put the font's files in fonts/ "
                   "or a --font-path folder"});
    *family = *fallback;
  }
  // Fonts per script and the fallback list: one not installed is left out
  // (Pango would quietly take another font for its script).
  auto check = [&](const Theme::ScriptFont& font, const std::string& key) {
    if (any_family_installed(font.family)) return true;
    diags.warning(
        font.span,
        fmt::format("`{}`: font family \"{}\" is not installed; it is left out", key, font.family),
        {"`folio fonts` lists the families folio can see; on Debian, "
         "fonts-noto-core and fonts-noto-cjk hold Noto's fonts for most scripts"});
    return false;
  };
  std::erase_if(theme.fonts, [&](const auto& f) { return !check(f.second, "fonts." + f.first); });
  std::erase_if(theme.fallback, [&](const auto& f) { return !check(f, "fallback"); });
}

void rescan_fonts() {
  std::lock_guard lock(font_dirs_mutex);
  FcInitReinitialize();
  font_dirs_added.clear();
}

}  // namespace folio::text
