#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>

#include "paint/cairo_handles.hpp"
#include "paint/paint.hpp"
#include "paint/painter.hpp"
#include "paint/print_boxes.hpp"

namespace folio {
namespace {

// Cairo's tag attributes quote strings with '; a quote or backslash inside is escaped.
std::string quote_attribute(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// "2009-07-01" -> "D:20090701"; anything else is left out of the metadata.
std::string pdf_date(const std::string& date) {
  if (date.size() >= 10 && date[4] == '-' && date[7] == '-')
    return "D:" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  return {};
}

void set_metadata(cairo_surface_t* surface, const PdfInfo& info) {
  auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, info.title);
  set(CAIRO_PDF_METADATA_AUTHOR, info.author);
  set(CAIRO_PDF_METADATA_SUBJECT, info.subject);
  set(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
  set(CAIRO_PDF_METADATA_CREATOR, info.creator);
  set(CAIRO_PDF_METADATA_CREATE_DATE, pdf_date(info.date));
}

}  // namespace

std::string write_pdf(const std::vector<Page>& pages, const PdfInfo& info,
                      const std::string& path) {
  if (pages.empty()) return "no pages to write";
  const Page& first = pages.front();
  SurfacePtr surface(cairo_pdf_surface_create(path.c_str(),
                                              first.size.width + 2 * media_outset(first),
                                              first.size.height + 2 * media_outset(first)));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return cairo_status_to_string(cairo_surface_status(surface.get()));
  set_metadata(surface.get(), info);
  ContextPtr cr(cairo_create(surface.get()));
  int last_level1 = CAIRO_PDF_OUTLINE_ROOT;
  bool has_links = false;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    cairo_pdf_surface_set_size(surface.get(), page.size.width + 2 * media_outset(page),
                               page.size.height + 2 * media_outset(page));
    cairo_save(cr.get());
    cairo_translate(cr.get(), media_outset(page), media_outset(page));
    PaintHooks hooks;
    hooks.link = [&](const LinkItem& link) {
      std::string attrs =
          fmt::format("uri={} rect=[{:.2f} {:.2f} {:.2f} {:.2f}]", quote_attribute(link.url),
                      link.rect.x + media_outset(page), link.rect.y + media_outset(page),
                      link.rect.width, link.rect.height);
      has_links = true;
      cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
      cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
    };
    hooks.anchor = [&](const AnchorItem& anchor) {
      if (anchor.level > 2 || anchor.title.empty()) return;
      std::string dest =
          fmt::format("page={} pos=[{:.2f} {:.2f}]", i + 1, anchor.at.x + media_outset(page),
                      anchor.at.y + media_outset(page));
      int parent = anchor.level == 1 ? CAIRO_PDF_OUTLINE_ROOT : last_level1;
      int id = cairo_pdf_surface_add_outline(surface.get(), parent, anchor.title.c_str(),
                                             dest.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
      if (anchor.level == 1) last_level1 = id;
    };
    paint_page(cr.get(), page, hooks);
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return cairo_status_to_string(cairo_surface_status(surface.get()));
  surface.reset();
  // The qpdf pass rewrites the whole file: only for what needs it. Print
  // boxes matter when there is a bleed (without one, the TrimBox is the
  // MediaBox by default), and cairo 1.16's cross-reference table is damaged
  // when a page has a link, which the rewrite repairs.
  bool print_boxes = std::any_of(pages.begin(), pages.end(),
                                 [](const Page& p) { return p.bleed > 0 || p.crop_marks; });
  if (!print_boxes && !has_links) return {};
  return set_print_boxes(path, pages);
}

}  // namespace folio
