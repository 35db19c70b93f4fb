#pragma once

#include <map>
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

// The targets and headings of laid-out pages.
Introspection introspect(const std::vector<Page>& pages);

// Flows a bound document's blocks through its pages (and body columns), then
// adds the header, footer and page decorations. Problems found on the way
// (text no font can draw, content that cannot fit) go into `diags`. With
// `structure`, the document's structure tree is built there (it must be
// empty: just its Document element) and the items name their elements.
std::vector<Page> layout_document(const Document& doc, Diagnostics& diags,
                                  const LayoutOptions& options = {},
                                  Structure* structure = nullptr);

}  // namespace folio
