#include "core/template.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

#include "core/number_format.hpp"
#include "core/suggest.hpp"

namespace folio {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct Filter {
  std::string_view name;
  std::string_view argument;  // without parentheses; empty when none given
  bool has_argument = false;
};

// A value on its way through the filters: the number it came from (if any)
// stays known so `signed` can follow `number`.
struct Flowing {
  std::optional<double> number;
  std::string text;
  bool missing = false;
};

Flowing from_scalar(const Scalar& s) {
  Flowing f;
  if (auto* i = std::get_if<int64_t>(&s)) f.number = static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&s)) f.number = *d;
  f.text = scalar_text(s);
  return f;
}

std::optional<int> parse_decimals(std::string_view arg) {
  arg = trim(arg);
  int n = 0;
  auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
  if (ec != std::errc() || end != arg.data() + arg.size() || n < 0 || n > 9) return std::nullopt;
  return n;
}

std::optional<std::string> parse_string_argument(std::string_view arg) {
  arg = trim(arg);
  if (arg.size() < 2) return std::nullopt;
  char q = arg.front();
  if ((q != '"' && q != '\'') || arg.back() != q) return std::nullopt;
  return std::string(arg.substr(1, arg.size() - 2));
}

const std::vector<std::string_view> kFilterNames = {"number", "percent", "signed", "upper",
                                                    "lower",  "default", "date",   "pad"};

// Splits `s` at each `separator` outside quotes: the pipes of
// "a | b(1) | default(\"x | y\")", the commas of a filter's `1, "de"`.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == separator) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// A filter's arguments, trimmed: `1, "de"`.
std::vector<std::string_view> split_arguments(std::string_view arg) {
  auto parts = split_outside_quotes(arg, ',');
  for (auto& part : parts) part = trim(part);
  return parts;
}

// A quoted locale argument such as "de"; an error message when it is not one.
std::string parse_locale_argument(std::string_view arg, const Locale*& out) {
  auto tag = parse_string_argument(arg);
  if (!tag) return fmt::format("`{}` is not a quoted locale such as \"pl\"", arg);
  out = find_locale(*tag);
  if (!out) return fmt::format("unknown locale \"{}\"; folio knows en, {}", *tag, known_locales());
  return {};
}

// Returns an error message, or empty on success.
std::string apply_filter(const Filter& filter, Flowing& v, const Locale& document_locale) {
  if (filter.name == "default") {
    auto text = parse_string_argument(filter.argument);
    if (!filter.has_argument || !text)
      return "the default filter takes one quoted text, as in default(\"—\")";
    if (v.missing || v.text.empty()) {
      v = Flowing{};
      v.text = *text;
    }
    return {};
  }
  if (v.missing) return {};  // reported by the caller, once
  if (filter.name == "number" || filter.name == "percent") {
    // number, number(N), number(N, "de"), number("de").
    int decimals = 0;
    const Locale* locale = &document_locale;
    if (filter.has_argument) {
      auto args = split_arguments(filter.argument);
      size_t next = 0;
      if (!args[0].empty() && args[0].front() != '"' && args[0].front() != '\'') {
        auto d = parse_decimals(args[0]);
        if (!d) return fmt::format("{}(N) takes a number of decimals from 0 to 9", filter.name);
        decimals = *d;
        next = 1;
      }
      if (next < args.size()) {
        std::string error = parse_locale_argument(args[next], locale);
        if (!error.empty()) return error;
        ++next;
      }
      if (next < args.size())
        return fmt::format("{} takes at most decimals and a locale, as in {}(1, \"de\")",
                           filter.name, filter.name);
    }
    if (!v.number)
      return fmt::format("the {} filter needs a number, but the value is the text \"{}\"",
                         filter.name, v.text);
    v.text = filter.name == "number" ? format_number(*v.number, decimals, *locale)
                                     : format_percent(*v.number, decimals, *locale);
    return {};
  }
  if (filter.name == "date") {
    // date, date("pl"): a YYYY-MM-DD date with the month's name.
    const Locale* locale = &document_locale;
    if (filter.has_argument) {
      std::string error = parse_locale_argument(filter.argument, locale);
      if (!error.empty()) return error;
    }
    auto written = format_date(trim(v.text), *locale);
    if (!written)
      return fmt::format("the date filter needs a date written YYYY-MM-DD, not \"{}\"", v.text);
    v.text = *written;
    v.number.reset();
    return {};
  }
  if (filter.name == "pad") {
    // Zero-padded whole numbers sort as text does: file 007 before 010.
    int width = 0;
    std::string_view arg = trim(filter.argument);
    auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), width);
    if (!filter.has_argument || ec != std::errc() || end != arg.data() + arg.size() || width < 1 ||
        width > 20)
      return "pad(N) takes a number of digits from 1 to 20, as in pad(3)";
    if (!v.number || *v.number != std::floor(*v.number) || std::abs(*v.number) >= 1e18)
      return fmt::format("the pad filter needs a whole number, but the value is \"{}\"", v.text);
    auto whole = static_cast<int64_t>(*v.number);
    v.text = fmt::format("{}{:0{}}", whole < 0 ? "-" : "", whole < 0 ? -whole : whole, width);
    return {};
  }
  if (filter.has_argument) return fmt::format("the {} filter takes no argument", filter.name);
  if (filter.name == "signed") {
    if (!v.number)
      return fmt::format("the signed filter needs a number, but the value is the text \"{}\"",
                         v.text);
    if (*v.number > 0 && (v.text.empty() || v.text[0] != '+')) v.text = "+" + v.text;
    return {};
  }
  if (filter.name == "upper" || filter.name == "lower") {
    bool up = filter.name == "upper";
    for (auto& c : v.text)
      c = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(c))
                               : std::tolower(static_cast<unsigned char>(c)));
    v.number.reset();
    return {};
  }
  if (auto guess = closest_match(filter.name, kFilterNames))
    return fmt::format("unknown filter `{}`; did you mean `{}`?", filter.name, *guess);
  return fmt::format(
      "unknown filter `{}`; filters are number, percent, date, signed, upper, lower, pad and "
      "default",
      filter.name);
}

