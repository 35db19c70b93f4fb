// The tagged PDF from the command line: languages, links, bulk output,
// PDF/A, reproducible bytes. The tree is read with tests/scripts/pdf_tree.py.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdio>
#include <iterator>
// jpeglib.h needs size_t and FILE declared first.
#include <jpeglib.h>

#include <sstream>

#include "support.hpp"

using namespace folio;

TEST_CASE("a block in another language carries its /Lang; a bad tag is an error at its value") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/l.toml", R"([document]
title = "Bilingual"
language = "en-GB"

[[block]]
type = "paragraph"
text = "Good morning."

[[block]]
type = "paragraph"
language = "cy"
text = "Bore da."

[[block]]
type = "heading"
language = "pl"
text = "Dzień dobry"
)");
  auto r = test::run_folio("render " + dir + "/l.toml -o " + dir + "/l.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string tree = test::pdf_tree(dir + "/l.pdf");
  INFO(tree);
  CHECK(tree.find("Document lang=en-GB\n  P\n  P lang=cy\n  H1 lang=pl\n") == 0);

  test::write_file(dir + "/bad.toml",
                   "[[block]]\ntype = \"paragraph\"\nlanguage = \"Welsh!\"\ntext = \"x\"\n");
  r = test::run_folio("check " + dir + "/bad.toml");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("bad.toml:3:12: error: `Welsh!` is not a language tag") != std::string::npos);
}

TEST_CASE("a URL with parentheses and a backslash stays one working link, described") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/u.toml", R"([[block]]
type = "paragraph"
text = 'See [the odd page](<https://example.org/a_(b)\c>) now.'
)");
  auto r = test::run_folio("render " + dir + "/u.toml -o " + dir + "/u.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(test::run_shell("qpdf --check '" + dir + "/u.pdf'").exit_code == 0);
  std::string tree = test::pdf_tree(dir + "/u.pdf");
  INFO(tree);
  CHECK(tree.find("link page=1 uri=https://example.org/a_%28b%29%5Cc contents=\"the odd page\"") !=
        std::string::npos);
  // The paragraph holds its text (in a Span) and the Link beside it.
  CHECK(tree.find("  P\n    Span\n    Link alt=\"the odd page\"\n") != std::string::npos);
}

TEST_CASE("a tagged PDF's objects are packed in compressed object streams, the text unchanged") {
  // Cairo writes each structure element (one per table cell) as plain text;
  // the last pass packs them. A tagged 10,000-row table went from 16 MB to
  // 2.9 MB (bench/README.md).
  std::string dir = test::temp_dir();
  for (const char* flags : {"", " --no-tags"})
    REQUIRE(test::run_folio(std::string("render layouts/long-table.toml -q -o ") + dir +
                            (*flags ? "/untagged.pdf" : "/tagged.pdf") + flags)
                .exit_code == 0);
  std::string tagged = dir + "/tagged.pdf";
  CHECK(test::run_shell("qpdf --check '" + tagged + "'").exit_code == 0);
  std::string raw = test::read_file(tagged);
  CHECK(raw.find("/Type /ObjStm") != std::string::npos);
  CHECK(raw.find("/Type /XRef") != std::string::npos);
  CHECK(raw.find("/StructElem") == std::string::npos);  // every element packed
  std::string objects = test::pdf_objects(tagged);
  size_t elements = 0;
  for (size_t at = objects.find("/Type /StructElem"); at != std::string::npos;
       at = objects.find("/Type /StructElem", at + 1))
    ++elements;
  CHECK(elements > 1000);
  CHECK(test::pdf_tree(tagged).find("Table") != std::string::npos);
  // The same words on each page (poppler may order a page's lines differently
  // when its text is split into marked-content sequences).
  auto words = [](const std::string& pdf) {
    std::vector<std::vector<std::string>> pages;
    for (const std::string& text : test::pdf_page_texts(pdf)) {
      std::istringstream in(text);
      pages.emplace_back(std::istream_iterator<std::string>(in),
                         std::istream_iterator<std::string>());
      std::sort(pages.back().begin(), pages.back().end());
    }
    return pages;
  };
  CHECK(words(tagged) == words(dir + "/untagged.pdf"));
  // The structure tree adds to the file, but not the 19 times it did.
  CHECK(raw.size() < 2.5 * test::read_file(dir + "/untagged.pdf").size());
}

