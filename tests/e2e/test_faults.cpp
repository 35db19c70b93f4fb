// Reading faults: inputs that are not regular files, or that change between
// the check and the render, are clear errors and never a hang. (Writing faults,
// which need a full disk or another user, are in tests/faults/faults.sh.)
#include <fmt/format.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

const char* kSample = "render layouts/annual-review.toml --data data/ceop-2008-09.toml";

// `timeout` turns a hang into exit code 124 instead of a stuck test run.
test::CommandResult run_folio_briefly(const std::string& arguments) {
  return test::run_shell(fmt::format("timeout 60 '{}' {}", FOLIO_BINARY, arguments));
}

}  // namespace

TEST_CASE("a FIFO named as a data file is an error, not a hang") {
  std::string dir = test::temp_dir();
  REQUIRE(::mkfifo((dir + "/data.toml").c_str(), 0600) == 0);
  auto r = run_folio_briefly(fmt::format("{} --data {}/data.toml -o {}/x.pdf", kSample, dir, dir));
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Catch::Contains("data.toml` is a FIFO (named pipe), not a regular file"));
  CHECK_FALSE(test::file_exists(dir + "/x.pdf"));
}

TEST_CASE("a device named as a data file is an error, not an endless read") {
  std::string dir = test::temp_dir();
  auto r = run_folio_briefly(fmt::format("{} --data /dev/zero -o {}/x.pdf", kSample, dir));
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Catch::Contains("`/dev/zero` is a device, not a regular file"));
}

TEST_CASE("a data file over --max-file-bytes is refused before it is read") {
  std::string dir = test::temp_dir();
  std::string big = "[padding]\n";
  while (big.size() < 5000) big += "line = \"some text to make the file larger than the limit\"\n";
  test::write_file(dir + "/big.toml", big);
  auto r = run_folio_briefly(
      fmt::format("{} --data {}/big.toml --max-file-bytes 4500 -o {}/x.pdf", kSample, dir, dir));
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Catch::Contains(fmt::format("`{}/big.toml` is {} bytes, more than the limit "
                                                   "of 4500 bytes",
                                                   dir, big.size())));
  CHECK_FALSE(test::file_exists(dir + "/x.pdf"));
}

TEST_CASE("a folder named as the output is an error and stays as it was") {
  std::string dir = test::temp_dir();
  fs::create_directories(dir + "/out.pdf");
  test::write_file(dir + "/out.pdf/inside", "kept");
  auto r = run_folio_briefly(fmt::format("{} -o {}/out.pdf", kSample, dir));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.output, Catch::Contains("out.pdf` is a folder; name a file inside it"));
  CHECK(test::read_file(dir + "/out.pdf/inside") == "kept");
}

TEST_CASE("an image that vanishes between binding and painting fails the render") {
  std::string dir = test::temp_dir();
  fs::copy_file(test::source_path("tests/cases/images/pixels.png"), dir + "/pixels.png");
  test::write_file(dir + "/layout.toml", R"([[block]]
type = "image"
src = "pixels.png"
alt = "pixels"
width = "40mm"
)");
  Diagnostics diags;
  auto built = build(dir + "/layout.toml", {}, diags);
  REQUIRE(built);
  fs::remove(dir + "/pixels.png");
  test::write_file(dir + "/out.pdf", "old");
  auto written = save(*built, dir + "/out.pdf", OutputFormat::pdf, diags);
  CHECK(written.empty());
  REQUIRE(diags.has_errors());
  CHECK_THAT(diags.all().back().message,
             Catch::Contains("pixels.png`: cannot read it: No such file or directory"));
  CHECK_FALSE(diags.only_output_failures());  // the input changed: a document error
  CHECK(test::read_file(dir + "/out.pdf") == "old");
  // Replaced by something that is no image, it fails the same way.
  test::write_file(dir + "/pixels.png", "not an image any more");
  Diagnostics again;
  save(*built, dir + "/out.pdf", OutputFormat::png, again, 36);
  REQUIRE(again.has_errors());
  CHECK_THAT(again.all().back().message, Catch::Contains("no longer a PNG, JPEG or SVG file"));
}

TEST_CASE("JSON diagnostics that cannot be written to stdout are an output failure") {
  auto r = test::run_shell(fmt::format(
      "('{}' check layouts/annual-review.toml --diagnostics json > /dev/full)", FOLIO_BINARY));
  INFO(r.output);
  CHECK(r.exit_code == 1);  // the document's errors come first; their loss is still reported
  CHECK_THAT(r.output, Catch::Contains("cannot write to standard output: No space left on device"));
}
