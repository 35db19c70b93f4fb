#pragma once

// What an image file is and how big it is, without drawing it.
//
// Why a library of its own: binding (src/load/) must find a missing or corrupt
// image while it can still point at the `src = ...` line, and paint must know
// the format to choose how to draw it. Both use this; layout does not: it reads
// the size that binding stored in the model, so layout stays free of image
// decoders and Cairo. PNG and JPEG sizes come from their headers (pure code);
// an SVG's size comes from librsvg, which owns SVG's rules for width, height
// and viewBox.

#include <optional>
#include <string>
#include <string_view>

#include "core/geometry.hpp"

namespace folio::image {

enum class Format { png, jpeg, svg };

// The format from the file's first bytes (not its name); nullopt when unknown.
std::optional<Format> sniff(std::string_view bytes);

// Pixel sizes read from the headers; nullopt when the header is malformed or
// the file is cut short.
std::optional<Size> png_pixels(std::string_view bytes);
std::optional<Size> jpeg_pixels(std::string_view bytes);

struct Info {
  Format format = Format::png;
  Size size;  // natural size in points (pixels at 96 per inch)
};

// Reads and checks an image file. On failure `error` says why ("cannot read",
// "not a PNG, JPEG or SVG file", "a corrupt PNG file").
struct Probe {
  std::optional<Info> info;
  std::string error;
};
Probe probe_file(const std::string& path, size_t max_bytes = 64u << 20);
Probe probe_bytes(std::string_view bytes);

// The whole file, or nullopt when it cannot be read or is larger than max_bytes.
std::optional<std::string> read_bytes(const std::string& path, size_t max_bytes = 64u << 20);

constexpr double kPointsPerPixel = 0.75;  // 72 / 96

}  // namespace folio::image
