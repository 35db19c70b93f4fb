#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "folio.hpp"

namespace folio::cli {

// kOutputError: every error was an output that could not be written (a full
// disk, no permission, an I/O error); the document is fine and a retry may work.
enum ExitCode { kSuccess = 0, kDocumentError = 1, kUsageError = 2, kOutputError = 3 };

// Options shared by every command that reads a document.
struct DocumentArgs {
  std::string layout;
  std::vector<std::string> data;
  std::vector<std::string> sets;    // path=value
  std::vector<std::string> themes;  // --theme files
  std::vector<std::string> font_paths;
  std::vector<std::string> allowed_dirs;  // --allow-path
  size_t max_pages = 5000;
  Limits limits;                     // --max-* flags
  std::string diagnostics = "text";  // or "json"
};
void add_document_options(CLI::App& app, DocumentArgs& args);
// nullopt (with a message on stderr) when a --set is malformed.
std::optional<BuildOptions> build_options(const DocumentArgs& args);

// Bulk builds: one document per --each data file, --manifest row or
// --each-query row (bulk.cpp).
struct BulkArgs {
  std::vector<std::string> each;        // globs
  std::string manifest;                 // a CSV file
  std::vector<std::string> each_query;  // a SQLite database and a SELECT
  unsigned jobs = 0;                    // 0: one per core
  std::string shard;                    // K/N
  int shard_count = 0;                  // completions of a Kubernetes Indexed Job
  bool fail_fast = false;
};
void add_bulk_options(CLI::App& render, BulkArgs& args);

struct RenderArgs {
  DocumentArgs doc;
  BulkArgs bulk;
  std::string output;
  std::string format = "pdf";
  double dpi = 150;
  std::string pages;
  bool dump_layout = false;
  bool quiet = false;
  bool no_tags = false;
  std::string pdf_standard = "ua-1";
  bool show_bleed = false;
};
// How `render` writes each document, from its options.
SaveOptions save_options(const RenderArgs& args, PageRange range);
void add_render_command(CLI::App& app, RenderArgs& args);
int run_render(const RenderArgs& args);
bool is_bulk(const RenderArgs& args);
int run_bulk(const RenderArgs& args, const BuildOptions& options, OutputFormat format,
             PageRange range);

void add_check_command(CLI::App& app, DocumentArgs& args);
int run_check(const DocumentArgs& args);

struct WatchArgs {
  DocumentArgs doc;
  std::string output;
};
void add_watch_command(CLI::App& app, WatchArgs& args);
int run_watch(const WatchArgs& args);

int run_fonts(const std::vector<std::string>& font_paths);

// The manual page (roff) of `app`: every subcommand and option, from their definitions.
std::string man_page(const CLI::App& app, const std::string& version);

enum class DiagnosticsFormat { text, json };
// Chosen once per run by --diagnostics (build_options sets it); print_diagnostics follows it.
void set_diagnostics_format(DiagnosticsFormat format);

// Prints each diagnostic as FILE:LINE:COL: severity: message, with the source
// line and a caret on stderr; or, in json format, one JSON object per line on stdout.
void print_diagnostics(const Diagnostics& diags);
// One diagnostic as a single-line JSON object:
// {file, line, column, end: {line, column} | null, severity, message, suggestion,
// document (a bulk build's data file or manifest line; null otherwise)}.
std::string diagnostic_json(const Diagnostic& d);
void print_diagnostics_json(const Diagnostics& diags);

}  // namespace folio::cli
