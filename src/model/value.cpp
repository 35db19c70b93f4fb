#include "model/value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "core/suggest.hpp"

namespace folio {

double Value::as_number() const {
  if (auto* i = std::get_if<int64_t>(&content)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&content)) return *d;
  return 0;
}

const Value* Value::member(std::string_view key) const {
  if (auto* t = table())
    for (const auto& [k, v] : *t)
      if (k == key) return &v;
  return nullptr;
}

Value* Value::member(std::string_view key) {
  return const_cast<Value*>(static_cast<const Value&>(*this).member(key));
}

namespace {

// Follows `path` from `root` and returns the value it names, or nullptr. When
// the walk stops at a name its table lacks, `missing` is set to that name's
// [start, end) in `path` (left alone for any other failure).
const Value* follow_path(const Value& root, std::string_view path,
                         std::pair<size_t, size_t>* missing) {
  const Value* at = &root;
  size_t pos = 0;
  while (pos < path.size() && at) {
    if (path[pos] == '.') {
      ++pos;
      continue;
    }
    if (path[pos] == '[') {
      size_t close = path.find(']', pos);
      if (close == std::string_view::npos) return nullptr;
      size_t index = 0;
      auto [end, ec] = std::from_chars(path.data() + pos + 1, path.data() + close, index);
      if (ec != std::errc() || end != path.data() + close) return nullptr;
      auto* arr = at->array();
      if (!arr || index >= arr->size()) return nullptr;
      at = &(*arr)[index];
      pos = close + 1;
      continue;
    }
    size_t end = std::min(path.find_first_of(".[", pos), path.size());
    const Value* next = at->member(path.substr(pos, end - pos));
    if (!next && missing && at->table()) *missing = {pos, end};
    at = next;
    pos = end;
  }
  return at;
}

}  // namespace

const Value* find_path(const Value& root, std::string_view path) {
  return follow_path(root, path, nullptr);
}

std::string closest_existing_path(const Value& root, std::string_view path) {
  // At the first name missing from its table, the table's closest key takes
  // its place, and the rest is tried again from there.
  std::pair<size_t, size_t> missing{std::string_view::npos, 0};
  if (follow_path(root, path, &missing) || missing.first == std::string_view::npos) return "";
  auto [pos, end] = missing;
  const Value* parent = find_path(root, path.substr(0, pos));
  const Value::Table* table = parent ? parent->table() : nullptr;
  if (!table) return "";
  std::vector<std::string_view> keys;
  for (const auto& [key, value] : *table) keys.push_back(key);
  auto guess = closest_match(path.substr(pos, end - pos), keys);
  if (!guess) return "";
  std::string corrected = std::string(path.substr(0, pos)) + *guess + std::string(path.substr(end));
  if (find_path(root, corrected)) return corrected;
  // Each pass moves the first wrong name further right, so this ends.
  return closest_existing_path(root, corrected);
}

Lookup lookup_scalar(const Value& root, std::string_view path) {
  const Value* v = find_path(root, path);
  if (!v) {
    Lookup missing;
    missing.closest = closest_existing_path(root, path);
    return missing;
  }
  return std::visit(
      [](const auto& c) -> Lookup {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Value::Array> || std::is_same_v<T, Value::Table>) {
          return Lookup{std::nullopt, true};
        } else {
          return Lookup{Scalar(c), false};
        }
      },
      v->content);
}

void merge_values(Value& base, const Value& over) {
  auto* base_table = std::get_if<Value::Table>(&base.content);
  auto* over_table = over.table();
  if (!base_table || !over_table) {
    base = over;
    return;
  }
  for (const auto& [key, value] : *over_table) {
    if (Value* existing = base.member(key)) {
      merge_values(*existing, value);
    } else {
      base_table->emplace_back(key, value);
    }
  }
}

bool is_data_path(std::string_view path) {
  size_t pos = 0;
  while (true) {
    size_t start = pos;
    while (pos < path.size() && (std::isalnum(static_cast<unsigned char>(path[pos])) ||
                                 path[pos] == '_' || path[pos] == '-'))
      ++pos;
    if (pos == start) return false;  // an empty key
    while (pos < path.size() && path[pos] == '[') {
      size_t digits = ++pos;
      while (pos < path.size() && std::isdigit(static_cast<unsigned char>(path[pos]))) ++pos;
      if (pos == digits || pos >= path.size() || path[pos] != ']') return false;
      ++pos;
    }
    if (pos == path.size()) return true;
    if (path[pos] != '.') return false;
    ++pos;
  }
}

std::string set_path(Value& root, std::string_view path, Value value) {
  Value* at = &root;
  size_t pos = 0;
  auto so_far = [&] { return std::string(path.substr(0, pos)); };
  if (path.empty() || path[0] == '.' || path[0] == '[') return "it is not a data path";
  while (pos < path.size()) {
    if (path[pos] == '[') {
      size_t close = path.find(']', pos);
      size_t index = 0;
      auto [end, ec] =
          std::from_chars(path.data() + pos + 1, path.data() + std::min(close, path.size()), index);
      if (close == std::string_view::npos || ec != std::errc() || end != path.data() + close)
        return "an index is a whole number in brackets, such as [0]";
      if (std::holds_alternative<std::monostate>(at->content)) at->content = Value::Array{};
      auto* array = std::get_if<Value::Array>(&at->content);
      if (!array)
        return fmt::format("`{}` is {}, not a list, so it has no [{}]", so_far(),
                           describe_type(*at), index);
      // One past the end appends, so columns values[0], values[1], ... can build a list.
      if (index > array->size())
        return array->empty()
                   ? fmt::format("`{}` is an empty list, so [{}] does not exist", so_far(), index)
                   : fmt::format("`{}` has {} item{}, so [{}] does not exist (0 to {})", so_far(),
                                 array->size(), array->size() == 1 ? "" : "s", index,
                                 array->size() - 1);
      if (index == array->size()) array->emplace_back();
      at = &(*array)[index];
      pos = close + 1;
      if (pos < path.size() && path[pos] != '.' && path[pos] != '[')
        return "a `.` or `[` must follow an index";
      continue;
    }
    std::string parent = so_far();
    if (path[pos] == '.') {
      ++pos;
      if (pos >= path.size() || path[pos] == '.' || path[pos] == '[')
        return "it is not a data path";
    }
    size_t end = std::min(path.find_first_of(".[", pos), path.size());
    std::string_view key = path.substr(pos, end - pos);
    if (std::holds_alternative<std::monostate>(at->content)) at->content = Value::Table{};
    auto* table = std::get_if<Value::Table>(&at->content);
    if (!table)
      return fmt::format("`{}` is {}, not a table, so it has no `{}`", parent, describe_type(*at),
                         key);
    Value* next = at->member(key);
    if (!next) {
      table->emplace_back(std::string(key), Value{});
      next = &table->back().second;
    }
    at = next;
    pos = end;
  }
  *at = std::move(value);
  return "";
}

const char* describe_type(const Value& v) {
  switch (v.content.index()) {
    case 0:
      return "nothing";
    case 1:
      return "a boolean";
    case 2:
      return "an integer";
    case 3:
      return "a decimal number";
    case 4:
      return "a string";
    case 5:
      return "a list";
    default:
      return "a table";
  }
}

}  // namespace folio
