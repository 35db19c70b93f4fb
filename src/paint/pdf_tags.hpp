#pragma once

// Turns the document's structure into cairo's structure tags while pages are
// painted. Cairo 1.16 marks content only inside a leaf element, writes a new
// element for every tag_begin, and keeps an element that is open over
// cairo_show_page going on the next page. So:
//  - an element whose ink is one run (one paragraph on one page) is a leaf;
//  - an element with child elements, or ink in several runs (a paragraph split
//    across pages, a cell split by a page break), stays open as a container and
//    each run of its ink is a Span leaf inside it;
//  - artifacts are drawn with no leaf open (unmarked), and the finishing pass
//    wraps unmarked content in /Artifact.
// Every tag_begin is recorded, in order, for the finishing pass, which finds
// cairo's elements in the same order and adds what cairo cannot write (/Alt,
// /Lang, /Scope).

#include <cairo.h>

#include <string>
#include <vector>

#include "frame/frame.hpp"
#include "frame/structure.hpp"

namespace folio {

// What each of cairo's structure elements stands for, in tag_begin order:
// one of ours, or a Span that holds a run of an element's ink.
struct TagRecord {
  StructId element;  // ours; for a Span, the element whose ink it holds
  bool span = false;
};

// Which elements are leaves, learnt page by page before the first is painted
// (a page at a time, so the pages need not all be held): an element whose ink
// is one run and that has no child content.
class TagScan {
 public:
  explicit TagScan(const Structure& structure);
  void add(const Page& page);
  std::vector<bool> leaves() const;

 private:
  const Structure& structure_;
  std::vector<int> runs_;
  std::vector<bool> has_children_;
};

class PdfTagger {
 public:
  PdfTagger(cairo_t* cr, const Structure& structure, std::vector<bool> leaves);
  PdfTagger(cairo_t* cr, const Structure& structure, const std::vector<Page>& pages);
  PdfTagger(const PdfTagger&) = delete;
  PdfTagger& operator=(const PdfTagger&) = delete;

  void begin_document();  // after the first page's size is set (cairo drops what came before)
  // Before an item's ink: opens the elements down to it, or closes the leaf for an artifact.
  void item(StructId tag);
  // A link's area: a Link element (with its annotation) in its parent element.
  // Returns false when the link lies in an artifact (a repeated table header).
  bool link(StructId tag, const std::string& attributes);
  void end_page();      // closes the open leaf; containers go on over the page break
  void end_document();  // before the last page is shown: closes every element
  size_t open_elements() const { return stack_.size(); }

  const std::vector<TagRecord>& records() const { return records_; }

 private:
  void open(StructId id, bool span);
  void close_top();
  void close_leaf();
  void open_path_to(StructId id);
  void open_document();

  struct Open {
    StructId id;
    bool leaf;
    bool span;
  };
  cairo_t* cr_;
  const Structure& structure_;
  std::vector<bool> leaf_;  // per element: its ink is a single run and it has no child content
  std::vector<Open> stack_;
  std::vector<TagRecord> records_;
  bool document_pending_ = false;
};

}  // namespace folio
