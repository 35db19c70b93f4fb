#pragma once

// Pieces of the loader shared between its files.

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "load/load.hpp"
#include "load/toml_reader.hpp"

namespace folio {

// Parses TOML text; a syntax error is reported at its position.
std::optional<toml::table> parse_toml(const std::string& text, const std::string& path,
                                      Diagnostics& diags);

// A TOML value as data (every leaf keeps its span).
Value to_value(const toml::node& node);

// [theme], after loading any `extends` theme file it names.
struct FileAccess;
void load_theme(const toml::table& table, const std::string& base_dir, const Limits& limits,
                const FileAccess& access, Theme& theme, Diagnostics& diags, int depth = 0);

// A theme file (holding a [theme] table) over `theme`; `from` is where it was named.
void load_theme_file(const std::string& path, const Span& from, const Limits& limits,
                     const FileAccess& access, Theme& theme, Diagnostics& diags, int depth,
                     const std::string& shown_path = "");

// Expands {{ templates }} in the [document] and [theme] keys that choose the
// language, direction, locale and fonts, from the data already merged into `doc`.
void expand_settings(toml::table& root, Document& doc, bool defer, Diagnostics& diags);
// --set theme.KEY=VALUE or document.KEY=VALUE on the layout's own table;
// false when `path` is not such a key (it is then data).
bool set_layout_key(toml::table& root, const std::string& path, const std::string& value);

struct BlockContext {
  Diagnostics& diags;
  const Theme& theme;
  const Limits& limits;
  size_t block_count = 0;
};

// One [[block]] table (and its nested blocks).
std::optional<Block> load_block(const toml::table& table, BlockContext& ctx, int depth);
// A list of block tables such as `blocks = [ ... ]` of a box.
std::vector<Block> load_block_list(const toml::node& node, BlockContext& ctx, int depth);

// Chart and table bodies: their own files, so each grows on its own.
Chart load_chart(TableReader& reader);
TableBlock load_table(TableReader& reader);

// `direction = "ltr" | "rtl" | "auto"`.
std::optional<Direction> load_direction(TableReader& r);
// [dataset.NAME] tables.
void load_datasets(const toml::table& table, Document& doc, Diagnostics& diags);

std::string join_path(const std::string& dir, const std::string& relative);
std::string folder_of(const std::string& path);

}  // namespace folio
