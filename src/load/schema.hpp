#pragma once

#include <string>

namespace folio {

// The JSON Schema (draft 2020-12) of a layout file, generated from
// format_tables(): what `folio schema` prints and schema/folio.schema.json holds.
std::string layout_json_schema();

}  // namespace folio
