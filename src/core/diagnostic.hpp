#pragma once

#include <string>
#include <vector>

#include "core/span.hpp"

namespace folio {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  Span span;
  std::string message;
  std::vector<std::string> hints;
  // An output could not be written (a full disk, no permission, an I/O error):
  // nothing is wrong with the document, and the same command may work later.
  bool output_failure = false;
  // In a bulk build, the document the problem belongs to: its data file,
  // "manifest.csv:12" (the manifest's line) or "db.sqlite row 3"; empty otherwise.
  std::string document = {};
};

// Collects every problem found, so one run reports all of them, not just the first.
class Diagnostics {
 public:
  void error(const Span& span, std::string message, std::vector<std::string> hints = {});
  void warning(const Span& span, std::string message, std::vector<std::string> hints = {});
  // An error that says an output could not be written (Diagnostic::output_failure).
  void output_failure(const Span& span, std::string message);
  void add(Diagnostic d);
  void append(const Diagnostics& other);
  // Names the bulk document every diagnostic so far belongs to (Diagnostic::document).
  void set_document(const std::string& document);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  // Whether every error is an output failure (and there is at least one).
  bool only_output_failures() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }
  // Orders diagnostics by file, line and column, so they read like the file.
  void sort_by_position();

 private:
  std::vector<Diagnostic> items_;
  int error_count_ = 0;
};

// "FILE:LINE:COL: error: message" followed by one "  hint: ..." line per hint,
// then "  document: ..." in a bulk build.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace folio
