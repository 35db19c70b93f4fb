#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

using namespace folio;

// Each tests/bad/NAME.toml (with NAME.data.toml as its data file, when there is
// one) must fail with exit code 1, print NAME.expected as its first line, and write nothing.
TEST_CASE("bad inputs give the expected first diagnostic and no output") {
  std::vector<std::filesystem::path> cases;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/bad")))
    if (entry.path().extension() == ".toml" &&
        entry.path().string().find(".data.") == std::string::npos &&
        entry.path().parent_path().filename() == "bad")
      cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 20);
  for (const auto& layout : cases) {
    std::string name = layout.stem().string();
    SECTION(name) {
      std::string dir = test::temp_dir();
      std::string out = dir + "/out.pdf";
      std::string args = "render tests/bad/" + name + ".toml -o " + out;
      std::string data = "tests/bad/" + name + ".data.toml";
      if (test::file_exists(test::source_path(data))) args += " --data " + data;
      auto r = test::run_folio(args);
      std::string expected = test::read_file(test::source_path("tests/bad/" + name + ".expected"));
      while (!expected.empty() && expected.back() == '\n') expected.pop_back();
      std::string first = r.output.substr(0, r.output.find('\n'));
      CHECK(r.exit_code == 1);
      CHECK(first == expected);
      CHECK_FALSE(test::file_exists(out));
    }
  }
}
