#include "load/transform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "core/number_format.hpp"
#include "core/number_parse.hpp"
#include "core/suggest.hpp"
#include "load/csv.hpp"

namespace folio {
namespace {

// ---- Expressions: a few tokens, parsed by hand -----------------------------

enum class Tok { name, number, text, op, open, close, comma, end, bad };
struct Token {
  Tok kind = Tok::end;
  std::string text;
  double number = 0;
  size_t offset = 0;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto ident = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80);
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    Token t;
    t.offset = i;
    if (c == '`') {
      size_t end = s.find('`', i + 1);
      if (end == std::string_view::npos) return {Token{Tok::bad, "an unclosed `", 0, i}};
      t.kind = Tok::name;
      t.text = std::string(s.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '\'' || c == '"') {
      size_t end = s.find(c, i + 1);
      if (end == std::string_view::npos) return {Token{Tok::bad, "an unclosed quote", 0, i}};
      t.kind = Tok::text;
      t.text = std::string(s.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() &&
                std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      size_t end = i;
      while (end < s.size() &&
             (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '.' || s[end] == '_'))
        ++end;
      std::string_view digits = s.substr(i, end - i);
      auto n = parse_number_text(digits);
      t.kind = n ? Tok::number : Tok::name;  // 2012 is a number; 2nd_place a name
      if (n) t.number = n->value;
      t.text = std::string(digits);
      i = end;
    } else if (ident(c)) {
      size_t end = i;
      while (end < s.size() && ident(s[end])) ++end;
      t.kind = Tok::name;
      t.text = std::string(s.substr(i, end - i));
      i = end;
    } else if (c == '(' || c == ')' || c == ',') {
      t.kind = c == '(' ? Tok::open : c == ')' ? Tok::close : Tok::comma;
      t.text = std::string(1, c);
      ++i;
    } else {
      for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">", "=", "+", "-", "*", "/"}) {
        if (s.substr(i).starts_with(op)) {
          t.kind = Tok::op;
          t.text = std::string(op);
          break;
        }
      }
      if (t.kind != Tok::op) return {Token{Tok::bad, fmt::format("'{}'", c), 0, i}};
      i += t.text.size();
    }
    out.push_back(std::move(t));
  }
  out.push_back(Token{Tok::end, "", 0, s.size()});
  return out;
}

Span at_offset(const SpecText& e, size_t offset) {
  Span s = e.span;
  if (s.known()) {
    s.column += static_cast<int>(offset);
    s.end_line = s.end_column = 0;
  }
  return s;
}

// "FUNCTION(column) [as name]", "a OP b as name" or "column [as name]".
struct Call {
  std::string function;  // empty for a bare column or arithmetic
  std::string column;    // the argument (empty for count())
  std::string op;        // arithmetic: + - * /
  Token left, right;     // arithmetic operands (names or numbers)
  std::string as;
};

std::optional<Call> parse_call(const SpecText& e, std::string_view form, Diagnostics& diags) {
  auto tokens = tokenize(e.text);
  auto fail = [&](size_t offset, const std::string& what) {
    diags.error(at_offset(e, offset), fmt::format("cannot read \"{}\": {}", e.text, what),
                {std::string(form)});
    return std::nullopt;
  };
  if (tokens.front().kind == Tok::bad) return fail(tokens.front().offset, tokens.front().text);
  Call call;
  size_t i = 0;
  if (tokens[0].kind == Tok::name && tokens[1].kind == Tok::open) {
    call.function = tokens[0].text;
    i = 2;
    if (tokens[i].kind == Tok::name) {
      call.column = tokens[i++].text;
    } else if (tokens[i].kind == Tok::op && tokens[i].text == "*") {
      ++i;  // count(*)
    }
    if (tokens[i].kind != Tok::close) return fail(tokens[i].offset, "expected a column name and )");
    ++i;
  } else if ((tokens[0].kind == Tok::name || tokens[0].kind == Tok::number) &&
             tokens[1].kind == Tok::op && tokens[1].text.find_first_of("+-*/") == 0 &&
             (tokens[2].kind == Tok::name || tokens[2].kind == Tok::number)) {
    call.left = tokens[0];
    call.op = tokens[1].text;
    call.right = tokens[2];
    i = 3;
  } else if (tokens[0].kind == Tok::name) {
    call.column = tokens[0].text;
    i = 1;
  } else {
    return fail(tokens[0].offset, "expected a function or a column name");
  }
  if (tokens[i].kind == Tok::name && tokens[i].text == "as") {
    if (tokens[i + 1].kind != Tok::name)
      return fail(tokens[i + 1].offset, "expected a name after `as`");
    call.as = tokens[i + 1].text;
    i += 2;
  }
  if (tokens[i].kind != Tok::end) return fail(tokens[i].offset, "unexpected text");
  return call;
}

