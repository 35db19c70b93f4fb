#include "image/svg_library.hpp"

#include <dlfcn.h>

#include <mutex>

namespace folio::image {

namespace {

// The library's soname: what Debian's librsvg2-2 installs.
constexpr const char* kLibrsvg = "librsvg-2.so.2";

struct Loaded {
  SvgLibrary functions;
  std::string error;  // empty when every function was found
};

Loaded load() {
  Loaded loaded;
  // Never closed: handles and cairo surfaces it made may outlive any owner here.
  void* library = ::dlopen(kLibrsvg, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = ::dlerror();
    loaded.error = why ? why : kLibrsvg;
    return loaded;
  }
  auto find = [&](auto& function, const char* name) {
    function =
        reinterpret_cast<std::remove_reference_t<decltype(function)>>(::dlsym(library, name));
    if (!function && loaded.error.empty()) loaded.error = std::string(kLibrsvg) + " has no " + name;
  };
  SvgLibrary& f = loaded.functions;
  find(f.new_from_data, "rsvg_handle_new_from_data");
  find(f.intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels");
  find(f.intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions");
  find(f.render_document, "rsvg_handle_render_document");
  return loaded;
}

}  // namespace

const SvgLibrary* svg_library(std::string* error) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.error.empty()) {
    if (error) *error = loaded.error;
    return nullptr;
  }
  return &loaded.functions;
}

}  // namespace folio::image
