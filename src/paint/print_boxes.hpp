#pragma once

#include <string>
#include <vector>

#include "frame/frame.hpp"

namespace folio {

// Sets each page's /TrimBox (the finished size) and /BleedBox (the trim box
// plus the bleed) in the PDF at `path`, rewriting the file in place through a
// temporary file beside it. Cairo writes only the MediaBox, so this is done on
// the finished file with qpdf. Returns an empty string, or why it failed.
std::string set_print_boxes(const std::string& path, const std::vector<Page>& pages);

}  // namespace folio
