#pragma once

#include <cstddef>
#include <string_view>

namespace folio {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

}  // namespace folio
