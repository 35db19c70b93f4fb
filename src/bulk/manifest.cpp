#include "bulk/manifest.hpp"

#include <fmt/format.h>

#include "load/csv.hpp"
#include "load/file_text.hpp"
#include "load/sqlite.hpp"

namespace folio::bulk {
namespace {

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
      diags.error(cell.span,
                  fmt::format("manifest column `{}` is not a data path such as `region.name` or "
                              "`region.series[0].values[2]`",
                              name));
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
      row.cells.push_back({paths[c], std::move(v), fmt::format("manifest column `{}`", paths[c])});
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<std::vector<ManifestRow>> read_query_rows(const std::string& path,
                                                        const std::string& sql,
                                                        const Limits& limits, Diagnostics& diags) {
  auto file = std::make_shared<const std::string>(path);
  auto db = SqliteDatabase::open(path, path, Span{file, 0, 0}, diags);
  if (!db) return std::nullopt;
  auto result = db->query(TextValue{sql, {}}, limits, diags);
  if (!result) return std::nullopt;
  bool header_ok = true;
  for (const auto& name : result->columns) {
    if (is_data_path(name)) continue;
    diags.error(
        Span{file, 0, 0},
        fmt::format("column `{}` of the query is not a data path such as `region.name`", name),
        {fmt::format("name it in the query: SELECT {} AS \"region.name\"", name)});
    header_ok = false;
  }
  if (!header_ok) return std::nullopt;
  std::vector<ManifestRow> out;
  for (size_t r = 0; r < result->rows.size(); ++r) {
    ManifestRow row;
    row.span = Span{file, static_cast<int>(r) + 1, 1};
    for (size_t c = 0; c < result->columns.size(); ++c) {
      Value& cell = result->rows[r][c];
      if (std::holds_alternative<std::monostate>(cell.content)) continue;  // NULL
      const std::string& name = result->columns[c];
      row.cells.push_back({name, std::move(cell), fmt::format("query column `{}`", name)});
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace folio::bulk
