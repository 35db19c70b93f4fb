// PNG and JPEG dimensions from their headers: no decoder needed.
#include <array>
#include <cstdint>

#include "image/probe.hpp"

namespace folio::image {
namespace {

uint32_t be32(std::string_view b, size_t at) {
  auto u = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(b[at + i])); };
  return u(0) << 24 | u(1) << 16 | u(2) << 8 | u(3);
}
uint16_t be16(std::string_view b, size_t at) {
  auto u = [&](size_t i) { return static_cast<uint16_t>(static_cast<unsigned char>(b[at + i])); };
  return static_cast<uint16_t>(u(0) << 8 | u(1));
}

uint32_t crc32(std::string_view data) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

}  // namespace

std::optional<Format> sniff(std::string_view b) {
  if (b.starts_with(kPngSignature)) return Format::png;
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF)
    return Format::jpeg;
  // SVG is text: an <svg element near the start (after any XML prolog or comments).
  std::string_view head = b.substr(0, 4096);
  if (head.find("<svg") != std::string_view::npos) return Format::svg;
  return std::nullopt;
}

std::optional<Size> png_pixels(std::string_view b) {
  // Signature, then the IHDR chunk: length 13, "IHDR", width, height, 5 bytes, CRC.
  if (!b.starts_with(kPngSignature) || b.size() < 8 + 25) return std::nullopt;
  if (be32(b, 8) != 13 || b.substr(12, 4) != "IHDR") return std::nullopt;
  if (crc32(b.substr(12, 17)) != be32(b, 29)) return std::nullopt;
  uint32_t w = be32(b, 16), h = be32(b, 20);
  if (w == 0 || h == 0 || w > 1u << 16 || h > 1u << 16) return std::nullopt;
  // A file cut short loses its IEND chunk.
  if (b.size() < 8 + 25 + 12 || b.substr(b.size() - 8, 4) != "IEND") return std::nullopt;
  return Size{static_cast<double>(w), static_cast<double>(h)};
}

std::optional<Size> jpeg_pixels(std::string_view b) {
  if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF ||
      static_cast<unsigned char>(b[1]) != 0xD8)
    return std::nullopt;
  // A file cut short loses its end-of-image marker (some writers pad after it).
  std::string_view tail = b.substr(b.size() > 64 ? b.size() - 64 : 0);
  if (tail.find("\xFF\xD9") == std::string_view::npos) return std::nullopt;
  size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    unsigned char marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    uint16_t length = be16(b, at + 2);
    if (length < 2 || at + 2 + length > b.size()) return std::nullopt;
    bool start_of_frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (start_of_frame) {
      if (length < 7) return std::nullopt;
      uint16_t h = be16(b, at + 5), w = be16(b, at + 7);
      if (w == 0 || h == 0) return std::nullopt;
      return Size{static_cast<double>(w), static_cast<double>(h)};
    }
    if (marker == 0xDA) return std::nullopt;  // scan data before any frame header
    at += 2 + length;
  }
  return std::nullopt;
}

}  // namespace folio::image
