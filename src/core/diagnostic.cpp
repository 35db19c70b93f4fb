#include "core/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace folio {

const std::string& Span::file_name() const {
  static const std::string none = "<input>";
  return file ? *file : none;
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) ++error_count_;
  items_.push_back(std::move(d));
}

void Diagnostics::error(const Span& span, std::string message, std::vector<std::string> hints) {
  add({Severity::error, span, std::move(message), std::move(hints)});
}

void Diagnostics::warning(const Span& span, std::string message, std::vector<std::string> hints) {
  add({Severity::warning, span, std::move(message), std::move(hints)});
}

void Diagnostics::output_failure(const Span& span, std::string message) {
  add({Severity::error, span, std::move(message), {}, true});
}

bool Diagnostics::only_output_failures() const {
  return has_errors() && std::all_of(items_.begin(), items_.end(), [](const Diagnostic& d) {
           return d.severity != Severity::error || d.output_failure;
         });
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

void Diagnostics::set_document(const std::string& document) {
  for (auto& d : items_) d.document = document;
}

void Diagnostics::sort_by_position() {
  // Files keep the order they were first reported in; within a file, by position.
  std::vector<std::string> files;
  auto rank = [&files](const Diagnostic& d) {
    auto it = std::find(files.begin(), files.end(), d.span.file_name());
    return static_cast<size_t>(it - files.begin());
  };
  for (const auto& d : items_)
    if (std::find(files.begin(), files.end(), d.span.file_name()) == files.end())
      files.push_back(d.span.file_name());
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    size_t ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (a.span.line != b.span.line) return a.span.line < b.span.line;
    return a.span.column < b.span.column;
  });
}

std::string format_diagnostic(const Diagnostic& d) {
  const char* level = d.severity == Severity::error ? "error" : "warning";
  std::string out;
  if (d.span.known()) {
    out = fmt::format("{}:{}:{}: {}: {}", d.span.file_name(), d.span.line, d.span.column, level,
                      d.message);
  } else if (d.span.file) {
    out = fmt::format("{}: {}: {}", d.span.file_name(), level, d.message);
  } else {
    out = fmt::format("folio: {}: {}", level, d.message);
  }
  for (const auto& hint : d.hints) out += fmt::format("\n  hint: {}", hint);
  if (!d.document.empty()) out += fmt::format("\n  document: {}", d.document);
  return out;
}

}  // namespace folio
