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
  // The section of the next page, whose body is `body`.
  std::string next(const Frame& body, const Document& doc);

 private:
  std::string section_;
};

// Adds the page's header and footer (with its number, 1-based, the page
// count and its running section) and its background.
void add_running_text(Page& page, size_t number, size_t count, const std::string& section,
                      const Context& ctx);

}  // namespace folio::layout
