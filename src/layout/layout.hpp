#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "frame/frame.hpp"
#include "frame/structure.hpp"
#include "model/document.hpp"

namespace folio {

struct LayoutOptions {
  size_t max_pages = 5000;
  // Page numbers printed by a contents block or `{{ pageref.ID }}` come from
  // the pass before; layout runs again until they settle, at most this often.
  int max_passes = 6;
};

// What a layout pass learns about where things landed, for the next pass.
struct Introspection {
  struct Heading {
    std::string title;
    int level = 1;
    int page = 0;
    std::string id;
    bool in_contents = true;
    bool operator==(const Heading&) const = default;
  };
  std::map<std::string, int> page_of;  // a block's id -> the page it starts on (1-based)
  std::vector<Heading> headings;       // in document order
  std::vector<std::string> labels;     // each page's number as printed ("iv", "7")
  bool operator==(const Introspection&) const = default;

  // The printed number of `page` (1-based), or of the page block `id` starts on; "" if unknown.
  std::string label(int page) const;
  std::string label_of(const std::string& id) const;
};

// A laid-out document's pages, made one at a time. Layout keeps the blocks
// it prepared (shaped once) and, per page, only where the page starts and
// what its running heads say; page(i) places that page's content again from
// there (layout is pure, so it is the same page every time) and adds its
// header, footer and background. A painter asks for a page, paints it and
// drops it, so memory does not grow with the page count.
//
// It refers to the document it was laid out from, which must outlive it (and
// be passed to rebind() when it moves).
class PageSequence : public PageSource {
 public:
  struct State;
  PageSequence() = default;
  explicit PageSequence(std::shared_ptr<State> state) : state_(std::move(state)) {}

  size_t size() const override;
  Page page(size_t index) const override;
  bool empty() const { return size() == 0; }
  Page operator[](size_t index) const { return page(index); }
  // Every page at once (dumps, tests, small documents).
  std::vector<Page> all() const;
  operator std::vector<Page>() const { return all(); }
  void rebind(const Document& doc);

 private:
  std::shared_ptr<State> state_;
};

// Flows a bound document's blocks through its pages (and body columns), then
// adds the header, footer and page decorations. Problems found on the way
// (text no font can draw, content that cannot fit) go into `diags`. With
// `structure`, the document's structure tree is built there (it must be
// empty: just its Document element) and the items name their elements.
// `doc` must outlive the pages (see PageSequence).
PageSequence layout_document(const Document& doc, Diagnostics& diags,
                             const LayoutOptions& options = {}, Structure* structure = nullptr);

}  // namespace folio
