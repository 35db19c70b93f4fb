#include <fmt/format.h>

#include "load/internal.hpp"

namespace folio {

void load_inline_dataset(TableReader& r, DataSource& source, std::string_view block);

namespace {

TableColumn load_column(const toml::node& node, Diagnostics& diags) {
  TableColumn col;
  if (auto s = node.value_exact<std::string>()) {
    col.title = text_of(node, *s);
    return col;
  }
  auto* t = node.as_table();
  if (!t) {
    diags.error(span_of(node), fmt::format("a column must be a title or a table {{ title, align, "
                                           "format, width }}, not {}",
                                           describe_type(node)));
    return col;
  }
  TableReader r(*t, diags);
  col.title = r.text("title");
  col.align = r.choice<Align>("align", {{"start", Align::start},
                                        {"end", Align::end},
                                        {"left", Align::left},
                                        {"center", Align::center},
                                        {"right", Align::right}});
  if (auto f = r.string("format")) {
    col.format = parse_number_format(*f);
    if (!col.format)
      diags.error(r.span("format"), fmt::format("unknown format \"{}\"; use \"number\", "
                                                "\"number(N)\", \"percent\" or \"percent(N)\"",
                                                *f));
  }
  if (auto s = r.boolean("sum")) col.sum = *s;
  if (auto* w = r.get("width")) {
    if (w->value_exact<std::string>() != std::optional<std::string>("auto"))
      col.width = length_of(*w, true, diags, "width");
  }
  r.finish();
  return col;
}

}  // namespace

TableBlock load_table(TableReader& r) {
  TableBlock t;
  load_inline_dataset(r, t.source, "table");
  if (auto tr = r.boolean("transpose")) t.transpose = *tr;
  if (auto* cols = r.get("columns")) {
    if (auto* arr = cols->as_array()) {
      for (const auto& c : *arr) t.columns.push_back(load_column(c, r.diags()));
    } else {
      r.wrong_type("columns", *cols, "a list of columns");
    }
  }
  if (auto* rows = r.get("rows")) {
    auto* arr = rows->as_array();
    if (!arr) {
      r.wrong_type("rows", *rows, "a list of rows, each a list of cells");
    } else {
      for (const auto& row : *arr) {
        auto* cells = row.as_array();
        if (!cells) {
          r.diags().error(span_of(row),
                          fmt::format("a row must be a list of cells, not {}", describe_type(row)));
          continue;
        }
        std::vector<TableCell> out;
        for (const auto& cell : *cells) {
          TableCell c;
          c.span = span_of(cell);
          if (auto s = cell.value_exact<std::string>()) {
            c.content = *s;
            c.span.column += 1;
          } else if (cell.is_integer() || cell.is_floating_point()) {
            c.content = *cell.value<double>();
          } else {
            r.diags().error(c.span, fmt::format("a cell must be text or a number, not {}",
                                                describe_type(cell)));
          }
          out.push_back(std::move(c));
        }
        // With columns given, every row must fill them: a short or long row is
        // most likely a missing or extra comma.
        if (!t.columns.empty() && out.size() != t.columns.size())
          r.diags().error(span_of(row), fmt::format("this row has {} cells but there are {} "
                                                    "columns",
                                                    out.size(), t.columns.size()));
        t.rows.push_back(std::move(out));
      }
    }
  }
  if (t.source.name.empty() && t.rows.empty() && !r.get("series"))
    r.diags().error(r.span(), "a table needs `data = \"name\"` or `columns` and `rows`");
  if (auto h = r.boolean("header")) t.header = *h;
  t.total_column = r.text("total_column");
  t.total_row = r.text("total_row");
  if (auto z = r.boolean("zebra")) t.zebra = *z;
  t.caption = r.text("caption");
  t.notes = r.text("notes");
  return t;
}

}  // namespace folio
