#pragma once

#include <string>
#include <vector>

#include "frame/frame.hpp"
#include "frame/structure.hpp"

namespace folio {

// Which standard a PDF claims: PDF/UA-1 always (when tagged); PDF/A-2 on request.
enum class PdfStandard { ua1, a2b, a2u, a2a };

// What goes into the PDF's document information dictionary and XMP metadata.
struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  // ISO 8601 ("2009-07-01" or "2009-07-01T12:00:00Z"): the creation and
  // modification dates. Empty: SOURCE_DATE_EPOCH, else now.
  std::string date;
  std::string creator = "folio";
  std::string language = "en-GB";  // the catalog's /Lang
  bool tagged = true;              // false: no structure tree (--no-tags)
  PdfStandard standard = PdfStandard::ua1;
};

// Each writes one file at `path` (the caller renames it into place) and
// returns an empty string, or the reason it failed. A PDF is tagged from
// `structure` (the elements the pages' items name) unless `info.tagged` is
// false or `structure` is null.
// The pages are asked for one at a time (twice: once to learn the link
// targets, images and tagged elements, once to paint), so a long document
// never holds them all.
std::string write_pdf(const PageSource& pages, const Structure* structure, const PdfInfo& info,
                      const std::string& path);
std::string write_pdf(const std::vector<Page>& pages, const Structure* structure,
                      const PdfInfo& info, const std::string& path);
// PNG and SVG show the trimmed page; `show_bleed` shows the whole sheet with
// the bleed and crop marks.
std::string write_png(const Page& page, double dpi, const std::string& path,
                      bool show_bleed = false);
std::string write_svg(const Page& page, const std::string& path, bool show_bleed = false);

}  // namespace folio
