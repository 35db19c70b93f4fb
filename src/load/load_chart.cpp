#include <fmt/format.h>

#include "load/dataset.hpp"
#include "load/internal.hpp"

namespace folio {

// Inline `categories` + `series`, checked by the same code as a named dataset.
void load_inline_dataset(TableReader& r, DataSource& source, std::string_view block) {
  if (auto* exclude = r.get("exclude_series")) {
    auto* names = exclude->as_array();
    if (!names) r.wrong_type("exclude_series", *exclude, "a list of series names");
    for (size_t i = 0; names && i < names->size(); ++i) {
      const toml::node& item = *names->get(i);
      if (auto name = item.value_exact<std::string>()) {
        source.exclude_series.push_back(text_of(item, *name));
      } else {
        r.diags().error(
            span_of(item),
            fmt::format("`exclude_series` must hold series names, not {}", describe_type(item)));
      }
    }
  }
  auto* categories = r.get("categories");
  auto* series = r.get("series");
  auto* data = r.get("data");
  if (data) {
    if (auto name = data->value_exact<std::string>()) {
      source.name = text_of(*data, *name);
    } else {
      r.wrong_type("data", *data, "the name of a dataset or a .csv file");
    }
    if (series) r.diags().error(span_of(*series), "give either `data` or `series`, not both");
    return;
  }
  if (!series) {
    if (block == "chart")
      r.diags().error(r.span(), "a chart needs `data = \"name\"` or `categories` and `series`");
    return;
  }
  Value inline_table;
  inline_table.span = r.span();
  Value::Table t;
  if (categories) t.emplace_back("categories", to_value(*categories));
  t.emplace_back("series", to_value(*series));
  inline_table.content = std::move(t);
  if (!categories) {
    r.diags().error(r.span(), "inline `series` need `categories = [\"...\", ...]` too");
    return;
  }
  if (auto ds = dataset_from_value(inline_table, "inline", r.diags(), r.theme()))
    source.dataset = std::move(*ds);
}

Chart load_chart(TableReader& r) {
  Chart c;
  if (auto k = r.choice<ChartKind>(
          "kind",
          {{"bar", ChartKind::bar}, {"line", ChartKind::line}, {"donut", ChartKind::donut}}))
    c.kind = *k;
  if (auto o = r.choice<Orientation>("orientation", {{"vertical", Orientation::vertical},
                                                     {"horizontal", Orientation::horizontal}}))
    c.orientation = *o;
  if (auto m = r.choice<ChartMode>(
          "mode", {{"grouped", ChartMode::grouped}, {"stacked", ChartMode::stacked}}))
    c.mode = *m;
  load_inline_dataset(r, c.source, "chart");
  c.title = r.text("title");
  c.caption = r.text("caption");
  c.axis_title = r.text("axis_title");
  c.alt = r.text("alt");
  if (auto v = r.boolean("value_labels")) c.value_labels = *v;
  if (auto l = r.choice<LegendPosition>("legend", {{"top", LegendPosition::top},
                                                   {"bottom", LegendPosition::bottom},
                                                   {"right", LegendPosition::right},
                                                   {"none", LegendPosition::none}}))
    c.legend = *l;
  c.min = r.number("min");
  c.max = r.number("max");
  c.range_span = r.get("min") ? r.span("min") : r.span("max");
  if (c.min && c.max && *c.min >= *c.max)
    r.diags().error(r.span("max"), fmt::format("`max` ({}) must be greater than `min` ({})",
                                               format_plain(*c.max), format_plain(*c.min)));
  if (auto f = r.string("format")) {
    if (auto nf = parse_number_format(*f)) {
      c.format = *nf;
    } else {
      r.diags().error(r.span("format"), fmt::format("unknown format \"{}\"; use \"number\", "
                                                    "\"number(N)\", \"percent\" or \"percent(N)\"",
                                                    *f));
    }
  }
  if (auto h = r.length("height")) c.height = *h;
  c.width = r.length("width", true);
  c.mirror = r.boolean("mirror");
  return c;
}

}  // namespace folio
