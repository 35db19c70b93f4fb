#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

// A small one-page layout, so 50 documents render in well under a second.
const char* kLayout = R"(
[document]
size = "A6"
margins = "10mm"

[[block]]
type = "heading"
level = 1
text = "{{ region.name }}"

[[block]]
type = "paragraph"
text = "{{ year }}: {{ stats.children | number }} children safeguarded."
)";

struct BulkDir {
  std::string dir = test::temp_dir();
  std::string layout = dir + "/leaflet.toml";
  std::string data = dir + "/data";
  std::string out = dir + "/out";
  BulkDir() {
    test::write_file(layout, kLayout);
    test::write_file(dir + "/common.toml", "year = \"2024/25\"\n");
    fs::create_directories(data);
  }
  void region(int i, const std::string& text) {
    test::write_file(fmt::format("{}/r{:02}.toml", data, i), text);
  }
  void good_region(int i) {
    region(i,
           fmt::format(
               "[region]\nname = \"Region {}\"\nslug = \"region-{:02}\"\n[stats]\nchildren = {}\n",
               i, i, 1000 + i));
  }
  std::string render(const std::string& extra) {
    return fmt::format("render '{}' --data '{}/common.toml' --each '{}/*.toml' {}", layout, dir,
                       data, extra);
  }
  std::vector<std::string> outputs() const {
    std::vector<std::string> names;
    if (!fs::exists(out)) return names;
    for (auto& e : fs::directory_iterator(out)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

}  // namespace

TEST_CASE("a bulk build renders every good document and lists each bad one with its position") {
  BulkDir b;
  for (int i = 1; i <= 50; ++i) b.good_region(i);
  // Three broken data files: bad TOML, a duplicate key, and text where a number is needed.
  b.region(7, "[region]\nname = \"Region 7\nslug = \"region-07\"\n");
  b.region(23, "[region]\nname = \"Region 23\"\nslug = \"region-23\"\nslug = \"again\"\n");
  b.region(41,
           "[region]\nname = \"Region 41\"\nslug = \"region-41\"\n[stats]\nchildren = \"many\"\n");
  // Region 7 rendered well last year: its PDF must survive this year's broken data.
  fs::create_directories(b.out);
  test::write_file(b.out + "/region-07.pdf", "previous good output");

  auto r = test::run_folio(b.render("-o '" + b.out + "/{{ region.slug }}.pdf' -j 2"));
  CHECK(r.exit_code == 1);
  auto names = b.outputs();
  CHECK(names.size() == 48);  // 47 new PDFs + the untouched one, no temporary files
  CHECK(test::read_file(b.out + "/region-07.pdf") == "previous good output");
  CHECK_FALSE(test::file_exists(b.out + "/region-23.pdf"));
  CHECK_FALSE(test::file_exists(b.out + "/region-41.pdf"));
  auto pages = test::pdf_page_texts(b.out + "/region-12.pdf");
  REQUIRE(pages.size() == 1);
  CHECK_THAT(pages[0], Catch::Contains("Region 12"));
  CHECK_THAT(pages[0], Catch::Contains("2024/25: 1,012 children safeguarded."));

  CHECK_THAT(r.output, Catch::Contains("3 of 50 documents failed"));
  CHECK_THAT(r.output, Catch::Contains(b.data + "/r07.toml:2:"));
  CHECK_THAT(r.output, Catch::Contains(b.data + "/r23.toml:4:8: error:"));
  // The number filter's error points at the template in the layout.
  CHECK_THAT(r.output, Catch::Contains(b.layout + ":13:"));
  CHECK_THAT(r.output, Catch::Contains("FAILED " + b.data + "/r41.toml"));
}

TEST_CASE("fail-fast stops at the first failure") {
  BulkDir b;
  for (int i = 1; i <= 6; ++i) b.good_region(i);
  b.region(2, "not toml at all = = =\n");
  auto r = test::run_folio(b.render("-o '" + b.out + "/{{ region.slug }}.pdf' -j 1 --fail-fast"));
  CHECK(r.exit_code == 1);
  CHECK(b.outputs().empty());  // data is read before anything renders, so nothing was
  CHECK_THAT(r.output, Catch::Contains(b.data + "/r02.toml:1:"));
}

TEST_CASE("an output pattern that gives two documents one file is refused before rendering") {
  BulkDir b;
  for (int i = 1; i <= 4; ++i) b.good_region(i);
  auto r = test::run_folio(b.render("-o '" + b.out + "/{{ year }}.pdf'"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Catch::Contains("for 4 documents"));
  CHECK_THAT(r.output, Catch::Contains("nothing was rendered"));
  CHECK_FALSE(fs::exists(b.out));

  // Two regions whose slugs clash (after normalising the path) are refused too.
  b.region(3, "[region]\nname = \"Copy\"\nslug = \"region-01\"\n[stats]\nchildren = 1\n");
  auto clash = test::run_folio(b.render("-o '" + b.out + "/./{{ region.slug }}.pdf'"));
  CHECK(clash.exit_code == 1);
  CHECK_THAT(clash.output, Catch::Contains("for 2 documents:\n  " + b.data + "/r01.toml\n  " +
                                           b.data + "/r03.toml"));
  CHECK_FALSE(fs::exists(b.out));
}

TEST_CASE("data cannot write outside the output folder") {
  BulkDir b;
  b.region(1, "[region]\nname = \"Up\"\nslug = \"../../escape\"\n[stats]\nchildren = 1\n");
  auto r = test::run_folio(b.render("-o '" + b.out + "/{{ region.slug }}.pdf' -q"));
  CHECK(r.exit_code == 0);
  CHECK(b.outputs() == std::vector<std::string>{"_.._.._escape.pdf"});
  CHECK(r.output.empty());  // --quiet
}

TEST_CASE("a shard renders one share of the sorted data files") {
  BulkDir b;
  for (int i = 1; i <= 7; ++i) b.good_region(i);
  auto r =
      test::run_folio(b.render("-o '" + b.out + "/{{ source.stem }}-{{ index }}.pdf' --shard 2/3"));
  CHECK(r.exit_code == 0);
  // 7 items in 3 shares: [0,2) [2,4) [4,7); index counts the whole list.
  CHECK(b.outputs() == std::vector<std::string>{"r03-3.pdf", "r04-4.pdf"});
  CHECK_THAT(r.output, Catch::Contains("shard 2/3 from --shard (documents 3-4 of 7)"));
  CHECK(test::run_folio(b.render("--shard 4/3")).exit_code == 2);
}

TEST_CASE("a manifest makes one document per CSV row") {
  BulkDir b;
  test::write_file(b.dir + "/regions.csv",
                   "region.name,region.slug,stats.children\n"
                   "North East,north-east,18887\n"
                   "Wales,wales,139\n"
                   "Broken,broken,lots\n");
  auto r =
      test::run_folio(fmt::format("render '{}' --data '{}/common.toml' --manifest '{}/regions.csv' "
                                  "-o '{}/{{{{ region.slug }}}}.pdf'",
                                  b.layout, b.dir, b.dir, b.out));
  CHECK(r.exit_code == 1);  // the third row's "lots" is not a number
  CHECK(b.outputs() == std::vector<std::string>{"north-east.pdf", "wales.pdf"});
  auto pages = test::pdf_page_texts(b.out + "/north-east.pdf");
  REQUIRE(pages.size() == 1);
  CHECK_THAT(pages[0], Catch::Contains("2024/25: 18,887 children safeguarded."));
  CHECK_THAT(r.output, Catch::Contains("FAILED " + b.dir + "/regions.csv:4"));
}

TEST_CASE("bulk usage errors") {
  BulkDir b;
  b.good_region(1);
  CHECK(test::run_folio(b.render("--dump-layout")).exit_code == 2);
  auto none =
      test::run_folio(fmt::format("render '{}' --each '{}/nothing-*.toml'", b.layout, b.dir));
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.output, Catch::Contains("no file matches --each"));
}
