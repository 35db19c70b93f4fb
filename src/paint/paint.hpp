#pragma once

#include <string>
#include <vector>

#include "frame/frame.hpp"

namespace folio {

// What goes into the PDF's document information dictionary.
struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string date;  // "YYYY-MM-DD" or a PDF date
  std::string creator = "folio";
};

// Each writes one file at `path` (the caller renames it into place) and
// returns an empty string, or the reason it failed.
std::string write_pdf(const std::vector<Page>& pages, const PdfInfo& info, const std::string& path);
std::string write_png(const Page& page, double dpi, const std::string& path);
std::string write_svg(const Page& page, const std::string& path);

}  // namespace folio
