#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace folio {

// Bounds that keep hostile input from exhausting the machine.
struct Limits {
  size_t max_file_bytes = 64u << 20;
  int max_nesting = 16;  // boxes and columns inside each other
  size_t max_blocks = 100000;
  size_t max_template_bytes = 1u << 20;
  double max_image_pixels = 100e6;
  size_t max_table_rows = 200000;  // a decoded 100-megapixel image takes 400 MB
};

struct DataAssignment;

struct LoadOptions {
  std::vector<std::string> data_files;  // merged in order over [data]
  // --set path=value: applied last, over each document's own data, by
  // build() and build_document() (folio.hpp), except `theme.KEY` and
  // `document.KEY` (a key of those tables), which set the layout's own.
  std::vector<std::pair<std::string, std::string>> sets;
  // --theme: theme files (each a [theme] table) over the layout's [theme], in order.
  std::vector<std::string> theme_files;
  Limits limits;
  // Folders outside the layout's own folder tree that images may come from (--allow-path).
  std::vector<std::string> allowed_dirs;
  // A layout loaded once for many documents: [document] and [theme] settings
  // that are templates (`language = "{{ lang.code }}"`) are left at their
  // defaults and the Document says so (settings_from_data), so that each
  // document loads the layout again with its own data.
  bool defer_templated_settings = false;
  // Data set before the settings are expanded (a manifest row's cells), over the data files.
  const std::vector<DataAssignment>* assignments = nullptr;
};

// Reads a layout and its data files into a Document; nullopt only when the
// layout cannot be read or is not TOML. Every problem found goes into `diags`,
// and the document comes back even then (what could be read of it), so that
// binding can report its own problems in the same run: check
// `diags.has_errors()` before laying it out.
std::optional<Document> load_document(const std::string& layout_path, const LoadOptions& options,
                                      Diagnostics& diags);

// The same for layout text already in memory (checked as UTF-8 by the caller);
// `layout_path` names it in diagnostics and anchors its relative paths.
std::optional<Document> load_document_text(const std::string& text, const std::string& layout_path,
                                           const LoadOptions& options, Diagnostics& diags);

// Reads one TOML data file and merges it over `data` (a file holding only a
// [data] table counts as its contents). False, with the error in `diags`, when
// the file cannot be read or parsed.
bool merge_data_file(Value& data, const std::string& path, const Limits& limits,
                     Diagnostics& diags);

// A value one document gives a data path: a manifest cell, a query row's
// cell, a --set argument.
struct DataAssignment {
  std::string path;    // "region.name", "quarters.series[0].values[2]"
  Value value;         // its span is where it was written (none for --set)
  std::string origin;  // how errors name it: "manifest column `region.name`", "--set a.b=1"
};

// Sets each path in order (set_path). A path that does not resolve is an
// error at the value's span, never skipped silently; false when one was reported.
bool apply_assignments(Value& data, const std::vector<DataAssignment>& assignments,
                       Diagnostics& diags);

// Whether a --set path names a key of the layout's own [theme] or [document]
// (`theme.font`, `document.language`) rather than a data path.
bool names_layout_key(const std::string& path);

// --set path=value pairs as assignments, each value read by value_from_text.
std::vector<DataAssignment> set_assignments(
    const std::vector<std::pair<std::string, std::string>>& sets);

// A value typed in by hand (--set, a manifest cell): a number when the whole
// text reads as one by parse_number_text (as a CSV dataset's cells do: "1,457",
// "$12", "12%" is 0.12), true/false, else the text itself.
Value value_from_text(const std::string& text);

// Expands every {{ template }} from the document's data and fills each chart's
// and table's dataset. Header and footer keep {{ page }}, {{ pages }} and
// {{ section }} for layout. Returns false when an error was reported.
// Images are checked here (they must exist, be PNG, JPEG or SVG, and lie in the
// layout's folder tree or one of `allowed_dirs`) so errors point at `src`.
bool bind_document(Document& doc, Diagnostics& diags, const Limits& limits = {},
                   const std::vector<std::string>& allowed_dirs = {});

}  // namespace folio
