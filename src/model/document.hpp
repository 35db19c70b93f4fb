#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "core/length.hpp"
#include "core/number_format.hpp"
#include "core/span.hpp"
#include "model/dataset.hpp"
#include "model/theme.hpp"
#include "model/value.hpp"

namespace folio {

// A string the user wrote. Before binding it may hold {{ templates }}; after
// binding it is the expanded text (CommonMark where the key takes text).
struct TextValue {
  std::string text;
  Span span;

  bool empty() const { return text.empty(); }
};

enum class Align { left, center, right, justify };
enum class BreakBefore { none, page, column };

struct Heading {
  TextValue text;
  int level = 1;
  bool in_contents = true;  // listed by a `contents` block
  bool bookmark = true;     // a PDF bookmark and the running `section`
  std::optional<Color> color = std::nullopt;
};

enum class ParagraphStyle { body, lead, small, note };
struct Paragraph {
  TextValue text;
  ParagraphStyle style = ParagraphStyle::body;
  Align align = Align::left;
  std::optional<Color> color = std::nullopt;
};

struct ListBlock {
  std::vector<TextValue> items;
  // Items from data: one per row of the dataset or list `data` names, each
  // `item` with {{ row.COLUMN }} (or {{ row }} for a list of plain values).
  TextValue data;
  TextValue item;
  bool ordered = false;
  std::optional<Color> color = std::nullopt;
};

enum class QuoteStyle { pull, block };
struct Quote {
  TextValue text;
  TextValue by;
  TextValue role;
  QuoteStyle style = QuoteStyle::pull;
  std::optional<Color> color = std::nullopt;
};

struct StatItem {
  TextValue value;
  TextValue label;
  TextValue note;
};
struct Stats {
  std::vector<StatItem> items;
  // Tiles from data: one per row of `data`, each made from `item`'s templates.
  TextValue data;
  std::optional<StatItem> item;
  int columns = 0;  // 0: all in one row
  std::optional<Color> color =
      std::nullopt;  // the values' colour (the labels keep the theme's text colour)
};

// The numbers of a chart or table: a named dataset, or written inline.
struct DataSource {
  TextValue name;   // `data = "results"` or `data = "file.csv"`; empty when inline
  Dataset dataset;  // inline, or filled in by binding
  // `exclude_series`: series of a shared dataset this block leaves out (say,
  // one on another scale); a name the dataset lacks is no error, so one layout
  // serves data files with different series.
  std::vector<TextValue> exclude_series;
};

enum class ChartKind { bar, line, donut };
enum class Orientation { vertical, horizontal };
enum class ChartMode { grouped, stacked };
enum class LegendPosition { top, bottom, right, none };
struct Chart {
  ChartKind kind = ChartKind::bar;
  Orientation orientation = Orientation::vertical;
  ChartMode mode = ChartMode::grouped;
  DataSource source;
  TextValue title;
  TextValue caption;
  TextValue axis_title;
  TextValue alt;
  bool value_labels = true;
  LegendPosition legend = LegendPosition::bottom;
  std::optional<double> min;
  std::optional<double> max;
  Span range_span;
  NumberFormat format;
  Length height{mm_to_pt(70), false};
  std::optional<Length> width;
};

struct TableColumn {
  TextValue title;
  std::optional<Align> align;
  std::optional<NumberFormat> format;
  std::optional<Length> width;  // nullopt: auto
  bool sum = true;  // counted in total_column and total_row (false for, say, a year or a code)
};
// A table cell: a number, or text (CommonMark inline).
struct TableCell {
  std::variant<std::monostate, double, std::string> content;
  Span span;
  bool from_data = false;  // text from a dataset: printed as itself, never read as Markdown
};
struct TableBlock {
  DataSource source;
  bool transpose = false;
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;
  bool header = true;
  TextValue total_column;
  TextValue total_row;
  bool zebra = true;
  TextValue caption;
  TextValue notes;
};

struct Image {
  TextValue src;
  std::string resolved_path;  // filled in by binding, after symlinks are resolved
  Size natural;               // filled in by binding: the file's own size in points
  std::optional<Length> width;
  TextValue alt;
  TextValue caption;
  Align align = Align::center;
};

struct Block;

struct Box {
  std::vector<Block> blocks;
  std::optional<Color> background;
  std::optional<Color> border;
  std::optional<Color> color = std::nullopt;  // text colour, inherited by the blocks inside
  double padding = mm_to_pt(4);
  // The background runs out to the page's edges and into the bleed (sideways,
  // and upwards when the box starts a page): a band across a leaflet's front.
  bool full_bleed = false;
};

struct ColumnsBlock {
  int count = 2;
  double gap = mm_to_pt(6);
  std::vector<Block> blocks;
};

struct Rule {};
struct Spacer {
  double height = 12;
};
struct PageBreak {};

// The document's headings down to `depth`, each with its page number and a
// link to it. Page numbers come from laying the document out again until they settle.
struct ContentsBlock {
  int depth = 2;
  bool leaders = true;  // dots between a heading and its page number
};

using BlockContent = std::variant<Heading, Paragraph, ListBlock, Quote, Stats, Chart, TableBlock,
                                  Image, Box, ColumnsBlock, Rule, Spacer, PageBreak, ContentsBlock>;

struct Block {
  BlockContent content;
  std::string id;
  std::string language;    // BCP 47, when the block is in another language than the document
  std::string page_style;  // the block starts a page in this style
  BreakBefore break_before = BreakBefore::none;
  std::optional<bool> keep_with_next;  // nullopt: the block type's default
  std::optional<bool> keep_together;
  std::optional<double> space_before;
  std::optional<double> space_after;
  Span span;  // the [[block]] table
};

struct PageSetup {
  Size size{mm_to_pt(210), mm_to_pt(297)};
  Insets margins{mm_to_pt(18), mm_to_pt(18), mm_to_pt(18), mm_to_pt(18)};
  int columns = 1;
  double column_gap = mm_to_pt(6);
  double bleed = 0;
  bool crop_marks = false;
  // Printed on both sides: `margins`' left is the inside (binding) margin of a
  // right-hand (odd) page; a left-hand (even) page mirrors it, and the header
  // and footer texts change sides so that their left and right texts sit on
  // the outside.
  bool two_sided = false;
  // The left edge of the body on page `number` (1-based).
  double body_left(int number) const {
    return two_sided && number % 2 == 0 ? margins.right : margins.left;
  }
};

struct Metadata {
  TextValue title;
  TextValue subtitle;
  TextValue author;
  TextValue subject;
  std::vector<TextValue> keywords;
  TextValue date;
  std::string language = "en-GB";
};

// A header or footer; its text may use {{ page }}, {{ pages }} and {{ section }},
// which binding leaves for layout to fill in per page.
struct RunningText {
  TextValue left;
  TextValue center;
  TextValue right;
  bool first_page = true;
  bool rule = false;

