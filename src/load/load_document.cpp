#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/number_parse.hpp"
#include "core/template.hpp"
#include "load/file_text.hpp"
#include "load/format_keys.hpp"
#include "load/internal.hpp"
#include "load/sandbox.hpp"

namespace folio {

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string join_path(const std::string& dir, const std::string& relative) {
  if (!relative.empty() && relative[0] == '/') return relative;
  if (dir.empty() || dir == ".") return relative;
  return dir + "/" + relative;
}

std::optional<toml::table> parse_toml(const std::string& text, const std::string& path,
                                      Diagnostics& diags) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    std::string message(e.description());
    diags.error(span_of(e.source()), message);
    return std::nullopt;
  }
}

Value to_value(const toml::node& node) {
  Value v;
  v.span = span_of(node);
  if (auto* t = node.as_table()) {
    Value::Table table;
    for (const auto& [key, child] : *t) table.emplace_back(std::string(key.str()), to_value(child));
    v.content = std::move(table);
  } else if (auto* a = node.as_array()) {
    Value::Array array;
    for (const auto& child : *a) array.push_back(to_value(child));
    v.content = std::move(array);
  } else if (auto s = node.value_exact<std::string>()) {
    v.content = *s;
  } else if (auto i = node.value_exact<int64_t>()) {
    v.content = *i;
  } else if (auto d = node.value_exact<double>()) {
    v.content = *d;
  } else if (auto b = node.value_exact<bool>()) {
    v.content = *b;
  } else if (auto date = node.value_exact<toml::date>()) {
    v.content = fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day);
  }
  return v;
}

