#include "bulk/manifest.hpp"

#include <fmt/format.h>

#include "load/csv.hpp"
#include "load/file_text.hpp"

namespace folio::bulk {
namespace {

// A header cell must be a dotted path of plain keys: "a.b_c.d-e".
bool is_data_path(const std::string& text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  char previous = 0;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok || (c == '.' && previous == '.')) return false;
    previous = c;
  }
  return true;
}

std::string trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::optional<std::vector<ManifestRow>> read_manifest(const std::string& path, const Limits& limits,
                                                      Diagnostics& diags) {
  auto text = read_text_file(path, limits.max_file_bytes,
                             Span{std::make_shared<const std::string>(path), 0, 0}, diags);
  if (!text) return std::nullopt;
  auto rows = parse_csv(*text, path, diags);
  if (!rows) return std::nullopt;
  if (rows->empty()) {
    diags.error(Span{std::make_shared<const std::string>(path), 0, 0},
                "the manifest is empty; its first row must name the data paths of its columns");
    return std::nullopt;
  }
  std::vector<std::string> paths;
  bool header_ok = true;
  for (const auto& cell : rows->front()) {
    std::string name = trimmed(cell.text);
    if (!is_data_path(name)) {
      diags.error(
          cell.span,
          fmt::format("manifest column `{}` is not a data path such as `region.name`", name));
      header_ok = false;
    }
    paths.push_back(name);
  }
  if (!header_ok) return std::nullopt;

  std::vector<ManifestRow> out;
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& cells = (*rows)[r];
    // A blank line (one empty cell) is not a document.
    if (cells.size() == 1 && trimmed(cells[0].text).empty()) continue;
    ManifestRow row;
    row.data.content = Value::Table{};
    row.span = cells.empty() ? Span{} : cells.front().span;
    if (cells.size() != paths.size()) {
      row.errors.error(row.span,
                       fmt::format("this row has {} cells but the header names {} columns",
                                   cells.size(), paths.size()));
    }
    for (size_t c = 0; c < cells.size() && c < paths.size(); ++c) {
      std::string cell = trimmed(cells[c].text);
      if (cell.empty()) continue;
      // "007" is a code, not the number 7.
      bool code = cell.size() > 1 && cell[0] == '0' && cell[1] >= '0' && cell[1] <= '9';
      Value v = code ? Value{cell, {}} : value_from_text(cell);
      v.span = cells[c].span;
      set_path(row.data, paths[c], std::move(v));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace folio::bulk
