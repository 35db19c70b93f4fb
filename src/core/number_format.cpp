#include "core/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace folio {

std::string format_number(double value, int decimals, const Locale& locale) {
  if (!std::isfinite(value)) return "-";
  // Round half away from zero on the decimal value people wrote: 0.85 -> "0.9",
  // although 0.85 is stored as 0.8499999...
  double scale = std::pow(10.0, decimals);
  double scaled = value * scale;
  double nudged = scaled + std::copysign(1e-9 * std::max(1.0, std::fabs(scaled)), scaled);
  value = std::round(nudged) / scale;
  std::string digits = fmt::format("{:.{}f}", std::fabs(value), decimals);
  if (digits.find_first_not_of("0.") == std::string::npos) value = 0;  // no "-0"
  size_t point = digits.find('.');
  size_t int_end = point == std::string::npos ? digits.size() : point;
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  if (value < 0) out += '-';
  for (size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += locale.group;
    out += digits[i];
  }
  if (int_end < digits.size()) {
    out += locale.decimal;
    out.append(digits, int_end + 1, std::string::npos);
  }
  return out;
}

std::string format_percent(double fraction, int decimals, const Locale& locale) {
  return format_number(fraction * 100, decimals, locale) + locale.percent_space + "%";
}

std::optional<std::string> format_date(std::string_view iso, const Locale& locale) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto part = [&](size_t at, size_t n, int& out) {
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      out = out * 10 + (iso[i] - '0');
    }
    return true;
  };
  if (!part(0, 4, y) || !part(5, 2, m) || !part(8, 2, d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const std::string& month = locale.months[static_cast<size_t>(m - 1)];
  switch (locale.date_order) {
    case Locale::DateOrder::day_dot_month_year:
      return fmt::format("{}. {} {}", d, month, y);
    case Locale::DateOrder::year_month_day_cjk:
      return fmt::format("{}\xE5\xB9\xB4{}\xE6\x9C\x88{}\xE6\x97\xA5", y, month, d);  // 年 月 日
    case Locale::DateOrder::day_month_year:
      break;
  }
  return fmt::format("{} {} {}", d, month, y);
}

std::string format_plain(double value) {
  if (std::isfinite(value) && value == std::round(value) && std::fabs(value) < 1e15)
    return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

std::string NumberFormat::apply(double value, const Locale& locale) const {
  return kind == Kind::percent ? format_percent(value, decimals, locale)
                               : format_number(value, decimals, locale);
}

std::optional<NumberFormat> parse_number_format(std::string_view text) {
  NumberFormat f;
  std::string_view name = text;
  size_t open = text.find('(');
  if (open != std::string_view::npos) {
    if (text.back() != ')') return std::nullopt;
    name = text.substr(0, open);
    std::string_view arg = text.substr(open + 1, text.size() - open - 2);
    if (arg.size() != 1 || arg[0] < '0' || arg[0] > '9') return std::nullopt;
    f.decimals = arg[0] - '0';
  }
  if (name == "number") {
    f.kind = NumberFormat::Kind::number;
  } else if (name == "percent") {
    f.kind = NumberFormat::Kind::percent;
  } else {
    return std::nullopt;
  }
  return f;
}

}  // namespace folio
