#include <fmt/format.h>

#include "core/suggest.hpp"
#include "load/internal.hpp"

namespace folio {
namespace {

const std::vector<std::string_view> kBlockTypes = {
    "heading", "paragraph", "list",    "quote", "stats",  "chart",      "table",
    "image",   "box",       "columns", "rule",  "spacer", "page_break", "contents", "notes"};

std::vector<TextValue> text_list(TableReader& r, std::string_view key) {
  std::vector<TextValue> out;
  auto* node = r.get(key);
  if (!node) return out;
  auto* arr = node->as_array();
  if (!arr) {
    r.wrong_type(key, *node, "a list of strings");
    return out;
  }
  for (const auto& item : *arr) {
    if (auto s = item.value_exact<std::string>()) {
      out.push_back(text_of(item, *s));
    } else {
      r.diags().error(span_of(item),
                      fmt::format("`{}` must hold strings, not {}", key, describe_type(item)));
    }
  }
  return out;
}

Stats load_stats(TableReader& r) {
  Stats stats;
  if (auto c = r.integer("columns", 1, 12)) stats.columns = static_cast<int>(*c);
  stats.color = r.color("color");
  stats.data = r.text("data");
  if (auto* item = r.get("item")) {
    if (auto* t = item->as_table()) {
      TableReader ir(*t, r.diags());
      stats.item = StatItem{ir.text("value"), ir.text("label"), ir.text("note")};
      if (!ir.get("value")) r.diags().error(span_of(*item), "a stats item needs a `value`");
      ir.finish();
    } else {
      r.wrong_type("item", *item,
                   "a table { value, label, note } of templates using {{ row.COLUMN }}");
    }
  }
  if (stats.data.empty() != !stats.item)
    r.diags().error(r.span(),
                    "`data` and `item` go together: one tile per row of `data`, "
                    "each made from the `item` templates");
  auto* node = r.get("items");
  if (!node) {
    if (stats.data.empty())
      r.diags().error(r.span(), "a stats block needs `items = [{ value, label, note }, ...]`",
                      {"or tiles from a dataset: data = \"NAME\" with item = { value = "
                       "\"{{ row.COLUMN }}\", label = \"...\" }"});
    return stats;
  }
  if (!stats.data.empty())
    r.diags().error(span_of(*node), "give either `items` or `data` with `item`, not both");
  auto* arr = node->as_array();
  if (!arr) {
    r.wrong_type("items", *node, "a list of { value, label, note } tables");
    return stats;
  }
  for (const auto& item : *arr) {
    auto* t = item.as_table();
    if (!t) {
      r.diags().error(span_of(item), fmt::format("each stats item must be a table such as "
                                                 "{{ value = \"139\", label = \"...\" }}, not {}",
                                                 describe_type(item)));
      continue;
    }
    TableReader ir(*t, r.diags());
    StatItem stat{ir.text("value"), ir.text("label"), ir.text("note")};
    if (!ir.get("value")) r.diags().error(span_of(item), "a stats item needs a `value`");
    ir.finish();
    stats.items.push_back(std::move(stat));
  }
  if (stats.items.empty()) r.diags().error(span_of(*node), "`items` is empty");
  return stats;
}

Align load_align(TableReader& r, Align fallback, bool justify_allowed) {
  if (justify_allowed) {
    return r
        .choice<Align>("align", {{"start", Align::start},
                                 {"end", Align::end},
                                 {"left", Align::left},
                                 {"center", Align::center},
                                 {"right", Align::right},
                                 {"justify", Align::justify}})
        .value_or(fallback);
  }
  return r
      .choice<Align>("align", {{"start", Align::start},
                               {"end", Align::end},
                               {"left", Align::left},
                               {"center", Align::center},
                               {"right", Align::right}})
      .value_or(fallback);
}

void require_key(TableReader& r, std::string_view key, std::string_view type) {
  if (!r.get(key)) r.diags().error(r.span(), fmt::format("a {} block needs `{}`", type, key));
}

}  // namespace

std::optional<Direction> load_direction(TableReader& r) {
  return r.choice<Direction>(
      "direction",
      {{"ltr", Direction::ltr}, {"rtl", Direction::rtl}, {"auto", Direction::automatic}});
}

std::vector<Block> load_block_list(const toml::node& node, BlockContext& ctx, int depth) {
  std::vector<Block> blocks;
  auto* arr = node.as_array();
  if (!arr) {
    ctx.diags.error(span_of(node), fmt::format("`blocks` must be a list of block tables, not {}",
                                               describe_type(node)));
    return blocks;
  }
  for (const auto& item : *arr) {
    auto* t = item.as_table();
    if (!t) {
      ctx.diags.error(span_of(item), fmt::format("a block must be a table with a `type`, not {}",
                                                 describe_type(item)));
      continue;
    }
    if (++ctx.block_count > ctx.limits.max_blocks) {
      ctx.diags.error(span_of(item), fmt::format("more than {} blocks; raise the limit with "
                                                 "--max-blocks",
                                                 ctx.limits.max_blocks));
      break;
    }
    if (auto b = load_block(*t, ctx, depth)) blocks.push_back(std::move(*b));
  }
  return blocks;
}

std::optional<Block> load_block(const toml::table& table, BlockContext& ctx, int depth) {
  TableReader r(table, ctx.diags, &ctx.theme);
  Block block;
  block.span = r.span();
  auto type_node = r.get("type");
  if (!type_node) {
    ctx.diags.error(r.span(), "a block needs a `type`",
                    {"one of heading, paragraph, list, quote, stats, chart, table, image, box, "
                     "columns, rule, spacer, page_break, contents, notes"});
    return std::nullopt;
  }
  auto type = type_node->value_exact<std::string>();
  if (!type) {
    r.wrong_type("type", *type_node, "a block type name");
    return std::nullopt;
  }
  if (auto id = r.string("id")) block.id = *id;
  if (auto lang = r.language("language")) block.language = *lang;
  if (auto d = load_direction(r)) block.direction = *d;
  if (auto style = r.string("page_style")) block.page_style = *style;
  if (auto b = r.choice<BreakBefore>("break_before", {{"page", BreakBefore::page},
                                                      {"column", BreakBefore::column},
                                                      {"right", BreakBefore::right},
                                                      {"none", BreakBefore::none}}))
    block.break_before = *b;
  block.keep_with_next = r.boolean("keep_with_next");
  block.keep_together = r.boolean("keep_together");
  if (auto s = r.length("space_before")) block.space_before = s->value;
  if (auto s = r.length("space_after")) block.space_after = s->value;

  const std::string& t = *type;
  if (t == "heading") {
    Heading h;
    h.text = r.text("text");
    require_key(r, "text", t);
    if (auto l = r.integer("level", 1, 3)) h.level = static_cast<int>(*l);
    if (auto c = r.boolean("contents")) h.in_contents = *c;
    if (auto b = r.boolean("bookmark")) h.bookmark = *b;
    h.color = r.color("color");
    block.content = std::move(h);
  } else if (t == "paragraph") {
    Paragraph p;
    p.text = r.text("text");
    require_key(r, "text", t);
    if (auto s = r.choice<ParagraphStyle>("style", {{"body", ParagraphStyle::body},
                                                    {"lead", ParagraphStyle::lead},
                                                    {"small", ParagraphStyle::small},
                                                    {"note", ParagraphStyle::note}}))
      p.style = *s;
    p.align = load_align(r, Align::start, true);
    p.hyphenate = r.boolean("hyphenate");
    p.color = r.color("color");
    block.content = std::move(p);
  } else if (t == "list") {
    ListBlock l;
    l.data = r.text("data");
    l.item = r.text("item");
    if (!r.get("items") && l.data.empty())
      ctx.diags.error(r.span(), "a list block needs `items`",
                      {"or items from data: data = \"NAME\" with item = \"{{ row.COLUMN }}\""});
    if (r.get("items") && !l.data.empty())
      ctx.diags.error(r.span("items"), "give either `items` or `data`, not both");
    if (!l.item.empty() && l.data.empty())
      ctx.diags.error(r.span("item"),
                      "`item` is the template of each row of `data`: give `data` too");
    l.items = text_list(r, "items");
    if (auto o = r.boolean("ordered")) l.ordered = *o;
    l.color = r.color("color");
    block.content = std::move(l);
  } else if (t == "quote") {
    Quote q;
    q.text = r.text("text");
    require_key(r, "text", t);
    q.by = r.text("by");
    q.role = r.text("role");
    if (auto s = r.choice<QuoteStyle>("style",
                                      {{"pull", QuoteStyle::pull}, {"block", QuoteStyle::block}}))
      q.style = *s;
    q.color = r.color("color");
    block.content = std::move(q);
  } else if (t == "stats") {
    block.content = load_stats(r);
  } else if (t == "chart") {
    block.content = load_chart(r);
  } else if (t == "table") {
    block.content = load_table(r);
  } else if (t == "image") {
    Image img;
    img.src = r.text("src");
    require_key(r, "src", t);
    img.width = r.length("width", true);
    img.alt = r.text("alt");
    img.caption = r.text("caption");
    img.align = load_align(r, Align::center, false);
    if (!r.get("alt"))
      ctx.diags.warning(r.span(),
                        "an image without `alt` text: readers who cannot see it get nothing",
                        {"add alt = \"what the picture shows\""});
    block.content = std::move(img);
  } else if (t == "box" || t == "columns") {
    if (depth + 1 > ctx.limits.max_nesting) {
      ctx.diags.error(r.span(), fmt::format("boxes and columns nest more than {} deep",
                                            ctx.limits.max_nesting));
      return std::nullopt;
    }
    std::vector<Block> inner;
    if (auto* node = r.get("blocks")) {
      inner = load_block_list(*node, ctx, depth + 1);
    } else {
      ctx.diags.error(r.span(), fmt::format("a {} block needs `blocks = [ ... ]`", t));
    }
    if (t == "box") {
      Box box;
      box.blocks = std::move(inner);
      box.background = r.color("background");
      box.border = r.color("border");
      box.color = r.color("color");
      if (auto p = r.length("padding")) box.padding = p->value;
      if (auto b = r.boolean("full_bleed")) box.full_bleed = *b;
      block.content = std::move(box);
    } else {
      ColumnsBlock cols;
      cols.blocks = std::move(inner);
      if (auto c = r.integer("count", 1, 12)) cols.count = static_cast<int>(*c);
      if (auto g = r.length("gap")) cols.gap = g->value;
      block.content = std::move(cols);
    }
  } else if (t == "rule") {
    block.content = Rule{};
  } else if (t == "spacer") {
    Spacer s;
    if (auto h = r.length("height")) s.height = h->value;
    block.content = s;
  } else if (t == "page_break") {
    block.content = PageBreak{};
  } else if (t == "contents") {
    ContentsBlock c;
    if (auto d = r.integer("depth", 1, 3)) c.depth = static_cast<int>(*d);
    if (auto l = r.boolean("leaders")) c.leaders = *l;
    block.content = c;
  } else if (t == "notes") {
    block.content = NotesBlock{};
  } else {
    std::vector<std::string> hints;
    std::string message = fmt::format("unknown block type \"{}\"", t);
    if (auto guess = closest_match(t, kBlockTypes))
      message += fmt::format("; did you mean \"{}\"?", *guess);
    hints.push_back(
        "block types: heading, paragraph, list, quote, stats, chart, table, image, "
        "box, columns, rule, spacer, page_break, contents, notes");
    ctx.diags.error(span_of(*type_node), message, hints);
    return std::nullopt;
  }
  r.finish();
  return block;
}

}  // namespace folio
