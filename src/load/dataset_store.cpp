#include "load/dataset_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/suggest.hpp"
#include "load/data_blocks.hpp"
#include "load/file_text.hpp"
#include "load/internal.hpp"
#include "load/sandbox.hpp"
#include "load/sqlite.hpp"
#include "load/transform.hpp"

namespace folio {

DatasetStore::DatasetStore(const Document& doc, Diagnostics& diags, const Limits& limits,
                           const std::vector<std::string>& allowed_dirs)
    : doc_(doc), diags_(diags), limits_(limits), allowed_dirs_(allowed_dirs) {
  for (const auto& spec : doc.datasets) {
    if (find_path(doc.data, spec.name))
      diags_.error(spec.span,
                   fmt::format("the dataset `{}` has the name of a value under [data]", spec.name),
                   {"templates and blocks could not tell them apart: rename one of them"});
    specs_.emplace(spec.name, &spec);
  }
}

bool DatasetStore::has(std::string_view name) const {
  return specs_.count(name) > 0;
}

std::shared_ptr<DataTable> DatasetStore::read_csv(const TextValue& ref, const CsvOptions& options) {
  auto real = resolve_inside(ref, doc_.base_dir, FileAccess{doc_.base_dir, allowed_dirs_},
                             "CSV file", diags_);
  if (!real) return nullptr;
  auto text = read_text_file(*real, limits_.max_file_bytes, ref.span, diags_);
  if (!text) return nullptr;
  auto table = read_csv_table(*text, join_path(doc_.base_dir, ref.text), options, diags_);
  if (!table) return nullptr;
  return std::make_shared<DataTable>(std::move(*table));
}

std::shared_ptr<const DataTable> DatasetStore::csv_file(const TextValue& ref) {
  std::string path = join_path(doc_.base_dir, ref.text);
  if (auto at = csv_files_.find(path); at != csv_files_.end()) return at->second;
  auto table = read_csv(ref, CsvOptions{});
  csv_files_[path] = table;  // a failure too, so that it is reported once
  return table;
}

std::shared_ptr<const DataTable> DatasetStore::table(std::string_view name) {
  if (auto at = done_.find(name); at != done_.end()) return at->second;
  if (failed_.count(name)) return nullptr;
  auto spec = specs_.find(name);
  if (spec == specs_.end()) return nullptr;
  if (std::find(computing_.begin(), computing_.end(), name) != computing_.end()) {
    std::string chain;
    for (const auto& n : computing_) chain += n + " -> ";
    diags_.error(spec->second->from.span,
                 fmt::format("the datasets derive from each other in a circle: {}{}", chain, name));
    failed_.insert(std::string(name));
    return nullptr;
  }
  computing_.push_back(std::string(name));
  int errors_before = diags_.error_count();
  auto result = compute(*spec->second);
  computing_.pop_back();
  if (!result || diags_.error_count() > errors_before) {
    failed_.insert(std::string(name));
    return nullptr;
  }
  done_.emplace(std::string(name), result);
  return result;
}

std::shared_ptr<const DataTable> DatasetStore::compute(const DatasetSpec& spec) {
  std::shared_ptr<const DataTable> input;
  if (!spec.csv.empty()) {
    CsvOptions options;
    options.types = spec.types;
    options.types_span = spec.types_span;
    if (!spec.locale.empty())
      options.decimal = decimal_mark_of_locale(spec.locale.text).value_or(DecimalMark::point);
    input = read_csv(TextValue{spec.csv.text, spec.csv.span}, options);
  } else if (!spec.sqlite.empty()) {
    auto result = read_sqlite_query(TextValue{spec.sqlite.text, spec.sqlite.span}, doc_.base_dir,
                                    FileAccess{doc_.base_dir, allowed_dirs_},
                                    TextValue{spec.query.text, spec.query.span}, limits_, diags_);
    if (!result) return nullptr;
    auto t = table_from_query(result->columns, result->rows, spec.name, spec.sqlite.span, diags_);
    if (t) input = std::make_shared<DataTable>(std::move(*t));
  } else if (has(spec.from.text)) {
    input = table(spec.from.text);
  } else if (const Value* value = find_path(doc_.data, spec.from.text); value && value->array()) {
    if (auto t = table_from_values(*value, spec.from.text, diags_))
      input = std::make_shared<DataTable>(std::move(*t));
  } else if (!doc_.data_incomplete) {
    std::vector<std::string_view> names;
    for (const auto& [n, s] : specs_)
      if (n != spec.name) names.push_back(n);
    std::vector<std::string> hints;
    if (auto guess = closest_match(spec.from.text, names))
      hints.push_back(fmt::format("did you mean `{}`?", *guess));
    hints.push_back("`from` names another [dataset.NAME] or a list of tables under [data]");
    diags_.error(spec.from.span,
                 value ? fmt::format("`{}` is {}, not a list of tables", spec.from.text,
                                     describe_type(*value))
                       : fmt::format("no dataset named `{}`", spec.from.text),
                 hints);
  }
  if (!input) return nullptr;
  bool transforms = !spec.derive.empty() || !spec.filter.empty() || !spec.group_by.empty() ||
                    !spec.aggregate.empty() || spec.pivot || !spec.compute.empty() ||
                    !spec.sort.empty() || spec.limit || !spec.select.empty();
  if (!transforms) return input;
  // Filters, groups and sorts copy what they keep; only derive copies the whole input.
  auto out = apply_transforms(*input, spec, diags_);
  if (!out) return nullptr;
  out->span = spec.span;
  return std::make_shared<DataTable>(std::move(*out));
}

std::optional<Lookup> DatasetStore::lookup(std::string_view path) {
  size_t end = std::min(path.find_first_of(".["), path.size());
  std::string_view name = path.substr(0, end);
  if (!has(name)) return std::nullopt;
  auto t = table(name);
  Lookup missing;
  missing.unknown = true;  // its error is reported where the dataset is declared
  if (!t) return missing;
  std::string_view rest = path.substr(end);
  std::optional<long long> row;
  if (rest.starts_with('[')) {
    size_t close = rest.find(']');
    long long index = 0;
    if (close == std::string_view::npos) return Lookup{};
    auto [p, ec] = std::from_chars(rest.data() + 1, rest.data() + close, index);
    if (ec != std::errc() || p != rest.data() + close) return Lookup{};
    if (index < 0) index += static_cast<long long>(t->rows);
    if (index < 0 || index >= static_cast<long long>(t->rows)) return Lookup{};
    row = index;
    rest.remove_prefix(close + 1);
  }
  if (!rest.starts_with('.')) return Lookup{std::nullopt, true};  // the dataset or a row itself
  std::string_view column = rest.substr(1);
  const DataColumn* c = t->column(column);
  if (!c) {
    if (column == "rows" && !row) return Lookup{Scalar(static_cast<int64_t>(t->rows)), false};
    Lookup none;
    std::vector<std::string_view> names;
    for (const auto& col : t->columns) names.push_back(col.name);
    if (auto guess = closest_match(column, names))
      none.closest = std::string(path.substr(0, path.size() - column.size())) + std::string(*guess);
    return none;
  }
  if (!row) {
    if (t->rows != 1) return Lookup{std::nullopt, true};
    row = 0;
  }
  return Lookup{cell_scalar(*c, static_cast<size_t>(*row)), false};
}

}  // namespace folio
