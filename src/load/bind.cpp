#include <fmt/format.h>

#include <map>

#include "core/number_parse.hpp"
#include "core/page_ref.hpp"
#include "core/suggest.hpp"
#include "load/csv.hpp"
#include "load/data_blocks.hpp"
#include "load/dataset.hpp"
#include "load/dataset_store.hpp"
#include "load/file_text.hpp"
#include "load/image_check.hpp"
#include "load/internal.hpp"
#include "load/sandbox.hpp"

namespace folio {
namespace {

Span offset_span(const Span& start, std::string_view text, size_t offset) {
  Span s = start;
  if (!s.known()) return s;
  s.end_line = s.end_column = 0;  // the value's end is not this template's end
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++s.line;
      s.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++s.column;
    }
  }
  return s;
}

class Binder {
 public:
  Binder(Document& doc, Diagnostics& diags, const Limits& limits,
         const std::vector<std::string>& allowed_dirs)
      : doc_(doc),
        diags_(diags),
        limits_(limits),
        allowed_dirs_(allowed_dirs),
        store_(doc, diags, limits, allowed_dirs) {}

  void run() {
    Metadata& m = doc_.metadata;
    for (TextValue* t : {&m.title, &m.subtitle, &m.author, &m.subject, &m.date}) plain(*t);
    for (auto& k : m.keywords) plain(k);
    for (RunningText* r : {&doc_.header, &doc_.footer})
      for (TextValue* t : {&r->left, &r->center, &r->right}) check_running(*t);
    collect_ids(doc_.blocks);
    for (auto& [name, style] : doc_.page_styles)
      if (style.background_image) content(*style.background_image);
    for (auto& b : doc_.blocks) block(b);
  }

 private:
  // The row a per-row template ({{ row.COLUMN }}) reads, while one is expanded.
  struct RowScope {
    const DataTable* table = nullptr;
    const Value* value = nullptr;  // a plain value of a list under [data]
    size_t row = 0;
  };

  void expand(TextValue& t, bool markdown, const RowScope* scope = nullptr) {
    if (markdown) check_internal_links(t);
    if (!has_placeholder(t.text)) return;
    auto resolve = [this, scope](std::string_view path) -> Lookup {
      // A page reference is filled in by layout; here it must name a block.
      if (path.starts_with("pageref.")) {
        std::string id(path.substr(8));
        if (ids_.count(id)) return Lookup{Scalar(page_ref_placeholder(id)), false};
        return Lookup{};
      }
      if (scope && (path == "row" || path.starts_with("row."))) return row_lookup(*scope, path);
      return lookup(path);
    };
    Escaper escape = markdown ? Escaper(escape_markdown) : Escaper();
    Expansion e =
        expand_template(t.text, resolve, escape, limits_.max_template_bytes, doc_.locale());
    report(t, e);
    t.text = std::move(e.text);
  }
  Lookup row_lookup(const RowScope& scope, std::string_view path) const {
    if (scope.value) {
      if (path == "row") return lookup_scalar(*scope.value, "");
      return lookup_scalar(*scope.value, path.substr(4));
    }
    if (path == "row") return Lookup{std::nullopt, true};
    std::string_view name = path.substr(4);
    if (const DataColumn* c = scope.table->column(name))
      return Lookup{cell_scalar(*c, scope.row), false};
    Lookup none;
    std::vector<std::string_view> names;
    for (const auto& c : scope.table->columns) names.push_back(c.name);
    if (auto guess = closest_match(name, names)) none.closest = "row." + std::string(*guess);
    return none;
  }

  Lookup lookup(std::string_view path) {
    if (auto in_dataset = store_.lookup(path)) {
      if (in_dataset->value) doc_.dataset_values.emplace(std::string(path), *in_dataset->value);
      return *in_dataset;
    }
    Lookup found = lookup_in_document(doc_, path);
    if (!found.value && !found.not_scalar && doc_.data_incomplete) found.unknown = true;
    return found;
  }
  void plain(TextValue& t) { expand(t, false); }
  void rich(TextValue& t, const RowScope* scope = nullptr) { expand(t, true, scope); }

