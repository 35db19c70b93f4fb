#pragma once

#include <string>
#include <string_view>

namespace folio {

// A page's content stream with every stretch that lies outside any marked-
// content sequence and puts ink on the page (paints a path, shows text,
// draws an XObject or a shading) wrapped in `/Artifact BMC ... EMC`. Cairo
// marks tagged content with BDC/EMC itself but cannot mark artifacts; what
// folio draws outside a structure element is decoration or a running head.
// Stretches that only set state are left as they are. Strings, arrays and
// dictionaries are skipped whole, so their bytes are never read as operators.
std::string wrap_unmarked_content(std::string_view content);

}  // namespace folio