namespace {

struct NamedSize {
  std::string_view name;
  double width_mm;
  double height_mm;
};
constexpr NamedSize kPageSizes[] = {{"A3", 297, 420},         {"A4", 210, 297},
                                    {"A5", 148, 210},         {"A6", 105, 148},
                                    {"Letter", 215.9, 279.4}, {"Legal", 215.9, 355.6}};

void load_page_size(TableReader& r, PageSetup& page) {
  auto* node = r.get("size");
  if (!node) return;
  if (auto name = node->value_exact<std::string>()) {
    for (const auto& s : kPageSizes) {
      if (s.name == *name) {
        page.size = {mm_to_pt(s.width_mm), mm_to_pt(s.height_mm)};
        return;
      }
    }
    r.diags().error(span_of(*node),
                    fmt::format("unknown page size \"{}\"; use A3, A4, A5, A6, Letter, Legal or "
                                "[width, height]",
                                *name));
    return;
  }
  if (auto* arr = node->as_array(); arr && arr->size() == 2) {
    auto w = length_of(*arr->get(0), false, r.diags(), "size");
    auto h = length_of(*arr->get(1), false, r.diags(), "size");
    if (w && h) {
      if (w->value < 72 || h->value < 72 || w->value > 14400 || h->value > 14400) {
        r.diags().error(span_of(*node), "`size` must be between 1in and 200in on each side");
        return;
      }
      page.size = {w->value, h->value};
    }
    return;
  }
  r.wrong_type("size", *node, "a page size name such as \"A4\" or [width, height]");
}

std::optional<Insets> load_margins(TableReader& r) {
  auto* node = r.get("margins");
  if (!node) return std::nullopt;
  if (auto* arr = node->as_array()) {
    if (arr->size() != 4) {
      r.diags().error(span_of(*node),
                      fmt::format("`margins` takes one length or four [top, right, bottom, left], "
                                  "not {}",
                                  arr->size()));
      return std::nullopt;
    }
    double v[4];
    for (size_t i = 0; i < 4; ++i) {
      auto l = length_of(*arr->get(i), false, r.diags(), "margins");
      if (!l) return std::nullopt;
      v[i] = l->value;
    }
    return Insets{v[0], v[1], v[2], v[3]};
  }
  if (auto l = length_of(*node, false, r.diags(), "margins"))
    return Insets{l->value, l->value, l->value, l->value};
  return std::nullopt;
}

void load_document_table(const toml::table& table, Document& doc, Diagnostics& diags) {
  TableReader r(table, diags);
  doc.metadata.title = r.text("title");
  doc.metadata.subtitle = r.text("subtitle");
  doc.metadata.author = r.text("author");
  doc.metadata.subject = r.text("subject");
  doc.metadata.date = r.text("date");
  if (auto lang = r.language("language")) doc.metadata.language = *lang;
  if (auto d = load_direction(r)) doc.metadata.direction = *d;
  if (auto m = r.boolean("mirror_charts")) doc.metadata.mirror_charts = *m;
  if (auto h = r.boolean("hyphenate")) doc.metadata.hyphenate = *h;
  if (auto f = r.choice<Fit>("fit", {{"shrink", Fit::shrink}, {"none", Fit::none}}))
    doc.metadata.fit = *f;
  if (auto m = r.length("fit_min_size")) {
    if (m->value < 2 || m->value > 400) {
      diags.error(r.span("fit_min_size"), "`fit_min_size` must be between 2pt and 400pt");
    } else {
      doc.metadata.fit_min_size = m->value;
    }
  }
  if (auto l = r.string("locale")) {
    if (find_locale(*l)) {
      doc.metadata.locale = *l;
    } else {
      diags.error(r.span("locale"), fmt::format("unknown locale \"{}\"", *l),
                  {fmt::format("folio knows en, {}", known_locales())});
    }
  }
  if (auto* kw = r.get("keywords")) {
    if (auto* arr = kw->as_array()) {
      for (const auto& item : *arr) {
        if (auto s = item.value_exact<std::string>()) {
          doc.metadata.keywords.push_back(text_of(item, *s));
        } else {
          diags.error(span_of(item), fmt::format("`keywords` must be a list of strings, not "
                                                 "a list holding {}",
                                                 describe_type(item)));
        }
      }
    } else {
      r.wrong_type("keywords", *kw, "a list of strings");
    }
  }
  PageSetup& page = doc.page;
  load_page_size(r, page);
  if (auto o = r.choice<bool>("orientation", {{"portrait", false}, {"landscape", true}})) {
    bool landscape = page.size.width > page.size.height;
    if (*o != landscape) std::swap(page.size.width, page.size.height);
  }
  if (auto m = load_margins(r)) page.margins = *m;
  if (auto c = r.integer("columns", 1, 12)) page.columns = static_cast<int>(*c);
  if (auto g = r.length("column_gap")) page.column_gap = g->value;
  if (auto b = r.length("bleed")) page.bleed = b->value;
  if (auto c = r.boolean("crop_marks")) page.crop_marks = *c;
  if (auto t = r.boolean("two_sided")) page.two_sided = *t;
  if (auto n = r.choice<NotePlacement>(
          "notes", {{"footnotes", NotePlacement::foot}, {"endnotes", NotePlacement::end}}))
    doc.notes = *n;
  r.finish();

  double body_w = page.size.width - page.margins.left - page.margins.right;
  double body_h = page.size.height - page.margins.top - page.margins.bottom;
  if (body_w < 36 || body_h < 36) {
    diags.error(r.span("margins"),
                fmt::format("the margins leave {:.0f} x {:.0f} pt for the body of a {:.0f} x "
                            "{:.0f} pt page; at least 36 x 36 pt are needed",
                            std::max(body_w, 0.0), std::max(body_h, 0.0), page.size.width,
                            page.size.height));
  } else if (body_w - (page.columns - 1) * page.column_gap < 36 * page.columns) {
    diags.error(r.span("columns"), fmt::format("{} columns do not fit in a body {:.0f} pt wide",
                                               page.columns, body_w));
  }
}

void load_running(const toml::table& table, RunningText& running, Diagnostics& diags) {
  TableReader r(table, diags);
  running.left = r.text("left");
  running.center = r.text("center");
  running.right = r.text("right");
  if (auto f = r.boolean("first_page")) running.first_page = *f;
  if (auto f = r.boolean("rule")) running.rule = *f;
  r.finish();
}

const toml::table* table_at(const toml::table& root, std::string_view key, Diagnostics& diags) {
  auto* node = root.get(key);
  if (!node) return nullptr;
  if (auto* t = node->as_table()) return t;
  diags.error(span_of(*node),
              fmt::format("`{}` must be a table ([{}]), not {}", key, key, describe_type(*node)));
  return nullptr;
}

// The layout's keys that may take their value from the data: they choose
// the language, the direction, the locale and the fonts, which binding
// (where the other templates are expanded) comes too late for.
bool expandable_setting(std::string_view table, std::string_view key) {
  if (table == "document") return key == "language" || key == "direction" || key == "locale";
  return key == "extends" || key == "font" || key == "heading_font" || key == "mono_font" ||
         key == "fonts" || key == "fallback";
}

void expand_node(toml::node& node, const Document& doc, Diagnostics& diags) {
  if (auto* t = node.as_table()) {
    for (auto&& [k, child] : *t) expand_node(child, doc, diags);
  } else if (auto* a = node.as_array()) {
    for (auto& child : *a) expand_node(child, doc, diags);
  } else if (auto* s = node.as_string(); s && has_placeholder(s->get())) {
    auto resolve = [&](std::string_view path) { return lookup_in_document(doc, path); };
    Expansion e = expand_template(s->get(), resolve);
    Span at = span_of(node);
    for (const auto& issue : e.issues) diags.error(at, issue.message, issue.hints);
    if (e.ok()) s->get() = std::move(e.text);
  }
}

// A TOML value for a --set value: a number, true or false, else text.
void assign(toml::table& table, std::string_view key, const std::string& text) {
  Value v = value_from_text(text);
  if (auto* i = std::get_if<int64_t>(&v.content)) {
    table.insert_or_assign(key, *i);
  } else if (auto* d = std::get_if<double>(&v.content)) {
    table.insert_or_assign(key, *d);
  } else if (auto* b = std::get_if<bool>(&v.content)) {
    table.insert_or_assign(key, *b);
  } else {
    table.insert_or_assign(key, text);
  }
}

}  // namespace

