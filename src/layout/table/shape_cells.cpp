#include <algorithm>

#include "layout/table/table.hpp"

namespace folio::layout::table {
namespace {

const text::TextStyle& style_for(RowKind kind, const Style& style) {
  switch (kind) {
    case RowKind::header:
      return style.header;
    case RowKind::total:
      return style.total;
    case RowKind::body:
      break;
  }
  return style.body;
}

text::RichParagraph paragraph_of(const Cell& cell) {
  return cell.plain ? text::plain_paragraph(cell.text) : text::parse_markdown_inline(cell.text);
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t';
}

}  // namespace

Style table_style(const Context& ctx) {
  const Theme& theme = ctx.theme();
  Style s;
  s.body = ctx.body();
  s.body.size = theme.size * 0.92;
  s.body.line_height = 1.3;
  s.body.tabular_figures = true;  // numbers line up digit under digit
  s.header = s.body;
  s.header.weight = 700;
  s.total = s.body;
  s.total.weight = 700;
  s.caption = ctx.with(ctx.body(), theme.size, 700, theme.text);
  s.caption.line_height = 1.3;
  s.notes = ctx.paragraph(ParagraphStyle::note);
  s.pad_x = theme.size * 0.5;
  s.pad_y = theme.size * 0.35;
  s.zebra = theme.accent;
  s.zebra.a = 0.07;
  s.rule = theme.rule;
  s.strong_rule = theme.text;
  s.header_text = theme.text;
  return s;
}

std::vector<std::vector<MeasuredCell>> measure_cells(const Grid& grid, const Style& style,
                                                     const Context& ctx) {
  std::vector<std::vector<MeasuredCell>> out;
  out.reserve(grid.rows.size());
  for (const Row& row : grid.rows) {
    std::vector<MeasuredCell> cells;
    cells.reserve(row.cells.size());
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const text::TextStyle* s = &style_for(row.kind, style);
      text::TextStyle aligned = *s;
      aligned.align = grid.columns[c].align;
      MeasuredCell m;
      m.cell = &row.cells[c];
      m.style = s;
      m.natural = ctx.shape(paragraph_of(row.cells[c]), aligned, -1, row.cells[c].span);
      cells.push_back(std::move(m));
    }
    out.push_back(std::move(cells));
  }
  return out;
}

double widest_word(const MeasuredCell& cell, std::unordered_map<std::string, double>& cache) {
  const std::string& text = cell.cell->text;
  if (std::none_of(text.begin(), text.end(), is_space)) return cell.natural->natural_width();
  // Markdown marks are measured too: a little wide, never too narrow.
  double widest = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    if (j > i) {
      std::string key = text.substr(i, j - i);
      key += cell.style->weight >= 600 ? "\x01" : "\x02";
      auto found = cache.find(key);
      double w = found != cache.end()
                     ? found->second
                     : cache.emplace(key, text::measure_width(text.substr(i, j - i), *cell.style))
                           .first->second;
      widest = std::max(widest, w);
    }
    i = j;
  }
  return widest;
}

std::vector<ShapedRow> shape_rows(const Grid& grid, std::vector<std::vector<MeasuredCell>> measured,
                                  const std::vector<double>& widths, const Style& style) {
  std::vector<ShapedRow> rows;
  rows.reserve(grid.rows.size());
  size_t body_index = 0;
  for (size_t r = 0; r < grid.rows.size(); ++r) {
    const Row& row = grid.rows[r];
    ShapedRow out;
    out.kind = row.kind;
    if (row.kind == RowKind::body) out.body_index = body_index++;
    double content = 0;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      MeasuredCell& m = measured[r][c];
      double inner = std::max(1.0, widths[c] - 2 * style.pad_x);
      Align align = grid.columns[c].align;
      ShapedCell cell;
      if (m.natural->natural_width() <= inner + 1e-6) {
        cell.text = std::move(m.natural);
        double free = inner - cell.text->natural_width();
        cell.x = style.pad_x + (align == Align::right    ? free
                                : align == Align::center ? free / 2
                                                         : 0);
      } else {
        text::TextStyle s = *m.style;
        s.align = align;
        // Measuring already warned about any character no font can draw.
        cell.text = std::make_shared<const text::ShapedText>(paragraph_of(row.cells[c]), s, inner);
        cell.x = style.pad_x;
      }
      out.cells.push_back(std::move(cell));
    }
    double baseline = 0;
    for (const auto& cell : out.cells)
      if (cell.text->line_count() > 0) baseline = std::max(baseline, cell.text->baseline(0));
    for (auto& cell : out.cells) {
      if (cell.text->line_count() > 0) cell.y = baseline - cell.text->baseline(0);
      content = std::max(content, cell.y + cell.text->height());
    }
    out.height = content + 2 * style.pad_y;
    rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace folio::layout::table
