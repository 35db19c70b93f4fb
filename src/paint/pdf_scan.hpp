#pragma once

// What one pass over the PDF cairo wrote finds without parsing it: its
// structure elements and CID fonts by object number, its size, where its xref
// table starts, and a hash of its bytes. The pass after cairo (pdf_finish.hpp)
// starts from this.

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

// An object of the raw file: its number and the name that follows the text it
// was found by (a structure element's /S: role names are short).
struct RawObject {
  int number = 0;
  char name_chars[12] = {};
  size_t offset = 0;  // of the object's text, after "N 0 obj\n"
  std::string_view name() const { return {name_chars, ::strnlen(name_chars, sizeof name_chars)}; }
};

// A 128-bit FNV-1a pair, hex: the /ID of a file made from these bytes (it
// only has to differ between files and stay the same for the same file).
struct FileId {
  uint64_t h1 = 0xcbf29ce484222325ull, h2 = 0x84222325cbf29ce4ull;
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      h1 = (h1 ^ c) * 0x100000001b3ull;
      h2 = (h2 ^ (c + 0x5bu)) * 0x100000001b3ull;
    }
  }
  std::string hex() const { return fmt::format("{:016x}{:016x}", h1, h2); }
};

// What one pass over cairo's file finds without parsing it. Read in chunks, so
// a tagged 100,000-row table (a 160 MB file) is never held whole in memory.
struct RawScan {
  // Objects cairo writes as "N 0 obj\n<< /Type /StructElem\n   /S /TD ...",
  // and its CID fonts, by object number.
  std::vector<RawObject> elements;
  std::vector<RawObject> cid_fonts;
  size_t size = 0;           // bytes
  long long startxref = -1;  // the offset of cairo's xref table
  FileId id;                 // of the whole file so far
};

// Reads `path` in chunks of `chunk_bytes` (at least 256), so a tagged
// 100,000-row table (a 160 MB file) is never held whole in memory. Nothing
// when the file cannot be read.
std::optional<RawScan> scan_file(const std::string& path, size_t chunk_bytes = 4 << 20);

// The structure elements of cairo's file at `path`, read in chunks of
// `chunk_bytes`, as (object number, /S) in number order (for tests).
std::vector<std::pair<int, std::string>> raw_structure_elements(const std::string& path,
                                                                size_t chunk_bytes);

}  // namespace folio