bool holds_placeholder(const toml::node& node) {
  if (auto* t = node.as_table()) {
    for (auto&& [k, child] : *t)
      if (holds_placeholder(child)) return true;
  } else if (auto* a = node.as_array()) {
    for (auto& child : *a)
      if (holds_placeholder(child)) return true;
  } else if (auto* s = node.as_string()) {
    return has_placeholder(s->get());
  }
  return false;
}

// Fills the settings' templates from the data; with `defer`, takes them out
// instead (the defaults stand) and marks the document, which each document of
// a bulk build then loads again with its own data.
void expand_settings(toml::table& root, Document& doc, bool defer, Diagnostics& diags) {
  for (std::string_view name : {"document", "theme"}) {
    auto* table = root.get_as<toml::table>(name);
    if (!table) continue;
    std::vector<std::string> deferred;
    for (auto&& [key, node] : *table) {
      if (!expandable_setting(name, key.str())) continue;
      if (defer && holds_placeholder(node)) {
        deferred.emplace_back(key.str());
      } else {
        expand_node(node, doc, diags);
      }
    }
    for (const auto& key : deferred) table->erase(key);
    if (!deferred.empty()) doc.settings_from_data = true;
  }
}

bool names_layout_key(const std::string& path) {
  size_t dot = path.find('.');
  if (dot == std::string::npos) return false;
  std::string table_name = path.substr(0, dot);
  if (table_name != "theme" && table_name != "document") return false;
  std::string rest = path.substr(dot + 1);
  std::string key = rest.substr(0, rest.find('.'));
  const TableSpec* spec = find_format_table(table_name);
  // Not a key of the table: data that happens to be called `theme`.
  return spec && std::any_of(spec->keys.begin(), spec->keys.end(),
                             [&](const KeySpec& k) { return k.name == key; });
}

