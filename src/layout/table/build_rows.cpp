#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "layout/table/table.hpp"

namespace folio::layout::table {
namespace {

// A cell before formatting: a number or text.
struct RawCell {
  std::optional<double> number;
  std::string text;
  Span span;
  bool plain = false;  // text from data: printed as itself, never read as Markdown
};
using RawRow = std::vector<RawCell>;

RawCell text_cell(std::string text, Span span) {
  return RawCell{std::nullopt, std::move(text), span};
}
RawCell data_cell(std::string text, Span span) {
  return RawCell{std::nullopt, std::move(text), span, true};
}
RawCell number_cell(double v, Span span) {
  return RawCell{v, {}, span};
}

// Header and body from a dataset: one row per series, one column per category.
void from_dataset(const Dataset& ds, std::optional<RawRow>& header, std::vector<RawRow>& body) {
  header = RawRow{text_cell("", ds.span)};
  for (const auto& c : ds.categories) header->push_back(data_cell(c, ds.span));
  for (const auto& s : ds.series) {
    RawRow row{data_cell(s.name, s.span)};
    for (double v : s.values) row.push_back(number_cell(v, s.span));
    body.push_back(std::move(row));
  }
}

RawRow from_cells(const std::vector<TableCell>& cells) {
  RawRow row;
  for (const auto& c : cells) {
    if (auto* d = std::get_if<double>(&c.content)) {
      row.push_back(number_cell(*d, c.span));
    } else if (auto* s = std::get_if<std::string>(&c.content)) {
      row.push_back(c.from_data ? data_cell(*s, c.span) : text_cell(*s, c.span));
    } else {
      row.push_back(text_cell("", c.span));
    }
  }
  return row;
}

// The grid turned on its side: the header row becomes the first column.
void transpose(std::optional<RawRow>& header, std::vector<RawRow>& body, size_t width) {
  std::vector<RawRow> all;
  if (header) all.push_back(std::move(*header));
  for (auto& r : body) all.push_back(std::move(r));
  std::vector<RawRow> flipped(width);
  for (size_t c = 0; c < width; ++c)
    for (auto& r : all) flipped[c].push_back(c < r.size() ? r[c] : RawCell{});
  bool had_header = header.has_value();
  header.reset();
  body.clear();
  for (size_t c = 0; c < flipped.size(); ++c) {
    if (c == 0 && had_header) {
      header = std::move(flipped[0]);
    } else {
      body.push_back(std::move(flipped[c]));
    }
  }
}

// Digits after the point that `v` needs, up to 3: 2.5 -> 1, 76 -> 0.
int decimals_of(double v) {
  for (int d = 0; d < 3; ++d) {
    double scaled = v * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, std::fabs(scaled))) return d;
  }
  return 3;
}

std::string title_of(const std::optional<RawRow>& header, size_t c) {
  if (header && c < header->size() && !(*header)[c].text.empty()) return (*header)[c].text;
  return fmt::format("column {}", c + 1);
}

}  // namespace

