#include "load/dataset.hpp"

#include <fmt/format.h>

#include "core/number_format.hpp"
#include "core/number_parse.hpp"
#include "core/template.hpp"

namespace folio {

std::optional<Dataset> dataset_from_value(const Value& value, std::string_view name,
                                          Diagnostics& diags, const Theme* theme) {
  const auto* table = value.table();
  if (!table) {
    diags.error(value.span, fmt::format("dataset `{}` must be a table with `categories` and "
                                        "`series`, not {}",
                                        name, describe_type(value)));
    return std::nullopt;
  }
  int errors_before = diags.error_count();
  Dataset ds;
  ds.span = value.span;
  if (const Value* title = value.member("title"); title && title->string())
    ds.title = *title->string();
  const Value* categories = value.member("categories");
  const Value* series = value.member("series");
  if (!categories || !categories->array()) {
    diags.error(categories ? categories->span : value.span,
                fmt::format("dataset `{}` needs `categories = [\"...\", ...]`", name));
  } else {
    for (const auto& c : *categories->array()) {
      if (c.string()) {
        ds.categories.push_back(*c.string());
      } else if (c.is_number()) {
        ds.categories.push_back(format_plain(c.as_number()));
      } else {
        diags.error(c.span, fmt::format("a category must be text, not {}", describe_type(c)));
      }
    }
  }
  if (!series || !series->array()) {
    diags.error(series ? series->span : value.span,
                fmt::format("dataset `{}` needs `series = [{{ name, values }}, ...]`", name));
    return std::nullopt;
  }
  for (const auto& s : *series->array()) {
    if (!s.is_table()) {
      diags.error(s.span, fmt::format("a series must be a table {{ name, values }}, not {}",
                                      describe_type(s)));
      continue;
    }
    Series out;
    out.span = s.span;
    const Value* sname = s.member("name");
    out.name = sname && sname->string() ? *sname->string()
                                        : fmt::format("series {}", ds.series.size() + 1);
    if (const Value* color = s.member("color"); color && color->string()) {
      out.color = parse_hex_color(*color->string());
      if (!out.color && theme) out.color = theme->named_color(*color->string());
      if (!out.color)
        diags.error(color->span,
                    fmt::format("series \"{}\": `color` must be \"#rrggbb\", \"#rrggbbaa\" or a "
                                "theme colour such as \"accent\" or \"palette.2\"",
                                out.name));
    }
    const Value* values = s.member("values");
    if (!values || !values->array()) {
      diags.error(
          values ? values->span : s.span,
          fmt::format("series \"{}\" needs `values = [ ... ]`, a list of numbers", out.name));
      continue;
    }
    if (values->array()->empty())
      diags.error(values->span, fmt::format("series \"{}\" has no values", out.name));
    for (const auto& v : *values->array()) {
      if (const std::string* text = v.string()) {
        // "{{ region.sales }}" is read as a number by binding; "1,457" now.
        if (has_placeholder(*text)) {
          Span at = v.span;
          if (at.known()) at.column += 1;  // inside the quotes
          out.templated.push_back({out.values.size(), {*text, at}});
          out.values.push_back(0);
          continue;
        }
        if (auto n = parse_number_text(*text)) {
          out.values.push_back(n->value);
          continue;
        }
      }
      if (!v.is_number()) {
        diags.error(v.span,
                    fmt::format("series \"{}\": every value must be a number, not {}", out.name,
                                describe_type(v)),
                    {"a template that gives a number is fine too: \"{{ region.sales }}\""});
        continue;
      }
      out.values.push_back(v.as_number());
    }
    if (!values->array()->empty() && !ds.categories.empty() &&
        values->array()->size() != ds.categories.size()) {
      diags.error(values->span,
                  fmt::format("series \"{}\" has {} values but there are {} categories", out.name,
                              values->array()->size(), ds.categories.size()));
    }
    ds.series.push_back(std::move(out));
  }
  if (ds.series.empty() && diags.error_count() == errors_before)
    diags.error(series->span, fmt::format("dataset `{}` has no series", name));
  if (diags.error_count() > errors_before) return std::nullopt;
  return ds;
}

}  // namespace folio
