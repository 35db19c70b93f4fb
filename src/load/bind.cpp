#include <fmt/format.h>

#include <map>

#include "core/page_ref.hpp"
#include "core/suggest.hpp"
#include "load/csv.hpp"
#include "load/dataset.hpp"
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
      : doc_(doc), diags_(diags), limits_(limits), allowed_dirs_(allowed_dirs) {}

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
  void expand(TextValue& t, bool markdown) {
    if (markdown) check_internal_links(t);
    if (!has_placeholder(t.text)) return;
    auto resolve = [this](std::string_view path) -> Lookup {
      // A page reference is filled in by layout; here it must name a block.
      if (path.starts_with("pageref.")) {
        std::string id(path.substr(8));
        if (ids_.count(id)) return Lookup{Scalar(page_ref_placeholder(id)), false};
        return Lookup{};
      }
      return lookup(path);
    };
    Escaper escape = markdown ? Escaper(escape_markdown) : Escaper();
    Expansion e =
        expand_template(t.text, resolve, escape, limits_.max_template_bytes, doc_.locale());
    report(t, e);
    t.text = std::move(e.text);
  }
  Lookup lookup(std::string_view path) const {
    Lookup found = lookup_in_document(doc_, path);
    if (!found.value && !found.not_scalar && doc_.data_incomplete) found.unknown = true;
    return found;
  }
  void plain(TextValue& t) { expand(t, false); }
  void rich(TextValue& t) { expand(t, true); }

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

  void source(DataSource& src) {
    resolve(src);
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

  void resolve(DataSource& src) {
    if (src.name.empty()) return;
    const std::string& name = src.name.text;
    if (name.ends_with(".csv")) {
      std::string path = join_path(doc_.base_dir, name);
      auto real = resolve_inside(src.name, doc_.base_dir, FileAccess{doc_.base_dir, allowed_dirs_},
                                 "CSV file", diags_);
      if (!real) return;
      // Each step's input goes as soon as the next step has read it: a long
      // CSV is held once or twice, not four times.
      std::optional<Value> value;
      {
        std::optional<CsvRows> rows;
        {
          auto text = read_text_file(*real, limits_.max_file_bytes, src.name.span, diags_);
          if (!text) return;
          rows = parse_csv(*text, path, diags_);
        }
        if (!rows) return;
        value = csv_dataset(*rows, path, diags_);
      }
      if (value)
        if (auto ds = dataset_from_value(*value, name, diags_, &doc_.theme))
          src.dataset = std::move(*ds);
      return;
    }
    const Value* value = find_path(doc_.data, name);
    if (!value && doc_.data_incomplete) return;  // it may be in the data file that failed
    if (!value) {
      std::vector<std::string_view> names;
      if (auto* t = doc_.data.table())
        for (const auto& [k, v] : *t)
          if (v.is_table()) names.push_back(k);
      std::string message = fmt::format("no dataset named `{}`", name);
      if (auto guess = closest_match(name, names))
        message += fmt::format("; did you mean `{}`?", *guess);
      diags_.error(src.name.span, message,
                   {"a dataset is a table under [data] with `categories` and `series`"});
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
    for (auto& item : l.items) rich(item);
  }
  void content(Quote& q) {
    rich(q.text);
    rich(q.by);
    rich(q.role);
  }
  void content(Stats& s) {
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
    source(t.source);
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
        if (auto* s = std::get_if<std::string>(&cell.content)) {
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