const DataColumn* need_column(const DataTable& table, const std::string& name, const SpecText& e,
                              Diagnostics& diags) {
  if (const DataColumn* c = table.column(name)) return c;
  std::vector<std::string_view> names;
  std::string list;
  for (const auto& c : table.columns) {
    names.push_back(c.name);
    list += (list.empty() ? "" : ", ") + c.name;
  }
  std::vector<std::string> hints;
  if (auto guess = closest_match(name, names))
    hints.push_back(fmt::format("did you mean `{}`?", *guess));
  hints.push_back(fmt::format("the columns here: {}", list));
  size_t at = e.text.find(name);
  diags.error(at_offset(e, at == std::string::npos ? 0 : at),
              fmt::format("no column named `{}`", name), hints);
  return nullptr;
}

bool need_numeric(const DataColumn& c, const SpecText& e, std::string_view function,
                  Diagnostics& diags) {
  if (c.numeric()) return true;
  std::vector<std::string> hints;
  if (c.non_numbers)
    hints.push_back(fmt::format("\"{}\" at {}:{}:{} is not a number", c.first_non_number_text,
                                c.first_non_number.file ? *c.first_non_number.file : "",
                                c.first_non_number.line, c.first_non_number.column));
  hints.push_back("give the column's type in `types` if it should be a number");
  diags.error(e.span,
              fmt::format("{}() needs a column of numbers, but `{}` holds {}", function, c.name,
                          column_type_name(c.type)),
              hints);
  return false;
}

DataColumn numeric_column(std::string name, ColumnType type = ColumnType::number) {
  DataColumn c;
  c.name = std::move(name);
  c.type = type;
  return c;
}

DataColumn text_column(std::string name, ColumnType type = ColumnType::text) {
  DataColumn c;
  c.name = std::move(name);
  c.type = type;
  return c;
}

void put(DataTable& table, DataColumn column) {
  for (auto& c : table.columns)
    if (c.name == column.name) {
      c = std::move(column);
      return;
    }
  table.columns.push_back(std::move(column));
}

// ---- Row and column functions ---------------------------------------------

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int digits_at(const std::string& s, size_t at, size_t n) {
  int v = 0;
  for (size_t k = at; k < at + n; ++k) v = v * 10 + (s[k] - '0');
  return v;
}

