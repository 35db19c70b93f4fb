#pragma once

#include <string>
#include <string_view>

namespace folio {

// `{{ pageref.ID }}` is known only after layout. Binding replaces it with this
// placeholder (two Unicode noncharacters around the id: reserved for a
// program's internal use, so no text has them, and Markdown leaves them be)
// and layout replaces the placeholder with the page on which the block `ID` starts.
constexpr std::string_view kPageRefOpen = "\xEF\xB7\x90";   // U+FDD0
constexpr std::string_view kPageRefClose = "\xEF\xB7\x91";  // U+FDD1

inline std::string page_ref_placeholder(std::string_view id) {
  return std::string(kPageRefOpen) + std::string(id) + std::string(kPageRefClose);
}

inline bool has_page_ref(std::string_view text) {
  return text.find(kPageRefOpen) != std::string_view::npos;
}

}  // namespace folio
