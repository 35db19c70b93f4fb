#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <set>

#include "paint/cairo_handles.hpp"
#include "paint/file_sink.hpp"
#include "paint/paint.hpp"
#include "paint/painter.hpp"
#include "paint/pdf_finish.hpp"
#include "paint/pdf_tags.hpp"

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

// Cairo 1.16 writes a link's URI raw between ( and ): a parenthesis or
// backslash would end or escape the string and damage the file, and
// non-ASCII bytes are not allowed in a URI. Percent-encode them.
std::string uri_for_pdf(std::string_view url) {
  std::string out;
  for (unsigned char c : url) {
    if (c == '(' || c == ')' || c == '\\' || c == '\'' || c < 0x21 || c >= 0x7f) {
      out += fmt::format("%{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string iso_from_time(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

void set_metadata(cairo_surface_t* surface, const PdfInfo& info, const std::string& date) {
  auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, info.title);
  set(CAIRO_PDF_METADATA_AUTHOR, info.author);
  set(CAIRO_PDF_METADATA_SUBJECT, info.subject);
  set(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
  set(CAIRO_PDF_METADATA_CREATOR, info.creator);
  // Cairo 1.16 takes ISO 8601 here; a PDF date ("D:2009...") is silently dropped.
  set(CAIRO_PDF_METADATA_CREATE_DATE, date);
  set(CAIRO_PDF_METADATA_MOD_DATE, date);
}

// What painting needs to know about every page before it paints the first,
// gathered in one walk over the pages, each made, read and dropped.
struct PageScan {
  std::set<std::string> targets;  // ids that internal links point to and some block has
  std::vector<Page> shells;       // each page's size and boxes, without its content
  std::vector<std::string> images;
  std::optional<TagScan> tags;

  PageScan(const PageSource& pages, const Structure* structure) {
    if (structure) tags.emplace(*structure);
    std::set<std::string> anchors, links, seen_images;
    shells.reserve(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      Page page = pages.page(i);
      for_each_item(page.frame, Point{0, 0}, [&](const FrameItem& item, Point) {
        if (auto* a = std::get_if<AnchorItem>(&item); a && !a->id.empty()) anchors.insert(a->id);
        if (auto* l = std::get_if<LinkItem>(&item); l && l->url.starts_with("#"))
          links.insert(l->url.substr(1));
        if (auto* image = std::get_if<ImageItem>(&item))
          if (seen_images.insert(image->path).second) images.push_back(image->path);
      });
      if (tags) tags->add(page);
      page.frame.items.clear();
      shells.push_back(std::move(page));
    }
    for (const auto& id : links)
      if (anchors.count(id)) targets.insert(id);
  }
};

}  // namespace

std::string document_date(const std::string& date) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= date.size() || date[i] < '0' || date[i] > '9') return false;
    return true;
  };
  bool ymd = date.size() >= 10 && digits(0, 4) && date[4] == '-' && digits(5, 2) &&
             date[7] == '-' && digits(8, 2);
  if (ymd && date.size() == 10) return date + "T00:00:00Z";
  if (ymd && date.size() >= 19 && date[10] == 'T') return date;
  // Reproducible builds set SOURCE_DATE_EPOCH (reproducible-builds.org).
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0)
      return iso_from_time(static_cast<std::time_t>(seconds));
  }
  return iso_from_time(std::time(nullptr));
}

std::string write_pdf(const std::vector<Page>& pages, const Structure* structure,
                      const PdfInfo& info, const std::string& path) {
  return write_pdf(PageList(pages), structure, info, path);
}

