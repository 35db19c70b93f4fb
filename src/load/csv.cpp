#include "load/csv.hpp"

#include <fmt/format.h>

#include <charconv>
#include <memory>

namespace folio {

std::optional<CsvRows> parse_csv(const std::string& text, const std::string& path,
                                 Diagnostics& diags) {
  auto file = std::make_shared<const std::string>(path);
  CsvRows rows;
  std::vector<CsvCell> row;
  CsvCell cell;
  size_t i = 0;
  int line = 1;
  int column = 1;
  if (text.starts_with("\xEF\xBB\xBF")) i = 3;
  bool at_field_start = true;
  bool quoted = false;
  Span quote_open;
  auto start_cell = [&] {
    cell = CsvCell{{}, Span{file, line, column}};
    at_field_start = false;
  };
  auto end_cell = [&] {
    if (at_field_start) start_cell();
    row.push_back(std::move(cell));
    at_field_start = true;
  };
  auto end_row = [&] {
    end_cell();
    bool blank = row.size() == 1 && row[0].text.empty();
    if (!blank) rows.push_back(std::move(row));
    row.clear();
  };
  while (i < text.size()) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.text += '"';
          i += 2;
          column += 2;
          continue;
        }
        quoted = false;
        ++i;
        ++column;
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          diags.error(Span{file, line, column}, "unexpected text after a closing quote",
                      {"a quote inside a quoted field is written twice: \"\""});
          return std::nullopt;
        }
        continue;
      }
      cell.text += c;
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      ++i;
      continue;
    }
    if (at_field_start) start_cell();
    if (c == '"' && cell.text.empty()) {
      quoted = true;
      quote_open = Span{file, line, column};
      ++i;
      ++column;
    } else if (c == ',') {
      end_cell();
      ++i;
      ++column;
    } else if (c == '\r' || c == '\n') {
      end_row();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
    } else {
      if (c == '"') {
        diags.error(Span{file, line, column}, "a quote in the middle of an unquoted field",
                    {"quote the whole field and double the quote: \"say \"\"hi\"\"\""});
        return std::nullopt;
      }
      cell.text += c;
      ++i;
      ++column;
    }
  }
  if (quoted) {
    diags.error(quote_open, "this quoted field is never closed");
    return std::nullopt;
  }
  if (!at_field_start || !row.empty()) end_row();
  return rows;
}

std::optional<Value> csv_dataset(const CsvRows& rows, const std::string& path, Diagnostics& diags) {
  auto file = std::make_shared<const std::string>(path);
  if (rows.size() < 2) {
    diags.error(Span{file, 1, 1}, "a CSV dataset needs a header row of categories and at least "
                                  "one row of values");
    return std::nullopt;
  }
  int errors_before = diags.error_count();
  Value ds;
  ds.span = Span{file, 1, 1};
  Value categories;
  categories.span = rows[0].empty() ? ds.span : rows[0][0].span;
  Value::Array cats;
  for (size_t c = 1; c < rows[0].size(); ++c) {
    Value v;
    v.content = rows[0][c].text;
    v.span = rows[0][c].span;
    cats.push_back(std::move(v));
  }
  categories.content = std::move(cats);
  Value::Array series;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() != rows[0].size()) {
      diags.error(row[0].span, fmt::format("row {} has {} fields but the header has {}", r + 1,
                                           row.size(), rows[0].size()));
      continue;
    }
    Value s;
    s.span = row[0].span;
    Value name;
    name.content = row[0].text;
    name.span = row[0].span;
    Value::Array values;
    for (size_t c = 1; c < row.size(); ++c) {
      std::string text;
      for (char ch : row[c].text)
        if (ch != ',' && ch != ' ') text += ch;  // "1,457" and " 139 " read as numbers
      double number = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      Value v;
      v.span = row[c].span;
      if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        diags.error(row[c].span, fmt::format("series \"{}\": \"{}\" is not a number", row[0].text,
                                             row[c].text));
        continue;
      }
      v.content = number;
      values.push_back(std::move(v));
    }
    Value vals;
    vals.content = std::move(values);
    vals.span = row[0].span;
    s.content = Value::Table{{"name", name}, {"values", vals}};
    series.push_back(std::move(s));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  Value series_value;
  series_value.content = std::move(series);
  series_value.span = ds.span;
  ds.content = Value::Table{{"categories", categories}, {"series", series_value}};
  return ds;
}

}  // namespace folio
