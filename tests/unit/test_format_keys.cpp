#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

#include "load/format_keys.hpp"
#include "load/schema.hpp"
#include "load/toml_reader.hpp"
#include "support.hpp"

using namespace folio;

namespace {

// The keys the loader's TableReader asked for (or allowed) in the table that
// starts on `line` of `layout` (line 1 is a comment, so the root table is apart).
std::set<std::string> loader_keys(const std::string& layout, int line) {
  AcceptedKeysLog::Keys log;
  {
    AcceptedKeysLog recording(log);
    std::string dir = test::temp_dir();
    test::write_file(dir + "/layout.toml", layout);
    Diagnostics diags;
    load_document(dir + "/layout.toml", {}, diags);
  }
  std::set<std::string> keys;
  for (const auto& [at, names] : log)
    if (at.first == line) keys.insert(names.begin(), names.end());
  return keys;
}

std::set<std::string> spec_keys(std::initializer_list<std::string_view> tables) {
  std::set<std::string> keys;
  for (auto name : tables)
    for (const auto& k : find_format_table(name)->keys) keys.insert(std::string(k.name));
  return keys;
}

}  // namespace

TEST_CASE("format_keys lists exactly the keys the loader accepts, table by table") {
  CHECK(loader_keys("#\n[document]\n", 2) == spec_keys({"document"}));
  CHECK(loader_keys("#\n[theme]\n", 2) == spec_keys({"theme"}));
  CHECK(loader_keys("#\n[header]\n", 2) == spec_keys({"running"}));
  CHECK(loader_keys("#\n[footer]\n", 2) == spec_keys({"running"}));
  CHECK(loader_keys("#\n[page.cover]\n", 2) == spec_keys({"page_style"}));
  for (auto type : format_block_types()) {
    INFO("block type " << type);
    std::string table = fmt::format("block.{}", type);
    REQUIRE(find_format_table(table));
    CHECK(loader_keys(fmt::format("#\n[[block]]\ntype = \"{}\"\n", type), 2) ==
          spec_keys({"block", table}));
  }
  CHECK(loader_keys("#\n[[block]]\ntype = \"table\"\ncolumns = [{ title = \"A\" }]\n", 4) ==
        spec_keys({"table.column"}));
  CHECK(loader_keys("#\n[[block]]\ntype = \"stats\"\nitems = [{ value = \"1\" }]\n", 4) ==
        spec_keys({"stats.item"}));
  CHECK(loader_keys("#\n[[block]]\ntype = \"stats\"\ndata = \"d\"\nitem = { value = \"1\" }\n",
                    5) == spec_keys({"stats.item"}));
  CHECK(loader_keys("#\n[dataset.a]\n", 2) == spec_keys({"dataset"}));
  CHECK(loader_keys("#\n[dataset.a]\nfrom = \"b\"\npivot = { index = \"x\" }\n", 4) ==
        spec_keys({"dataset.pivot"}));
  // Every table of the format is checked above, except the series (read as data).
  std::set<std::string_view> checked = {"document", "theme",        "running",    "page_style",
                                        "block",    "table.column", "stats.item", "chart.series",
                                        "dataset",  "dataset.pivot"};
  for (auto type : format_block_types())
    checked.insert(find_format_table(fmt::format("block.{}", type))->name);
  for (const auto& t : format_tables()) CHECK(checked.count(t.name) == 1);
}

TEST_CASE("every key of the format is documented") {
  for (const auto& t : format_tables()) {
    CHECK_FALSE(t.doc.empty());
    for (const auto& k : t.keys) {
      INFO(t.name << "." << k.name);
      CHECK_FALSE(k.doc.empty());
      CHECK((k.kind == ValueKind::choice) == !k.choices.empty());
    }
  }
}

// FOLIO_UPDATE=1 rewrites schema/folio.schema.json (review the diff).
TEST_CASE("schema/folio.schema.json is up to date with format_keys") {
  std::string path = test::source_path("schema/folio.schema.json");
  std::string schema = layout_json_schema();
  if (std::getenv("FOLIO_UPDATE")) test::write_file(path, schema);
  CHECK(test::read_file(path) == schema);
}

TEST_CASE("the keys format_keys marks required are the ones the loader demands") {
  for (auto type : format_block_types()) {
    const TableSpec& spec = *find_format_table(fmt::format("block.{}", type));
    INFO("block type " << type);
    Diagnostics diags;
    std::string dir = test::temp_dir();
    test::write_file(dir + "/layout.toml", fmt::format("[[block]]\ntype = \"{}\"\n", type));
    load_document(dir + "/layout.toml", {}, diags);
    std::string messages;
    for (const auto& d : diags.all()) messages += d.message + "\n";
    for (auto key : spec.required)
      CHECK_THAT(messages, Catch::Contains(fmt::format("needs `{}", key)));
    // A block of a type with no required key loads cleanly (charts and tables need data, lists
    // and stats `items` or `data`: see below).
    if (spec.required.empty() && type != "chart" && type != "table" && type != "list" &&
        type != "stats")
      CHECK(messages.empty());
    if (type == "list" || type == "stats") CHECK_THAT(messages, Catch::Contains("needs `items"));
  }
}
