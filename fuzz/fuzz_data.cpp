#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "run_document.hpp"

// The sample annual review with arbitrary bytes as its data file.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string layout_path =
      std::string(FOLIO_SOURCE_DIR) + "/layouts/annual-review.toml";
  static const std::string layout = [] {
    std::ifstream in(layout_path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  static const std::string data_path =
      "/dev/shm/folio-fuzz-data-" + std::to_string(::getpid()) + ".toml";
  {
    std::ofstream out(data_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  folio::fuzz::run_document(layout, layout_path, {data_path});
  return 0;
}
