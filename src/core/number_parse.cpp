#include "core/number_parse.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

namespace folio {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool eat(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool eat_currency(std::string_view& s) {
  for (std::string_view sign : {"$", "\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5"})  // $ £ € ¥
    if (eat(s, sign)) return true;
  return false;
}

// A thousands separator at the start of `s` (its length), or 0.
size_t separator_at(std::string_view s, DecimalMark mark) {
  if (mark == DecimalMark::point) return s.starts_with(',') ? 1 : 0;
  if (s.starts_with('.') || s.starts_with(' ') || s.starts_with('\'')) return 1;
  if (s.starts_with("\xC2\xA0")) return 2;      // no-break space
  if (s.starts_with("\xE2\x80\xAF")) return 3;  // narrow no-break space
  return 0;
}

}  // namespace

std::optional<DecimalMark> decimal_mark_of_locale(std::string_view tag) {
  std::string_view language = tag.substr(0, std::min(tag.find_first_of("-_"), tag.size()));
  if (language.size() < 2 || language.size() > 3 ||
      !std::all_of(language.begin(), language.end(),
                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
    return std::nullopt;
  std::string lower(language);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  static constexpr std::array<std::string_view, 30> kComma = {
      "de", "fr", "es", "it", "nl", "pt", "ru", "pl", "sv", "da", "fi", "nb", "nn", "no", "cs",
      "sk", "sl", "hr", "sr", "hu", "ro", "bg", "el", "tr", "uk", "lt", "lv", "et", "id", "ca"};
  if (std::find(kComma.begin(), kComma.end(), lower) != kComma.end()) return DecimalMark::comma;
  return DecimalMark::point;
}

std::optional<ParsedNumber> parse_number_text(std::string_view text, DecimalMark mark) {
  std::string_view s = trim_spaces(text);
  ParsedNumber out;
  // The common case first: plain digits with at most a '-' and a '.' ("12.5",
  // "-3"), read by from_chars directly (a million-row CSV has millions).
  if (!s.empty() && s.size() < 32 && mark == DecimalMark::point) {
    bool plain = true, point = false;
    for (size_t k = 0; k < s.size() && plain; ++k) {
      char c = s[k];
      if (c == '.' && !point) {
        point = true;
      } else if (!(is_digit(c) || (c == '-' && k == 0))) {
        plain = false;
      }
    }
    if (plain && is_digit(s.back())) {
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out.value);
      if (ec == std::errc() && end == s.data() + s.size()) {
        out.integral = !point;
        return out;
      }
    }
  }
  bool negative = false;
  // A sign and a currency sign, in either order: "-$5", "$-5", "£+3".
  bool currency = eat_currency(s);
  if (eat(s, "-") || eat(s, "\xE2\x88\x92")) {
    negative = true;
  } else {
    eat(s, "+");
  }
  if (!currency) eat_currency(s);
  if (s.ends_with('%')) {
    out.percent = true;
    s.remove_suffix(1);
    s = trim_spaces(s);
  }
  if (s.empty()) return std::nullopt;

  // The digits, with separators checked and dropped, into a plain number text.
  char decimal = mark == DecimalMark::point ? '.' : ',';
  std::string plain;
  plain.reserve(s.size() + 1);
  if (negative) plain += '-';
  size_t i = 0;
  size_t group = 0;  // digits since the last separator
  bool grouped = false;
  bool any_digit = false;
  while (i < s.size()) {
    char c = s[i];
    if (is_digit(c)) {
      plain += c;
      ++group;
      ++i;
      any_digit = true;
      continue;
    }
    size_t sep = separator_at(s.substr(i), mark);
    // A separator follows 1 to 3 digits (the first group) or exactly 3, and
    // precedes exactly three digits.
    if (sep && group > 0 && (grouped ? group == 3 : group <= 3) && i + sep + 3 <= s.size() &&
        is_digit(s[i + sep]) && is_digit(s[i + sep + 1]) && is_digit(s[i + sep + 2]) &&
        (i + sep + 3 == s.size() || !is_digit(s[i + sep + 3]))) {
      grouped = true;
      group = 0;
      i += sep;
      continue;
    }
    break;
  }
  if (grouped && group != 3) return std::nullopt;
  out.integral = true;
  if (i < s.size() && s[i] == decimal) {
    out.integral = false;
    plain += '.';
    ++i;
    while (i < s.size() && is_digit(s[i])) {
      plain += s[i++];
      any_digit = true;
    }
  }
  if (!any_digit) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E') && !grouped) {
    out.integral = false;
    plain += 'e';
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) plain += s[i++];
    size_t digits = 0;
    while (i < s.size() && is_digit(s[i])) {
      plain += s[i++];
      ++digits;
    }
    if (digits == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  if (out.percent) {
    value /= 100;
    out.integral = false;
  }
  out.value = value;
  return out;
}

}  // namespace folio
