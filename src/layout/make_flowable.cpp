#include <fmt/format.h>

#include "core/language.hpp"
#include "layout/blocks.hpp"
#include "layout/chart/chart.hpp"
#include "layout/flow.hpp"
#include "layout/table/table_flowable.hpp"
#include "text/markdown.hpp"

namespace folio::layout {
namespace {

struct Defaults {
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
  bool keep_together = false;
};

Defaults defaults_for(const BlockContent& content, const Theme& theme) {
  double s = theme.size;
  if (auto* h = std::get_if<Heading>(&content)) {
    double size = h->level == 1 ? theme.h1 : h->level == 2 ? theme.h2 : theme.h3;
    return {size * 0.9, size * 0.4, true, true};
  }
  if (std::holds_alternative<Paragraph>(content) || std::holds_alternative<ListBlock>(content))
    return {0, s * 0.8, false, false};
  if (std::holds_alternative<Quote>(content)) return {s * 1.6, s * 1.6, false, true};
  if (std::holds_alternative<Rule>(content)) return {s * 0.8, s * 0.8, false, true};
  if (std::holds_alternative<ContentsBlock>(content) || std::holds_alternative<NotesBlock>(content))
    return {0, s * 1.2, false, false};
  if (std::holds_alternative<Spacer>(content) || std::holds_alternative<PageBreak>(content))
    return {0, 0, false, true};
  if (std::holds_alternative<Box>(content) || std::holds_alternative<ColumnsBlock>(content))
    return {s * 1.2, s * 1.2, false, false};
  // A table breaks between its rows; each row is kept whole by the table itself.
  if (std::holds_alternative<TableBlock>(content)) return {s * 1.2, s * 1.4, false, false};
  return {s * 1.2, s * 1.4, false, true};  // stats, charts, tables, images
}

// The same context with the block's own text colour, when it has one.
Context coloured(const Context& ctx, const std::optional<Color>& color) {
  Context out = ctx;
  if (color) out.text_color = color;
  return out;
}

// WCAG 2.1 AA asks a contrast of 4.5:1 for text; say so when a block's text
// colour and what lies behind it fall short.
void check_contrast(const Block& block, const Context& ctx) {
  std::optional<Color> own = std::visit(
      [](const auto& c) -> std::optional<Color> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (requires { c.color; }) {
          if constexpr (!std::is_same_v<T, Box>) return c.color;
        }
        return std::nullopt;
      },
      block.content);
  std::optional<Color> text = own ? own : ctx.text_color;
  if (!text) return;  // the theme's own colours
  Color behind = ctx.backdrop();
  double ratio = contrast_ratio(over(*text, behind), behind);
  if (ratio >= 4.5) return;
  ctx.diags.warning(block.span,
                    fmt::format("this text ({}) on its background ({}) has a contrast of "
                                "{:.1f}:1, under the 4.5:1 that WCAG AA asks of body text",
                                to_hex(*text), to_hex(behind), ratio),
                    {"choose a darker or lighter `color` (on an accent box, \"on_accent\")"});
}

std::unique_ptr<Flowable> make_flowable(const Block& block, double width, const Context& ctx,
                                        bool keep_together, int depth) {
  const Theme& theme = ctx.theme();
  check_contrast(block, ctx);
  return std::visit(
      [&](const auto& c) -> std::unique_ptr<Flowable> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Heading>) {
          return heading_flowable(c, block.id, width, coloured(ctx, c.color));
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          return paragraph_flowable(c, width, coloured(ctx, c.color), keep_together);
        } else if constexpr (std::is_same_v<T, ListBlock>) {
          return list_flowable(c, width, coloured(ctx, c.color), keep_together);
        } else if constexpr (std::is_same_v<T, Quote>) {
          return fixed_flowable(quote_frame(c, width, coloured(ctx, c.color)));
        } else if constexpr (std::is_same_v<T, Stats>) {
          return stack_flowable(stats_rows(c, width, ctx.within(ctx.element(Role::Div))),
                                theme.size * 0.8, keep_together);
        } else if constexpr (std::is_same_v<T, Box>) {
          return box_flowable(c, width, ctx, keep_together, depth);
        } else if constexpr (std::is_same_v<T, ColumnsBlock>) {
          return columns_flowable(c, width, ctx, depth);
        } else if constexpr (std::is_same_v<T, Rule>) {
          return fixed_flowable(rule_frame(width, ctx));
        } else if constexpr (std::is_same_v<T, Spacer>) {
          Frame f;
          f.size = {width, c.height};
          return fixed_flowable(std::move(f));
        } else if constexpr (std::is_same_v<T, PageBreak>) {
          return fixed_flowable(Frame{});
        } else if constexpr (std::is_same_v<T, ContentsBlock>) {
          return contents_flowable(c, width, ctx);
        } else if constexpr (std::is_same_v<T, NotesBlock>) {
          return notes_flowable(block, ctx);
        } else if constexpr (std::is_same_v<T, Chart>) {
          return fixed_flowable(chart_frame(c, width, ctx));
        } else if constexpr (std::is_same_v<T, TableBlock>) {
          return table_flowable(c, block.span, width, ctx, keep_together);
        } else {
          return fixed_flowable(image_frame(c, width, ctx));
        }
      },
      block.content);
}