  bool empty() const { return left.empty() && center.empty() && right.empty(); }
};

// A named page style ([page.NAME]): what a cover or back cover changes.
struct PageStyle {
  bool header = true;
  bool footer = true;
  std::optional<Color> background = std::nullopt;
};

struct Document {
  std::string path;      // the layout file
  std::string base_dir;  // relative paths in the layout resolve from here
  // Every file the document was made from (layout, data, themes, CSV, images),
  // in the order first read, so `folio watch` knows what to watch.
  std::vector<std::string> files_read;
  Metadata metadata;
  PageSetup page;
  Theme theme;
  RunningText header;
  RunningText footer;
  std::map<std::string, PageStyle> page_styles;
  std::vector<Block> blocks;
  Value data;  // [data] merged with the data files
  // [dataset.NAME] tables: typed tables read and transformed by binding.
  std::vector<DatasetSpec> datasets;
  // The dataset values templates named ({{ totals.rain }}), kept by binding
  // for what layout expands later: the header and footer on every page.
  std::map<std::string, Scalar, std::less<>> dataset_values;
  // A data file could not be read or parsed, so a data path or dataset not
  // found may be in it: binding does not report those (they would bury the real error).
  bool data_incomplete = false;
};

}  // namespace folio

namespace folio {

// A template path as the document sees it: `document.title` and the other
// metadata, else a path into the data.
Lookup lookup_in_document(const Document& doc, std::string_view path);

}  // namespace folio
