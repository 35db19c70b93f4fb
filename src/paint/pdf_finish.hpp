#pragma once

#include <string>
#include <utility>
#include <vector>

#include "frame/frame.hpp"
#include "frame/structure.hpp"
#include "paint/paint.hpp"
#include "paint/pdf_tags.hpp"

namespace folio {

// What the pass after cairo needs to know about the file cairo wrote.
struct FinishRequest {
  // Each page's boxes: its size, bleed and crop marks (the frames are empty).
  const std::vector<Page>* pages = nullptr;
  const std::vector<std::string>* images = nullptr;  // the image files the pages draw, once each
  const Structure* structure = nullptr;              // null: the PDF is not tagged
  const std::vector<TagRecord>* records = nullptr;   // cairo's elements, in tag_begin order
  const PdfInfo* info = nullptr;
  std::string date;  // ISO 8601, as given to cairo
  size_t link_count = 0;
};

// Adds to cairo's PDF at `path` what cairo 1.16 cannot write, rewriting it in
// place: the print boxes (TrimBox, BleedBox); for a tagged PDF the catalog's
// /Lang, /MarkInfo and /ViewerPreferences, XMP metadata (PDF/UA-1, and PDF/A-2
// on request, with an sRGB OutputIntent), /Alt, /Lang and /Scope on the
// elements that need them, /Artifact around untagged ink, /Contents on link
// annotations and /CIDToGIDMap on CID fonts; and a deterministic /ID.
// Returns an empty string, or why it failed. The work that needs qpdf is done
// by a module loaded on first use (pdf_update.hpp): an untagged PDF without
// print boxes or links never loads it.
std::string finish_pdf(const std::string& path, const FinishRequest& request);

// "2009-07-01" -> "2009-07-01T00:00:00Z"; a full ISO 8601 time stays; anything
// else (or nothing) gives SOURCE_DATE_EPOCH when set, else now.
std::string document_date(const std::string& date);

}  // namespace folio