std::optional<DataColumn> date_part(const DataColumn& date, const std::string& function,
                                    const std::string& name) {
  bool as_text = function == "month_name" || function == "year_month";
  DataColumn out = as_text ? text_column(name) : numeric_column(name);
  out.label = !as_text;
  // Computed once per distinct date, then looked up per row.
  std::vector<double> numbers(date.strings.size(), kNoValue);
  std::vector<std::string> texts(date.strings.size());
  for (size_t k = 0; k < date.strings.size(); ++k) {
    const std::string& d = date.strings[k];
    if (!is_iso_date(d)) continue;
    int year = digits_at(d, 0, 4), month = digits_at(d, 5, 2), day = digits_at(d, 8, 2);
    if (function == "year")
      numbers[k] = year;
    else if (function == "month")
      numbers[k] = month;
    else if (function == "day")
      numbers[k] = day;
    else if (function == "quarter")
      numbers[k] = (month - 1) / 3 + 1;
    else if (function == "month_name")
      texts[k] = kMonthNames[month - 1];
    else if (function == "year_month")
      texts[k] = d.substr(0, 7);
  }
  if (as_text) {
    TextColumnBuilder b(out);
    for (uint32_t code : date.codes) b.push(texts[code]);
  } else {
    out.numbers.reserve(date.codes.size());
    for (uint32_t code : date.codes) out.numbers.push_back(numbers[code]);
  }
  return out;
}

bool is_date_function(const std::string& f) {
  return f == "year" || f == "month" || f == "day" || f == "quarter" || f == "month_name" ||
         f == "year_month";
}
bool is_window_function(const std::string& f) {
  return f == "share" || f == "change" || f == "pct_change" || f == "cumsum";
}

DataColumn window(const DataColumn& col, const std::string& function, const std::string& name) {
  size_t n = col.numbers.size();
  DataColumn out = numeric_column(
      name, function == "share" || function == "pct_change" ? ColumnType::percent : col.type);
  out.numbers.resize(n, kNoValue);
  if (function == "share") {
    double total = 0;
    for (double v : col.numbers)
      if (!std::isnan(v)) total += v;
    for (size_t r = 0; r < n; ++r) out.numbers[r] = total == 0 ? kNoValue : col.numbers[r] / total;
  } else if (function == "cumsum") {
    double sum = 0;
    for (size_t r = 0; r < n; ++r) {
      if (!std::isnan(col.numbers[r])) sum += col.numbers[r];
      out.numbers[r] = sum;
    }
  } else {
    for (size_t r = 1; r < n; ++r) {
      double now = col.numbers[r], before = col.numbers[r - 1];
      if (function == "change")
        out.numbers[r] = now - before;
      else
        out.numbers[r] = before == 0 ? kNoValue : now / before - 1;
    }
  }
  return out;
}

constexpr std::string_view kColumnForm =
    "write FUNCTION(column) as name (year, month, month_name, quarter, day, year_month; share, "
    "change, pct_change, cumsum) or a OP b as name (OP: + - * /)";

bool add_column(DataTable& table, const SpecText& e, Diagnostics& diags) {
  auto call = parse_call(e, kColumnForm, diags);
  if (!call) return false;
  if (!call->op.empty()) {
    if (call->as.empty()) {
      diags.error(e.span, fmt::format("\"{}\" needs a name: \"{} as NAME\"", e.text, e.text));
      return false;
    }
    auto operand = [&](const Token& t) -> std::optional<std::pair<const DataColumn*, double>> {
      if (t.kind == Tok::number) return std::pair<const DataColumn*, double>{nullptr, t.number};
      const DataColumn* c = need_column(table, t.text, e, diags);
      if (!c || !need_numeric(*c, e, call->op, diags)) return std::nullopt;
      return std::pair<const DataColumn*, double>{c, 0};
    };
    auto a = operand(call->left), b = operand(call->right);
    if (!a || !b) return false;
    DataColumn out = numeric_column(call->as);
    out.numbers.resize(table.rows);
    char op = call->op[0];
    for (size_t r = 0; r < table.rows; ++r) {
      double x = a->first ? a->first->numbers[r] : a->second;
      double y = b->first ? b->first->numbers[r] : b->second;
      out.numbers[r] = op == '+'   ? x + y
                       : op == '-' ? x - y
                       : op == '*' ? x * y
                                   : (y == 0 ? kNoValue : x / y);
    }
    put(table, std::move(out));
    return true;
  }
  if (call->function.empty()) {
    diags.error(e.span, fmt::format("\"{}\" computes nothing", e.text), {std::string(kColumnForm)});
    return false;
  }
  const DataColumn* col = need_column(table, call->column, e, diags);
  if (!col) return false;
  if (is_date_function(call->function)) {
    if (col->type != ColumnType::date) {
      diags.error(e.span,
                  fmt::format("{}() needs a column of dates, but `{}` holds {}", call->function,
                              col->name, column_type_name(col->type)),
                  {"dates are written 2012-01-31; give the column's type in `types`"});
      return false;
    }
    put(table, *date_part(*col, call->function, call->as.empty() ? call->function : call->as));
    return true;
  }
  if (is_window_function(call->function)) {
    if (!need_numeric(*col, e, call->function, diags)) return false;
    put(table, window(*col, call->function,
                      call->as.empty() ? col->name + "_" + call->function : call->as));
    return true;
  }
  diags.error(at_offset(e, 0), fmt::format("unknown function `{}`", call->function),
              {std::string(kColumnForm)});
  return false;
}

