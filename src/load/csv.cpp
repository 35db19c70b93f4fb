#include "load/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <memory>

namespace folio {
namespace {

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// Reads RFC 4180 text one character at a time, keeping the line and column
// (in characters, not bytes) of every field's first character.
class CsvReader {
 public:
  CsvReader(const std::string& text, const std::string& path, Diagnostics& diags)
      : text_(text), file_(std::make_shared<const std::string>(path)), diags_(diags) {}

  std::optional<CsvRows> read() {
    if (text_.starts_with("\xEF\xBB\xBF")) i_ = 3;  // a UTF-8 byte-order mark
    while (i_ < text_.size()) {
      if (!field()) return std::nullopt;
      if (i_ >= text_.size()) break;
      char c = text_[i_];
      if (c == ',') {
        advance();
        if (i_ >= text_.size())
          row_.push_back(CsvCell{{}, here()});  // "a,b," ends with an empty field
        continue;
      }
      end_row();
      advance_line(c);
    }
    end_row();
    return std::move(rows_);
  }

 private:
  Span here() const { return Span{file_, line_, column_}; }

  void advance() {
    // Count a column per character: skip UTF-8 continuation bytes.
    ++i_;
    while (i_ < text_.size() && (static_cast<unsigned char>(text_[i_]) & 0xC0) == 0x80) ++i_;
    ++column_;
  }
  // Past a line ending: CRLF, LF or a lone CR.
  void advance_line(char c) {
    i_ += (c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ? 2 : 1;
    ++line_;
    column_ = 1;
  }

  // Copies the character at i_ (all of its bytes) into `out` and moves past it.
  void take(std::string& out) {
    size_t start = i_;
    advance();
    out.append(text_, start, i_ - start);
  }

  // One field, up to (not including) the comma or line ending after it.
  bool field() {
    CsvCell cell{{}, here()};
    std::string lead;  // spaces before a quote are allowed and dropped
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) take(lead);
    if (i_ < text_.size() && text_[i_] == '"') {
      cell.span = here();
      Span open = here();
      advance();
      while (true) {
        if (i_ >= text_.size()) {
          diags_.error(open, "this quoted field is never closed",
                       {"close it with \"; a quote inside a quoted field is written twice: \"\""});
          return false;
        }
        char c = text_[i_];
        if (c == '"') {
          if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
            cell.text += '"';
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        if (c == '\r' || c == '\n') {
          // A line ending inside quotes is part of the text, written as \n.
          cell.text += '\n';
          advance_line(c);
          continue;
        }
        take(cell.text);
      }
      std::string trail;
      while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) take(trail);
      if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r') {
        diags_.error(here(), "unexpected text after a closing quote",
                     {"a quote inside a quoted field is written twice: \"\""});
        return false;
      }
      row_.push_back(std::move(cell));
      return true;
    }
    cell.text = std::move(lead);
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (c == ',' || c == '\n' || c == '\r') break;
      if (c == '"') {
        diags_.error(here(), "a quote in the middle of an unquoted field",
                     {"quote the whole field and double the quote: \"say \"\"hi\"\"\""});
        return false;
      }
      take(cell.text);
    }
    row_.push_back(std::move(cell));
    return true;
  }

  // A row of nothing but empty fields (a blank line, or ",,," from a
  // spreadsheet) is no row.
  void end_row() {
    bool blank =
        std::all_of(row_.begin(), row_.end(), [](const CsvCell& c) { return is_blank(c.text); });
    if (!blank) rows_.push_back(std::move(row_));
    row_.clear();
  }

  const std::string& text_;
  std::shared_ptr<const std::string> file_;
  Diagnostics& diags_;
  size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::vector<CsvCell> row_;
  CsvRows rows_;
};

std::string trimmed(const std::string& s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return {};
  size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

// "1,457", " 139 ", "+5" and "-2.5" read as numbers; anything else does not.
std::optional<double> read_number(const std::string& field) {
  std::string text;
  for (char ch : trimmed(field))
    if (ch != ',') text += ch;
  if (text.starts_with('+')) text.erase(0, 1);
  if (text.empty()) return std::nullopt;
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

}  // namespace

std::optional<CsvRows> parse_csv(const std::string& text, const std::string& path,
                                 Diagnostics& diags) {
  return CsvReader(text, path, diags).read();
}

std::optional<Value> csv_dataset(const CsvRows& rows, const std::string& path, Diagnostics& diags) {
  auto file = std::make_shared<const std::string>(path);
  if (rows.size() < 2) {
    diags.error(
        rows.empty() ? Span{file, 1, 1} : rows[0][0].span,
        "a CSV dataset needs a header row of categories and at least one row of values",
        {"the first row holds the categories after an empty first field: ,2007/08,2008/09"});
    return std::nullopt;
  }
  int errors_before = diags.error_count();
  const auto& head = rows[0];
  Value ds;
  ds.span = Span{file, 1, 1};
  Value categories;
  categories.span = head[0].span;
  Value::Array cats;
  for (size_t c = 1; c < head.size(); ++c) {
    std::string name = trimmed(head[c].text);
    if (name.empty())
      diags.error(head[c].span,
                  fmt::format("column {} of the header row has no category name", c + 1));
    Value v;
    v.content = name;
    v.span = head[c].span;
    cats.push_back(std::move(v));
  }
  if (head.size() < 2)
    diags.error(
        head[0].span, "the header row names no categories",
        {"the first row holds the categories after an empty first field: ,2007/08,2008/09"});
  categories.content = std::move(cats);
  Value::Array series;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() != head.size()) {
      // Point at the first field too many, or just past the last field there is.
      const CsvCell& at = row.size() > head.size() ? row[head.size()] : row.back();
      diags.error(
          at.span,
          fmt::format("this row has {} fields but the header row has {}", row.size(), head.size()),
          {"every row needs a series name and one value per category; quote a field "
           "that holds a comma: \"1,457\""});
      continue;
    }
    std::string series_name = trimmed(row[0].text);
    if (series_name.empty())
      diags.error(row[0].span, "this row has no series name in its first field");
    Value s;
    s.span = row[0].span;
    Value name;
    name.content = series_name;
    name.span = row[0].span;
    Value::Array values;
    for (size_t c = 1; c < row.size(); ++c) {
      Value v;
      v.span = row[c].span;
      auto number = read_number(row[c].text);
      if (!number) {
        std::string category = trimmed(head[c].text);
        diags.error(
            row[c].span,
            trimmed(row[c].text).empty()
                ? fmt::format("series \"{}\" has no value for \"{}\"", series_name, category)
                : fmt::format("series \"{}\": \"{}\" is not a number", series_name, row[c].text));
        continue;
      }
      v.content = *number;
      values.push_back(std::move(v));
    }
    Value vals;
    vals.content = std::move(values);
    vals.span = row[0].span;
    // Moved in, not listed: an initializer list copies, and a long CSV's
    // dataset would be held twice.
    Value::Table members;
    members.emplace_back("name", std::move(name));
    members.emplace_back("values", std::move(vals));
    s.content = std::move(members);
    series.push_back(std::move(s));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  Value series_value;
  series_value.content = std::move(series);
  series_value.span = ds.span;
  Value::Table members;
  members.emplace_back("categories", std::move(categories));
  members.emplace_back("series", std::move(series_value));
  ds.content = std::move(members);
  return ds;
}

}  // namespace folio
