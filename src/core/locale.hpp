#pragma once

#include <array>
#include <string>
#include <string_view>

namespace folio {

// How numbers, percentages and dates are written in a language: what a
// reader of that language expects to see (CLDR's conventions, abridged).
// Digits stay 0-9 in every locale.
struct Locale {
  std::string tag = "en-GB";
  std::string decimal = ".";
  std::string group = ",";             // between groups of three digits
  std::string percent_space = "";      // between a number and its % sign
  std::array<std::string, 12> months;  // as a day-month-year date says them
  // A date from its parts, in the order the language writes them.
  enum class DateOrder {
    day_month_year,
    day_dot_month_year,
    year_month_day_cjk
  } date_order = DateOrder::day_month_year;
};

// The locale of a BCP 47 tag, by its primary language ("pl-PL" -> Polish);
// nullptr when folio does not know the language.
const Locale* find_locale(std::string_view tag);
// The default: British English (1,234.5 and 12.5%).
const Locale& default_locale();
// find_locale, else the default.
const Locale& locale_or_default(std::string_view tag);
// The languages find_locale knows, for a diagnostic's hint.
std::string known_locales();

}  // namespace folio
