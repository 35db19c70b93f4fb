#include <fmt/format.h>
#include <unistd.h>

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
    std::string caret(std::max(0, d.span.column - 1), ' ');
    for (size_t i = 0; i < caret.size() && i < line.size(); ++i)
      if (line[i] == '\t') caret[i] = '\t';
    std::cerr << gutter << line << '\n'
              << std::string(gutter.size() - 2, ' ') << "| " << caret << "^\n";
  }
}

}  // namespace folio::cli
