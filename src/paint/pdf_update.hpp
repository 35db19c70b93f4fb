#pragma once

// The part of the pass after cairo that needs qpdf, built as a module of its
// own (folio-pdf-finish.so) and loaded by finish_pdf on first use. Linked,
// qpdf and what Debian builds it with (gnutls, nettle, gmp, p11-kit: about
// 6,000 relocations, bound at load) cost every process 3 to 4 ms, a tenth of
// a 2-page render, though an untagged PDF never needs them.
//
// The module resolves folio's own functions (CheckedFile, role_name, ...)
// from the program that loads it, which exports them (src/CMakeLists.txt):
// one copy of each, with one copy of its state.

#include <cstddef>
#include <string>

#include "paint/pdf_finish.hpp"

namespace folio {

// Raised when PdfUpdater or FinishRequest change, so that a module from
// another build is refused rather than called.
inline constexpr int kPdfUpdaterVersion = 1;

// What the module exports, as the C symbol `folio_pdf_updater`.
struct PdfUpdater {
  int version = 0;          // kPdfUpdaterVersion
  size_t request_size = 0;  // sizeof(FinishRequest)
  // Cairo 1.16 lists an object it never writes in the xref of an untagged
  // page with links: qpdf rewrites the file at `path` with a sound one.
  std::string (*repair)(const std::string& path) = nullptr;
  // Appends to cairo's file what cairo cannot write, as an incremental update.
  std::string (*update)(const std::string& path, const FinishRequest& request) = nullptr;
};

inline constexpr const char* kPdfUpdaterSymbol = "folio_pdf_updater";
inline constexpr const char* kPdfUpdaterModule = "folio-pdf-finish.so";

// A PDF/A standard (the PDF/UA-1 one is not).
inline bool is_pdfa(PdfStandard s) {
  return s != PdfStandard::ua1;
}

}  // namespace folio
