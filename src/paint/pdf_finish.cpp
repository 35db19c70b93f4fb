#include "paint/pdf_finish.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <vector>

#include "core/share_dir.hpp"
#include "paint/painter.hpp"
#include "paint/pdf_compact.hpp"
#include "paint/pdf_update.hpp"

namespace folio {
namespace {

#ifndef FOLIO_WITHOUT_QPDF
namespace fs = std::filesystem;

// Where the module may be, first found first: in FOLIO_MODULE_DIR alone when
// it is set (a packager's layout, a test); else in the lib/folio folder of
// the program's own tree (an installed prefix, wherever it moved, or a build
// folder, which mirrors one), found by going up from the program as
// share_dir() does; beside the share/folio folder in use (a program embedding
// libfolio, given FOLIO_SHARE_DIR); and where it was installed.
std::vector<fs::path> module_candidates() {
  std::vector<fs::path> out;
  if (const char* dir = std::getenv("FOLIO_MODULE_DIR"); dir && *dir)
    return {fs::path(dir) / kPdfUpdaterModule};
  for (const std::string& dir : program_folders())
    out.push_back(fs::path(dir) / FOLIO_MODULE_SUBDIR / kPdfUpdaterModule);
  if (const std::string& share = share_dir(); !share.empty())
    out.push_back(
        (fs::path(share) / FOLIO_MODULE_FROM_SHARE / kPdfUpdaterModule).lexically_normal());
  out.push_back(fs::path(FOLIO_INSTALL_MODULE_DIR) / kPdfUpdaterModule);
  return out;
}

struct LoadedUpdater {
  const PdfUpdater* updater = nullptr;
  std::string error;  // why it is null
};

LoadedUpdater load_updater() {
  LoadedUpdater loaded;
  std::string tried;
  for (const fs::path& path : module_candidates()) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      tried += (tried.empty() ? "" : ", ") + path.string();
      continue;
    }
    // Never closed: qpdf's static objects live until the process ends.
    void* module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
      const char* why = ::dlerror();
      loaded.error = why ? why : path.string();
      return loaded;
    }
    auto* updater = static_cast<const PdfUpdater*>(::dlsym(module, kPdfUpdaterSymbol));
    if (!updater || updater->version != kPdfUpdaterVersion ||
        updater->request_size != sizeof(FinishRequest)) {
      loaded.error = path.string() + " is from another build of folio";
      return loaded;
    }
    loaded.updater = updater;
    return loaded;
  }
  loaded.error = std::string(kPdfUpdaterModule) + " is not installed (looked for " + tried + ")";
  return loaded;
}

// The module, loaded once (thread-safe); null with why in `error`.
const PdfUpdater* updater(std::string& error) {
  static std::once_flag once;
  static LoadedUpdater loaded;
  std::call_once(once, [] { loaded = load_updater(); });
  if (!loaded.updater) error = "cannot load folio's PDF finishing module: " + loaded.error;
  return loaded.updater;
}
#endif

}  // namespace

std::string finish_pdf(const std::string& path, const FinishRequest& request) {
#ifdef FOLIO_WITHOUT_QPDF
  // The fuzz build (clang 14 cannot compile qpdf 11's headers against
  // libstdc++ 12) skips the pass: it changes no drawing.
  (void)path, (void)request;
  return {};
#else
  bool boxes = std::any_of(request.pages->begin(), request.pages->end(),
                           [](const Page& p) { return media_outset(p) > 0; });
  bool repair = !request.structure && request.link_count > 0;
  // Untagged with no boxes: cairo's file is final (once repaired), and qpdf
  // is never loaded.
  bool update = request.structure || boxes || is_pdfa(request.info->standard);
  if (!repair && !update) return {};
  std::string error;
  const PdfUpdater* module = updater(error);
  if (!module) return error;
  if (repair)
    if (error = module->repair(path); !error.empty()) return error;
  if (!update) return {};
  if (error = module->update(path, request); !error.empty()) return error;
  return compact_pdf(path);
#endif
}

}  // namespace folio
