#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"

namespace folio::cli {
namespace {

// A JSON string literal: quotes, backslashes and control characters escaped;
// other bytes (UTF-8 included) pass through as they are.
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

std::string json_number_or_null(int value) {
  return value > 0 ? std::to_string(value) : "null";
}

}  // namespace

std::string diagnostic_json(const Diagnostic& d) {
  const Span& s = d.span;
  std::string file = s.file ? json_string(s.file_name()) : "null";
  std::string end = s.known() && s.end_line > 0
                        ? fmt::format("{{\"line\":{},\"column\":{}}}", s.end_line, s.end_column)
                        : "null";
  // The suggestion: a "did you mean `X`?" the message ends with, then the hints,
  // one per line; null when there is neither.
  std::string joined;
  if (size_t at = d.message.rfind("did you mean `"); at != std::string::npos)
    joined = d.message.substr(at);
  for (const auto& h : d.hints) joined += (joined.empty() ? "" : "\n") + h;
  std::string suggestion = joined.empty() ? "null" : json_string(joined);
  return fmt::format(
      "{{\"file\":{},\"line\":{},\"column\":{},\"end\":{},\"severity\":\"{}\",\"message\":{},"
      "\"suggestion\":{},\"document\":{}}}",
      file, json_number_or_null(s.known() ? s.line : 0),
      json_number_or_null(s.known() ? s.column : 0), end,
      d.severity == Severity::error ? "error" : "warning", json_string(d.message), suggestion,
      d.document.empty() ? "null" : json_string(d.document));
}

void print_diagnostics_json(const Diagnostics& diags) {
  for (const auto& d : diags.all()) std::cout << diagnostic_json(d) << '\n';
}

}  // namespace folio::cli
