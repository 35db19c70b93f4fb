#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "layout/table/table.hpp"
#include "layout/table/table_flowable.hpp"

namespace folio::layout {
namespace {

using namespace table;

// A break token's `inner` index holds how far into a row a split row has got,
// in thousandths of a point: break tokens carry indices only.
constexpr double kTokenScale = 1000;

class TableFlowable : public Flowable {
 public:
  TableFlowable(const TableBlock& t, const Span& block_span, double width, const Context& ctx,
                bool keep_together)
      : style_(table_style(ctx)), keep_together_(keep_together), zebra_(t.zebra) {
    auto grid = build_rows(t, block_span, ctx.diags, ctx.doc.locale());
    if (!grid) return;
    // Columns are laid out left to right; a right-to-left table is mirrored whole.
    for (auto& column : grid->columns) column.align = ctx.layout_align(column.align);
    auto measured = measure_cells(*grid, style_, ctx);
    widths_ = column_widths(*grid, measured, width, ctx);
    std::vector<ShapedRow> rows = shape_rows(*grid, std::move(measured), widths_, style_);
    warn_about_tall_rows(*grid, rows, ctx);
    // The cells' texts are shaped now; a long table's grid is the largest thing
    // alive while its structure is made, so it goes first.
    for (Row& row : grid->rows) std::vector<Cell>().swap(row.cells);
    // Table > Caption, THead, TBody; the notes follow the table as a P.
    StructId table = ctx.element(Role::Table);
    if (!t.caption.empty()) caption_tag_ = ctx.element(Role::Caption, table);
    tag_rows(rows, *grid, table, ctx);
    size_t first_body = 0;
    if (grid->has_header()) {
      header_ = std::move(rows.front());
      first_body = 1;
    }
    body_.reserve(rows.size() - first_body);
    for (size_t r = first_body; r < rows.size(); ++r) body_.push_back(std::move(rows[r]));
    double gap = ctx.theme().size * 0.45;
    if (!t.caption.empty()) {
      caption_ = ctx.shape_markdown(t.caption, style_.caption, width);
      caption_height_ = caption_->height() + gap;
    }
    if (!t.notes.empty()) {
      notes_ = ctx.shape_markdown(t.notes, style_.notes, width);
      notes_tag_ = ctx.element(Role::P);
      notes_height_ = notes_->height() + gap;
    }
  }

  Placement place(const BreakToken& from, double height, bool at_top) const override {
    size_t n = body_.size();
    size_t i = from.index;
    double offset = from.inner ? from.inner->index / kTokenScale : 0;
    bool first_part = i == 0 && offset == 0;
    double header_h = header_ ? header_->height : 0;
    double used = (first_part ? caption_height_ : 0) + header_h;
    if (keep_together_ && first_part && !at_top && used + rest_height(0) > height + 1e-6)
      return Placement::nothing();

    struct Slice {
      size_t row;
      double from, to;
    };
    std::vector<Slice> slices;
    while (i < n) {
      double h = body_[i].height - offset;
      double need = h + (i + 1 == n ? notes_height_ : 0);  // the notes stay with the last row
      if (used + need > height + 1e-6) break;
      slices.push_back({i, offset, body_[i].height});
      used += h;
      offset = 0;
      ++i;
    }
    if (slices.empty() && n > 0) {
      if (!at_top) return Placement::nothing();
      // The region is empty and still too short: place the row alone (its
      // notes go on), or, taller than the region itself, split it between lines.
      double room = height - used;
      if (body_[i].height - offset <= room + 1e-6) {
        slices.push_back({i, offset, body_[i].height});
        used += body_[i].height - offset;
        offset = 0;
        ++i;
      } else {
        double cut = split_point(body_[i], style_.pad_y, offset, std::max(0.0, room));
        slices.push_back({i, offset, cut});
        used += cut - offset;
        if (cut >= body_[i].height - 1e-6) {
          offset = 0;
          ++i;
        } else {
          offset = cut;
        }
      }
    } else if (n == 0 && !at_top && used + notes_height_ > height + 1e-6) {
      return Placement::nothing();
    }

    Placement p;
    double table_width = 0;
    for (double w : widths_) table_width += w;
    double y = 0;
    if (first_part && caption_) {
      p.frame.add(TextItem{caption_, 0, caption_->line_count(), Point{0, 0}, style_.caption.color,
                           caption_tag_});
      y += caption_height_;
    }
    if (header_) {
      p.frame.place(paint_row(*header_, widths_, style_, false, 0, header_->height, !first_part),
                    Point{0, y});
      y += header_->height;
    }
    for (const Slice& s : slices) {
      p.frame.place(paint_row(body_[s.row], widths_, style_, zebra_, s.from, s.to), Point{0, y});
      y += s.to - s.from;
    }
    if (i >= n && notes_) {
      y += notes_height_ - notes_->height();
      p.frame.add(
          TextItem{notes_, 0, notes_->line_count(), Point{0, y}, style_.notes.color, notes_tag_});
      y += notes_->height();
    }
    p.frame.size = {table_width, y};
    if (i < n) {
      BreakToken rest{i, nullptr};
      if (offset > 0)
        rest.inner = std::make_shared<const BreakToken>(
            BreakToken{static_cast<size_t>(std::llround(offset * kTokenScale)), nullptr});
      p.rest = std::move(rest);
    }
    return p;
  }

