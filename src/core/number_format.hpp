#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/locale.hpp"

namespace folio {

// 18887 -> "18,887"; decimals fixes the digits after the point. In Polish
// 1234.5 -> "1 234,5" (a no-break space), in German "1.234,5".
std::string format_number(double value, int decimals = 0, const Locale& locale = default_locale());
// 0.85 -> "85%"; in German "85 %".
std::string format_percent(double fraction, int decimals = 0,
                           const Locale& locale = default_locale());
// "2026-03-05" -> "5 March 2026" (Polish "5 marca 2026", German "5. März 2026",
// Chinese "2026年3月5日"); nullopt when `iso` is no YYYY-MM-DD date.
std::optional<std::string> format_date(std::string_view iso,
                                       const Locale& locale = default_locale());
// The shortest text that reads back as the same double: 139 -> "139", 0.85 -> "0.85".
std::string format_plain(double value);

// A value format as written in a chart or table: "number", "number(1)", "percent", "percent(1)".
struct NumberFormat {
  enum class Kind { number, percent } kind = Kind::number;
  int decimals = 0;

  std::string apply(double value, const Locale& locale = default_locale()) const;
};
std::optional<NumberFormat> parse_number_format(std::string_view text);

}  // namespace folio
