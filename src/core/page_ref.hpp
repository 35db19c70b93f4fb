#pragma once

#include <string>
#include <string_view>

namespace folio {

// `{{ pageref.ID }}` is known only after layout. Binding replaces it with this
// placeholder (two private-use characters around the id, which neither
// Markdown nor a font touches) and layout replaces the placeholder with the
// page on which the block `ID` starts.
constexpr std::string_view kPageRefOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kPageRefClose = "\xEE\x80\x81";  // U+E001

inline std::string page_ref_placeholder(std::string_view id) {
  return std::string(kPageRefOpen) + std::string(id) + std::string(kPageRefClose);
}

inline bool has_page_ref(std::string_view text) {
  return text.find(kPageRefOpen) != std::string_view::npos;
}

}  // namespace folio
