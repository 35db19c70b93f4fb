// Images, print boxes and raster output, checked in the files folio writes.
#include <poppler-document.h>
#include <poppler-page.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "image/probe.hpp"
#include "support.hpp"

using namespace folio;

namespace {

// A layout in a temporary folder holding copies of the test images, so its
// image paths stay inside its own folder tree.
std::string layout_with_images(const std::string& dir, const std::string& body) {
  std::filesystem::create_directories(dir + "/images");
  for (const char* name : {"pixels.png", "photo.jpg", "mark.svg"})
    std::filesystem::copy_file(test::source_path(std::string("tests/cases/images/") + name),
                               dir + "/images/" + name);
  std::string path = dir + "/layout.toml";
  test::write_file(path, body);
  return path;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("a JPEG is embedded as the original JPEG bytes (DCTDecode), not re-encoded") {
  std::string dir = test::temp_dir();
  std::string layout = layout_with_images(dir, R"([[block]]
type = "image"
src = "images/photo.jpg"
alt = "photo"
width = "40mm"
)");
  auto r = test::run_folio("render " + layout + " -o " + dir + "/out.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string pdf = test::pdf_objects(dir + "/out.pdf");
  std::string jpeg = test::read_file(test::source_path("tests/cases/images/photo.jpg"));
  CHECK(count(pdf, "/DCTDecode") == 1);
  CHECK(count(pdf, "/Subtype /Image") == 1);
  CHECK(test::read_file(dir + "/out.pdf").find(jpeg) != std::string::npos);  // byte for byte
}

TEST_CASE("an SVG is drawn as vectors: the PDF holds no image XObject") {
  std::string dir = test::temp_dir();
  std::string layout = layout_with_images(dir, R"([[block]]
type = "image"
src = "images/mark.svg"
alt = "mark"
)");
  auto r = test::run_folio("render " + layout + " -o " + dir + "/out.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string pdf = test::pdf_objects(dir + "/out.pdf");
  REQUIRE(pdf.find("/Type /Page") != std::string::npos);
  CHECK(count(pdf, "/Subtype /Image") == 0);
  CHECK(count(pdf, "/DCTDecode") == 0);
  // The mark's fill colours are drawn: a PNG of the page has its blue in the image's box.
  r = test::run_folio("render " + layout + " --format png --dpi 72 -o " + dir + "/page.png");
  REQUIRE(r.exit_code == 0);
  auto png = image::read_bytes(dir + "/page-1.png");
  REQUIRE(png);
  CHECK(image::png_pixels(*png).has_value());
}

TEST_CASE("a PNG image is drawn as an image") {
  std::string dir = test::temp_dir();
  std::string layout = layout_with_images(dir, R"([[block]]
type = "image"
src = "images/pixels.png"
alt = "pixels"
)");
  auto r = test::run_folio("render " + layout + " -o " + dir + "/out.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string pdf = test::pdf_objects(dir + "/out.pdf");
  CHECK(count(pdf, "/Subtype /Image") == 1);
  CHECK(count(pdf, "/DCTDecode") == 0);
}

TEST_CASE("an image outside the layout's folder renders with --allow-path naming its folder") {
  std::string dir = test::temp_dir();
  auto refused = test::run_folio("render tests/bad/image-outside-folder.toml -o " + dir + "/a.pdf");
  CHECK(refused.exit_code == 1);
  CHECK(refused.output.find("--allow-path") != std::string::npos);
  auto allowed = test::run_folio(
      "render tests/bad/image-outside-folder.toml --allow-path tests/cases/images -o " + dir +
      "/b.pdf");
  INFO(allowed.output);
  CHECK(allowed.exit_code == 0);
  CHECK(test::file_exists(dir + "/b.pdf"));
  // Allowing some other folder does not help.
  auto other = test::run_folio(
      "render tests/bad/image-outside-folder.toml --allow-path layouts -o " + dir + "/c.pdf");
  CHECK(other.exit_code == 1);
}

TEST_CASE("a missing alt text is a warning, not an error") {
  std::string dir = test::temp_dir();
  std::string layout =
      layout_with_images(dir, "[[block]]\ntype = \"image\"\nsrc = \"images/pixels.png\"\n");
  auto r = test::run_folio("render " + layout + " -o " + dir + "/out.pdf");
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("layout.toml:1:1: warning: an image without `alt` text") !=
        std::string::npos);
}

TEST_CASE(
    "the leaflet's PDF has TrimBox and BleedBox on every page, crop marks outside the bleed") {
  std::string dir = test::temp_dir();
  for (const char* year : {"2008-09", "2012-13"}) {
    std::string pdf = dir + "/leaflet-" + year + ".pdf";
    auto r = test::run_folio(std::string("render layouts/leaflet.toml --data data/ceop-") + year +
                             ".toml -o " + pdf);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
    REQUIRE(doc);
    REQUIRE(doc->pages() == 2);
    // A5 is 419.53 x 595.28 pt; bleed 3 mm = 8.50 pt; crop marks take 3 + 5 + 1 mm beyond the trim.
    const double a5w = 419.53, a5h = 595.28, bleed = 8.504, outset = 25.512;
    for (int i = 0; i < doc->pages(); ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      auto media = page->page_rect(poppler::media_box);
      auto trim = page->page_rect(poppler::trim_box);
      auto bleed_box = page->page_rect(poppler::bleed_box);
      CHECK(media.width() == Approx(a5w + 2 * outset).margin(0.05));
      CHECK(media.height() == Approx(a5h + 2 * outset).margin(0.05));
      CHECK(trim.left() == Approx(outset).margin(0.05));
      CHECK(trim.width() == Approx(a5w).margin(0.05));
      CHECK(trim.height() == Approx(a5h).margin(0.05));
      CHECK(bleed_box.left() == Approx(outset - bleed).margin(0.05));
      CHECK(bleed_box.width() == Approx(a5w + 2 * bleed).margin(0.05));
      CHECK(bleed_box.height() == Approx(a5h + 2 * bleed).margin(0.05));
    }
    auto texts = test::pdf_page_texts(pdf);
    CHECK(texts[0].find(std::string(year) == "2008-09" ? "139" : "790") != std::string::npos);
    CHECK(texts[1].find("999") != std::string::npos);
    CHECK(texts[1].find("Prevent") != std::string::npos);
    CHECK(texts[1].find("Pursue") != std::string::npos);
  }
}

TEST_CASE("a page without bleed has TrimBox and BleedBox equal to its MediaBox") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/review.pdf";
  auto r =
      test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " + pdf);
  REQUIRE(r.exit_code == 0);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  REQUIRE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  auto media = page->page_rect(poppler::media_box);
  auto trim = page->page_rect(poppler::trim_box);
  CHECK(trim.width() == Approx(media.width()));
  CHECK(trim.height() == Approx(media.height()));
  CHECK(page->page_rect(poppler::bleed_box).width() == Approx(media.width()));
}

TEST_CASE("PNG output is one file per page with the size the DPI asks for") {
  std::string dir = test::temp_dir();
  // A4 at 144 dpi: 595.28 x 841.89 pt at 2 px per point.
  auto r = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml --format png --dpi 144 -o " +
      dir + "/review.png");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  for (int page : {1, 2}) {
    auto bytes = image::read_bytes(dir + "/review-" + std::to_string(page) + ".png");
    REQUIRE(bytes);
    auto size = image::png_pixels(*bytes);
    REQUIRE(size);
    CHECK(size->width == 1191);
    CHECK(size->height == 1684);
  }
  CHECK_FALSE(test::file_exists(dir + "/review-3.png"));
  // A preview shows the A5 leaflet trimmed: 419.53 x 595.28 pt at 100 dpi.
  r = test::run_folio(
      "render layouts/leaflet.toml --data data/ceop-2008-09.toml --format png --dpi 100 --pages 2 "
      "-o " +
      dir + "/trimmed.png");
  REQUIRE(r.exit_code == 0);
  auto trimmed = image::read_bytes(dir + "/trimmed-2.png");
  REQUIRE(trimmed);
  auto trimmed_size = image::png_pixels(*trimmed);
  REQUIRE(trimmed_size);
  CHECK(trimmed_size->width == 583);
  CHECK(trimmed_size->height == 827);
  // With --show-bleed, the sheet includes the bleed and the crop marks:
  // (419.53 + 2 x 25.51) pt at 1 px per point.
  r = test::run_folio(
      "render layouts/leaflet.toml --data data/ceop-2008-09.toml --format png --dpi 72 --pages 2 "
      "--show-bleed -o " +
      dir + "/leaflet.png");
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(test::file_exists(dir + "/leaflet-1.png"));
  auto back = image::read_bytes(dir + "/leaflet-2.png");
  REQUIRE(back);
  auto size = image::png_pixels(*back);
  REQUIRE(size);
  CHECK(size->width == 471);
  CHECK(size->height == 647);
}

TEST_CASE("SVG output writes only the pages asked for, as SVG documents") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio(
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml --format svg --pages 2- "
      "-o " +
      dir + "/review.svg");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(test::file_exists(dir + "/review-1.svg"));
  std::string svg = test::read_file(dir + "/review-2.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("width=\"595.") != std::string::npos);
}
