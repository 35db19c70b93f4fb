#include "load/format_keys.hpp"

namespace folio {
namespace {

using K = ValueKind;

const std::vector<std::string_view> kAlign3 = {"start", "end", "left", "center", "right"};
const std::vector<std::string_view> kAlign4 = {"start",   "end",    "left",
                                               "justify", "center", "right"};
const std::vector<std::string_view> kDirections = {"ltr", "rtl", "auto"};

std::vector<TableSpec> make_tables() {
  std::vector<TableSpec> t;
  t.push_back(
      {"document",
       "The page and the PDF's metadata.",
       {
           {"title", K::text, "The document's title; also the PDF's Title."},
           {"subtitle", K::text, "A subtitle, for the layout to show."},
           {"author", K::text, "The author; also the PDF's Author."},
           {"subject", K::text, "The subject; also the PDF's Subject."},
           {"keywords", K::text_list, "Keywords for the PDF's metadata."},
           {"date", K::text, "The publication date (YYYY-MM-DD); also the PDF's date."},
           {"language", K::string,
            "BCP 47 language tag, for hyphenation and the PDF. Default \"en-GB\"."},
           {"direction", K::choice,
            "\"rtl\": the document reads right to left and every layout mirrors; \"auto\" "
            "takes it from `language` (Arabic, Hebrew, Persian, Urdu, ...). Default \"auto\".",
            kDirections},
           {"locale", K::string,
            "How numbers, percentages and dates are written: \"pl\" prints 1234.5 as "
            "1 234,5, \"de\" as 1.234,5. Default: the language's when folio knows it, else "
            "\"en-GB\"."},
           {"hyphenate", K::boolean,
            "Break words at line ends where the text's language's hyphenation dictionary "
            "allows (libhyphen's: English, Polish, German, ...). Default false."},
           {"fit",
            K::choice,
            "\"shrink\": when the last page would hold only a little (a block pushed over "
            "from the page before), set the text smaller in steps until the pages before hold "
            "it, down to fit_min_size. Without it, such a page is a warning. Default \"none\".",
            {"none", "shrink"}},
           {"fit_min_size", K::length,
            "The smallest body text size fit = \"shrink\" may go to. Default: 85% of the "
            "theme's size."},
           {"mirror_charts", K::boolean,
            "Charts mirror in right-to-left text (bars grow leftwards, categories read from "
            "the right). Default true."},
           {"size", K::page_size,
            "\"A3\", \"A4\", \"A5\", \"A6\", \"Letter\", \"Legal\" or [width, height]. Default "
            "\"A4\"."},
           {"orientation",
            K::choice,
            "Page orientation. Default \"portrait\".",
            {"portrait", "landscape"}},
           {"margins", K::margins, "One length, or [top, right, bottom, left]. Default \"18mm\"."},
           {"columns", K::integer, "Body columns. Default 1.", {}, 1, 12},
           {"column_gap", K::length, "Space between body columns. Default \"6mm\"."},
           {"bleed", K::length, "Extend the page by this much for print. Default \"0mm\"."},
           {"crop_marks", K::boolean, "Draw crop marks outside the trim box. Default false."},
           {"notes",
            K::choice,
            "Where notes written `^[...]` go: \"footnotes\", at the foot of the page that refers "
            "to them, or \"endnotes\", in a `notes` block. Default \"footnotes\".",
            {"footnotes", "endnotes"}},
           {"two_sided", K::boolean,
            "Printed on both sides: left-hand pages mirror the margins, and the header's and "
            "footer's left and right texts sit on the outside. Default false."},
       }});
  t.push_back({"theme",
               "Fonts, sizes and colours.",
               {
                   {"extends", K::path,
                    "A theme file (itself a [theme] table), relative to this file; the other keys "
                    "override it."},
                   {"font", K::string, "Body font family. Default \"Open Sans\"."},
                   {"heading_font", K::string, "Heading font family. Default \"Open Sans\"."},
                   {"mono_font", K::string,
                    "Monospaced font family, for `code`. Default \"DejaVu Sans Mono\"."},
                   {"fonts", K::string_map,
                    "A font per script or language, as in { arab = \"Noto Naskh Arabic\", ur = "
                    "\"Noto Nastaliq Urdu\", beng = \"Noto Sans Bengali\", hans = \"Noto Sans "
                    "CJK SC\" }: text in that language is set in it, and text in that script where "
                    "the theme's fonts lack it."},
                   {"fallback", K::string_list,
                    "Font families tried in order for characters the theme's fonts do not have."},
                   {"size", K::length, "Body text size. Default \"10pt\"."},
                   {"line_height", K::number,
                    "Line height as a factor of the size (0.5 to 4). Default 1.35."},
                   {"h1", K::length, "Level-1 heading size."},
                   {"h2", K::length, "Level-2 heading size."},
                   {"h3", K::length, "Level-3 heading size."},
                   {"text", K::color, "Text colour."},
                   {"muted", K::color, "Colour of secondary text (notes, captions)."},
                   {"accent", K::color, "Accent colour (headings, figures)."},
                   {"background", K::color, "Page background colour."},
                   {"rule", K::color, "Colour of rules and borders."},
                   {"on_accent", K::color,
                    "Text colour on an accent background (inverse text). Default white."},
                   {"palette", K::color_list,
                    "Colours of chart series, in order (a non-empty list of colours)."},
               }});
  t.push_back(
      {"running",
       "A running header or footer.",
       {
           {"left", K::text, "Text at the left; may use {{ page }}, {{ pages }}, {{ section }}."},
           {"center", K::text, "Text in the centre."},
           {"right", K::text, "Text at the right."},
           {"first_page", K::boolean, "Show it on page 1 too. Default true."},
           {"rule", K::boolean, "Draw a line between it and the body. Default false."},
       }});
  t.push_back(
      {"page_style",
       "A named page style, [page.NAME]: a cover, a back cover, a section divider.",
       {
           {"header", K::boolean, "Print the running header. Default true."},
           {"footer", K::boolean, "Print the running footer (and its page number). Default true."},
           {"background", K::color, "The page's colour, to its edges and into the bleed."},
           {"background_image", K::text,
            "A picture (PNG, JPEG or SVG, relative to the layout) over the whole sheet, bleed "
            "included, scaled to cover it: a cover photograph. Decoration: an artifact in the "
            "tagged PDF."},
           {"margins", K::margins,
            "The body's margins on these pages: one length, or [top, right, bottom, left]. "
            "Default: the document's."},
           {"numbering",
            K::choice,
            "How {{ page }}, the contents and page references print these pages' numbers "
            "(and the PDF's page labels): \"arabic\" (1, 2, 3), \"roman\" (i, ii, iii, for "
            "front matter) or \"none\". Default \"arabic\".",
            {"arabic", "roman", "none"}},
           {"restart_numbering", K::boolean,
            "The first page in this style is number 1 again. Default false."},
       }});
  t.push_back({"block",
               "Keys every block may have.",
               {
                   {"type",
                    K::choice,
                    "The block type.",
                    {"heading", "paragraph", "list", "quote", "stats", "chart", "table", "image",
                     "box", "columns", "rule", "spacer", "page_break", "contents", "notes"}},
                   {"id", K::string, "An identifier, for links to the block."},
                   {"language", K::string,
                    "BCP 47 language tag of the block's text, when it differs from the "
                    "document's (a Welsh paragraph in an English report)."},
                   {"direction", K::choice,
                    "The block's direction: \"rtl\" mirrors its layout (an Arabic quote in an "
                    "English report). Default: its `language`'s, else its parent's.",
                    kDirections},
                   {"page_style", K::string,
                    "Start a new page in this [page.NAME] style (\"default\": the document's); "
                    "the pages after it keep the style until a block names another."},
                   {"break_before",
                    K::choice,
                    "Start the block on a new page or column; \"right\": on a right-hand page "
                    "(in a two-sided document a blank left-hand page goes before it when needed).",
                    {"page", "column", "right", "none"}},
                   {"keep_with_next", K::boolean,
                    "Keep the block on the same page as the next (true for headings)."},
                   {"keep_together", K::boolean, "Never split the block across pages."},
                   {"space_before", K::length, "Space above the block."},
                   {"space_after", K::length, "Space below the block."},
               }});
  t.push_back({"block.heading",
               "A heading; levels 1 and 2 become PDF bookmarks.",
               {
                   {"text", K::text, "The heading's text."},
                   {"level", K::integer, "1, 2 or 3. Default 1.", {}, 1, 3},
                   {"contents", K::boolean, "List it in a `contents` block. Default true."},
                   {"bookmark", K::boolean,
                    "Make it a PDF bookmark and the running `section`. Default true."},
                   {"color", K::color,
                    "Text colour (a colour or a theme colour name such as \"on_accent\"). Default: "
                    "the theme's, or the enclosing box's."},
               },
               {"text"}});
  t.push_back({"block.paragraph",
               "One or more paragraphs of Markdown text.",
               {
                   {"text", K::text, "The text (Markdown: paragraphs, lists, emphasis, links)."},
                   {"style", K::choice, "Default \"body\".", {"body", "lead", "small", "note"}},
                   {"align", K::choice,
                    "\"start\" and \"end\" follow the text's direction; \"left\" and "
                    "\"right\" are the page's sides. Default \"start\".",
                    kAlign4},
                   {"hyphenate", K::boolean,
                    "Break words at line ends by the language's dictionary. Default: [document] "
                    "hyphenate."},
                   {"color", K::color,
                    "Text colour (a colour or a theme colour name such as \"on_accent\"). Default: "
                    "the theme's, or the enclosing box's."},
               },
               {"text"}});
  t.push_back({"block.list",
               "A bulleted or numbered list.",
               {
                   {"items", K::text_list, "The items, each Markdown text."},
                   {"data", K::dataset,
                    "Items from data: a [dataset.NAME], a .csv file or a list under [data]; one "
                    "item per row."},
                   {"item", K::text,
                    "With `data`: each row's item, a template using {{ row.COLUMN }} ({{ row }} "
                    "for a list of plain values, the default)."},
                   {"ordered", K::boolean, "Number the items. Default false."},
                   {"color", K::color,
                    "Text colour (a colour or a theme colour name such as \"on_accent\"). Default: "
                    "the theme's, or the enclosing box's."},
               },
               {}});
  t.push_back({"block.quote",
               "A quotation.",
               {
                   {"text", K::text, "The quotation."},
                   {"by", K::text, "Who said it."},
                   {"role", K::text, "Their role."},
                   {"style",
                    K::choice,
                    "A pull quote is set large and kept whole. Default \"pull\".",
                    {"pull", "block"}},
                   {"color", K::color,
                    "Text colour (a colour or a theme colour name such as \"on_accent\"). Default: "
                    "the theme's, or the enclosing box's."},
               },
               {"text"}});
  t.push_back({"block.stats",
               "Big-number tiles.",
               {
                   {"items", K::stats_items, "The tiles: [{ value, label, note }, ...]."},
                   {"data", K::dataset,
                    "Tiles from data: a [dataset.NAME], a .csv file or a list under [data]; one "
                    "tile per row."},
                   {"item", K::stats_item,
                    "With `data`: each row's tile, { value, label, note } templates using "
                    "{{ row.COLUMN }}."},
                   {"columns", K::integer, "Tiles per row. Default: all in one row.", {}, 1, 12},
                   {"color", K::color, "Colour of the values. Default: the theme's accent."},
               },
               {}});
  t.push_back(
      {"block.chart",
       "A chart drawn from a dataset.",
       {
           {"kind", K::choice, "Default \"bar\".", {"bar", "line", "donut"}},
           {"orientation",
            K::choice,
            "Columns (vertical) or bars (horizontal). Default \"vertical\".",
            {"vertical", "horizontal"}},
           {"mode", K::choice, "Default \"grouped\".", {"grouped", "stacked"}},
           {"data", K::dataset,
            "A [dataset.NAME], a dataset under [data], or a .csv file relative to the layout."},
           {"categories", K::categories, "Inline data: the category names."},
           {"series", K::series, "Inline data: [{ name, values, color }, ...]."},
           {"exclude_series", K::text_list,
            "Series of a shared dataset to leave out (a name the dataset lacks is no error)."},
           {"title", K::text, "A title above the chart."},
           {"caption", K::text, "A caption below the chart."},
           {"axis_title", K::text, "The value axis' title."},
           {"alt", K::text, "A text alternative, for accessibility."},
           {"value_labels", K::boolean, "Print each bar's value. Default true."},
           {"legend",
            K::choice,
            "Where the legend goes. Default \"bottom\".",
            {"top", "bottom", "right", "none"}},
           {"min", K::number, "The value axis' lowest value. Default 0."},
           {"max", K::number,
            "The value axis' highest value. Default: just above the largest value."},
           {"format", K::number_format, "How values and ticks print. Default \"number\"."},
           {"height", K::length, "Height of the whole figure. Default \"70mm\"."},
           {"width", K::width, "Width of the whole figure. Default: the full width."},
           {"mirror", K::boolean,
            "Mirror the chart in right-to-left text. Default: [document] mirror_charts."},
       }});
  t.push_back(
      {"block.table",
       "A table from a dataset or from rows.",
       {
           {"data", K::dataset,
            "A [dataset.NAME], a dataset or list of tables under [data], or a .csv file relative "
            "to the layout."},
           {"categories", K::categories, "Inline data: the category names (the header row)."},
           {"series", K::series, "Inline data: [{ name, values }, ...], one row each."},
           {"transpose", K::boolean, "Swap rows and columns of a dataset."},
           {"exclude_series", K::text_list,
            "Series of a shared dataset to leave out (a name the dataset lacks is no error)."},
           {"columns", K::table_columns, "The columns: [{ title, align, format, width }, ...]."},
           {"rows", K::rows, "The rows: [[cell, ...], ...]; cells are text or numbers."},
           {"header", K::boolean,
            "The first row is a header, repeated on each page. Default true."},
           {"total_column", K::text, "Add a column of row sums with this title."},
           {"total_row", K::text, "Add a row of column sums with this title."},
           {"zebra", K::boolean, "Shade every other body row. Default true."},
           {"caption", K::text, "Text above the table."},
           {"notes", K::text, "Text below the table."},
       }});
  t.push_back({"block.image",
               "A PNG, JPEG or SVG image.",
               {
                   {"src", K::path, "The image file, relative to the layout."},
                   {"width", K::width,
                    "The image's width. Default: its natural width, at most the column's."},
                   {"alt", K::text, "A text alternative (a warning when missing)."},
                   {"caption", K::text, "A caption below the image."},
                   {"align", K::choice, "Default \"center\".", kAlign3},
               },
               {"src"}});
  t.push_back({"block.box",
               "A panel holding other blocks.",
               {
                   {"blocks", K::blocks, "The blocks inside."},
                   {"background", K::color, "The panel's colour."},
                   {"border", K::color, "The border's colour."},
                   {"padding", K::length, "Space between the border and the blocks."},
                   {"color", K::color,
                    "Text colour of the blocks inside (\"on_accent\" on an accent background)."},
                   {"full_bleed", K::boolean,
                    "Run the background to the page edges and into the bleed (a top-level box in "
                    "a one-column body)."},
               },
               {"blocks"}});
  t.push_back({"block.columns",
               "Blocks flowing through columns side by side.",
               {
                   {"blocks", K::blocks, "The blocks that flow through the columns."},
                   {"count", K::integer, "Number of columns. Default 2.", {}, 1, 12},
                   {"gap", K::length, "Space between the columns."},
               },
               {"blocks"}});
  t.push_back({"block.rule", "A horizontal line.", {}});
  t.push_back({"block.spacer", "Empty space.", {{"height", K::length, "The space's height."}}});
  t.push_back({"block.page_break", "Start a new page.", {}});
  t.push_back(
      {"block.contents",
       "The document's headings with their page numbers, each a link to its heading.",
       {
           {"depth", K::integer, "Heading levels listed: 1 to 3. Default 2.", {}, 1, 3},
           {"leaders", K::boolean, "Dots between a heading and its page number. Default true."},
       }});
  t.push_back({"block.notes",
               "The endnotes (with [document] notes = \"endnotes\") referenced since the "
               "previous `notes` block, numbered.",
               {}});
  t.push_back({"table.column",
               "One column of a table.",
               {
                   {"title", K::text, "The header cell."},
                   {"align", K::choice,
                    "Default: \"end\" for numbers (the left in right-to-left text), else "
                    "\"start\".",
                    kAlign3},
                   {"format", K::number_format, "How numbers print. Default \"number\"."},
                   {"width", K::width_or_auto,
                    "A length, a percentage or \"auto\" (fit the content). Default \"auto\"."},
                   {"sum", K::boolean,
                    "Count this column's numbers in total_column and total_row. Default true."},
               }});
  t.push_back({"stats.item",
               "One big-number tile.",
               {
                   {"value", K::text,
                    "The big number (text, usually a template such as {{ stats.x | number }})."},
                   {"label", K::text, "What the number counts."},
                   {"note", K::text, "A small note below."},
               },
               {"value"}});
  t.push_back(
      {"dataset",
       "A typed table, [dataset.NAME]: read from a CSV file, a SQLite query, another dataset or a "
       "list of tables under [data], then transformed (derive, filter, group_by + aggregate, "
       "pivot, compute, sort, limit, select: always in that order).",
       {
           {"csv", K::path, "A CSV file relative to the layout; its first row names the columns."},
           {"sqlite", K::path, "A SQLite database relative to the layout, opened read-only."},
           {"query", K::string, "With `sqlite`: the SELECT statement giving the rows."},
           {"from", K::string, "Another dataset to transform, or a list of tables under [data]."},
           {"types", K::column_types,
            "Column types: { date = \"date\", code = \"text\" }; \"text\", \"number\", "
            "\"percent\" or \"date\". Default: inferred from the cells."},
           {"locale", K::string,
            "How the CSV writes numbers: a language tag; \"de\", \"fr\", ... read 1.234,5. "
            "Default: 1,234.5."},
           {"derive", K::text_or_list,
            "New columns before filtering: \"year(date) as year\", \"temp_max - temp_min as "
            "range\"."},
           {"filter", K::text_or_list,
            "Keep the rows where every condition holds: \"precipitation > 0\", \"weather == "
            "'rain'\"."},
           {"group_by", K::text_or_list, "Columns whose distinct values make one row each."},
           {"aggregate", K::text_or_list,
            "Per group (or for the whole table): \"sum(x)\", \"mean(x) as avg\", \"median(x)\", "
            "\"min(x)\", \"max(x)\", \"count()\"."},
           {"pivot", K::pivot, "Long to wide: { index, columns, values, aggfunc, fill }."},
           {"compute", K::text_or_list,
            "New columns after grouping: \"share(x)\", \"change(x)\", \"pct_change(x)\", "
            "\"cumsum(x)\", arithmetic."},
           {"sort", K::text_or_list, "Sort keys: \"x\", \"-x\" or \"x desc\" (descending)."},
           {"limit", K::integer, "Keep the first N rows.", {}, 0, int64_t{1} << 40},
           {"select", K::text_or_list,
            "Keep these columns, in this order (\"x as name\" renames)."},
       }});
  t.push_back({"dataset.pivot",
               "A pivot from long to wide form: one row per `index` value, one column per "
               "`columns` value.",
               {
                   {"index", K::string, "The column whose values become the rows."},
                   {"columns", K::string, "The column whose values become the columns."},
                   {"values", K::string, "The column aggregated into the cells."},
                   {"aggfunc",
                    K::choice,
                    "How several values of one cell combine. Default \"sum\".",
                    {"sum", "mean", "median", "min", "max", "count"}},
                   {"fill", K::number, "The value of a cell no row has. Default 0."},
               },
               {"index", "columns", "values"}});
  TableSpec series{
      "chart.series",
      "One data series.",
      {
          {"name", K::string, "The series' name, for the legend."},
          {"values", K::number_list, "The values, one number per category."},
          {"color", K::color, "The series' colour (\"#rrggbb\"). Default: the theme's palette."},
      }};
  series.closed = false;  // read as data (load/dataset.cpp), where extra keys are ignored
  t.push_back(std::move(series));
  return t;
}

}  // namespace

const std::vector<TableSpec>& format_tables() {
  static const std::vector<TableSpec> tables = make_tables();
  return tables;
}

const TableSpec* find_format_table(std::string_view name) {
  for (const auto& t : format_tables())
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<std::string_view> format_block_types() {
  return find_format_table("block")->keys.front().choices;
}

}  // namespace folio
