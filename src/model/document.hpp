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
#include "core/locale.hpp"
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

// `left` and `right` are sides of the page; `start` and `end` follow the
// text's direction (in right-to-left text, `start` is the right).
enum class Align { left, center, right, justify, start, end };
// The direction text is read in, and the side layouts start from. `automatic`
// takes it from the language (Arabic, Hebrew, Persian, Urdu, ... read right to left).
enum class Direction { automatic, ltr, rtl };
// `right`: a new page that is a right-hand one; in a two-sided document a
// blank left-hand page goes before it when needed.
enum class BreakBefore { none, page, column, right };
// What happens when the content runs a little over its pages.
enum class Fit { none, shrink };

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
  Align align = Align::start;
  std::optional<Color> color = std::nullopt;
  std::optional<bool> hyphenate = std::nullopt;  // nullopt: [document] hyphenate
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
  // In a right-to-left block the chart mirrors (categories read from the
  // right, bars grow leftwards) unless this or [document] mirror_charts says no.
  std::optional<bool> mirror = std::nullopt;
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

// Where notes written inline (`^[...]`) are set.
enum class NotePlacement {
  foot,  // at the foot of the page (the column) that holds the reference
  end,   // by the next `notes` block
};

// The endnotes referenced since the previous `notes` block.
struct NotesBlock {};

using BlockContent = std::variant<Heading, Paragraph, ListBlock, Quote, Stats, Chart, TableBlock,
                                  Image, Box, ColumnsBlock, Rule, Spacer, PageBreak, ContentsBlock,
                                  NotesBlock>;

struct Block {
  BlockContent content;
  std::string id;
  std::string language;  // BCP 47, when the block is in another language than the document
  // automatic: the block's language's direction when it sets a language, else its parent's.
  Direction direction = Direction::automatic;
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
};

struct Metadata {
  TextValue title;
  TextValue subtitle;
  TextValue author;
  TextValue subject;
  std::vector<TextValue> keywords;
  TextValue date;
  std::string language = "en-GB";
  Direction direction = Direction::automatic;  // automatic: from `language`
  // How numbers and dates are written (core/locale.hpp); empty: the language's, else en-GB.
  std::string locale;
  bool mirror_charts = true;  // charts mirror in right-to-left text
  // Break words at the ends of lines, by the text's language's dictionary.
  bool hyphenate = false;
  // shrink: when the last page would hold only a little, the text is set
  // smaller in steps, down to `fit_min_size` (default 85% of the theme's size).
  Fit fit = Fit::none;
  std::optional<double> fit_min_size;
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
enum class PageNumbering { arabic, roman, none };

struct PageStyle {
  bool header = true;
  bool footer = true;
  std::optional<Color> background = std::nullopt;
  // A picture over the whole sheet, bleed included, scaled to cover it (a
  // cover photograph); decoration, so an artifact in the tagged PDF.
  std::optional<Image> background_image = std::nullopt;
  std::optional<Insets> margins = std::nullopt;  // nullopt: the document's
  PageNumbering numbering = PageNumbering::arabic;
  bool restart_numbering = false;  // its first page is number 1 again
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
  NotePlacement notes = NotePlacement::foot;
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
  // [document] or [theme] settings are templates of the data, left unexpanded
  // in a layout loaded once for many documents (LoadOptions::defer_templated_settings).
  bool settings_from_data = false;

  // The document reads right to left: `direction`, or its language's.
  bool rtl() const;
  // Its `locale`, else its language's when folio knows it, else en-GB.
  const Locale& locale() const;
};

}  // namespace folio

namespace folio {

// A template path as the document sees it: `document.title` and the other
// metadata, else a path into the data.
Lookup lookup_in_document(const Document& doc, std::string_view path);

}  // namespace folio