// ---- Filters -----------------------------------------------------------------

bool compare(int order, const std::string& op) {
  if (op == "==" || op == "=") return order == 0;
  if (op == "!=") return order != 0;
  if (op == "<") return order < 0;
  if (op == "<=") return order <= 0;
  if (op == ">") return order > 0;
  return order >= 0;
}

// ---- Aggregates ----------------------------------------------------------------

struct Accumulator {
  double sum = 0;
  size_t count = 0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  std::vector<double> values;                             // for the median only
  uint32_t min_code = UINT32_MAX, max_code = UINT32_MAX;  // min and max of dates and text
};

bool known_aggregate(const std::string& f) {
  return f == "sum" || f == "mean" || f == "median" || f == "min" || f == "max" || f == "count";
}

double finish(const Accumulator& a, const std::string& f) {
  if (f == "count") return static_cast<double>(a.count);
  if (f == "sum") return a.sum;
  if (a.count == 0) return kNoValue;
  if (f == "mean") return a.sum / static_cast<double>(a.count);
  if (f == "min") return a.min;
  if (f == "max") return a.max;
  std::vector<double> v = a.values;
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  double upper = v[mid];
  if (v.size() % 2) return upper;
  double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

// Each row's group: the distinct key values in the order each first appears.
struct Groups {
  std::vector<uint32_t> of_row;
  std::vector<size_t> first_row;  // a row of each group, for its key values
};

// A small id per row for one key column (text and dates: their codes already are).
std::vector<uint32_t> key_ids(const DataColumn& c) {
  if (!c.numeric()) return c.codes;
  std::vector<uint32_t> ids(c.numbers.size());
  std::unordered_map<uint64_t, uint32_t> seen;
  for (size_t r = 0; r < ids.size(); ++r) {
    double v = c.numbers[r];
    uint64_t bits = 0;
    if (std::isnan(v)) v = kNoValue;  // every missing value is one key
    if (v == 0) v = 0;                // -0 and 0 are one key
    std::memcpy(&bits, &v, sizeof bits);
    auto [at, fresh] = seen.emplace(bits, static_cast<uint32_t>(seen.size()));
    ids[r] = at->second;
  }
  return ids;
}

Groups group(const std::vector<const DataColumn*>& keys, size_t rows) {
  Groups g;
  g.of_row.assign(rows, 0);
  // No keys: one group, even of no rows (SQL's SELECT count(*) gives 0, not nothing).
  if (keys.empty()) {
    g.first_row.push_back(0);
    return g;
  }
  if (rows == 0) return g;
  std::vector<uint32_t> combined = key_ids(*keys[0]);
  for (size_t k = 1; k < keys.size(); ++k) {
    std::vector<uint32_t> next = key_ids(*keys[k]);
    std::unordered_map<uint64_t, uint32_t> pairs;
    for (size_t r = 0; r < rows; ++r) {
      uint64_t pair = (uint64_t{combined[r]} << 32) | next[r];
      auto [at, fresh] = pairs.emplace(pair, static_cast<uint32_t>(pairs.size()));
      combined[r] = at->second;
    }
  }
  // Renumber in order of first appearance.
  std::vector<uint32_t> order(*std::max_element(combined.begin(), combined.end()) + 1, UINT32_MAX);
  for (size_t r = 0; r < rows; ++r) {
    uint32_t& id = order[combined[r]];
    if (id == UINT32_MAX) {
      id = static_cast<uint32_t>(g.first_row.size());
      g.first_row.push_back(r);
    }
    g.of_row[r] = id;
  }
  return g;
}

// The key columns' values of each group's first row.
void copy_keys(const std::vector<const DataColumn*>& keys, const Groups& g, DataTable& out) {
  DataTable keys_only;
  for (const auto* k : keys) keys_only.columns.push_back(*k);
  keys_only.rows = keys.empty() ? 0 : keys[0]->size();
  DataTable firsts = take_rows(keys_only, g.first_row);
  for (auto& c : firsts.columns) out.columns.push_back(std::move(c));
}

std::optional<DataColumn> aggregate_column(const DataColumn* col, const std::string& f,
                                           const std::string& name, const Groups& g) {
  size_t groups = g.first_row.size();
  std::vector<Accumulator> acc(groups);
  size_t rows = g.of_row.size();
  if (!col) {  // count()
    for (size_t r = 0; r < rows; ++r) ++acc[g.of_row[r]].count;
  } else if (col->numeric()) {
    bool median = f == "median";
    for (size_t r = 0; r < rows; ++r) {
      double v = col->numbers[r];
      if (std::isnan(v)) continue;
      Accumulator& a = acc[g.of_row[r]];
      a.sum += v;
      ++a.count;
      a.min = std::min(a.min, v);
      a.max = std::max(a.max, v);
      if (median) a.values.push_back(v);
    }
  } else {
    for (size_t r = 0; r < rows; ++r) {
      uint32_t code = col->codes[r];
      if (col->strings[code].empty()) continue;
      Accumulator& a = acc[g.of_row[r]];
      ++a.count;
      if (a.min_code == UINT32_MAX || col->strings[code] < col->strings[a.min_code])
        a.min_code = code;
      if (a.max_code == UINT32_MAX || col->strings[code] > col->strings[a.max_code])
        a.max_code = code;
    }
  }
  if (col && !col->numeric() && (f == "min" || f == "max")) {
    DataColumn out = text_column(name, col->type);
    TextColumnBuilder b(out);
    for (const auto& a : acc) {
      uint32_t code = f == "min" ? a.min_code : a.max_code;
      b.push(code == UINT32_MAX ? std::string_view() : std::string_view(col->strings[code]));
    }
    return out;
  }
  DataColumn out = numeric_column(name, f == "count" || !col ? ColumnType::number : col->type);
  out.numbers.reserve(groups);
  for (const auto& a : acc) out.numbers.push_back(finish(a, f));
  return out;
}

constexpr std::string_view kAggregateForm =
    "write FUNCTION(column) or FUNCTION(column) as name, with sum, mean, median, min, max or "
    "count; count() counts rows";

}  // namespace

