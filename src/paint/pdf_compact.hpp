#pragma once

// The last pass over a finished PDF: its objects that are not streams (the
// structure tree's elements above all, one per table cell, which cairo 1.16
// writes as plain text) are packed into compressed object streams, and the
// cross-reference tables into one compressed cross-reference stream (ISO
// 32000-1, 7.5.7 and 7.5.8). Streams (page contents, fonts, images) are
// copied as they are. A tagged 100,000-row table was 166 MB, 19 times its
// untagged size.
//
// The file is read through a mapping and written object by object, so memory
// stays small whatever its size: per object, 16 bytes of the cross-reference
// table being built.

#include <string>
#include <string_view>

namespace folio {

// Rewrites the PDF at `path` compacted, through a file beside it renamed over
// it when whole. A file of a few hundred objects (a leaflet), or one this
// pass does not know how to read (older than PDF 1.5, or already using
// cross-reference streams) is left as it is. Returns an empty string, or why
// it failed.
std::string compact_pdf(const std::string& path);

// `data` deflated (zlib, the PDF's /FlateDecode).
std::string deflate_bytes(std::string_view data);

}  // namespace folio
