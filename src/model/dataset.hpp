#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/span.hpp"
#include "model/data_table.hpp"

namespace folio {

// A string the user wrote in a [dataset.NAME] table, with where it was written
// (defined here, not in document.hpp, so that the dataset model stands alone).
struct SpecText {
  std::string text;
  Span span;
  bool empty() const { return text.empty(); }
};

// A value written as a template ("{{ region.sales }}"): filled in by binding,
// which reads its expansion as a number.
struct TemplatedValue {
  size_t index = 0;  // into Series::values
  SpecText text;
};

struct Series {
  std::string name;
  std::vector<double> values;
  std::optional<Color> color;
  Span span;
  std::vector<TemplatedValue> templated;
};

// Numbers by category and series, shared by a chart and a table so they never disagree.
struct Dataset {
  std::string title;
  std::vector<std::string> categories;
  std::vector<Series> series;
  Span span;
};

}  // namespace folio

namespace folio {

// `pivot = { index, columns, values, aggfunc, fill }`: long to wide.
struct PivotSpec {
  SpecText index;
  SpecText columns;
  SpecText values;
  SpecText aggfunc;  // empty: "sum"
  double fill = 0;   // for an index and column pair no row has
  Span span;
};

// A [dataset.NAME] table: where the rows come from, then the transforms, which
// apply in this fixed order (as SQL's clauses do, whatever order they are
// written in): derive, filter, group_by + aggregate, pivot, compute, sort,
// limit, select.
struct DatasetSpec {
  std::string name;
  Span span;
  SpecText csv;     // a CSV file relative to the layout
  SpecText sqlite;  // a SQLite database relative to the layout, with `query`
  SpecText query;
  SpecText from;  // another dataset, or an array of tables under [data]
  std::map<std::string, ColumnType, std::less<>> types;
  Span types_span;
  SpecText locale;  // the CSV's number format: "de" reads 1.234,5
  std::vector<SpecText> derive;
  std::vector<SpecText> filter;
  std::vector<SpecText> group_by;
  std::vector<SpecText> aggregate;
  std::optional<PivotSpec> pivot;
  std::vector<SpecText> compute;
  std::vector<SpecText> sort;
  std::optional<int64_t> limit;
  Span limit_span;
  std::vector<SpecText> select;
};

}  // namespace folio
