#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "support.hpp"

using namespace folio;

// Each tests/cases/NAME.toml is laid out and its frame dump compared with
// NAME.expected. FOLIO_UPDATE=1 rewrites the expected files for review.
TEST_CASE("layout dumps match their expected files") {
  bool update = std::getenv("FOLIO_UPDATE") != nullptr;
  std::vector<std::filesystem::path> cases;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/cases")))
    if (entry.path().extension() == ".toml") cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const auto& layout : cases) {
    SECTION(layout.stem().string()) {
      Diagnostics diags;
      auto built = build(layout.string(), {}, diags);
      std::string actual;
      for (const auto& d : diags.all()) actual += format_diagnostic(d) + "\n";
      if (built) actual += dump_pages(built->pages, &built->structure);
      // Paths print relative to the repository, so the files match in any checkout.
      std::string root = test::source_path("");
      for (size_t at; (at = actual.find(root)) != std::string::npos;) actual.erase(at, root.size());
      auto expected_path = layout;
      expected_path.replace_extension(".expected");
      if (update) {
        test::write_file(expected_path.string(), actual);
      } else {
        REQUIRE(test::file_exists(expected_path.string()));
        CHECK(actual == test::read_file(expected_path.string()));
      }
    }
  }
}
