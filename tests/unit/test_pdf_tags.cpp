// The tagged PDF's pieces: the content filter that marks artifacts, SVG links
// kept out of the structure, and the tagger against hand-made pages.
#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>

#include "paint/cairo_handles.hpp"
#include "paint/content_artifacts.hpp"
#include "paint/images.hpp"
#include "paint/paint.hpp"
#include "paint/pdf_finish.hpp"
#include "paint/pdf_scan.hpp"
#include "paint/pdf_tags.hpp"
#include "support.hpp"
#include "text/paragraph.hpp"

using namespace folio;

TEST_CASE("cairo's ActualText span in unmarked content is wrapped with it as an artifact") {
  // A Bengali conjunct in a footer: cairo's /Span has no MCID, so the text is
  // still untagged, and the artifact closes after the span, not inside it.
  CHECK(wrap_unmarked_content("BT /Span << /ActualText <FEFF> >> BDC (a) Tj EMC (b) Tj ET") ==
        "/Artifact BMC\nBT /Span << /ActualText <FEFF> >> BDC (a) Tj EMC (b) Tj\nEMC ET");
  CHECK(wrap_unmarked_content("BT /Span << /ActualText <FEFF> >> BDC (a) Tj EMC ET") ==
        "/Artifact BMC\nBT /Span << /ActualText <FEFF> >> BDC (a) Tj EMC\nEMC ET");
  // Inside tagged content it stays as it is.
  CHECK(wrap_unmarked_content(
            "/P << /MCID 0 >> BDC /Span << /ActualText <FEFF> >> BDC (a) Tj EMC EMC") ==
        "/P << /MCID 0 >> BDC /Span << /ActualText <FEFF> >> BDC (a) Tj EMC EMC");
}

TEST_CASE("unmarked ink is wrapped as an artifact; marked content and state are left alone") {
  CHECK(wrap_unmarked_content("q 0 0 1 rg 0 0 10 10 re f Q") ==
        "/Artifact BMC\nq 0 0 1 rg 0 0 10 10 re f\nEMC Q");
  // Tagged content (with a dictionary operand) stays as it is; the rule after it is wrapped.
  CHECK(wrap_unmarked_content("/P << /MCID 0 >> BDC BT (Hi) Tj ET EMC 0 0 m 5 5 l S") ==
        "/P << /MCID 0 >> BDC BT (Hi) Tj ET EMC/Artifact BMC\n 0 0 m 5 5 l S\nEMC");
  // A stretch that only sets state is not wrapped.
  CHECK(wrap_unmarked_content("q 1 0 0 1 0 0 cm Q") == "q 1 0 0 1 0 0 cm Q");
  // Operators inside strings are not operators: "(EMC BDC f)" is text.
  CHECK(wrap_unmarked_content("/Span << /MCID 1 >> BDC BT (EMC BDC f) Tj ET EMC") ==
        "/Span << /MCID 1 >> BDC BT (EMC BDC f) Tj ET EMC");
  // Nested marked content counts as one.
  CHECK(wrap_unmarked_content("/P << /MCID 0 >> BDC /Span BMC 0 0 m 1 1 l S EMC EMC") ==
        "/P << /MCID 0 >> BDC /Span BMC 0 0 m 1 1 l S EMC EMC");
  // Cairo's /ActualText span around a ligature in a running head (no MCID) is
  // part of the unmarked text around it: one artifact holds all of it.
  CHECK(wrap_unmarked_content("BT (About the ) Tj /Span << /ActualText (fi) >> BDC <0001> Tj EMC "
                              "(gures) Tj ET") ==
        "/Artifact BMC\nBT (About the ) Tj /Span << /ActualText (fi) >> BDC <0001> Tj EMC "
        "(gures) Tj\nEMC ET");
}

TEST_CASE("SVG links become groups, other elements starting with `a` stay") {
  CHECK(without_svg_links(R"(<svg><a href="x"><rect/></a><animate/><svg:a>t</svg:a></svg>)") ==
        R"(<svg><g href="x"><rect/></g><animate/><svg:g>t</svg:g></svg>)");
}

namespace {

std::shared_ptr<const text::ShapedText> shaped(const std::string& s) {
  text::TextStyle style;
  style.family = "DejaVu Sans";
  return std::make_shared<const text::ShapedText>(text::plain_paragraph(s), style, 400);
}

TextItem text_item(const std::string& s, double y, StructId tag) {
  auto t = shaped(s);
  return TextItem{t, 0, t->line_count(), Point{20, y}, Color{0, 0, 0, 1}, tag};
}

Page page_of(std::vector<FrameItem> items) {
  Page page;
  page.size = {300, 300};
  page.frame.size = page.size;
  page.frame.items = std::move(items);
  return page;
}

}  // namespace

