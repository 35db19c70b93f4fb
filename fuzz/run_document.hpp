#pragma once

#include <string>

#include "folio.hpp"
#include "text/fonts.hpp"

namespace folio::fuzz {

// Loads, binds, lays out and paints a document, with limits small enough
// that one input stays fast; every outcome but a crash or hang is fine.
inline void run_document(const std::string& layout_text, const std::string& layout_path,
                         const std::vector<std::string>& data_files) {
  static const bool fonts_ready = [] {
    Diagnostics d;
    text::register_font_dirs({}, d);
    return true;
  }();
  (void)fonts_ready;
  Diagnostics diags;
  LoadOptions options;
  options.data_files = data_files;
  options.limits.max_blocks = 500;
  options.limits.max_template_bytes = 1 << 16;
  auto doc = load_document_text(layout_text, layout_path, options, diags);
  if (!doc) return;
  bind_document(*doc, diags, options.limits);  // also on a document loading found errors in
  if (diags.has_errors()) return;
  LayoutOptions layout;
  layout.max_pages = 30;
  auto pages = layout_document(*doc, diags, layout);
  if (diags.has_errors() || pages.empty()) return;
  write_pdf(pages, nullptr, pdf_info(*doc), "/dev/null");
}

}  // namespace folio::fuzz
