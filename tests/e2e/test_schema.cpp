#include <catch2/catch.hpp>
#include <filesystem>

#include "load/schema.hpp"
#include "support.hpp"

using namespace folio;

namespace {

std::vector<std::string> sample_layouts() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_path("layouts")))
    if (e.path().extension() == ".toml")
      paths.push_back(std::filesystem::relative(e.path(), test::source_path("")).string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("folio schema prints the committed schema") {
  auto printed = test::run_folio("schema 2>/dev/null");
  CHECK(printed.exit_code == 0);
  CHECK(printed.output == layout_json_schema());
  CHECK(printed.output == test::read_file(test::source_path("schema/folio.schema.json")));
}

TEST_CASE("every sample layout names the schema and is valid against it (python3-jsonschema)") {
  auto layouts = sample_layouts();
  REQUIRE(layouts.size() >= 2);
  std::string args;
  for (const auto& path : layouts) {
    INFO(path);
    std::string text = test::read_file(test::source_path(path));
    // The path is relative to the layout: one folder deeper for themes/.
    int depth = static_cast<int>(std::count(path.begin(), path.end(), '/'));
    std::string expected = "#:schema ";
    for (int i = 0; i < depth; ++i) expected += "../";
    CHECK(text.substr(0, text.find('\n')) == expected + "schema/folio.schema.json");
    args += " " + path;
  }
  std::string command = "python3 tests/scripts/validate_layouts.py schema/folio.schema.json" + args;
  auto r = test::run_shell(command);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  for (const auto& path : layouts) CHECK_THAT(r.output, Catch::Contains(path + ": valid"));
}

TEST_CASE("the schema rejects what the loader rejects") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/bad1.toml", "[[block]]\ntype = \"heading\"\nlevle = 2\n");
  test::write_file(dir + "/bad2.toml", "[document]\norientation = \"sideways\"\n");
  test::write_file(dir + "/bad3.toml", "[theme]\naccent = \"#12345g\"\n");
  test::write_file(dir + "/bad4.toml", "[[block]]\ntype = \"chart\"\nlegend = \"left\"\n");
  for (const char* name : {"bad1", "bad2", "bad3", "bad4"}) {
    INFO(name);
    std::string file = dir + "/" + name + ".toml";
    CHECK(test::run_folio("check " + file).exit_code == 1);
    auto r = test::run_shell("python3 tests/scripts/validate_layouts.py schema/folio.schema.json " +
                             file);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, !Catch::Contains("valid\n"));
  }
}