// A right-to-left block as a left-to-right layout made it, turned over
// within its width (see Context::mirrored).
class MirroredFlowable : public Flowable {
 public:
  MirroredFlowable(std::unique_ptr<Flowable> inner, double width)
      : inner_(std::move(inner)), width_(width) {}
  Placement place(const BreakToken& from, double height, bool at_top) const override {
    Placement p = inner_->place(from, height, at_top);
    if (!p.frame.items.empty()) p.frame = mirrored(p.frame, width_);
    return p;
  }

 private:
  std::unique_ptr<Flowable> inner_;
  double width_;
};

// Where a block's text runs: its own `direction`, else its language's when it
// names one, else its parent's.
bool block_rtl(const Block& block, const Context& ctx) {
  if (block.direction != Direction::automatic) return block.direction == Direction::rtl;
  if (!block.language.empty()) return language_is_rtl(block.language);
  return ctx.rtl;
}

// A block's `id` and `language` go on the first element its layout makes; a
// paragraph of several Markdown paragraphs in another language is wrapped in
// a Div that carries the language for all of them.
std::unique_ptr<Flowable> make_tagged_flowable(const Block& block, double width, const Context& ctx,
                                               bool keep_together, int depth) {
  // The block's language reaches Pango too: line breaking and shaping follow it.
  Context in_language = ctx;
  if (!block.language.empty()) in_language.language = block.language;
  in_language.rtl = block_rtl(block, ctx);
  // A chart may keep its left-to-right drawing in right-to-left text.
  bool mirror = in_language.rtl;
  if (auto* chart = std::get_if<Chart>(&block.content))
    mirror = mirror && chart->mirror.value_or(ctx.doc.metadata.mirror_charts);
  in_language.mirrored = mirror;
  // Frames are turned over where the direction changes: a block inside a
  // mirrored one is turned with it, so only a block going the other way (an
  // English quote in an Arabic leaflet) is turned back on its own.
  auto directed = [&](std::unique_ptr<Flowable> f) -> std::unique_ptr<Flowable> {
    if (mirror == ctx.mirrored) return f;
    return std::make_unique<MirroredFlowable>(std::move(f), width);
  };
  if (!ctx.structure || (block.id.empty() && block.language.empty()))
    return directed(make_flowable(block, width, in_language, keep_together, depth));
  Structure& structure = *ctx.structure;
  std::optional<Context> wrapped;
  if (auto* p = std::get_if<Paragraph>(&block.content);
      p && !block.language.empty() && text::parse_markdown(p->text.text).size() > 1)
    wrapped.emplace(in_language.within(in_language.element(Role::Div)));
  size_t first = structure.size();
  auto flowable =
      make_flowable(block, width, wrapped ? *wrapped : in_language, keep_together, depth);
  StructId target = wrapped                    ? wrapped->parent
                    : first < structure.size() ? static_cast<StructId>(first)
                                               : kUntagged;
  if (target >= 0) {
    if (!block.id.empty()) structure.text(target).id = block.id;
    if (!block.language.empty() && block.language != structure.language())
      structure.text(target).language = block.language;
  }
  return directed(std::move(flowable));
}

}  // namespace

std::vector<FlowBlock> prepare_blocks(const std::vector<Block>& blocks, double width,
                                      const Context& ctx, int depth) {
  std::vector<FlowBlock> out;
  out.reserve(blocks.size());
  // Blocks on pages of a style with a background are checked against it.
  Context on_page = ctx;
  bool styled = false;  // a block named its page style: blocks take that style's width
  for (const Block& block : blocks) {
    if (depth == 0 && !block.page_style.empty()) {
      std::string style = block.page_style == "default" ? "" : block.page_style;
      auto it = ctx.doc.page_styles.find(style);
      on_page.background = it != ctx.doc.page_styles.end() ? it->second.background : std::nullopt;
      on_page.region = page_body(ctx.doc, style);
      styled = true;
    }
    // A page style may have its own margins, so a top-level block is as wide
    // as a column of the pages it starts on.
    double block_width = styled ? on_page.region.column_width : width;
    Defaults d = defaults_for(block.content, ctx.theme());
    FlowBlock fb;
    bool keep_together = block.keep_together.value_or(d.keep_together);
    fb.flowable = make_tagged_flowable(block, block_width, on_page, keep_together, depth);
    fb.space_before = block.space_before.value_or(d.space_before);
    fb.space_after = block.space_after.value_or(d.space_after);
    fb.keep_with_next = block.keep_with_next.value_or(d.keep_with_next);
    fb.break_before = block.break_before;
    fb.page_break = std::holds_alternative<PageBreak>(block.content);
    fb.span = block.span;
    // A heading carries its own anchor (with its title); other blocks with an
    // id get a target anchor from the flow.
    if (!std::holds_alternative<Heading>(block.content)) fb.id = block.id;
    // Pages are styled by top-level blocks, and a block in a page style starts its own page.
    if (depth == 0 && !block.page_style.empty()) {
      fb.page_style = block.page_style;
      if (fb.break_before != BreakBefore::right) fb.break_before = BreakBefore::page;
    }
    out.push_back(std::move(fb));
  }
  return out;
}

}  // namespace folio::layout