DataTable take_rows(const DataTable& table, const std::vector<size_t>& rows) {
  DataTable out;
  out.span = table.span;
  out.rows = rows.size();
  for (const auto& c : table.columns) {
    DataColumn d;
    d.name = c.name;
    d.type = c.type;
    d.span = c.span;
    d.label = c.label;
    if (c.numeric()) {
      d.numbers.reserve(rows.size());
      for (size_t r : rows) d.numbers.push_back(c.numbers[r]);
    } else {
      d.strings = c.strings;  // the dictionary is shared by meaning: codes stay valid
      d.codes.reserve(rows.size());
      for (size_t r : rows) d.codes.push_back(c.codes[r]);
    }
    out.columns.push_back(std::move(d));
  }
  return out;
}

std::optional<DataTable> add_columns(DataTable table, const std::vector<SpecText>& expressions,
                                     Diagnostics& diags) {
  bool ok = true;
  for (const auto& e : expressions) ok = add_column(table, e, diags) && ok;
  if (!ok) return std::nullopt;
  return table;
}

std::optional<DataTable> filter_rows(const DataTable& table,
                                     const std::vector<SpecText>& conditions, Diagnostics& diags) {
  std::vector<char> keep(table.rows, 1);
  bool ok = true;
  for (const auto& e : conditions) {
    auto tokens = tokenize(e.text);
    // A negative number: "temp_min < -5".
    if (tokens.size() == 5 && tokens[2].kind == Tok::op && tokens[2].text == "-" &&
        tokens[3].kind == Tok::number) {
      tokens[3].number = -tokens[3].number;
      tokens[3].text = "-" + tokens[3].text;
      tokens.erase(tokens.begin() + 2);
    }
    if (tokens.size() != 4 || tokens[0].kind != Tok::name || tokens[1].kind != Tok::op ||
        tokens[1].text.find_first_of("+-*/") == 0 ||
        (tokens[2].kind != Tok::number && tokens[2].kind != Tok::text)) {
      diags.error(e.span, fmt::format("cannot read the filter \"{}\"", e.text),
                  {"write COLUMN OP VALUE: precipitation > 0, weather == 'rain', date >= "
                   "'2015-01-01' (OP: == != < <= > >=)"});
      ok = false;
      continue;
    }
    const DataColumn* col = need_column(table, tokens[0].text, e, diags);
    if (!col) {
      ok = false;
      continue;
    }
    const std::string& op = tokens[1].text;
    const Token& value = tokens[2];
    if (col->numeric()) {
      if (value.kind != Tok::number) {
        diags.error(at_offset(e, value.offset),
                    fmt::format("`{}` holds numbers, so compare it with a number, not '{}'",
                                col->name, value.text));
        ok = false;
        continue;
      }
      double x = value.number;
      for (size_t r = 0; r < table.rows; ++r) {
        double v = col->numbers[r];
        if (std::isnan(v) || !compare(v < x ? -1 : v > x ? 1 : 0, op)) keep[r] = 0;
      }
    } else {
      // One comparison per distinct string, then a lookup per row.
      std::vector<char> passes(col->strings.size());
      for (size_t k = 0; k < col->strings.size(); ++k)
        passes[k] = compare(col->strings[k].compare(value.text), op);
      for (size_t r = 0; r < table.rows; ++r)
        if (!passes[col->codes[r]]) keep[r] = 0;
    }
  }
  if (!ok) return std::nullopt;
  std::vector<size_t> rows;
  for (size_t r = 0; r < table.rows; ++r)
    if (keep[r]) rows.push_back(r);
  return take_rows(table, rows);
}