  // The rows a list or stats block's `data` names: a dataset, a CSV file, or
  // a list under [data] (of tables, or of plain values). False after an error.
  struct Rows {
    std::shared_ptr<const DataTable> table;
    const Value::Array* values = nullptr;
    size_t size() const { return table ? table->rows : values ? values->size() : 0; }
    RowScope at(size_t r) const {
      if (table) return RowScope{table.get(), nullptr, r};
      return RowScope{nullptr, &(*values)[r], r};
    }
  };
  std::optional<Rows> rows_of(const TextValue& data) {
    Rows rows;
    const std::string& name = data.text;
    if (name.ends_with(".csv")) {
      rows.table = store_.csv_file(data);
    } else if (store_.has(name)) {
      rows.table = store_.table(name);
    } else if (const Value* v = find_path(doc_.data, name); v && v->array()) {
      rows.values = v->array();
    } else if (!doc_.data_incomplete) {
      diags_.error(data.span,
                   v ? fmt::format("`{}` is {}, not a list or a dataset", name, describe_type(*v))
                     : fmt::format("no dataset or list named `{}`", name),
                   {"`data` names a [dataset.NAME], a .csv file, or a list under [data]"});
    }
    if (!rows.table && !rows.values) return std::nullopt;
    if (rows.size() > limits_.max_table_rows) {
      diags_.error(data.span,
                   fmt::format("`{}` has {} rows, more than the limit of {}", name, rows.size(),
                               limits_.max_table_rows),
                   {"raise the limit with --max-rows, or `limit` the dataset"});
      return std::nullopt;
    }
    return rows;
  }

  // A chart value written as a template: its expansion must read as a number.
  void templated_values(Dataset& ds) {
    for (auto& s : ds.series)
      for (const auto& t : s.templated) {
        TextValue text{t.text.text, t.text.span};
        int errors_before = diags_.error_count();
        plain(text);
        if (diags_.error_count() > errors_before) continue;
        if (auto n = parse_number_text(text.text)) {
          s.values[t.index] = n->value;
        } else {
          diags_.error(t.text.span,
                       fmt::format("series \"{}\": \"{}\" gives \"{}\", not a number", s.name,
                                   t.text.text, text.text),
                       {"a chart value's template must give a number, such as 1457, 1,457 or "
                        "12%"});
        }
      }
  }

  void report(const TextValue& t, const Expansion& e) {
    for (const auto& issue : e.issues)
      diags_.error(offset_span(t.span, t.text, issue.offset), issue.message, issue.hints);
  }

  // Checks a header or footer now, so its errors surface before layout; layout
  // expands it per page.
  void check_running(const TextValue& t) {
    if (!has_placeholder(t.text)) return;
    auto resolve = [this](std::string_view path) -> Lookup {
      if (path == "page" || path == "pages") return Lookup{Scalar(int64_t{1}), false};
      if (path == "section") return Lookup{Scalar(std::string("Section")), false};
      return lookup(path);
    };
    report(t, expand_template(t.text, resolve, escape_markdown, limits_.max_template_bytes,
                              doc_.locale()));
  }

  void source(DataSource& src, TableBlock* table = nullptr) {
    resolve(src, table);
    templated_values(src.dataset);
    auto& series = src.dataset.series;
    if (src.exclude_series.empty() || series.empty()) return;
    std::erase_if(series, [&](const Series& s) {
      for (const auto& name : src.exclude_series)
        if (name.text == s.name) return true;
      return false;
    });
    if (series.empty())
      diags_.error(src.exclude_series.front().span, "`exclude_series` leaves no series to show");
  }

  // A typed table into the block: a table block shows its columns (unless it
  // is the wide grid, shown as a dataset); a chart draws its categories and series.
  void use_table(const DataTable& data, DataSource& src, TableBlock* table) {
    const std::string& name = src.name.text;
    if (table && !is_wide_grid(data)) {
      if (data.rows > limits_.max_table_rows) {
        diags_.error(src.name.span,
                     fmt::format("the table has {} rows, more than the limit of {}", data.rows,
                                 limits_.max_table_rows),
                     {"raise the limit with --max-rows, or `limit` the dataset"});
        return;
      }
      DataTable shown;
      shown.span = data.span;
      shown.rows = data.rows;
      for (const auto& c : data.columns) {
        bool excluded = std::any_of(src.exclude_series.begin(), src.exclude_series.end(),
                                    [&](const TextValue& x) { return x.text == c.name; });
        if (!excluded) shown.columns.push_back(c);
      }
      fill_table_rows(shown, *table);
      return;
    }
    if (auto ds = dataset_from_table(data, name, src.name.span, diags_))
      src.dataset = std::move(*ds);
  }