bool valid_path(std::string_view path) {
  if (path.empty()) return false;
  for (char c : path) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
          c == '[' || c == ']'))
      return false;
  }
  return true;
}

}  // namespace

std::string scalar_text(const Scalar& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, double>) {
          return format_plain(v);
        } else {
          return v;
        }
      },
      value);
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (std::ispunct(static_cast<unsigned char>(c))) out += '\\';
    out += c;
  }
  return out;
}

Expansion expand_template(std::string_view text, const Resolver& resolve, const Escaper& escape,
                          size_t max_size, const Locale& locale) {
  Expansion result;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      result.text.append(text.substr(pos));
      break;
    }
    result.text.append(text.substr(pos, open - pos));
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      result.issues.push_back({open, "`{{` is never closed with `}}`", {}});
      break;
    }
    pos = close + 2;
    auto parts = split_outside_quotes(text.substr(open + 2, close - open - 2), '|');
    std::string_view path = trim(parts[0]);
    if (!valid_path(path)) {
      result.issues.push_back(
          {open,
           fmt::format("`{}` is not a data path", path),
           {"a path is names joined by dots, with [N] for list items: stats.children"}});
      continue;
    }
    std::vector<Filter> filters;
    bool has_default = false;
    bool bad = false;
    for (size_t i = 1; i < parts.size(); ++i) {
      std::string_view f = trim(parts[i]);
      Filter filter;
      size_t paren = f.find('(');
      if (paren != std::string_view::npos) {
        if (f.back() != ')') {
          result.issues.push_back({open, fmt::format("filter `{}` is missing its `)`", f), {}});
          bad = true;
          break;
        }
        filter.name = trim(f.substr(0, paren));
        filter.argument = f.substr(paren + 1, f.size() - paren - 2);
        filter.has_argument = true;
      } else {
        filter.name = f;
      }
      has_default = has_default || filter.name == "default";
      filters.push_back(filter);
    }
    if (bad) continue;
    Lookup found = resolve(path);
    Flowing value;
    if (found.value) {
      value = from_scalar(*found.value);
    } else {
      value.missing = true;
      if (!has_default) {
        if (found.unknown) continue;
        if (found.not_scalar) {
          result.issues.push_back(
              {open, fmt::format("`{}` is a table or a list, not a single value", path), {}});
        } else {
          std::string message = fmt::format("data path `{}` does not exist", path);
          if (!found.closest.empty()) message += fmt::format("; did you mean `{}`?", found.closest);
          result.issues.push_back({open,
                                   message,
                                   {"add it to a data file, or give a fallback: {{ " +
                                    std::string(path) + " | default(\"—\") }}"}});
        }
        continue;
      }
    }
    std::string error;
    for (const auto& f : filters) {
      error = apply_filter(f, value, locale);
      if (!error.empty()) break;
    }
    if (!error.empty()) {
      result.issues.push_back({open, error, {}});
      continue;
    }
    if (result.text.size() + value.text.size() > max_size) {
      result.issues.push_back(
          {open,
           fmt::format("the expanded text is longer than the limit of {} bytes", max_size),
           {}});
      break;
    }
    result.text += escape ? escape(value.text) : value.text;
  }
  return result;
}

}  // namespace folio
