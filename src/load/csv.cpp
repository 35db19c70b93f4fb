#include "load/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace folio {
namespace {

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view trimmed(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

// One field of a row: a view into the text, or into the row's scratch string
// when it had to be unescaped ("" inside quotes, line endings).
struct Field {
  std::string_view text;
  size_t offset = 0;      // byte offset of its first character (the quote, if quoted)
  size_t line_start = 0;  // byte offset of its line's start
  int line = 1;
  size_t scratch_begin = 0, scratch_end = 0;
  bool in_scratch = false;
};

// Reads RFC 4180 text a row at a time without allocating per field. Positions
// are kept as byte offsets; a Span (line, column in characters) is made only
// for a field that is reported.
class CsvTokenizer {
 public:
  CsvTokenizer(std::string_view text, const std::string& path, Diagnostics& diags)
      : text_(text), file_(std::make_shared<const std::string>(path)), diags_(diags) {
    if (text_.starts_with("\xEF\xBB\xBF")) bom_ = i_ = 3;
  }

  // The next row that is not blank; false at the end or after an error
  // (check failed()).
  bool next_row(std::vector<Field>& row) {
    while (i_ < text_.size()) {
      row.clear();
      scratch_.clear();
      if (!read_row(row)) {
        failed_ = true;
        return false;
      }
      for (auto& f : row)
        if (f.in_scratch)
          f.text =
              std::string_view(scratch_).substr(f.scratch_begin, f.scratch_end - f.scratch_begin);
      bool blank =
          std::all_of(row.begin(), row.end(), [](const Field& f) { return is_blank(f.text); });
      if (!blank) return true;
    }
    return false;
  }
  bool failed() const { return failed_; }

  Span span(const Field& f) const { return span_at(f.offset, f.line, f.line_start); }
  // Just past the last field of a row (for a row that is too short).
  Span span_after(const Field& f) const {
    return span_at(f.offset + (f.in_scratch ? 0 : f.text.size()), f.line, f.line_start);
  }
  std::shared_ptr<const std::string> file() const { return file_; }

 private:
  Span span_at(size_t offset, int line, size_t line_start) const {
    int column = 1;
    size_t from = std::max(line_start, line == 1 ? bom_ : size_t{0});
    for (size_t k = from; k < offset && k < text_.size(); ++k)
      if ((static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80) ++column;
    return Span{file_, line, column};
  }
  Span here() const { return span_at(i_, line_, line_start_); }

  void new_line(char c) {
    i_ += (c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ? 2 : 1;
    ++line_;
    line_start_ = i_;
  }

  bool read_row(std::vector<Field>& row) {
    while (true) {
      Field f;
      if (!read_field(f)) return false;
      row.push_back(f);
      if (i_ >= text_.size()) return true;
      char c = text_[i_];
      if (c == ',') {
        ++i_;
        if (i_ >= text_.size()) {  // "a,b," ends with an empty field
          Field empty;
          empty.offset = i_;
          empty.line = line_;
          empty.line_start = line_start_;
          row.push_back(empty);
          return true;
        }
        continue;
      }
      new_line(c);
      return true;
    }
  }

  bool read_field(Field& f) {
    size_t start = i_;
    f.offset = i_;
    f.line = line_;
    f.line_start = line_start_;
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) ++i_;
    if (i_ < text_.size() && text_[i_] == '"') {
      f.offset = i_;
      Span open = here();
      ++i_;
      size_t content = i_;
      bool plain = true;  // no "" and no line ending inside: a view into the text
      size_t scratch_begin = scratch_.size();
      while (true) {
        if (i_ >= text_.size()) {
          diags_.error(open, "this quoted field is never closed",
                       {"close it with \"; a quote inside a quoted field is written twice: \"\""});
          return false;
        }
        char c = text_[i_];
        if (c == '"') {
          if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
            if (plain) scratch_.append(text_.substr(content, i_ - content));
            plain = false;
            scratch_ += '"';
            i_ += 2;
            continue;
          }
          if (plain) f.text = text_.substr(content, i_ - content);
          ++i_;
          break;
        }
        if (c == '\r' || c == '\n') {
          if (plain) scratch_.append(text_.substr(content, i_ - content));
          plain = false;
          scratch_ += '\n';  // a line ending inside quotes is part of the text, written as \n
          new_line(c);
          continue;
        }
        if (!plain) scratch_ += c;
        ++i_;
      }
      if (!plain) {
        f.in_scratch = true;
        f.scratch_begin = scratch_begin;
        f.scratch_end = scratch_.size();
      }
      while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) ++i_;
      if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r') {
        diags_.error(here(), "unexpected text after a closing quote",
                     {"a quote inside a quoted field is written twice: \"\""});
        return false;
      }
      return true;
    }
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (c == ',' || c == '\n' || c == '\r') break;
      if (c == '"') {
        diags_.error(here(), "a quote in the middle of an unquoted field",
                     {"quote the whole field and double the quote: \"say \"\"hi\"\"\""});
        return false;
      }
      ++i_;
    }
    f.text = text_.substr(start, i_ - start);
    return true;
  }

  std::string_view text_;
  std::shared_ptr<const std::string> file_;
  Diagnostics& diags_;
  size_t bom_ = 0;
  size_t i_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  std::string scratch_;
  bool failed_ = false;
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What the cells of one column could be, learnt in the first pass.
struct Inference {
  bool number = true;
  bool percent = true;
  bool date = true;
  bool any = false;
};

}  // namespace

