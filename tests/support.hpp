#pragma once

#include <optional>
#include <string>
#include <vector>

#include "folio.hpp"

namespace folio::test {

std::string source_path(const std::string& relative);  // a path inside the repository
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
bool file_exists(const std::string& path);

// A fresh empty folder under the system's temporary folder.
std::string temp_dir();

// Creates the SQLite database `path` by running `sql` on it (with the SQLite
// library, writable, unlike folio's own read-only connections); returns "" or the error.
std::string make_sqlite(const std::string& path, const std::string& sql);

struct CommandResult {
  int exit_code = 0;
  std::string output;  // stdout and stderr together
};
// Runs the folio binary with `arguments` (already shell-quoted) from the repository root.
CommandResult run_folio(const std::string& arguments);

// Runs a shell command from the repository root.
CommandResult run_shell(const std::string& command);

// Loads, binds and lays out a layout given as text (written to a temp file), with optional data
// text.
std::optional<Built> build_text(const std::string& layout, Diagnostics& diags,
                                const std::string& data = "");

// Every object of a PDF as text, streams uncompressed and object streams
// unpacked (`qpdf --qdf`): folio packs its objects into compressed object
// streams, so the file's own bytes do not show them.
std::string pdf_objects(const std::string& path);

// The text poppler extracts from each page of a PDF.
std::vector<std::string> pdf_page_texts(const std::string& path);

// A tagged PDF's structure tree and per-page ink counts, as printed by
// tests/scripts/pdf_tree.py (pikepdf): "Figure alt=\"...\"", "page 1: tagged=..".
std::string pdf_tree(const std::string& path);

}  // namespace folio::test
