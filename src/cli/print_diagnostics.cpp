#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"

namespace folio::cli {
namespace {

std::string source_line(const std::string& file, int line) {
  std::ifstream in(file);
  std::string text;
  for (int i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!in) return "";
  if (!text.empty() && text.back() == '\r') text.pop_back();  // a CRLF file
  return text;
}

DiagnosticsFormat chosen_format = DiagnosticsFormat::text;

// How many characters of a long source line are shown before and after the caret.
constexpr int kContextBefore = 40;
constexpr int kContextAfter = 60;

// The source line under a diagnostic and the caret line beneath it: `^` under
// the first character of the value and `~` under the rest of it when the span's
// end is on the same line. A long line is cut to a window around the caret,
// with `...` where it was cut. Columns count characters (UTF-8 code points).
struct Excerpt {
  std::string line;
  std::string marks;
};

Excerpt excerpt(const std::string& text, const Span& span) {
  std::vector<size_t> starts;  // byte offset of each character
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  int count = static_cast<int>(starts.size());
  auto byte_at = [&](int ch) { return ch >= count ? text.size() : starts[ch]; };
  int caret = std::clamp(span.column - 1, 0, count);
  int width = 1;
  if (span.end_line == span.line && span.end_column > span.column)
    width = std::min(span.end_column - span.column, std::max(1, count - caret));
  int first = 0, last = count;  // the characters shown: [first, last)
  if (count > kContextBefore + kContextAfter) {
    first = std::max(0, caret - kContextBefore);
    last = std::min(count, caret + kContextAfter);
    width = std::min(width, std::max(1, last - caret));
  }
  Excerpt out;
  std::string lead = first > 0 ? "..." : "";
  out.line = lead + text.substr(byte_at(first), byte_at(last) - byte_at(first)) +
             (last < count ? "..." : "");
  out.marks = std::string(lead.size(), ' ');
  for (int ch = first; ch < caret; ++ch) out.marks += text[byte_at(ch)] == '\t' ? '\t' : ' ';
  out.marks += '^';
  out.marks += std::string(width - 1, '~');
  return out;
}

}  // namespace

void set_diagnostics_format(DiagnosticsFormat format) {
  chosen_format = format;
}

void print_diagnostics(const Diagnostics& diags) {
  if (chosen_format == DiagnosticsFormat::json) {
    print_diagnostics_json(diags);
    return;
  }
  for (const auto& d : diags.all()) {
    std::cerr << format_diagnostic(d) << '\n';
    if (!d.span.known()) continue;
    std::string line = source_line(d.span.file_name(), d.span.line);
    if (line.empty()) continue;
    std::string gutter = fmt::format("{:>5} | ", d.span.line);
    Excerpt shown = excerpt(line, d.span);
    std::cerr << gutter << shown.line << '\n'
              << std::string(gutter.size() - 2, ' ') << "| " << shown.marks << '\n';
  }
}

}  // namespace folio::cli