TEST_CASE(
    "the same inputs give the same bytes; the date comes from the document or SOURCE_DATE_EPOCH") {
  std::string dir = test::temp_dir();
  for (const char* name : {"a", "b"}) {
    auto r = test::run_folio("render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " +
                             dir + "/" + name + ".pdf");
    REQUIRE(r.exit_code == 0);
  }
  CHECK(test::read_file(dir + "/a.pdf") == test::read_file(dir + "/b.pdf"));
  auto info = test::run_shell("pdfinfo -isodates '" + dir + "/a.pdf'");
  CHECK(info.output.find("2009-07-01T00:00:00") != std::string::npos);

  // No [document] date: SOURCE_DATE_EPOCH (reproducible-builds.org) decides.
  test::write_file(dir + "/n.toml", "[[block]]\ntype = \"paragraph\"\ntext = \"Undated.\"\n");
  for (const char* name : {"c", "d"})
    REQUIRE(test::run_shell(std::string("SOURCE_DATE_EPOCH=1234567890 ") + FOLIO_BINARY +
                            " render " + dir + "/n.toml -o " + dir + "/" + name + ".pdf")
                .exit_code == 0);
  CHECK(test::read_file(dir + "/c.pdf") == test::read_file(dir + "/d.pdf"));
  info = test::run_shell("pdfinfo -isodates '" + dir + "/c.pdf'");
  CHECK(info.output.find("2009-02-13T23:31:30") != std::string::npos);
}

TEST_CASE("every document of a bulk build is tagged") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio("render layouts/leaflet.toml --each 'data/ceop-20*.toml' -o '" + dir +
                           "/{{ source.stem }}.pdf' -q");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto listing = test::run_shell("ls " + dir + "/*.pdf");
  int count = 0;
  std::istringstream files(listing.output);
  for (std::string file; std::getline(files, file); ++count) {
    INFO(file);
    CHECK(test::run_shell("pdfinfo '" + file + "'").output.find("Tagged:          yes") !=
          std::string::npos);
    CHECK(test::pdf_tree(file).find("untagged=0") != std::string::npos);
  }
  CHECK(count >= 2);
}

