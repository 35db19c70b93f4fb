#include <cstddef>
#include <cstdint>

#include "run_document.hpp"

// The layout's folder is an empty one, so `extends`, CSV and image paths in
// fuzzed input find nothing to read outside it.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  folio::fuzz::run_document(text, "/nonexistent-fuzz-root/layout.toml", {});
  return 0;
}
