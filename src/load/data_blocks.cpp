#include "load/data_blocks.hpp"

#include <fmt/format.h>

#include "core/number_format.hpp"
#include "core/number_parse.hpp"
#include "core/template.hpp"
#include "load/csv.hpp"

namespace folio {

Scalar cell_scalar(const DataColumn& column, size_t row) {
  if (column.missing(row)) return Scalar(std::string());
  if (column.numeric()) {
    double v = column.numbers[row];
    if (column.type == ColumnType::number && v == std::floor(v) && std::fabs(v) < 9e15)
      return Scalar(static_cast<int64_t>(v));
    return Scalar(v);
  }
  return Scalar(column.text(row));
}

namespace {

// Typed columns from rows of values: numbers are numbers; strings are read
// as numbers, percentages or dates when every one of the column reads so (as
// a CSV's cells are), else text. `cell(r, c)` is row r's value of key c, or
// nullptr when the row lacks it.
template <class CellAt>
std::optional<DataTable> table_from_cells(const std::vector<std::string>& keys, size_t rows,
                                          const CellAt& cell, std::string_view name,
                                          const Span& span, Diagnostics& diags) {
  int errors_before = diags.error_count();
  DataTable table;
  table.span = span;
  table.rows = rows;
  for (size_t k = 0; k < keys.size(); ++k) {
    DataColumn col;
    col.name = keys[k];
    bool numbers = true, percents = true, dates = true, any = false;
    for (size_t r = 0; r < rows; ++r) {
      const Value* v = cell(r, k);
      if (!v || std::holds_alternative<std::monostate>(v->content) ||
          (v->string() && v->string()->empty()))
        continue;
      any = true;
      if (v->is_number()) {
        percents = dates = false;
      } else if (const std::string* s = v->string()) {
        auto n = parse_number_text(*s);
        if (!n) {
          numbers = percents = false;
          if (!col.non_numbers++) {
            col.first_non_number = v->span;
            col.first_non_number_text = *s;
            col.first_non_number_row = r;
          }
        } else if (n->percent) {
          numbers = false;
        } else {
          percents = false;
        }
        if (!is_iso_date(*s)) dates = false;
      } else {
        diags.error(v->span, fmt::format("`{}`: a row's `{}` must be text or a number, not {}",
                                         name, keys[k], describe_type(*v)));
        numbers = percents = dates = false;
      }
      if (!col.span.known()) col.span = v->span;
    }
    col.type = !any       ? ColumnType::text
               : numbers  ? ColumnType::number
               : percents ? ColumnType::percent
               : dates    ? ColumnType::date
                          : ColumnType::text;
    if (col.type == ColumnType::number && (col.name == "year" || col.name == "Year"))
      col.label = true;
    TextColumnBuilder builder(col);
    for (size_t r = 0; r < rows; ++r) {
      const Value* v = cell(r, k);
      if (col.numeric()) {
        double x = kNoValue;
        if (v && v->is_number()) x = v->as_number();
        if (v && v->string())
          if (auto n = parse_number_text(*v->string())) x = n->value;
        col.numbers.push_back(x);
      } else if (v && v->string()) {
        builder.push(*v->string());
      } else if (v && v->is_number()) {
        builder.push(format_plain(v->as_number()));
      } else {
        builder.push("");
      }
    }
    table.columns.push_back(std::move(col));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return table;
}

}  // namespace

std::optional<DataTable> table_from_values(const Value& array, std::string_view name,
                                           Diagnostics& diags) {
  const auto* rows = array.array();
  if (!rows) return std::nullopt;
  // The keys in the order they first appear.
  std::vector<std::string> keys;
  bool ok = true;
  for (const auto& row : *rows) {
    const auto* t = row.table();
    if (!t) {
      diags.error(row.span, fmt::format("`{}` must be a list of tables (one per row), but holds {}",
                                        name, describe_type(row)));
      ok = false;
      continue;
    }
    for (const auto& [k, v] : *t)
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  if (!ok) return std::nullopt;
  auto cell = [&](size_t r, size_t k) { return (*rows)[r].member(keys[k]); };
  return table_from_cells(keys, rows->size(), cell, name, array.span, diags);
}

std::optional<DataTable> table_from_query(const std::vector<std::string>& columns,
                                          const std::vector<std::vector<Value>>& rows,
                                          std::string_view name, const Span& span,
                                          Diagnostics& diags) {
  auto cell = [&](size_t r, size_t c) -> const Value* {
    return c < rows[r].size() ? &rows[r][c] : nullptr;
  };
  return table_from_cells(columns, rows.size(), cell, name, span, diags);
}

bool is_wide_grid(const DataTable& table) {
  return !table.columns.empty() && table.columns.front().name.empty();
}

namespace {

std::string category_text(const DataColumn& c, size_t row) {
  if (!c.numeric()) return c.text(row);
  if (c.missing(row)) return "";
  return c.type == ColumnType::percent ? format_percent(c.numbers[row], 0)
                                       : format_plain(c.numbers[row]);
}

void report_not_numbers(const DataColumn& c, const std::string& message, const Span& use,
                        Diagnostics& diags) {
  std::vector<std::string> hints;
  if (c.non_numbers > 1)
    hints.push_back(
        fmt::format("{} more cells of \"{}\" are not numbers either", c.non_numbers - 1, c.name));
  diags.error(c.first_non_number.known() ? c.first_non_number : use, message, hints);
}

}  // namespace

std::optional<Dataset> dataset_from_table(const DataTable& table, std::string_view name,
                                          const Span& use, Diagnostics& diags) {
  Dataset ds;
  ds.span = table.span;
  if (is_wide_grid(table)) {
    // The wide grid: categories across, one series per row, every cell a number.
    const DataColumn& names = table.columns.front();
    if (table.columns.size() < 2) {
      diags.error(names.span, "the header row names no categories",
                  {"the first row holds the categories after an empty first field: "
                   ",2007/08,2008/09"});
      return std::nullopt;
    }
    int errors_before = diags.error_count();
    for (size_t c = 1; c < table.columns.size(); ++c) {
      const DataColumn& col = table.columns[c];
      ds.categories.push_back(col.name);
      if (col.non_numbers > 0) {
        // The first cell that is not a number, once for the whole column.
        report_not_numbers(
            col,
            fmt::format("series \"{}\": \"{}\" is not a number",
                        category_text(names, col.first_non_number_row), col.first_non_number_text),
            use, diags);
      } else if (col.first_missing.known()) {
        diags.error(col.first_missing,
                    fmt::format("series \"{}\" has no value for \"{}\"",
                                category_text(names, col.first_missing_row), col.name),
                    {"every row needs a number for every category"});
      }
    }
    if (diags.error_count() > errors_before) return std::nullopt;
    for (size_t r = 0; r < table.rows; ++r) {
      Series s;
      s.name = names.numeric() ? category_text(names, r) : names.text(r);
      s.span = table.span;
      for (size_t c = 1; c < table.columns.size(); ++c)
        s.values.push_back(table.columns[c].numbers[r]);
      ds.series.push_back(std::move(s));
    }
    return ds;
  }
  if (table.columns.empty() || table.rows == 0) {
    diags.error(use, fmt::format("dataset `{}` has no rows to draw", name));
    return std::nullopt;
  }
  const DataColumn& categories = table.columns.front();
  for (size_t r = 0; r < table.rows; ++r) ds.categories.push_back(category_text(categories, r));
  for (size_t c = 1; c < table.columns.size(); ++c) {
    const DataColumn& col = table.columns[c];
    if (!col.numeric()) continue;
    Series s;
    s.name = col.name;
    s.span = col.span.known() ? col.span : table.span;
    s.values.reserve(table.rows);
    for (size_t r = 0; r < table.rows; ++r) s.values.push_back(col.missing(r) ? 0 : col.numbers[r]);
    ds.series.push_back(std::move(s));
  }
  if (ds.series.empty()) {
    std::string list;
    for (const auto& c : table.columns)
      list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", c.name, column_type_name(c.type));
    const DataColumn* texty = nullptr;
    for (size_t c = 1; c < table.columns.size() && !texty; ++c)
      if (table.columns[c].non_numbers) texty = &table.columns[c];
    std::vector<std::string> hints{fmt::format("its columns: {}", list),
                                   "the first column gives the categories; each other column of "
                                   "numbers a series"};
    if (texty)
      hints.push_back(fmt::format("\"{}\" in column \"{}\" at line {} is not a number",
                                  texty->first_non_number_text, texty->name,
                                  texty->first_non_number.line));
    diags.error(use, fmt::format("dataset `{}` has no column of numbers after its first", name),
                hints);
    return std::nullopt;
  }
  return ds;
}

void fill_table_rows(const DataTable& table, TableBlock& block) {
  size_t width = table.columns.size();
  if (block.columns.size() < width) block.columns.resize(width);
  for (size_t c = 0; c < width; ++c) {
    const DataColumn& col = table.columns[c];
    TableColumn& tc = block.columns[c];
    if (tc.title.empty()) tc.title = TextValue{escape_markdown(col.name), col.span};
    if (col.type == ColumnType::percent && !tc.format)
      tc.format = NumberFormat{NumberFormat::Kind::percent, 1};
    // A column of dates or years is not a quantity: totals leave it out.
    if (col.type == ColumnType::date || col.label) tc.sum = false;
    if (col.label && !tc.align) tc.align = Align::right;
  }
  block.rows.clear();
  block.rows.reserve(table.rows);
  for (size_t r = 0; r < table.rows; ++r) {
    std::vector<TableCell> row;
    row.reserve(width);
    for (const auto& col : table.columns) {
      TableCell cell;
      cell.span = table.span;
      cell.from_data = true;
      if (col.missing(r)) {
        cell.content = std::string();
      } else if (col.label) {
        cell.content = format_plain(col.numbers[r]);
      } else if (col.numeric()) {
        cell.content = col.numbers[r];
      } else {
        cell.content = col.text(r);
      }
      row.push_back(std::move(cell));
    }
    block.rows.push_back(std::move(row));
  }
}

}  // namespace folio
