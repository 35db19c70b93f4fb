#include "paint/print_boxes.hpp"

// qpdf 11 asks which PointerHolder transition level the code is written for: none (it uses
// std::shared_ptr).
#define POINTERHOLDER_TRANSITION 4
#include <cstdio>
#include <exception>
#ifdef FOLIO_WITHOUT_QPDF
// The fuzz build (clang 14 cannot compile qpdf 11's headers against libstdc++ 12)
// skips the boxes: they change no drawing, only two entries of each page.
namespace folio {
std::string set_print_boxes(const std::string&, const std::vector<Page>&) {
  return {};
}
}  // namespace folio
#else
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "paint/painter.hpp"

namespace folio {

std::string set_print_boxes(const std::string& path, const std::vector<Page>& pages) {
  std::string rewritten = path + ".boxes";
  try {
    QPDF pdf;
    // Cairo 1.16 lists an object it never writes in the xref of a page with
    // links; qpdf rebuilds the table (so the result passes qpdf --check) and
    // would warn about it on stderr.
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    auto pdf_pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pdf_pages.size() != pages.size()) return "the PDF has a different number of pages";
    for (size_t i = 0; i < pages.size(); ++i) {
      const Page& page = pages[i];
      // PDF boxes are in points from the sheet's bottom-left corner.
      double o = media_outset(page);
      double w = page.size.width, h = page.size.height, b = page.bleed;
      QPDFObjectHandle dict = pdf_pages[i].getObjectHandle();
      dict.replaceKey("/TrimBox", QPDFObjectHandle::newFromRectangle({o, o, o + w, o + h}));
      dict.replaceKey("/BleedBox",
                      QPDFObjectHandle::newFromRectangle({o - b, o - b, o + w + b, o + h + b}));
    }
    QPDFWriter writer(pdf, rewritten.c_str());
    writer.setStaticID(false);
    writer.write();
  } catch (const std::exception& e) {
    std::remove(rewritten.c_str());
    return std::string("cannot set the print boxes: ") + e.what();
  }
  if (std::rename(rewritten.c_str(), path.c_str()) != 0) {
    std::remove(rewritten.c_str());
    return "cannot replace the PDF with its print boxes";
  }
  return {};
}

}  // namespace folio
#endif  // FOLIO_WITHOUT_QPDF