bool is_iso_date(std::string_view t) {
  if (t.size() < 10 || t[4] != '-' || t[7] != '-' || !all_digits(t.substr(0, 4)) ||
      !all_digits(t.substr(5, 2)) || !all_digits(t.substr(8, 2)))
    return false;
  int month = (t[5] - '0') * 10 + (t[6] - '0');
  int day = (t[8] - '0') * 10 + (t[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (t.size() == 10) return true;
  return (t[10] == 'T' || t[10] == ' ') && t.size() >= 16 && all_digits(t.substr(11, 2)) &&
         t[13] == ':' && all_digits(t.substr(14, 2));
}

std::optional<CsvRows> parse_csv(const std::string& text, const std::string& path,
                                 Diagnostics& diags) {
  CsvTokenizer tokens(text, path, diags);
  CsvRows rows;
  std::vector<Field> row;
  while (tokens.next_row(row)) {
    std::vector<CsvCell> cells;
    cells.reserve(row.size());
    for (const auto& f : row) cells.push_back(CsvCell{std::string(f.text), tokens.span(f)});
    // Spaces before a quote are dropped; spaces around an unquoted field kept.
    rows.push_back(std::move(cells));
  }
  if (tokens.failed()) return std::nullopt;
  return rows;
}

std::optional<DataTable> read_csv_table(std::string_view text, const std::string& path,
                                        const CsvOptions& options, Diagnostics& diags) {
  int errors_before = diags.error_count();
  DataTable table;
  std::vector<Field> row;
  std::vector<Inference> inferred;
  {
    // First pass: the header, the row count, ragged rows, and each column's type.
    CsvTokenizer tokens(text, path, diags);
    table.span = Span{tokens.file(), 1, 1};
    if (!tokens.next_row(row)) {
      if (!tokens.failed())
        diags.error(table.span, "the CSV file is empty; its first row must name the columns");
      return std::nullopt;
    }
    for (const auto& f : row) {
      DataColumn c;
      c.name = std::string(trimmed(f.text));
      c.span = tokens.span(f);
      table.columns.push_back(std::move(c));
    }
    // A header cell may be empty only first (the wide grid's corner).
    for (size_t c = 1; c < table.columns.size(); ++c)
      if (table.columns[c].name.empty())
        diags.error(table.columns[c].span,
                    fmt::format("column {} of the header row has no name", c + 1),
                    {"the first row names the columns"});
    inferred.resize(row.size());
    size_t width = table.columns.size();
    while (tokens.next_row(row)) {
      if (row.size() != width) {
        // Point at the first field too many, or just past the last field there is.
        Span at = row.size() > width ? tokens.span(row[width]) : tokens.span_after(row.back());
        diags.error(
            at, fmt::format("this row has {} fields but the header row has {}", row.size(), width),
            {"every row needs one field per column; quote a field that holds a comma: "
             "\"1,457\""});
        continue;
      }
      ++table.rows;
      for (size_t c = 0; c < width; ++c) {
        std::string_view cell = trimmed(row[c].text);
        DataColumn& col = table.columns[c];
        Inference& in = inferred[c];
        if (cell.empty()) {
          if (!col.first_missing.known()) {
            col.first_missing = tokens.span(row[c]);
            col.first_missing_row = table.rows - 1;
          }
          continue;
        }
        in.any = true;
        auto n = parse_number_text(cell, options.decimal);
        if (!n) {
          in.number = in.percent = false;
          if (!col.first_non_number.known()) {
            col.first_non_number = tokens.span(row[c]);
            col.first_non_number_text = std::string(cell);
            col.first_non_number_row = table.rows - 1;
          }
          ++col.non_numbers;
        } else if (n->percent) {
          in.number = false;
        } else {
          in.percent = false;
        }
        if (in.date && !is_iso_date(cell)) in.date = false;
      }
    }
    if (tokens.failed()) return std::nullopt;
  }
  if (table.rows == 0 && diags.error_count() == errors_before)
    diags.error(table.span,
                "the CSV file has a header row but no rows: it needs at least one row of values");
  for (const auto& [name, type] : options.types)
    if (!table.column(name)) {
      std::string names;
      for (const auto& c : table.columns) names += (names.empty() ? "" : ", ") + c.name;
      diags.error(options.types_span,
                  fmt::format("`types` names a column \"{}\" that {} does not have", name, path),
                  {fmt::format("its columns: {}", names)});
    }
  if (diags.error_count() > errors_before) return std::nullopt;

  for (size_t c = 0; c < table.columns.size(); ++c) {
    DataColumn& col = table.columns[c];
    const Inference& in = inferred[c];
    if (auto declared = options.types.find(col.name); declared != options.types.end()) {
      col.type = declared->second;
    } else if (in.any && in.number) {
      col.type = ColumnType::number;
    } else if (in.any && in.percent) {
      col.type = ColumnType::percent;
    } else if (in.any && in.date) {
      col.type = ColumnType::date;
    } else {
      col.type = ColumnType::text;
    }
    // A column of years names them: 2012, not 2,012, and no total.
    if (col.type == ColumnType::number &&
        (col.name == "year" || col.name == "Year" || col.name == "YEAR"))
      col.label = true;
    if (col.numeric()) {
      col.numbers.reserve(table.rows);
    } else {
      col.codes.reserve(table.rows);
    }
  }

  // Second pass: the values, each into its column.
  CsvTokenizer tokens(text, path, diags);
  tokens.next_row(row);  // the header
  std::vector<TextColumnBuilder> builders;
  builders.reserve(table.columns.size());
  for (auto& col : table.columns) builders.emplace_back(col);
  struct BadCell {
    Span span;
    std::string text;
    size_t count = 0;
  };
  std::vector<BadCell> bad(table.columns.size());
  while (tokens.next_row(row)) {
    if (row.size() != table.columns.size()) continue;
    for (size_t c = 0; c < row.size(); ++c) {
      DataColumn& col = table.columns[c];
      std::string_view cell = trimmed(row[c].text);
      bool fits = true;
      if (col.numeric()) {
        double value = kNoValue;
        if (!cell.empty()) {
          auto n = parse_number_text(cell, options.decimal);
          fits = n && (col.type == ColumnType::percent || !n->percent);
          if (n) value = n->value;
          if (n && col.type == ColumnType::percent && !n->percent)
            value /= 100;  // "12" in a
                           // percent column
        }
        col.numbers.push_back(fits ? value : kNoValue);
      } else {
        if (col.type == ColumnType::date && !cell.empty() && !is_iso_date(cell)) fits = false;
        builders[c].push(fits ? cell : std::string_view());
      }
      if (!fits && bad[c].count++ == 0) {
        bad[c].span = tokens.span(row[c]);
        bad[c].text = std::string(cell);
      }
    }
  }
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (!bad[c].count) continue;
    const DataColumn& col = table.columns[c];
    std::vector<std::string> hints;
    if (bad[c].count > 1)
      hints.push_back(fmt::format("{} more cells of column \"{}\" are not {} either",
                                  bad[c].count - 1, col.name,
                                  col.type == ColumnType::date ? "dates" : "numbers"));
    hints.push_back(col.type == ColumnType::date
                        ? "a date is written 2012-01-31 (YYYY-MM-DD)"
                        : "declare the column \"text\" in `types`, or fix the cell");
    diags.error(bad[c].span,
                fmt::format("column \"{}\" is declared {}, but \"{}\" is not a{}", col.name,
                            column_type_name(col.type), bad[c].text,
                            col.type == ColumnType::date ? " date" : " number"),
                hints);
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return table;
}

}  // namespace folio
