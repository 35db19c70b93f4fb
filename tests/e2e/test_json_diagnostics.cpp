#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <sstream>

#include "support.hpp"

using namespace folio;

namespace {

// The text diagnostics without the source excerpts (the "  12 | ..." and "     | ^" lines).
std::string without_excerpts(const std::string& output) {
  static const std::regex excerpt(R"(^ *[0-9]* \| .*$)");
  std::istringstream in(output);
  std::string line, out;
  while (std::getline(in, line))
    if (!std::regex_match(line, excerpt)) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("JSON diagnostics: one parseable object per diagnostic, matching the text") {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/bad")))
    if (entry.path().extension() == ".toml" &&
        entry.path().string().find(".data.") == std::string::npos)
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 20);
  int with_end = 0;
  for (const auto& name : names) {
    INFO(name);
    std::string args = "check tests/bad/" + name + ".toml";
    if (test::file_exists(test::source_path("tests/bad/" + name + ".data.toml")))
      args += " --data tests/bad/" + name + ".data.toml";
    auto text = test::run_folio(args);
    // stdout (the JSON) goes through the checker; the checker's output comes back.
    auto json = test::run_folio(
        args +
        " --diagnostics json 2>/dev/null | python3 tests/scripts/json_diagnostics_to_text.py");
    CHECK(text.exit_code == 1);
    CHECK(json.exit_code == 0);
    std::string converted = json.output;
    size_t marks = 0;
    for (size_t at = 0; (at = converted.find("has-end\n", at)) != std::string::npos;) {
      converted.erase(at, 8);
      ++marks;
    }
    with_end += marks > 0;
    CHECK_FALSE(converted.empty());
    CHECK(converted == without_excerpts(text.output));
  }
  CHECK(with_end >= 10);  // values read from TOML know where they end
}

TEST_CASE("JSON diagnostics escape quotes, backslashes and control characters") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/q.toml", "[document]\norientation = \"side\\\\ways \\\"x\\\"\\t\"\n");
  auto r = test::run_folio("check " + dir + "/q.toml --diagnostics json 2>/dev/null");
  CHECK_THAT(r.output, Catch::Contains(R"(not \"side\\ways \"x\"\t\")"));
  auto parsed = test::run_folio("check " + dir +
                                "/q.toml --diagnostics json 2>/dev/null | python3 "
                                "tests/scripts/json_diagnostics_to_text.py 2>&1");
  CHECK(parsed.exit_code == 0);
  CHECK_THAT(parsed.output, Catch::Contains("error: `orientation` must be one of"));
}

TEST_CASE("JSON diagnostics: a clean check prints nothing on stdout") {
  auto r = test::run_folio(
      "check layouts/annual-review.toml --data data/ceop-2008-09.toml --diagnostics json "
      "2>/dev/null | cat");
  CHECK(r.exit_code == 0);
  CHECK(r.output.empty());
}