  void resolve(DataSource& src, TableBlock* table) {
    if (src.name.empty()) return;
    const std::string& name = src.name.text;
    if (name.ends_with(".csv")) {
      if (auto data = store_.csv_file(src.name)) use_table(*data, src, table);
      return;
    }
    if (store_.has(name)) {
      if (auto data = store_.table(name)) use_table(*data, src, table);
      return;
    }
    const Value* value = find_path(doc_.data, name);
    if (!value && doc_.data_incomplete) return;  // it may be in the data file that failed
    if (!value) {
      std::vector<std::string_view> names;
      if (auto* t = doc_.data.table())
        for (const auto& [k, v] : *t)
          if (v.is_table() || v.is_array()) names.push_back(k);
      for (const auto& d : doc_.datasets) names.push_back(d.name);
      std::string message = fmt::format("no dataset named `{}`", name);
      if (auto guess = closest_match(name, names))
        message += fmt::format("; did you mean `{}`?", *guess);
      diags_.error(src.name.span, message,
                   {"a dataset is a [dataset.NAME] table, a list of tables under [data], or a "
                    "table under [data] with `categories` and `series`"});
      return;
    }
    if (value->array()) {
      if (auto data = table_from_values(*value, name, diags_)) use_table(*data, src, table);
      return;
    }
    Diagnostics local;
    auto ds = dataset_from_value(*value, name, local, &doc_.theme);
    for (auto d : local.all()) {
      if (!d.span.known()) d.span = src.name.span;
      diags_.add(std::move(d));
    }
    if (ds) src.dataset = std::move(*ds);
  }

  void block(Block& b) {
    std::visit([this](auto& content) { this->content(content); }, b.content);
  }

  void content(Heading& h) { rich(h.text); }
  void content(Paragraph& p) { rich(p.text); }
  void content(ListBlock& l) {
    if (!l.data.empty()) {
      auto rows = rows_of(l.data);
      if (!rows) return;
      if (l.item.empty() && rows->table) {
        diags_.error(l.data.span, "a list from a dataset needs `item`, the text of each row",
                     {"item = \"{{ row.name }}: {{ row.total | number }}\""});
        return;
      }
      TextValue item = l.item.empty() ? TextValue{"{{ row }}", l.data.span} : l.item;
      for (size_t r = 0; r < rows->size(); ++r) {
        RowScope scope = rows->at(r);
        TextValue text = item;
        int errors_before = diags_.error_count();
        rich(text, &scope);
        l.items.push_back(std::move(text));
        if (diags_.error_count() > errors_before) break;  // the same error on every row
      }
      return;
    }
    for (auto& item : l.items) rich(item);
  }
  void content(Quote& q) {
    rich(q.text);
    rich(q.by);
    rich(q.role);
  }
  void content(Stats& s) {
    if (!s.data.empty() && s.item) {
      auto rows = rows_of(s.data);
      if (!rows) return;
      for (size_t r = 0; r < rows->size(); ++r) {
        RowScope scope = rows->at(r);
        StatItem tile = *s.item;
        int errors_before = diags_.error_count();
        for (TextValue* t : {&tile.value, &tile.label, &tile.note}) rich(*t, &scope);
        s.items.push_back(std::move(tile));
        if (diags_.error_count() > errors_before) break;
      }
      if (s.items.empty()) diags_.error(s.data.span, fmt::format("`{}` has no rows", s.data.text));
      return;
    }
    for (auto& item : s.items) {
      rich(item.value);
      rich(item.label);
      rich(item.note);
    }
  }
  void content(Chart& c) {
    source(c.source);
    for (TextValue* t : {&c.title, &c.caption, &c.axis_title, &c.alt}) rich(*t);
  }
  void content(TableBlock& t) {
    source(t.source, &t);
    size_t rows = t.rows.size() + (t.transpose ? t.source.dataset.categories.size()
                                               : t.source.dataset.series.size());
    if (rows > limits_.max_table_rows) {
      diags_.error(t.source.name.empty() ? Span{} : t.source.name.span,
                   fmt::format("the table has {} rows, more than the limit of {}", rows,
                               limits_.max_table_rows),
                   {"raise the limit with --max-rows"});
      t.rows.clear();
      t.source.dataset = Dataset{};
    }
    for (auto& col : t.columns) rich(col.title);
    for (auto& row : t.rows)
      for (auto& cell : row)
        if (auto* s = std::get_if<std::string>(&cell.content); s && !cell.from_data) {
          if (auto n = single_number(*s)) {
            cell.content = *n;
            continue;
          }
          TextValue tv{*s, cell.span};
          rich(tv);
          *s = std::move(tv.text);
        }
    for (TextValue* x : {&t.total_column, &t.total_row, &t.caption, &t.notes}) rich(*x);
  }
  void content(Image& img) {
    plain(img.src);
    rich(img.alt);
    rich(img.caption);
    if (auto checked = check_image(img.src, doc_.base_dir, allowed_dirs_, limits_, diags_)) {
      img.resolved_path = checked->path;
      img.natural = checked->natural;
      note_file_read(img.resolved_path);
    }
  }
  void content(Box& box) {
    for (auto& b : box.blocks) block(b);
  }
  void content(ColumnsBlock& cols) {
    for (auto& b : cols.blocks) block(b);
  }
  void content(Rule&) {}
  void content(Spacer&) {}
  void content(PageBreak&) {}
  void content(ContentsBlock&) {}
  void content(NotesBlock&) {}