bool set_layout_key(toml::table& root, const std::string& path, const std::string& value) {
  if (!names_layout_key(path)) return false;
  size_t dot = path.find('.');
  std::string table_name = path.substr(0, dot);
  std::string rest = path.substr(dot + 1);
  if (!root.get_as<toml::table>(table_name)) root.insert_or_assign(table_name, toml::table{});
  toml::table* table = root.get_as<toml::table>(table_name);
  // theme.fonts.arab = "..." reaches into the `fonts` table.
  size_t at = 0;
  while (true) {
    size_t next = rest.find('.', at);
    if (next == std::string::npos) break;
    std::string part = rest.substr(at, next - at);
    if (!table->get_as<toml::table>(part)) table->insert_or_assign(part, toml::table{});
    table = table->get_as<toml::table>(part);
    at = next + 1;
  }
  assign(*table, rest.substr(at), value);
  return true;
}

Value value_from_text(const std::string& text) {
  Value v;
  // The one number reader of CSV cells too: "1,457", "$12", "12%" (0.12).
  if (auto n = parse_number_text(text)) {
    if (n->integral && std::fabs(n->value) < 9.2e18) {
      v.content = static_cast<int64_t>(n->value);
    } else {
      v.content = n->value;
    }
  } else if (text == "true" || text == "false") {
    v.content = text == "true";
  } else {
    v.content = text;
  }
  return v;
}

bool merge_data_file(Value& data, const std::string& path, const Limits& limits,
                     Diagnostics& diags) {
  auto data_text = read_text_file(path, limits.max_file_bytes,
                                  Span{std::make_shared<const std::string>(path), 0, 0}, diags);
  if (!data_text) return false;
  auto data_root = parse_toml(*data_text, path, diags);
  if (!data_root) return false;
  Value file = to_value(*data_root);
  // A data file may hold its values at the top level or under [data] (as a
  // layout does), or both: `[data.sales]` and `[sales]` name the same dataset.
  // (Moved out first: assigning a value its own member would free it mid-copy.)
  std::optional<Value> under_data;
  if (auto* table = std::get_if<Value::Table>(&file.content)) {
    auto inner = std::find_if(table->begin(), table->end(), [](const auto& entry) {
      return entry.first == "data" && entry.second.is_table();
    });
    if (inner != table->end()) {
      under_data = std::move(inner->second);
      table->erase(inner);
    }
  }
  merge_values(data, file);
  if (under_data) merge_values(data, *under_data);
  return true;
}

bool apply_assignments(Value& data, const std::vector<DataAssignment>& assignments,
                       Diagnostics& diags) {
  bool ok = true;
  for (const auto& a : assignments) {
    std::string problem = is_data_path(a.path)
                              ? set_path(data, a.path, a.value)
                              : "it is not a data path such as `region.name` or `a.values[2]`";
    if (problem.empty()) continue;
    diags.error(a.value.span, fmt::format("{}: {}", a.origin, problem));
    ok = false;
  }
  return ok;
}

std::vector<DataAssignment> set_assignments(
    const std::vector<std::pair<std::string, std::string>>& sets) {
  std::vector<DataAssignment> out;
  for (const auto& [path, value] : sets)
    out.push_back({path, value_from_text(value), fmt::format("--set {}={}", path, value)});
  return out;
}

std::optional<Document> load_document(const std::string& layout_path, const LoadOptions& options,
                                      Diagnostics& diags) {
  std::vector<std::string> files_read;
  FileReadLog log(files_read);
  auto text = read_text_file(layout_path, options.limits.max_file_bytes,
                             Span{std::make_shared<const std::string>(layout_path), 0, 0}, diags);
  if (!text) return std::nullopt;
  auto doc = load_document_text(*text, layout_path, options, diags);
  if (doc) doc->files_read.insert(doc->files_read.begin(), files_read.begin(), files_read.end());
  return doc;
}

