#pragma once

// The format's keys, table by table: what `folio schema` publishes and what
// the loader accepts (tests/unit/test_format_keys.cpp checks every table here
// against the keys the loader's TableReaders ask for, both ways, so the two
// cannot drift apart). Adding a key to a loader means adding it here.

#include <cstdint>
#include <string_view>
#include <vector>

namespace folio {

enum class ValueKind {
  string,   // plain string
  text,     // Markdown text with {{ templates }}
  integer,  // whole number, within [min, max] when min < max
  number,   // any number
  boolean,
  length,         // points, or a string with pt, mm, cm, in or px
  width,          // a length or a percentage of the space available
  width_or_auto,  // a width or "auto"
  color,          // "#rrggbb", "#rrggbbaa" or a theme colour name
  choice,         // one of `choices`
  margins,        // one length or [top, right, bottom, left]
  page_size,      // a size name or [width, height]
  text_list,      // list of text
  color_list,     // non-empty list of colours
  number_list,    // list of numbers
  number_format,  // "number", "number(N)", "percent", "percent(N)"
  path,           // a file path relative to the layout
  dataset,        // a dataset name under [data], or a .csv path
  categories,     // list of category names
  series,         // list of series tables
  rows,           // list of rows, each a list of cells (text or numbers)
  table_columns,  // list of table column tables
  stats_items,    // list of stats item tables
  stats_item,     // one stats item table (the template of tiles from data)
  text_or_list,   // one string or a list of strings
  column_types,   // a table of column name = "text" | "number" | "percent" | "date"
  pivot,          // the pivot table of a dataset
  blocks,         // list of block tables
  any_table,      // a table of anything (data)
  string_map,     // a table of name = string
  string_list,    // list of plain strings
};

struct KeySpec {
  std::string_view name;
  ValueKind kind;
  std::string_view doc;
  std::vector<std::string_view> choices = {};
  int64_t min = 0;
  int64_t max = 0;
};

struct TableSpec {
  // "document", "theme", "running" (header and footer), "block" (keys of every
  // block), "block.TYPE", "table.column", "stats.item", "chart.series".
  std::string_view name;
  std::string_view doc;
  std::vector<KeySpec> keys;
  std::vector<std::string_view> required = {};  // keys without which the loader reports an error
  bool closed = true;  // unknown keys are errors (false: extra keys are ignored)
};

const std::vector<TableSpec>& format_tables();
// The table named `name`; nullptr when there is none.
const TableSpec* find_format_table(std::string_view name);
// The block types, in the order the format lists them.
std::vector<std::string_view> format_block_types();

}  // namespace folio