  // A cell that is one placeholder without filters, "{{ path }}", whose value
  // is a number (or text that reads as one): the number, summed and formatted
  // as the column's numbers are.
  std::optional<double> single_number(const std::string& text) {
    std::string_view s = text;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.starts_with("{{") || !s.ends_with("}}") || s.size() < 5) return std::nullopt;
    std::string_view path = s.substr(2, s.size() - 4);
    if (path.find_first_of("{}|") != std::string_view::npos) return std::nullopt;
    while (!path.empty() && path.front() == ' ') path.remove_prefix(1);
    while (!path.empty() && path.back() == ' ') path.remove_suffix(1);
    Lookup found = lookup(path);
    if (!found.value) return std::nullopt;
    if (auto* i = std::get_if<int64_t>(&*found.value)) return static_cast<double>(*i);
    if (auto* d = std::get_if<double>(&*found.value)) return *d;
    if (auto* str = std::get_if<std::string>(&*found.value))
      if (auto n = parse_number_text(*str)) return n->value;
    return std::nullopt;
  }

  // Every block `id`, once: a second block with the same id is an error.
  void collect_ids(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (!b.id.empty()) {
        auto [at, fresh] = ids_.emplace(b.id, b.span);
        if (!fresh)
          diags_.error(b.span, fmt::format("the id `{}` is used twice", b.id),
                       {fmt::format("the first block with it is at line {}", at->second.line),
                        "ids name link and page-reference targets, so each must be unique"});
      }
      if (!b.page_style.empty() && b.page_style != "default" &&
          !doc_.page_styles.count(b.page_style)) {
        std::vector<std::string_view> names{"default"};
        for (const auto& [name, style] : doc_.page_styles) names.push_back(name);
        std::vector<std::string> hints;
        if (auto guess = closest_match(b.page_style, names))
          hints.push_back(fmt::format("did you mean \"{}\"?", *guess));
        hints.push_back(fmt::format("define it as [page.{}], with header, footer and background",
                                    b.page_style));
        diags_.error(b.span, fmt::format("no page style named \"{}\"", b.page_style), hints);
      }
      if (auto* box = std::get_if<Box>(&b.content)) collect_ids(box->blocks);
      if (auto* cols = std::get_if<ColumnsBlock>(&b.content)) collect_ids(cols->blocks);
    }
  }

  // `[text](#id)` links to a block: the id must exist.
  void check_internal_links(const TextValue& t) {
    for (size_t at = t.text.find("](#"); at != std::string::npos; at = t.text.find("](#", at + 3)) {
      size_t end = t.text.find_first_of(") \"", at + 3);
      if (end == std::string::npos) break;
      std::string id = t.text.substr(at + 3, end - at - 3);
      if (id.empty() || ids_.count(id)) continue;
      std::vector<std::string_view> known;
      for (const auto& [k, span] : ids_) known.push_back(k);
      std::vector<std::string> hints;
      if (auto guess = closest_match(id, known))
        hints.push_back(fmt::format("did you mean `#{}`?", *guess));
      hints.push_back("give the target block `id = \"" + id + "\"`");
      diags_.error(offset_span(t.span, t.text, at + 3), fmt::format("no block has the id `{}`", id),
                   hints);
    }
  }

  std::map<std::string, Span> ids_;
  Document& doc_;
  Diagnostics& diags_;
  const Limits& limits_;
  const std::vector<std::string>& allowed_dirs_;
  DatasetStore store_;
};

}  // namespace

bool bind_document(Document& doc, Diagnostics& diags, const Limits& limits,
                   const std::vector<std::string>& allowed_dirs) {
  int before = diags.error_count();
  FileReadLog log(doc.files_read);  // CSV datasets and images
  Binder(doc, diags, limits, allowed_dirs).run();
  return diags.error_count() == before;
}

}  // namespace folio
