#pragma once

#include <string>
#include <string_view>

namespace folio {

// The lowercase primary subtag of a BCP 47 tag: "ur" of "ur-PK".
std::string primary_language(std::string_view tag);

// The ISO 15924 script (lowercase, 4 letters) a BCP 47 tag is written in: its
// script subtag when it has one ("az-Arab" -> "arab"), else the language's
// usual script ("ar" -> "arab", "zh-TW" -> "hant", "zh" -> "hans", "bn" ->
// "beng"); "latn" for languages not known to be written otherwise.
std::string language_script(std::string_view tag);

// True for scripts read right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko, ...).
bool script_is_rtl(std::string_view script);

// True when text in the language `tag` is read right to left.
inline bool language_is_rtl(std::string_view tag) {
  return script_is_rtl(language_script(tag));
}

}  // namespace folio
