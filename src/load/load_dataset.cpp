#include <fmt/format.h>

#include "core/number_parse.hpp"
#include "load/internal.hpp"

namespace folio {
namespace {

SpecText spec_text(TableReader& r, std::string_view key) {
  TextValue t = r.text(key);
  return SpecText{t.text, t.span};
}

// A key that takes one string or a list of them: `sort = "-rain"` or `sort = ["-rain", "month"]`.
std::vector<SpecText> text_list(TableReader& r, std::string_view key) {
  std::vector<SpecText> out;
  const toml::node* node = r.get(key);
  if (!node) return out;
  if (auto s = node->value_exact<std::string>()) {
    TextValue t = text_of(*node, *s);
    out.push_back(SpecText{t.text, t.span});
    return out;
  }
  auto* arr = node->as_array();
  if (!arr) {
    r.wrong_type(key, *node, "a string or a list of strings");
    return out;
  }
  for (const auto& item : *arr) {
    if (auto s = item.value_exact<std::string>()) {
      TextValue t = text_of(item, *s);
      out.push_back(SpecText{t.text, t.span});
    } else {
      r.diags().error(span_of(item),
                      fmt::format("`{}` must hold strings, not {}", key, describe_type(item)));
    }
  }
  return out;
}

std::optional<ColumnType> column_type_of(std::string_view name) {
  if (name == "text") return ColumnType::text;
  if (name == "number") return ColumnType::number;
  if (name == "percent") return ColumnType::percent;
  if (name == "date") return ColumnType::date;
  return std::nullopt;
}

DatasetSpec load_dataset(const std::string& name, const toml::table& table, Diagnostics& diags) {
  TableReader r(table, diags);
  DatasetSpec spec;
  spec.name = name;
  spec.span = r.span();
  spec.csv = spec_text(r, "csv");
  spec.sqlite = spec_text(r, "sqlite");
  spec.query = spec_text(r, "query");
  spec.from = spec_text(r, "from");
  int sources = !spec.csv.empty() + !spec.sqlite.empty() + !spec.from.empty();
  if (sources != 1)
    diags.error(r.span(),
                sources == 0
                    ? fmt::format("dataset `{}` needs `csv`, `sqlite` or `from`", name)
                    : fmt::format("dataset `{}` takes one of `csv`, `sqlite` and `from`", name),
                {"csv = \"data/file.csv\" reads a CSV file; from = \"other\" derives from another "
                 "dataset or an array of tables under [data]"});
  if (!spec.sqlite.empty() && spec.query.empty())
    diags.error(r.span("sqlite"), "a `sqlite` dataset needs a `query`",
                {"query = \"SELECT region, sum(sales) AS sales FROM orders GROUP BY region\""});
  if (spec.sqlite.empty() && !spec.query.empty())
    diags.error(r.span("query"), "`query` goes with `sqlite = \"file.db\"`");
  if (auto* types = r.get("types")) {
    spec.types_span = span_of(*types);
    if (auto* t = types->as_table()) {
      for (const auto& [column, type] : *t) {
        auto text = type.value_exact<std::string>();
        auto parsed = text ? column_type_of(*text) : std::nullopt;
        if (!parsed) {
          diags.error(span_of(type),
                      fmt::format("column \"{}\": a type is \"text\", \"number\", \"percent\" or "
                                  "\"date\"",
                                  column.str()));
          continue;
        }
        spec.types.emplace(std::string(column.str()), *parsed);
      }
    } else {
      r.wrong_type("types", *types,
                   "a table of column types: { date = \"date\", code = \"text\" }");
    }
  }
  spec.locale = spec_text(r, "locale");
  if (!spec.locale.empty() && !decimal_mark_of_locale(spec.locale.text))
    diags.error(
        spec.locale.span,
        fmt::format("\"{}\" is not a language tag such as \"en\" or \"de-DE\"", spec.locale.text));
  spec.derive = text_list(r, "derive");
  spec.filter = text_list(r, "filter");
  spec.group_by = text_list(r, "group_by");
  spec.aggregate = text_list(r, "aggregate");
  if (auto* pivot = r.get("pivot")) {
    if (auto* t = pivot->as_table()) {
      TableReader p(*t, diags);
      PivotSpec ps;
      ps.span = span_of(*pivot);
      ps.index = spec_text(p, "index");
      ps.columns = spec_text(p, "columns");
      ps.values = spec_text(p, "values");
      ps.aggfunc = spec_text(p, "aggfunc");
      if (auto fill = p.number("fill")) ps.fill = *fill;
      p.finish();
      for (auto [key, value] : {std::pair{"index", &ps.index}, std::pair{"columns", &ps.columns},
                                std::pair{"values", &ps.values}})
        if (value->empty()) diags.error(ps.span, fmt::format("`pivot` needs `{}`", key));
      spec.pivot = std::move(ps);
    } else {
      r.wrong_type("pivot", *pivot, "a table { index, columns, values, aggfunc }");
    }
  }
  spec.compute = text_list(r, "compute");
  spec.sort = text_list(r, "sort");
  if (r.get("limit")) {
    spec.limit = r.integer("limit", 0, int64_t{1} << 40);
    spec.limit_span = r.span("limit");
  }
  spec.select = text_list(r, "select");
  r.finish();
  return spec;
}

}  // namespace

void load_datasets(const toml::table& table, Document& doc, Diagnostics& diags) {
  for (const auto& [name, node] : table) {
    auto* t = node.as_table();
    if (!t) {
      diags.error(span_of(node), fmt::format("`dataset.{}` must be a table ([dataset.{}]), not {}",
                                             name.str(), name.str(), describe_type(node)));
      continue;
    }
    doc.datasets.push_back(load_dataset(std::string(name.str()), *t, diags));
  }
}

}  // namespace folio