TEST_CASE("PDF/A-2b (--pdf-standard a-2b) adds an sRGB output intent and its identification") {
  std::string dir = test::temp_dir();
  auto r = test::run_folio(
      "render layouts/leaflet.toml --data data/ceop-2008-09.toml --pdf-standard a-2b -o " + dir +
      "/a.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string tree = test::pdf_tree(dir + "/a.pdf");
  INFO(tree);
  CHECK(tree.find("xmp: pdfuaid=1 pdfaid=2B") != std::string::npos);
  CHECK(tree.find("outputintent: GTS_PDFA1 RGB") != std::string::npos);
  // The untagged default claims PDF/UA only; --no-tags claims nothing.
  r = test::run_folio("render layouts/leaflet.toml --data data/ceop-2008-09.toml -o " + dir +
                      "/u.pdf");
  CHECK(test::pdf_tree(dir + "/u.pdf").find("xmp: pdfuaid=1 pdfaid=\n") != std::string::npos);
  r = test::run_folio("render layouts/leaflet.toml --data data/ceop-2008-09.toml --no-tags -o " +
                      dir + "/n.pdf");
  CHECK(test::run_shell("pdfinfo '" + dir + "/n.pdf'").output.find("Tagged:          no") !=
        std::string::npos);
  r = test::run_folio(
      "render layouts/leaflet.toml --data data/ceop-2008-09.toml --no-tags "
      "--pdf-standard a-2a -o " +
      dir + "/x.pdf");
  CHECK(r.exit_code == 2);
}

namespace {

// A small CMYK JPEG, written with libjpeg.
void write_cmyk_jpeg(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  jpeg_stdio_dest(&c, f);
  c.image_width = 8;
  c.image_height = 8;
  c.input_components = 4;
  c.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&c);
  jpeg_start_compress(&c, TRUE);
  unsigned char row[8 * 4];
  for (auto& b : row) b = 100;
  while (c.next_scanline < c.image_height) {
    JSAMPROW rows[1] = {row};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::fclose(f);
}

}  // namespace

TEST_CASE("a CMYK JPEG under --pdf-standard a-2b is an error naming the image") {
  std::string dir = test::temp_dir();
  write_cmyk_jpeg(dir + "/cmyk.jpg");
  test::write_file(dir + "/i.toml", R"([[block]]
type = "image"
src = "cmyk.jpg"
alt = "A grey square"
)");
  auto r = test::run_folio("render " + dir + "/i.toml -o " + dir + "/i.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);  // PDF/UA alone has no rule about colour spaces
  CHECK(test::pdf_tree(dir + "/i.pdf").find("Figure alt=\"A grey square\"") != std::string::npos);
  r = test::run_folio("render " + dir + "/i.toml --pdf-standard a-2b -o " + dir + "/a.pdf");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("cmyk.jpg") != std::string::npos);
  CHECK(r.output.find("CMYK") != std::string::npos);
  CHECK_FALSE(test::file_exists(dir + "/a.pdf"));
}

TEST_CASE("qpdf is loaded only for a PDF that needs it; without its module a tagged PDF fails") {
  std::string dir = test::temp_dir();
  std::string review =
      "render layouts/annual-review.toml --data data/ceop-2008-09.toml -o " + dir + "/";
  // LD_DEBUG=libs: the dynamic loader names each library as it initialises it.
  auto loaded = [&](const std::string& environment, const std::string& arguments) {
    return test::run_shell(environment + " LD_DEBUG=libs '" + std::string(FOLIO_BINARY) + "' " +
                           arguments);
  };
  auto untagged = loaded("", review + "untagged.pdf --no-tags");
  REQUIRE(untagged.exit_code == 0);
  CHECK(untagged.output.find("calling init: ") != std::string::npos);
  CHECK(untagged.output.find("libqpdf.so") == std::string::npos);
  CHECK(untagged.output.find("folio-pdf-finish.so") == std::string::npos);
  auto tagged = loaded("", review + "tagged.pdf");
  REQUIRE(tagged.exit_code == 0);
  CHECK(tagged.output.find("libqpdf.so") != std::string::npos);
  CHECK(tagged.output.find("folio-pdf-finish.so") != std::string::npos);
  CHECK(test::pdf_objects(dir + "/tagged.pdf").find("/StructTreeRoot") != std::string::npos);

  // FOLIO_MODULE_DIR names the only folder looked in: an empty one.
  std::string empty = test::temp_dir();
  auto without = [&](const std::string& arguments) {
    return test::run_shell("FOLIO_MODULE_DIR='" + empty + "' '" + std::string(FOLIO_BINARY) + "' " +
                           arguments);
  };
  auto missing = without(review + "missing.pdf");
  INFO(missing.output);
  CHECK(missing.exit_code != 0);
  CHECK(missing.output.find("cannot load folio's PDF finishing module: folio-pdf-finish.so is "
                            "not installed (looked for " +
                            empty + "/folio-pdf-finish.so)") != std::string::npos);
  CHECK_FALSE(test::file_exists(dir + "/missing.pdf"));
  CHECK(without(review + "plain.pdf --no-tags").exit_code == 0);
  CHECK(test::file_exists(dir + "/plain.pdf"));
}
