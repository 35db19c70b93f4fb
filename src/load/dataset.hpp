#pragma once

#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/dataset.hpp"
#include "model/theme.hpp"
#include "model/value.hpp"

namespace folio {

// A dataset from its data table { title, categories, series = [{ name, values, color }] },
// checked: every value a number, every series as long as the categories.
std::optional<Dataset> dataset_from_value(const Value& value, std::string_view name,
                                          Diagnostics& diags, const Theme* theme = nullptr);

}  // namespace folio