std::optional<Grid> build_rows(const TableBlock& t, const Span& block_span, Diagnostics& diags,
                               const Locale& locale) {
  int errors_before = diags.error_count();
  std::optional<RawRow> header;
  std::vector<RawRow> body;
  bool from_data = !t.source.dataset.series.empty();
  if (from_data) {
    from_dataset(t.source.dataset, header, body);
  } else {
    for (const auto& r : t.rows) body.push_back(from_cells(r));
    bool titled = std::any_of(t.columns.begin(), t.columns.end(),
                              [](const TableColumn& c) { return !c.title.empty(); });
    if (!titled && t.header && !body.empty()) {
      header = std::move(body.front());
      body.erase(body.begin());
    }
  }
  size_t width = header ? header->size() : 0;
  for (const auto& r : body) width = std::max(width, r.size());
  width = std::max(width, t.columns.size());
  if (t.transpose) {
    transpose(header, body, width);
    width = header ? header->size() : 0;
    for (const auto& r : body) width = std::max(width, r.size());
  }
  // Column titles name (or rename) the header's cells.
  for (size_t c = 0; c < t.columns.size() && c < width; ++c) {
    if (t.columns[c].title.empty()) continue;
    if (!header) header = RawRow(width, text_cell("", t.columns[c].title.span));
    if (header->size() < width) header->resize(width);
    (*header)[c] = text_cell(t.columns[c].title.text, t.columns[c].title.span);
  }
  if (!t.header) header.reset();
  if (header) header->resize(width, text_cell("", block_span));
  for (auto& r : body) r.resize(width, text_cell("", r.empty() ? block_span : r.back().span));

  Grid grid;
  grid.columns.resize(width);
  for (size_t c = 0; c < width; ++c)
    grid.columns[c].numeric = std::any_of(body.begin(), body.end(),
                                          [c](const RawRow& r) { return r[c].number.has_value(); });

  // Totals sum the numeric columns (unless a column says `sum = false`); a word
  // among their numbers cannot be summed.
  auto summed = [&](size_t c) {
    return grid.columns[c].numeric && (c >= t.columns.size() || t.columns[c].sum);
  };
  bool totals = !t.total_column.empty() || !t.total_row.empty();
  if (totals) {
    for (size_t r = 0; r < body.size(); ++r)
      for (size_t c = 0; c < width; ++c) {
        const RawCell& cell = body[r][c];
        if (!summed(c) || cell.number || cell.text.empty()) continue;
        std::string total = !t.total_column.empty() ? t.total_column.text : t.total_row.text;
        diags.error(cell.span,
                    fmt::format("cell \"{}\" (row {}, column \"{}\") is not a number, so it "
                                "cannot be summed into \"{}\"",
                                cell.text, r + 1, title_of(header, c), total),
                    {"write the number without quotes, or leave the cell empty (\"\") to count "
                     "it as nothing"});
      }
  }
  if (diags.error_count() > errors_before) return std::nullopt;

  auto format_of = [&](size_t c) -> std::optional<NumberFormat> {
    if (c < t.columns.size() && t.columns[c].format) return t.columns[c].format;
    return std::nullopt;
  };
  // Default: thousands separators, with as many decimals as the column's numbers need.
  auto default_format = [](const std::vector<double>& values) {
    NumberFormat f;
    for (double v : values) f.decimals = std::max(f.decimals, decimals_of(v));
    return f;
  };
  std::vector<NumberFormat> formats(width);
  for (size_t c = 0; c < width; ++c) {
    std::vector<double> values;
    for (const auto& r : body)
      if (r[c].number) values.push_back(*r[c].number);
    formats[c] = format_of(c).value_or(default_format(values));
  }

  std::vector<std::vector<Cell>> cells(body.size());
  for (size_t r = 0; r < body.size(); ++r)
    for (size_t c = 0; c < width; ++c) {
      const RawCell& raw = body[r][c];
      cells[r].push_back(raw.number ? Cell{formats[c].apply(*raw.number, locale), true, raw.span}
                                    : Cell{raw.text, raw.plain, raw.span});
    }

  // The total column's format: the summed columns' own, when they share one.
  std::optional<NumberFormat> summed_format;
  bool formats_agree = true;
  std::vector<double> row_sums(body.size(), 0);
  for (size_t c = 0; c < width; ++c) {
    if (!summed(c)) continue;
    if (summed_format &&
        (summed_format->kind != formats[c].kind || summed_format->decimals != formats[c].decimals))
      formats_agree = false;
    summed_format = formats[c];
    for (size_t r = 0; r < body.size(); ++r) row_sums[r] += body[r][c].number.value_or(0);
  }
  NumberFormat total_format =
      summed_format && formats_agree ? *summed_format : default_format(row_sums);
  if (!t.total_column.empty()) {
    grid.columns.push_back(Column{Align::end, std::nullopt, true});
    formats.push_back(total_format);
    if (header) header->push_back(text_cell(t.total_column.text, t.total_column.span));
    for (size_t r = 0; r < body.size(); ++r)
      cells[r].push_back(Cell{total_format.apply(row_sums[r], locale), true, t.total_column.span});
  }

  for (size_t c = 0; c < grid.columns.size(); ++c) {
    Column& col = grid.columns[c];
    if (c < t.columns.size()) {
      col.width = t.columns[c].width;
      col.align = t.columns[c].align.value_or(col.numeric ? Align::end : Align::start);
    } else {
      col.align = col.numeric ? Align::end : Align::start;
    }
  }

  if (header) {
    Row h{RowKind::header, {}};
    for (auto& c : *header) h.cells.push_back(Cell{c.text, c.plain, c.span});
    grid.rows.push_back(std::move(h));
  }
  for (auto& r : cells) grid.rows.push_back(Row{RowKind::body, std::move(r)});

  if (!t.total_row.empty()) {
    Row total{RowKind::total, {}};
    bool titled = false;
    double grand = 0;
    for (size_t c = 0; c < width; ++c) {
      if (summed(c)) {
        double sum = 0;
        for (const auto& r : body) sum += r[c].number.value_or(0);
        grand += sum;
        total.cells.push_back(Cell{formats[c].apply(sum, locale), true, t.total_row.span});
      } else if (!titled) {
        total.cells.push_back(Cell{t.total_row.text, false, t.total_row.span});
        titled = true;
      } else {
        total.cells.push_back(Cell{"", false, t.total_row.span});
      }
    }
    if (!t.total_column.empty())
      total.cells.push_back(Cell{total_format.apply(grand, locale), true, t.total_row.span});
    grid.rows.push_back(std::move(total));
  }
  return grid;
}

}  // namespace folio::layout::table
