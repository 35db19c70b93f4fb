#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::text {

// Text with soft hyphens (U+00AD) where the language's dictionary allows a
// word to break, for Pango to break at (it then shows a hyphen). Dictionaries
// are libhyphen's (Debian's hyphen-en-gb, hyphen-pl, hyphen-de, ... in
// /usr/share/hyphen); a language without one (Chinese, say) comes back as it was.
struct Hyphenated {
  std::string text;
  // The byte offsets of the input before which a soft hyphen went, ascending.
  std::vector<size_t> inserted;
};
Hyphenated hyphenate(std::string_view text, std::string_view language);

// Whether a dictionary exists for `language` (the closest by its region).
bool can_hyphenate(std::string_view language);

// `text` without its soft hyphens: what a reader copies out of the PDF.
std::string without_soft_hyphens(std::string_view text);

}  // namespace folio::text
