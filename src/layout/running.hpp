#pragma once

#include <string>
#include <vector>

#include "frame/frame.hpp"
#include "layout/context.hpp"

namespace folio::layout {

// The running `section` of each page, found page by page in order: the
// section the page starts in (the last level-1 heading before it, or one that
// is the first thing on it).
class RunningSections {
 public:
  // The section of the next page, whose body is `body` and starts at `body_top`.
  std::string next(const Frame& body, double body_top);

 private:
  std::string section_;
};

// Adds the page's background (colour or picture) and its header and footer,
// which print its number (`page.label()`), `pages` and its running `section`.
// `number` counts every page from 1 (the first page, two-sided mirroring).
void add_running_text(Page& page, size_t number, const std::string& pages,
                      const std::string& section, const Context& ctx);

}  // namespace folio::layout