std::string write_pdf(const PageSource& pages, const Structure* structure, const PdfInfo& info,
                      const std::string& path) {
  if (pages.size() == 0) return "no pages to write";
  const bool tagging = info.tagged && structure;
  PageScan scan(pages, tagging ? structure : nullptr);
  const Page& first = scan.shells.front();
  FileSink sink(path);  // declared first: it outlives the surface that writes to it
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(
      FileSink::write, &sink, first.size.width + 2 * media_outset(first),
      first.size.height + 2 * media_outset(first)));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return cairo_status_to_string(cairo_surface_status(surface.get()));
  std::string date = document_date(info.date);
  set_metadata(surface.get(), info, date);
  ContextPtr cr(cairo_create(surface.get()));
  std::optional<PdfTagger> tagger;
  if (tagging) tagger.emplace(cr.get(), *structure, scan.tags->leaves());
  int last_level1 = CAIRO_PDF_OUTLINE_ROOT;
  // The ids that links point to: each becomes a named destination, once.
  const std::set<std::string>& targets = scan.targets;
  std::set<std::string> named;
  size_t link_count = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page page = pages.page(i);  // made, painted and dropped
    cairo_pdf_surface_set_size(surface.get(), page.size.width + 2 * media_outset(page),
                               page.size.height + 2 * media_outset(page));
    // Cairo drops what page 1 recorded before its size was set, tags included.
    if (i == 0 && tagger) tagger->begin_document();
    cairo_save(cr.get());
    cairo_translate(cr.get(), media_outset(page), media_outset(page));
    PaintHooks hooks;
    hooks.link = [&](const LinkItem& link) {
      std::string rect =
          fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}]", link.rect.x + media_outset(page),
                      link.rect.y + media_outset(page), link.rect.width, link.rect.height);
      std::string attrs;
      if (link.url.starts_with("#")) {
        // A link inside the document goes to the named destination where its
        // target block starts (cairo 1.16 drops a `page=` link to a later page).
        std::string id = link.url.substr(1);
        if (!targets.count(id)) return;  // binding reported it
        attrs = fmt::format("dest={} {}", quote_attribute(id), rect);
      } else {
        attrs = fmt::format("uri={} {}", quote_attribute(uri_for_pdf(link.url)), rect);
      }
      if (tagger) {
        if (tagger->link(link.tag, attrs)) ++link_count;
        return;
      }
      ++link_count;
      cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
      cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
    };
    hooks.anchor = [&](const AnchorItem& anchor) {
      if (!anchor.id.empty() && targets.count(anchor.id) && !named.count(anchor.id)) {
        named.insert(anchor.id);
        std::string attrs =
            fmt::format("name={} x={:.2f} y={:.2f}", quote_attribute(anchor.id),
                        anchor.at.x + media_outset(page), anchor.at.y + media_outset(page));
        cairo_tag_begin(cr.get(), CAIRO_TAG_DEST, attrs.c_str());
        cairo_tag_end(cr.get(), CAIRO_TAG_DEST);
      }
      if (anchor.level < 1 || anchor.level > 2 || anchor.title.empty() || !anchor.bookmark) return;
      std::string dest =
          fmt::format("page={} pos=[{:.2f} {:.2f}]", i + 1, anchor.at.x + media_outset(page),
                      anchor.at.y + media_outset(page));
      int parent = anchor.level == 1 ? CAIRO_PDF_OUTLINE_ROOT : last_level1;
      int id = cairo_pdf_surface_add_outline(surface.get(), parent, anchor.title.c_str(),
                                             dest.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
      if (anchor.level == 1) last_level1 = id;
    };
    if (tagger) hooks.item = [&](StructId tag) { tagger->item(tag); };
    paint_page(cr.get(), page, hooks);
    if (tagger) tagger->end_page();
    // Every tag ends before the last page is shown: after it, a tag would
    // start a page of its own.
    if (tagger && i + 1 == pages.size()) tagger->end_document();
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
  }
  // An unbalanced stack would drop cairo's whole tree without a word.
  assert(!tagger || tagger->open_elements() == 0);
  cr.reset();
  cairo_surface_finish(surface.get());
  if (std::string error = sink.finish(cairo_surface_status(surface.get())); !error.empty())
    return error;
  surface.reset();

  FinishRequest request;
  request.pages = &scan.shells;
  request.images = &scan.images;
  // A document with no tagged ink at all (an empty page) has no tree to finish.
  bool tagged = tagger && !tagger->records().empty();
  request.structure = tagged ? structure : nullptr;
  request.records = tagged ? &tagger->records() : nullptr;
  request.info = &info;
  request.date = date;
  request.link_count = link_count;
  return finish_pdf(path, request);
}

}  // namespace folio