std::optional<Document> load_document_text(const std::string& text, const std::string& layout_path,
                                           const LoadOptions& options, Diagnostics& diags) {
  auto root = parse_toml(text, layout_path, diags);
  if (!root) return std::nullopt;

  Document doc;
  doc.path = layout_path;
  doc.base_dir = folder_of(layout_path);

  TableReader top(*root, diags);
  top.allow({"document", "theme", "header", "footer", "page", "block", "data", "dataset"});
  top.finish();

  // The data first: the document's language, direction and locale and the
  // theme's fonts may come from it ({{ lang.code }}), so one layout serves
  // every language.
  if (auto* t = table_at(*root, "dataset", diags)) load_datasets(*t, doc, diags);
  doc.data.content = Value::Table{};
  if (auto* t = table_at(*root, "data", diags)) doc.data = to_value(*t);
  for (const auto& path : options.data_files)
    if (!merge_data_file(doc.data, path, options.limits, diags)) doc.data_incomplete = true;
  // `--set theme.KEY=...` and `document.KEY` set the layout's own keys; the
  // other --set paths are data, set after each document's own (folio.hpp).
  for (const auto& set : options.sets) set_layout_key(*root, set.first, set.second);
  if (options.assignments) apply_assignments(doc.data, *options.assignments, diags);
  expand_settings(*root, doc, options.defer_templated_settings, diags);

  if (auto* t = table_at(*root, "document", diags)) load_document_table(*t, doc, diags);
  if (auto* t = table_at(*root, "theme", diags))
    load_theme(*t, doc.base_dir, options.limits, FileAccess{doc.base_dir, options.allowed_dirs},
               doc.theme, diags);
  for (const auto& path : options.theme_files)
    load_theme_file(path, Span{std::make_shared<const std::string>(path), 0, 0}, options.limits,
                    FileAccess{folder_of(path), options.allowed_dirs}, doc.theme, diags, 0);
  if (auto* t = table_at(*root, "header", diags)) load_running(*t, doc.header, diags);
  if (auto* t = table_at(*root, "footer", diags)) load_running(*t, doc.footer, diags);
  if (auto* t = table_at(*root, "page", diags)) {
    for (const auto& [name, node] : *t) {
      auto* style_table = node.as_table();
      if (!style_table) {
        diags.error(span_of(node), fmt::format("`page.{}` must be a table ([page.{}]), not {}",
                                               name.str(), name.str(), describe_type(node)));
        continue;
      }
      TableReader r(*style_table, diags, &doc.theme);
      PageStyle style;
      if (auto h = r.boolean("header")) style.header = *h;
      if (auto f = r.boolean("footer")) style.footer = *f;
      style.background = r.color("background");
      if (auto src = r.text("background_image"); !src.empty()) {
        Image picture;
        picture.src = std::move(src);
        style.background_image = std::move(picture);
      }
      style.margins = load_margins(r);
      if (auto n = r.choice<PageNumbering>("numbering", {{"arabic", PageNumbering::arabic},
                                                         {"roman", PageNumbering::roman},
                                                         {"none", PageNumbering::none}}))
        style.numbering = *n;
      if (auto restart = r.boolean("restart_numbering")) style.restart_numbering = *restart;
      r.finish();
      doc.page_styles[std::string(name.str())] = style;
    }
  }

  if (auto* blocks = root->get("block")) {
    BlockContext ctx{diags, doc.theme, options.limits};
    if (auto* arr = blocks->as_array(); arr && arr->is_array_of_tables()) {
      doc.blocks = load_block_list(*blocks, ctx, 0);
    } else {
      diags.error(span_of(*blocks), fmt::format("`block` must be written as [[block]] tables, "
                                                "not {}",
                                                describe_type(*blocks)));
    }
  }
  return doc;
}

}  // namespace folio