TEST_CASE("the tagger keeps one element across pages and leaves decoration out") {
  Structure st("en-GB");
  StructId h1 = st.add(Role::H1, kDocumentElement);
  StructId p = st.add(Role::P, kDocumentElement);  // split over two pages
  StructId table = st.add(Role::Table, kDocumentElement);
  StructId body = st.add(Role::TBody, table);
  StructId tr1 = st.add(Role::TR, body);
  StructId td1 = st.add(Role::TD, tr1);
  StructId tr2 = st.add(Role::TR, body);
  StructId td2 = st.add(Role::TD, tr2);
  StructId cy = st.add(Role::P, kDocumentElement);
  st.text(cy).language = "cy";
  std::vector<Page> pages;
  pages.push_back(page_of({
      RectItem{Rect{0, 0, 300, 300}, Color{0.9, 0.9, 0.9, 1}, std::nullopt, 0, 0, kArtifact},
      text_item("Heading", 20, h1),
      text_item("First half", 50, p),
      text_item("Page 1", 280, kPagination),
  }));
  pages.push_back(page_of({
      text_item("Page 2", 10, kPagination),
      text_item("second half", 30, p),
      text_item("cell one", 60, td1),
      LineItem{Point{0, 75}, Point{300, 75}, Color{0, 0, 0, 1}, 0.5, false, kArtifact},
      text_item("cell two", 80, td2),
      text_item("Bore da", 120, cy),
  }));
  std::string dir = test::temp_dir();
  PdfInfo info;
  info.title = "Tags";
  info.date = "2009-07-01";
  REQUIRE(write_pdf(pages, &st, info, dir + "/t.pdf") == "");
  std::string tree = test::pdf_tree(dir + "/t.pdf");
  INFO(tree);
  // One P over both pages, its two runs in Spans; one Table; decoration and
  // running heads are artifacts.
  CHECK(
      tree.find("Document lang=en-GB\n  H1\n  P\n    Span\n    Span\n  Table\n    TBody\n      TR\n"
                "        TD\n      TR\n        TD\n  P lang=cy\n") == 0);
  CHECK(tree.find("page 1: tagged=2 artifact=2 untagged=0") != std::string::npos);
  CHECK(tree.find("page 2: tagged=4 artifact=2 untagged=0") != std::string::npos);
  CHECK(test::run_shell("qpdf --check '" + dir + "/t.pdf'").exit_code == 0);
}

TEST_CASE("the tagger's stack is balanced after any order of items") {
  Structure st;
  StructId list = st.add(Role::L, kDocumentElement);
  StructId item = st.add(Role::LI, list);
  StructId label = st.add(Role::Lbl, item);
  StructId body = st.add(Role::LBody, item);
  StructId quote = st.add(Role::BlockQuote, kDocumentElement);
  StructId said = st.add(Role::P, quote);
  std::vector<Page> pages{page_of({text_item("x", 10, body)})};
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(
      [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr, 300,
      300));
  ContextPtr cr(cairo_create(surface.get()));
  PdfTagger tagger(cr.get(), st, pages);
  tagger.begin_document();
  CHECK(tagger.open_elements() == 0);  // the Document waits for tagged ink
  tagger.item(kArtifact);
  CHECK(tagger.open_elements() == 0);
  // Out of reading order, back and forth, through artifacts and page ends.
  for (StructId tag : {body, label, said, kArtifact, body, kPagination, said, label}) {
    tagger.item(tag);
    if (tag >= 0) CHECK(tagger.open_elements() >= 2);
  }
  tagger.end_page();
  tagger.item(said);
  tagger.end_document();
  CHECK(tagger.open_elements() == 0);
  // Every element it began is one of ours, in a sequence that starts with the Document.
  REQUIRE_FALSE(tagger.records().empty());
  CHECK(tagger.records().front().element == kDocumentElement);
  cr.reset();
  cairo_surface_finish(surface.get());
  CHECK(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
}

TEST_CASE("the finishing pass finds every structure element whatever the chunk it reads in") {
  // A file shaped like cairo's: elements between stream data, one name longer
  // than a role, and text that only looks like an element. Read in chunks of
  // every size from 256 to 400 bytes, each needle falls across a chunk's end
  // somewhere, and the list must be the same as from one read.
  std::string file = "%PDF-1.5\n";
  std::vector<std::pair<int, std::string>> expected;
  const char* roles[] = {"TD", "TH", "TR", "BlockQuote", "P", "Figure"};
  for (int i = 0; i < 60; ++i) {
    int number = 100 + (i * 37) % 60;  // out of number order in the file
    std::string role = roles[i % 6];
    file += fmt::format("{} 0 obj\n<< /Type /StructElem\n   /S /{}\n   /P 5 0 R\n>>\nendobj\n",
                        number, role);
    expected.emplace_back(number, role);
    file += std::string(static_cast<size_t>(i * 7 % 50), 'x') + "obj\n<< /Type /Struct\n";
  }
  file += "xref\n0 1\nstartxref\n9\n%%EOF\n";
  std::sort(expected.begin(), expected.end());
  std::string path = test::temp_dir() + "/elements.pdf";
  test::write_file(path, file);
  CHECK(raw_structure_elements(path, 1 << 20) == expected);
  for (size_t chunk = 256; chunk <= 400; ++chunk) {
    INFO("chunk " << chunk);
    CHECK(raw_structure_elements(path, chunk) == expected);
  }
}
