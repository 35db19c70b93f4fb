#include <catch2/catch.hpp>

#include "image/probe.hpp"
#include "support.hpp"

using namespace folio;

TEST_CASE("PNG and JPEG sizes come from their headers") {
  std::string png = test::read_file(test::source_path("tests/cases/images/pixels.png"));
  std::string jpeg = test::read_file(test::source_path("tests/cases/images/photo.jpg"));
  CHECK(image::sniff(png) == image::Format::png);
  CHECK(image::sniff(jpeg) == image::Format::jpeg);
  auto p = image::png_pixels(png);
  REQUIRE(p);
  CHECK(p->width == 40);
  CHECK(p->height == 40);
  auto j = image::jpeg_pixels(jpeg);
  REQUIRE(j);
  CHECK(j->width == 80);
  CHECK(j->height == 80);
}

TEST_CASE("a PNG or JPEG cut short, or with a damaged header, has no size") {
  std::string png = test::read_file(test::source_path("tests/cases/images/pixels.png"));
  std::string jpeg = test::read_file(test::source_path("tests/cases/images/photo.jpg"));
  CHECK_FALSE(image::png_pixels(png.substr(0, png.size() / 2)));
  CHECK_FALSE(image::jpeg_pixels(jpeg.substr(0, jpeg.size() / 2)));
  std::string bad_crc = png;
  bad_crc[18] ^= 1;  // a bit of the width: the IHDR checksum no longer matches
  CHECK_FALSE(image::png_pixels(bad_crc));
  CHECK_FALSE(image::png_pixels(""));
  CHECK_FALSE(image::jpeg_pixels("\xFF\xD8"));
}

TEST_CASE("an SVG's size comes from its width and height, else its viewBox, in points") {
  auto sized =
      image::probe_bytes(R"(<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"/>)");
  REQUIRE(sized.info);
  CHECK(sized.info->format == image::Format::svg);
  CHECK(sized.info->size.width == Approx(90));  // 120 px at 96 per inch
  CHECK(sized.info->size.height == Approx(45));
  auto boxed =
      image::probe_bytes(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"/>)");
  REQUIRE(boxed.info);
  CHECK(boxed.info->size.width == Approx(30));
  CHECK(boxed.info->size.height == Approx(15));
  auto broken = image::probe_bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>");
  CHECK_FALSE(broken.info);
  CHECK(image::probe_bytes("hello").error == "not a PNG, JPEG or SVG file");
}

TEST_CASE("document columns end level on the last page") {
  Diagnostics diags;
  std::string words;
  for (int i = 0; i < 40; ++i) words += "word" + std::to_string(i) + " ";
  auto built = test::build_text(R"([document]
size = "A6"
margins = "10mm"
columns = 2
[[block]]
type = "paragraph"
text = ")" + words + "\"\n",
                                diags);
  REQUIRE(built);
  REQUIRE(built->pages.size() == 1);
  // Two column groups; their heights differ by at most one line.
  std::vector<double> heights;
  for (const auto& item : built->pages[0].frame.items)
    if (auto* g = std::get_if<GroupItem>(&item)) heights.push_back(g->frame->size.height);
  REQUIRE(heights.size() == 2);
  CHECK(heights[0] > 0);
  CHECK(heights[1] > 0);
  CHECK(std::abs(heights[0] - heights[1]) <= 14);
}