std::optional<DataTable> group_rows(const DataTable& table, const std::vector<SpecText>& keys,
                                    const std::vector<SpecText>& aggregates, Diagnostics& diags) {
  bool ok = true;
  std::vector<const DataColumn*> key_columns;
  for (const auto& k : keys) {
    const DataColumn* c = need_column(table, k.text, k, diags);
    if (c) key_columns.push_back(c);
    ok = ok && c;
  }
  struct Wanted {
    const DataColumn* column;
    std::string function, name;
  };
  std::vector<Wanted> wanted;
  for (const auto& e : aggregates) {
    auto call = parse_call(e, kAggregateForm, diags);
    if (!call) {
      ok = false;
      continue;
    }
    if (!known_aggregate(call->function)) {
      diags.error(e.span,
                  call->function.empty()
                      ? fmt::format("\"{}\" does not say how to aggregate", e.text)
                      : fmt::format("unknown aggregate `{}`", call->function),
                  {std::string(kAggregateForm)});
      ok = false;
      continue;
    }
    const DataColumn* col = nullptr;
    if (!call->column.empty()) {
      col = need_column(table, call->column, e, diags);
      if (!col) {
        ok = false;
        continue;
      }
      bool needs_numbers =
          call->function != "count" && call->function != "min" && call->function != "max";
      if (needs_numbers && !need_numeric(*col, e, call->function, diags)) {
        ok = false;
        continue;
      }
    } else if (call->function != "count") {
      diags.error(e.span, fmt::format("{}() needs a column", call->function),
                  {std::string(kAggregateForm)});
      ok = false;
      continue;
    }
    std::string name = !call->as.empty() ? call->as : col ? col->name : "count";
    wanted.push_back({col, call->function, name});
  }
  if (aggregates.empty())
    diags.error(keys.empty() ? table.span : keys.front().span,
                "`group_by` needs `aggregate`: what to compute for each group",
                {"aggregate = [\"sum(precipitation)\", \"count() as days\"]"});
  if (!ok || aggregates.empty()) return std::nullopt;
  Groups g = group(key_columns, table.rows);
  DataTable out;
  out.span = table.span;
  out.rows = g.first_row.size();
  copy_keys(key_columns, g, out);
  for (const auto& w : wanted) put(out, *aggregate_column(w.column, w.function, w.name, g));
  return out;
}

