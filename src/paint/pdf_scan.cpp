#include "paint/pdf_scan.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "core/c_handle.hpp"

namespace folio {
namespace {

constexpr std::string_view kElementNeedle = "obj\n<< /Type /StructElem\n   /S /";
constexpr std::string_view kCidFontNeedle = "obj\n<< /Type /Font\n   /Subtype /CIDFontType2";

// The object whose text `needle` starts at `at` of `window`, or nothing when
// the bytes before it are not "N 0 ".
std::optional<RawObject> object_at(std::string_view window, size_t at, std::string_view needle,
                                   size_t window_offset) {
  // Back over " 0 " and the object number: "12 0 obj".
  size_t p = at;
  while (p > 0 && window[p - 1] == ' ') --p;
  while (p > 0 && std::isdigit(static_cast<unsigned char>(window[p - 1]))) --p;  // generation
  while (p > 0 && window[p - 1] == ' ') --p;
  size_t end = p;
  while (p > 0 && std::isdigit(static_cast<unsigned char>(window[p - 1]))) --p;
  if (p == end || end - p > 9) return std::nullopt;
  RawObject object;
  object.number = std::atoi(std::string(window.substr(p, end - p)).c_str());
  object.offset = window_offset + at + 4;  // past "obj\n"
  size_t name_start = at + needle.size(), name_end = name_start;
  while (name_end < window.size() && name_end - name_start < sizeof object.name_chars &&
         !std::isspace(static_cast<unsigned char>(window[name_end])) && window[name_end] != '/' &&
         window[name_end] != '>')
    ++name_end;
  std::memcpy(object.name_chars, window.data() + name_start, name_end - name_start);
  return object;
}

int close_file(std::FILE* file) {
  return std::fclose(file);
}

}  // namespace

std::optional<RawScan> scan_file(const std::string& path, size_t chunk_bytes) {
  ::folio::Handle<std::FILE, close_file> file(std::fopen(path.c_str(), "rb"));
  if (!file) return std::nullopt;
  // Bytes kept from one chunk to the next: a hit's object number comes before
  // its needle (kBefore), its name after (kAfter).
  constexpr size_t kBefore = 32, kAfter = 64;
  RawScan scan;
  std::string window;
  size_t searched = 0;       // hits before this offset of `window` were found already
  size_t window_offset = 0;  // of window[0] in the file
  std::vector<char> chunk(std::max<size_t>(chunk_bytes, 256));
  for (;;) {
    size_t n = std::fread(chunk.data(), 1, chunk.size(), file.get());
    if (std::ferror(file.get())) return std::nullopt;
    bool end = n < chunk.size();
    scan.id.add({chunk.data(), n});
    scan.size += n;
    window.append(chunk.data(), n);
    size_t limit = end ? window.size() : window.size() - kAfter;
    for (auto [needle, out] :
         {std::pair{kElementNeedle, &scan.elements}, std::pair{kCidFontNeedle, &scan.cid_fonts}})
      for (size_t at = window.find(needle, searched); at != std::string::npos && at < limit;
           at = window.find(needle, at + needle.size()))
        if (auto object = object_at(window, at, needle, window_offset)) out->push_back(*object);
    if (end) break;
    window.erase(0, limit - kBefore);
    window_offset += limit - kBefore;
    searched = kBefore;
  }
  if (size_t at = window.rfind("startxref"); at != std::string::npos)
    scan.startxref = std::atoll(window.c_str() + at + 9);
  auto by_number = [](const RawObject& a, const RawObject& b) { return a.number < b.number; };
  std::sort(scan.elements.begin(), scan.elements.end(), by_number);
  std::sort(scan.cid_fonts.begin(), scan.cid_fonts.end(), by_number);
  return scan;
}

std::vector<std::pair<int, std::string>> raw_structure_elements(const std::string& path,
                                                                size_t chunk_bytes) {
  std::vector<std::pair<int, std::string>> out;
  if (auto scan = scan_file(path, chunk_bytes))
    for (const RawObject& e : scan->elements) out.emplace_back(e.number, std::string(e.name()));
  return out;
}

}  // namespace folio
