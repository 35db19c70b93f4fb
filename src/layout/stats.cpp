#include <algorithm>

#include "layout/blocks.hpp"

namespace folio::layout {

std::vector<Frame> stats_rows(const Stats& s, double width, const Context& ctx) {
  const Theme& theme = ctx.theme();
  size_t per_row = s.columns > 0 ? static_cast<size_t>(s.columns) : s.items.size();
  per_row = std::max<size_t>(1, per_row);
  const double gap = theme.size * 0.8;
  const double pad = theme.size * 0.9;
  const double bar = 3;
  double tile_width = (width - (per_row - 1) * gap) / per_row;
  double inner = tile_width - 2 * pad;

  text::TextStyle value_style = ctx.with(ctx.heading(1), theme.h1 * 1.05, 800,
                                         s.color.value_or(ctx.text_color.value_or(theme.accent)));
  value_style.line_height = 1.1;
  text::TextStyle label_style = ctx.with(ctx.body(), theme.size, 700, ctx.body().color);
  label_style.line_height = 1.25;
  text::TextStyle note_style = ctx.paragraph(ParagraphStyle::small);
  note_style.line_height = 1.25;
  Color tint = theme.accent;
  tint.a = 0.08;

  std::vector<Frame> rows;
  for (size_t start = 0; start < s.items.size(); start += per_row) {
    size_t end = std::min(s.items.size(), start + per_row);
    struct Tile {
      std::shared_ptr<const text::ShapedText> value, label, note;
    };
    std::vector<Tile> tiles;
    double value_h = 0, label_h = 0, note_h = 0;
    for (size_t i = start; i < end; ++i) {
      const StatItem& item = s.items[i];
      Tile t;
      t.value = ctx.shape_markdown(item.value, value_style, inner);
      if (!item.label.empty()) t.label = ctx.shape_markdown(item.label, label_style, inner);
      if (!item.note.empty()) t.note = ctx.shape_markdown(item.note, note_style, inner);
      value_h = std::max(value_h, t.value->height());
      if (t.label) label_h = std::max(label_h, t.label->height());
      if (t.note) note_h = std::max(note_h, t.note->height());
      tiles.push_back(std::move(t));
    }
    // Values, labels and notes line up across the row.
    double label_y = bar + pad + value_h + theme.size * 0.3;
    double note_y = label_y + label_h + (label_h > 0 ? theme.size * 0.25 : 0);
    double height = note_y + note_h + pad;
    Frame row;
    row.size = {width, height};
    for (size_t k = 0; k < tiles.size(); ++k) {
      double x = k * (tile_width + gap);
      row.add(RectItem{Rect{x, 0, tile_width, height}, tint, std::nullopt, 0, 0, kArtifact});
      row.add(RectItem{Rect{x, 0, tile_width, bar}, theme.accent, std::nullopt, 0, 0, kArtifact});
      // One element per tile, so that its value and label are read together
      // ("139 children safeguarded"), not a row of values then a row of labels.
      StructId tile = ctx.element(Role::P);
      const Tile& t = tiles[k];
      if (ctx.structure && tile >= 0) {
        const StatItem& item = s.items[start + k];
        auto words = [](const TextValue& v) {
          return plain_text(text::parse_markdown_inline(v.text));
        };
        std::string said = words(item.value);
        for (const TextValue* part : {&item.label, &item.note})
          if (!part->empty()) said += " " + words(*part);
        ctx.structure->text(tile).actual_text = said;
      }
      row.add(TextItem{t.value, 0, t.value->line_count(), Point{x + pad, bar + pad},
                       value_style.color, tile});
      if (t.label)
        row.add(TextItem{t.label, 0, t.label->line_count(), Point{x + pad, label_y},
                         label_style.color, tile});
      if (t.note)
        row.add(TextItem{t.note, 0, t.note->line_count(), Point{x + pad, note_y}, note_style.color,
                         tile});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace folio::layout