std::optional<DataTable> pivot_rows(const DataTable& table, const PivotSpec& p,
                                    Diagnostics& diags) {
  const DataColumn* index = need_column(table, p.index.text, p.index, diags);
  const DataColumn* columns = need_column(table, p.columns.text, p.columns, diags);
  const DataColumn* values = need_column(table, p.values.text, p.values, diags);
  std::string f = p.aggfunc.empty() ? "sum" : p.aggfunc.text;
  if (!known_aggregate(f)) {
    diags.error(p.aggfunc.span, fmt::format("unknown aggfunc \"{}\"", f),
                {"use sum, mean, median, min, max or count"});
    return std::nullopt;
  }
  if (!index || !columns || !values) return std::nullopt;
  if (f != "count" && !need_numeric(*values, p.values, f, diags)) return std::nullopt;
  Groups rows = group({index}, table.rows);
  Groups cols = group({columns}, table.rows);
  Groups cells = group({index, columns}, table.rows);
  // Each cell group's aggregate, then placed by its (row, column).
  DataColumn cell_values = *aggregate_column(values, f, "v", cells);
  size_t width = cols.first_row.size(), height = rows.first_row.size();
  DataTable out;
  out.span = table.span;
  out.rows = height;
  copy_keys({index}, rows, out);
  ColumnType type = f == "count" ? ColumnType::number : values->type;
  std::vector<DataColumn> made(width);
  for (size_t c = 0; c < width; ++c) {
    size_t r0 = cols.first_row[c];
    made[c] = numeric_column(
        columns->numeric() ? format_plain(columns->numbers[r0]) : columns->text(r0), type);
    made[c].numbers.assign(height, p.fill);
  }
  for (size_t k = 0; k < cells.first_row.size(); ++k) {
    size_t r0 = cells.first_row[k];
    made[cols.of_row[r0]].numbers[rows.of_row[r0]] = cell_values.numbers[k];
  }
  for (auto& c : made) put(out, std::move(c));
  return out;
}