 private:
  std::vector<double> column_widths(const Grid& grid,
                                    const std::vector<std::vector<MeasuredCell>>& measured,
                                    double width, const Context& ctx) const {
    size_t n = grid.columns.size();
    std::vector<ColumnNeed> needs(n);
    double wanted = 0;
    for (size_t c = 0; c < n; ++c) {
      for (const auto& row : measured)
        needs[c].natural =
            std::max(needs[c].natural, row[c].natural->natural_width() + 2 * style_.pad_x);
      if (grid.columns[c].width) needs[c].fixed = grid.columns[c].width->resolve(width);
      needs[c].min = needs[c].natural;
      wanted += needs[c].fixed.value_or(needs[c].natural);
    }
    // Words are measured only when the table must wrap, so a table that fits
    // shapes each cell once.
    std::vector<size_t> widest_cell(n, 0);
    std::unordered_map<std::string, double> cache;
    for (size_t c = 0; c < n; ++c) {
      bool squeezed = needs[c].fixed && *needs[c].fixed + 1e-6 < needs[c].natural;
      if (wanted > width + 1e-6 || squeezed) {
        needs[c].min = 0;
        for (size_t r = 0; r < measured.size(); ++r) {
          double w = widest_word(measured[r][c], cache) + 2 * style_.pad_x;
          if (w > needs[c].min) {
            needs[c].min = w;
            widest_cell[c] = r;
          }
        }
      }
    }
    ColumnWidths sized = size_columns(needs, width);
    for (size_t c : sized.too_narrow) {
      const Cell& cell = *measured[widest_cell[c]][c].cell;
      ctx.diags.warning(cell.span,
                        fmt::format("a word of \"{}\" is too wide for its column ({:.0f}pt wide, "
                                    "the word needs {:.0f}pt), so it is broken inside",
                                    cell.text, sized.widths[c], needs[c].min),
                        {"give the column more `width`, narrow the others, or shorten the word"});
    }
    return sized.widths;
  }

  double rest_height(size_t from) const {
    double h = notes_height_;
    for (size_t r = from; r < body_.size(); ++r) h += body_[r].height;
    return h;
  }

  // `rows` are the grid's rows shaped, the header (if any) first.
  static void warn_about_tall_rows(const Grid& grid, const std::vector<ShapedRow>& rows,
                                   const Context& ctx) {
    double page_height = ctx.region.height;
    size_t first_body = grid.has_header() ? 1 : 0;
    double header_h = first_body == 1 && !rows.empty() ? rows.front().height : 0;
    for (size_t r = 0; r + first_body < rows.size(); ++r) {
      const ShapedRow& shaped = rows[first_body + r];
      if (header_h + shaped.height <= page_height + 1e-6) continue;
      const Row& row = grid.rows[first_body + r];
      ctx.diags.warning(row.cells.empty() ? Span{} : row.cells.front().span,
                        fmt::format("row {} is taller than a whole page ({:.0f}pt of {:.0f}pt), "
                                    "so it is split between lines of its cells",
                                    r + 1, header_h + shaped.height, page_height),
                        {"shorten the row's text or widen its columns"});
    }
  }

  Style style_;
  bool keep_together_;
  bool zebra_;
  std::vector<double> widths_;
  std::optional<ShapedRow> header_;
  std::vector<ShapedRow> body_;  // the body rows, then the total row
  std::shared_ptr<const text::ShapedText> caption_;
  double caption_height_ = 0;
  std::shared_ptr<const text::ShapedText> notes_;
  double notes_height_ = 0;
  StructId caption_tag_ = kUntagged;
  StructId notes_tag_ = kUntagged;
};

}  // namespace

std::unique_ptr<Flowable> table_flowable(const TableBlock& table, const Span& block_span,
                                         double width, const Context& ctx, bool keep_together) {
  return std::make_unique<TableFlowable>(table, block_span, width, ctx, keep_together);
}

}  // namespace folio::layout
