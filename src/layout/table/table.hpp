#pragma once

// The phases of a table's layout, in order: build_rows (the model's data into
// a grid of cells, with totals), shape_cells (measure every cell once),
// size_columns (widths from those measures), shape_cells again only for cells
// that must wrap, paint_cells (frames of rows), split_rows (the Flowable that
// spreads rows over regions with the header repeated).

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/length.hpp"
#include "layout/context.hpp"
#include "layout/flowable.hpp"

namespace folio::layout::table {

enum class RowKind { header, body, total };

struct Cell {
  std::string text;    // CommonMark inline; a number already formatted
  bool plain = false;  // a number or text from data: printed as itself, never as Markdown
  Span span;
};

struct Column {
  Align align = Align::left;
  std::optional<Length> width;  // nullopt: auto
  bool numeric = false;
};

struct Row {
  RowKind kind = RowKind::body;
  std::vector<Cell> cells;  // one per column
};

// The table's cells, every row as wide as `columns`.
struct Grid {
  std::vector<Column> columns;
  std::vector<Row> rows;  // the header (if any) first, then the body, then the total row
  bool has_header() const { return !rows.empty() && rows.front().kind == RowKind::header; }
};

// The data of a table block as a grid: a dataset (one row per series, one
// column per category; transposed on request) or inline columns and rows,
// with the total column and row summed. Reports a non-numeric cell in a summed
// row or column, naming it; nullopt after an error.
// Numbers are written as `locale` writes them.
std::optional<Grid> build_rows(const TableBlock& table, const Span& block_span, Diagnostics& diags,
                               const Locale& locale);

// What a column needs: its widest cell unwrapped, its widest single word, and
// the width the user asked for (points, already resolved).
struct ColumnNeed {
  double natural = 0;
  double min = 0;
  std::optional<double> fixed;
};

struct ColumnWidths {
  std::vector<double> widths;
  std::vector<size_t> too_narrow;  // columns narrower than their widest word
};

// Widths filling `width`: fixed columns as asked; auto columns at their
// natural width, sharing what is left over, or shrunk towards their widest
// word when the table is wider than `width`.
ColumnWidths size_columns(const std::vector<ColumnNeed>& needs, double width);

// The text styles and spacing of a table.
struct Style {
  text::TextStyle body;
  text::TextStyle header;
  text::TextStyle total;
  text::TextStyle caption;
  text::TextStyle notes;
  double pad_x = 0;
  double pad_y = 0;
  Color zebra;
  Color rule;
  Color strong_rule;
  Color header_text;
};
Style table_style(const Context& ctx);

// A cell shaped for its column: where its text sits inside the cell's box.
struct ShapedCell {
  std::shared_ptr<const text::ShapedText> text;
  double x = 0;  // from the column's left edge
  // Down from the row's padding, so that the first lines of a row's cells
  // share a baseline whatever their fonts (Bengali text beside numbers).
  double y = 0;
  StructId tag = kUntagged;         // its TH or TD
  std::vector<StructId> link_tags;  // a Link element per link in the cell
};

struct ShapedRow {
  RowKind kind = RowKind::body;
  size_t body_index = 0;  // for zebra shading
  std::vector<ShapedCell> cells;
  double height = 0;  // with padding
};

struct MeasuredCell {
  std::shared_ptr<const text::ShapedText> natural;  // shaped without wrapping
  const Cell* cell = nullptr;
  const text::TextStyle* style = nullptr;
};

// Every cell shaped once without wrapping, for its natural width.
std::vector<std::vector<MeasuredCell>> measure_cells(const Grid& grid, const Style& style,
                                                     const Context& ctx);
// The width of each cell's widest word (only asked for when the table is too wide).
double widest_word(const MeasuredCell& cell, std::unordered_map<std::string, double>& cache);
// Rows shaped for the final widths: a cell that fits keeps its measured shape;
// only cells wider than their column are shaped again, wrapped.
std::vector<ShapedRow> shape_rows(const Grid& grid, std::vector<std::vector<MeasuredCell>> measured,
                                  const std::vector<double>& widths, const Style& style);

// The rows' elements under `table`: THead > TR > TH (Scope Column), then
// TBody > TR > TH (Scope Row, for a text first column under a header) or TD.
// Sets each cell's tag and its links' elements.
void tag_rows(std::vector<ShapedRow>& rows, const Grid& grid, StructId table, const Context& ctx);

// A horizontal slice [from, to) of a row (row coordinates, padding included), as a frame.
// A `repeated` header row (on a page after the table's first) is a pagination artifact.
Frame paint_row(const ShapedRow& row, const std::vector<double>& widths, const Style& style,
                bool zebra, double from, double to, bool repeated = false);

// Where to end a slice of a row that starts at `from` and may be `height` tall:
// at the top of the first line of any cell that would be cut.
double split_point(const ShapedRow& row, double pad_y, double from, double height);

}  // namespace folio::layout::table