std::optional<DataTable> sort_rows(const DataTable& table, const std::vector<SpecText>& keys,
                                   Diagnostics& diags) {
  struct Key {
    const DataColumn* column;
    bool descending;
    std::vector<uint32_t> rank;  // text: each code's place in sorted order
  };
  std::vector<Key> order;
  bool ok = true;
  for (const auto& k : keys) {
    std::string name = k.text;
    bool descending = false;
    if (name.starts_with('-')) {
      descending = true;
      name.erase(0, 1);
    } else if (name.ends_with(" desc") || name.ends_with(" DESC")) {
      descending = true;
      name.resize(name.size() - 5);
    } else if (name.ends_with(" asc") || name.ends_with(" ASC")) {
      name.resize(name.size() - 4);
    }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    const DataColumn* c = need_column(table, name, k, diags);
    if (!c) {
      ok = false;
      continue;
    }
    Key key{c, descending, {}};
    if (!c->numeric()) {
      std::vector<uint32_t> codes(c->strings.size());
      std::iota(codes.begin(), codes.end(), 0);
      std::sort(codes.begin(), codes.end(),
                [c](uint32_t a, uint32_t b) { return c->strings[a] < c->strings[b]; });
      key.rank.resize(codes.size());
      for (size_t i = 0; i < codes.size(); ++i) key.rank[codes[i]] = static_cast<uint32_t>(i);
    }
    order.push_back(std::move(key));
  }
  if (!ok) return std::nullopt;
  std::vector<size_t> rows(table.rows);
  std::iota(rows.begin(), rows.end(), 0);
  std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
    for (const auto& k : order) {
      bool missing_a = k.column->missing(a), missing_b = k.column->missing(b);
      if (missing_a != missing_b) return missing_b;  // missing last, either way
      if (missing_a) continue;
      int cmp;
      if (k.column->numeric()) {
        double x = k.column->numbers[a], y = k.column->numbers[b];
        cmp = x < y ? -1 : x > y ? 1 : 0;
      } else {
        uint32_t x = k.rank[k.column->codes[a]], y = k.rank[k.column->codes[b]];
        cmp = x < y ? -1 : x > y ? 1 : 0;
      }
      if (cmp != 0) return k.descending ? cmp > 0 : cmp < 0;
    }
    return false;
  });
  return take_rows(table, rows);
}

DataTable limit_rows(DataTable table, size_t n) {
  if (n >= table.rows) return table;
  std::vector<size_t> rows(n);
  std::iota(rows.begin(), rows.end(), 0);
  return take_rows(table, rows);
}

std::optional<DataTable> select_columns(const DataTable& table, const std::vector<SpecText>& names,
                                        Diagnostics& diags) {
  DataTable out;
  out.span = table.span;
  out.rows = table.rows;
  bool ok = true;
  for (const auto& n : names) {
    auto call = parse_call(n, "write a column's name, or \"column as new name\"", diags);
    if (!call || !call->function.empty() || !call->op.empty()) {
      if (call)
        diags.error(n.span, fmt::format("`select` takes column names, not \"{}\"", n.text),
                    {"compute new columns with `compute` or `derive`"});
      ok = false;
      continue;
    }
    const DataColumn* c = need_column(table, call->column, n, diags);
    if (!c) {
      ok = false;
      continue;
    }
    DataColumn copy = *c;
    if (!call->as.empty()) copy.name = call->as;
    out.columns.push_back(std::move(copy));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<DataTable> apply_transforms(DataTable table, const DatasetSpec& spec,
                                          Diagnostics& diags) {
  std::optional<DataTable> t = std::move(table);
  if (!spec.derive.empty()) t = add_columns(std::move(*t), spec.derive, diags);
  if (t && !spec.filter.empty()) t = filter_rows(*t, spec.filter, diags);
  if (t && (!spec.group_by.empty() || !spec.aggregate.empty()))
    t = group_rows(*t, spec.group_by, spec.aggregate, diags);
  if (t && spec.pivot) t = pivot_rows(*t, *spec.pivot, diags);
  if (t && !spec.compute.empty()) t = add_columns(std::move(*t), spec.compute, diags);
  if (t && !spec.sort.empty()) t = sort_rows(*t, spec.sort, diags);
  if (t && spec.limit) t = limit_rows(std::move(*t), static_cast<size_t>(*spec.limit));
  if (t && !spec.select.empty()) t = select_columns(*t, spec.select, diags);
  return t;
}

}  // namespace folio
