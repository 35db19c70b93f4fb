#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio {

// 18887 -> "18,887"; decimals fixes the digits after the point.
std::string format_number(double value, int decimals = 0);
// 0.85 -> "85%".
std::string format_percent(double fraction, int decimals = 0);
// The shortest text that reads back as the same double: 139 -> "139", 0.85 -> "0.85".
std::string format_plain(double value);

// A value format as written in a chart or table: "number", "number(1)", "percent", "percent(1)".
struct NumberFormat {
  enum class Kind { number, percent } kind = Kind::number;
  int decimals = 0;

  std::string apply(double value) const;
};
std::optional<NumberFormat> parse_number_format(std::string_view text);

}  // namespace folio
