#include "model/data_table.hpp"

#include <functional>

namespace folio {

std::string_view column_type_name(ColumnType type) {
  switch (type) {
    case ColumnType::number:
      return "number";
    case ColumnType::percent:
      return "percent";
    case ColumnType::date:
      return "date";
    case ColumnType::text:
      break;
  }
  return "text";
}

TextColumnBuilder::TextColumnBuilder(DataColumn& column) : column_(column) {
  slots_.assign(64, 0);
  std::vector<std::string> existing = std::move(column_.strings);
  std::vector<uint32_t> codes = std::move(column_.codes);
  column_.strings.clear();
  column_.codes.clear();
  for (const auto& s : existing) push(s);  // indexes what the column already holds
  column_.codes = std::move(codes);
}

void TextColumnBuilder::grow() {
  std::vector<uint32_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  size_t mask = slots_.size() - 1;
  for (uint32_t entry : old) {
    if (!entry) continue;
    size_t at = std::hash<std::string_view>{}(column_.strings[entry - 1]) & mask;
    while (slots_[at]) at = (at + 1) & mask;
    slots_[at] = entry;
  }
}

void TextColumnBuilder::push(std::string_view text) {
  if ((column_.strings.size() + 1) * 2 > slots_.size()) grow();
  size_t mask = slots_.size() - 1;
  size_t at = std::hash<std::string_view>{}(text)&mask;
  while (uint32_t entry = slots_[at]) {
    if (column_.strings[entry - 1] == text) {
      column_.codes.push_back(entry - 1);
      return;
    }
    at = (at + 1) & mask;
  }
  column_.strings.emplace_back(text);
  slots_[at] = static_cast<uint32_t>(column_.strings.size());
  column_.codes.push_back(static_cast<uint32_t>(column_.strings.size() - 1));
}

}  // namespace folio
