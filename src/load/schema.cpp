#include "load/schema.hpp"

#include <fmt/format.h>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

#include "load/format_keys.hpp"

namespace folio {
namespace {

// Just enough JSON to write a schema: objects keep their keys in order, so
// the output is stable and diffs well.
struct Json {
  using Object = std::vector<std::pair<std::string, Json>>;
  using Array = std::vector<Json>;
  std::variant<std::string, double, bool, Object, Array> value;
  bool is_number_integer = false;

  Json(const char* s) : value(std::string(s)) {}
  Json(std::string_view s) : value(std::string(s)) {}
  Json(std::string s) : value(std::move(s)) {}
  Json(int64_t n) : value(static_cast<double>(n)), is_number_integer(true) {}
  Json(bool b) : value(b) {}
  Json(Object o) : value(std::move(o)) {}
  Json(Array a) : value(std::move(a)) {}
};

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void write(const Json& j, int indent, std::string& out) {
  std::string pad(indent + 2, ' ');
  if (auto* s = std::get_if<std::string>(&j.value)) {
    out += quote(*s);
  } else if (auto* n = std::get_if<double>(&j.value)) {
    out +=
        j.is_number_integer ? fmt::format("{}", static_cast<int64_t>(*n)) : fmt::format("{}", *n);
  } else if (auto* b = std::get_if<bool>(&j.value)) {
    out += *b ? "true" : "false";
  } else if (auto* o = std::get_if<Json::Object>(&j.value)) {
    if (o->empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    for (size_t i = 0; i < o->size(); ++i) {
      out += pad + quote((*o)[i].first) + ": ";
      write((*o)[i].second, indent + 2, out);
      out += i + 1 < o->size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + "}";
  } else if (auto* a = std::get_if<Json::Array>(&j.value)) {
    bool simple = true;  // a list of strings fits on one line
    for (const auto& e : *a) simple = simple && std::holds_alternative<std::string>(e.value);
    if (simple) {
      out += "[";
      for (size_t i = 0; i < a->size(); ++i)
        out += (i ? ", " : "") + quote(std::get<std::string>((*a)[i].value));
      out += "]";
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < a->size(); ++i) {
      out += pad;
      write((*a)[i], indent + 2, out);
      out += i + 1 < a->size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + "]";
  }
}

Json def_ref(std::string_view name) {
  return Json::Object{{"$ref", fmt::format("#/$defs/{}", name)}};
}

Json array_of(Json items) {
  return Json::Object{{"type", "array"}, {"items", std::move(items)}};
}

// The schema of one value kind (without its description).
Json::Object kind_schema(const KeySpec& key) {
  switch (key.kind) {
    case ValueKind::string:
    case ValueKind::text:
    case ValueKind::path:
    case ValueKind::dataset:
      return {{"type", "string"}};
    case ValueKind::integer: {
      Json::Object o{{"type", "integer"}};
      if (key.min < key.max) {
        o.emplace_back("minimum", key.min);
        o.emplace_back("maximum", key.max);
      }
      return o;
    }
    case ValueKind::number:
      return {{"type", "number"}};
    case ValueKind::boolean:
      return {{"type", "boolean"}};
    case ValueKind::length:
      return {{"$ref", "#/$defs/length"}};
    case ValueKind::width:
      return {{"$ref", "#/$defs/width"}};
    case ValueKind::width_or_auto:
      return {{"anyOf", Json::Array{def_ref("width"), Json::Object{{"const", "auto"}}}}};
    case ValueKind::color:
      return {{"$ref", "#/$defs/color"}};
    case ValueKind::choice: {
      Json::Array values;
      for (auto c : key.choices) values.emplace_back(c);
      return {{"enum", std::move(values)}};
    }
    case ValueKind::margins:
      return {{"anyOf", Json::Array{def_ref("length"), Json::Object{{"type", "array"},
                                                                    {"items", def_ref("length")},
                                                                    {"minItems", int64_t{4}},
                                                                    {"maxItems", int64_t{4}}}}}};
    case ValueKind::page_size:
      return {{"anyOf", Json::Array{Json::Object{{"enum", Json::Array{"A3", "A4", "A5", "A6",
                                                                      "Letter", "Legal"}}},
                                    Json::Object{{"type", "array"},
                                                 {"items", def_ref("length")},
                                                 {"minItems", int64_t{2}},
                                                 {"maxItems", int64_t{2}}}}}};
    case ValueKind::text_list:
    case ValueKind::categories:
      return {{"type", "array"}, {"items", Json::Object{{"type", "string"}}}};
    case ValueKind::color_list:
      return {{"type", "array"}, {"items", def_ref("color")}, {"minItems", int64_t{1}}};
    case ValueKind::number_list:
      return {{"type", "array"}, {"items", Json::Object{{"type", "number"}}}};
    case ValueKind::number_format:
      return {{"type", "string"}, {"pattern", "^(number|percent)(\\([0-9]+\\))?$"}};
    case ValueKind::series:
      return {{"type", "array"}, {"items", def_ref("chart.series")}};
    case ValueKind::rows:
      return {
          {"type", "array"},
          {"items", array_of(Json::Object{{"type", Json::Array{"string", "number", "boolean"}}})}};
    case ValueKind::table_columns:
      return {{"type", "array"}, {"items", def_ref("table.column")}};
    case ValueKind::stats_items:
      return {{"type", "array"}, {"items", def_ref("stats.item")}, {"minItems", int64_t{1}}};
    case ValueKind::stats_item:
      return {{"$ref", "#/$defs/stats.item"}};
    case ValueKind::text_or_list:
      return {{"anyOf", Json::Array{Json::Object{{"type", "string"}},
                                    Json::Object{{"type", "array"},
                                                 {"items", Json::Object{{"type", "string"}}}}}}};
    case ValueKind::column_types:
      return {{"type", "object"},
              {"additionalProperties",
               Json::Object{{"enum", Json::Array{"text", "number", "percent", "date"}}}}};
    case ValueKind::pivot:
      return {{"$ref", "#/$defs/dataset.pivot"}};
    case ValueKind::blocks:
      return {{"type", "array"}, {"items", def_ref("block")}};
    case ValueKind::any_table:
      return {{"type", "object"}};
    case ValueKind::string_map:
      return {{"type", "object"}, {"additionalProperties", Json::Object{{"type", "string"}}}};
    case ValueKind::string_list:
      return {{"type", "array"}, {"items", Json::Object{{"type", "string"}}}};
  }
  return {};
}

Json::Object properties(const std::vector<const KeySpec*>& keys) {
  Json::Object props;
  for (const KeySpec* key : keys) {
    Json::Object schema = kind_schema(*key);
    schema.insert(schema.begin(), {"description", key->doc});
    props.emplace_back(std::string(key->name), std::move(schema));
  }
  return props;
}

Json::Object object_schema(const TableSpec& table, const std::vector<const KeySpec*>& keys,
                           std::vector<std::string> required = {}) {
  Json::Object o{{"description", table.doc}, {"type", "object"}, {"properties", properties(keys)}};
  if (!required.empty()) {
    Json::Array r;
    for (auto& k : required) r.emplace_back(k);
    o.emplace_back("required", std::move(r));
  }
  if (table.closed) o.emplace_back("additionalProperties", false);
  return o;
}

std::vector<const KeySpec*> keys_of(const TableSpec& t) {
  std::vector<const KeySpec*> keys;
  for (const auto& k : t.keys) keys.push_back(&k);
  return keys;
}

}  // namespace

std::string layout_json_schema() {
  const TableSpec& common = *find_format_table("block");
  Json::Object defs;
  defs.emplace_back(
      "length",
      Json::Object{
          {"description",
           "Points, or a string with a unit: \"12pt\", \"4mm\", \"1.5cm\", \"0.5in\"."},
          {"anyOf",
           Json::Array{Json::Object{{"type", "number"}},
                       Json::Object{{"type", "string"},
                                    {"pattern", "^ *-?[0-9]*\\.?[0-9]+ *(pt|mm|cm|in|px)?$"}}}}});
  defs.emplace_back(
      "width",
      Json::Object{{"description", "A length, or a percentage of the space available: \"40%\"."},
                   {"anyOf", Json::Array{def_ref("length"),
                                         Json::Object{{"type", "string"},
                                                      {"pattern", "^ *[0-9]*\\.?[0-9]+ *%$"}}}}});
  defs.emplace_back("color",
                    Json::Object{{"description",
                                  "\"#rrggbb\", \"#rrggbbaa\" or a theme colour: text, "
                                  "muted, accent, background, rule, on_accent, palette.N."},
                                 {"type", "string"},
                                 {"pattern",
                                  "^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|text|muted|accent|"
                                  "background|rule|on_accent|palette\\.[0-9]+)$"}});
  for (const char* name : {"document", "theme", "running", "page_style", "table.column",
                           "stats.item", "chart.series", "dataset", "dataset.pivot"}) {
    const TableSpec& t = *find_format_table(name);
    std::vector<std::string> required(t.required.begin(), t.required.end());
    defs.emplace_back(name, object_schema(t, keys_of(t), required));
  }
  // A block: the keys every block has plus its type's, chosen by `type`.
  Json::Array alternatives;
  for (auto type : format_block_types()) {
    std::string name = fmt::format("block.{}", type);
    const TableSpec& t = *find_format_table(name);
    std::vector<const KeySpec*> keys = keys_of(common);
    for (const auto& k : t.keys) keys.push_back(&k);
    std::vector<std::string> required = {"type"};
    required.insert(required.end(), t.required.begin(), t.required.end());
    Json::Object schema = object_schema(t, keys, required);
    // `type` is this block's own name (schema[2] is "properties", as object_schema writes it).
    for (auto& [prop, value] : std::get<Json::Object>(schema[2].second.value))
      if (prop == "type") value = Json::Object{{"description", "The block type."}, {"const", type}};
    defs.emplace_back(name, std::move(schema));
    alternatives.push_back(def_ref(name));
  }
  defs.emplace_back("block",
                    Json::Object{{"description", "A block of the body, laid out in order."},
                                 {"type", "object"},
                                 {"required", Json::Array{"type"}},
                                 {"oneOf", std::move(alternatives)}});

  Json root = Json::Object{
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "folio layout"},
      {"description",
       "A folio layout file: the pages, the theme, the running header and footer, the blocks of "
       "the body and data. Generated by `folio schema`."},
      {"type", "object"},
      {"properties",
       Json::Object{
           {"document", def_ref("document")},
           {"theme", def_ref("theme")},
           {"header",
            Json::Object{{"$ref", "#/$defs/running"}, {"description", "The running header."}}},
           {"footer",
            Json::Object{{"$ref", "#/$defs/running"}, {"description", "The running footer."}}},
           {"page", Json::Object{{"description",
                                  "Named page styles: [page.NAME] tables; a block starts a page "
                                  "in one with page_style = \"NAME\"."},
                                 {"type", "object"},
                                 {"additionalProperties", def_ref("page_style")}}},
           {"block", Json::Object{{"description", "The body: [[block]] tables, laid out in order."},
                                  {"type", "array"},
                                  {"items", def_ref("block")}}},
           {"dataset", Json::Object{{"description",
                                     "Typed tables: [dataset.NAME] tables, read from CSV files, "
                                     "SQLite queries or data, and transformed."},
                                    {"type", "object"},
                                    {"additionalProperties", def_ref("dataset")}}},
           {"data", Json::Object{{"description",
                                  "Values for {{ templates }} and datasets for charts and tables; "
                                  "data files merge over it."},
                                 {"type", "object"}}}}},
      {"additionalProperties", false},
      {"$defs", std::move(defs)}};
  std::string out;
  write(root, 0, out);
  return out + "\n";
}

}  // namespace folio
