#pragma once

// libfolio: render a document in five lines.
//
//   folio::Diagnostics diags;
//   auto doc = folio::build("layouts/annual-review.toml", {}, diags);
//   if (doc) folio::save(*doc, "out/review.pdf", folio::OutputFormat::pdf, diags);
//   for (const auto& d : diags.all()) std::cerr << folio::format_diagnostic(d) << '\n';
//   return diags.has_errors();

#include <optional>
#include <string>
#include <vector>

#include "core/commit_queue.hpp"
#include "core/diagnostic.hpp"
#include "frame/dump.hpp"
#include "frame/frame.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "model/document.hpp"
#include "paint/paint.hpp"

namespace folio {

struct BuildOptions {
  LoadOptions load;
  LayoutOptions layout;
  std::vector<std::string> font_dirs;  // searched before the system's fonts
};

// A document loaded, bound and laid out.
struct Built {
  Document document;
  // Made one at a time from the document's laid-out blocks: pages[i] is a
  // page by value, and a painter holds one page at a time.
  PageSequence pages;
  Structure structure;  // the tagged PDF's tree, in reading order

  Built() = default;
  // The pages refer to `document`, which moves with the Built.
  Built(Built&& other) noexcept
      : document(std::move(other.document)),
        pages(std::move(other.pages)),
        structure(std::move(other.structure)) {
    pages.rebind(document);
  }
  Built& operator=(Built&& other) noexcept {
    document = std::move(other.document);
    pages = std::move(other.pages);
    structure = std::move(other.structure);
    pages.rebind(document);
    return *this;
  }
  Built(const Built&) = delete;
  Built& operator=(const Built&) = delete;
};

// build() in steps, for many documents from one layout (a bulk build), so that
// each of them goes through exactly the checks a single render does:
//
//   auto layout = load_layout(path, options, diags);     // once
//   auto built = build_document(*layout, input, diags);  // per document
//
// A layout read once: parsed, its theme read and its fonts checked, the
// --data files merged into its [data]. The --set values are not applied yet:
// they come last, over each document's own data.
struct LoadedLayout {
  Document document;  // unbound: its templates are still {{ ... }}
  BuildOptions options;
};

// nullopt only when the layout cannot be read or is not TOML; check
// `diags.has_errors()` before building documents from it.
// `for_many_documents`: [document] and [theme] settings that are templates of
// the data are filled in by build_document() from each document's own data.
std::optional<LoadedLayout> load_layout(const std::string& layout_path, const BuildOptions& options,
                                        Diagnostics& diags, bool for_many_documents = false);

// What one document adds to the layout's data, applied in this order and
// followed by the --set values.
struct DocumentInput {
  std::string data_file;                    // a TOML data file (--each); empty: none
  std::vector<DataAssignment> assignments;  // a manifest or query row's cells
};

// The data one document sees: the layout's (with the --data files), the
// input's data file, its assignments, then --set. nullopt when its data file
// cannot be read or a path does not resolve (reported in `diags`).
std::optional<Value> document_data(const LoadedLayout& layout, const DocumentInput& input,
                                   Diagnostics& diags);

// Binds (templates, datasets, images and CSV files inside the sandbox or an
// --allow-path folder, within the limits) and lays out one document of
// `layout`; nullopt when an error was reported.
std::optional<Built> build_document(const LoadedLayout& layout, const DocumentInput& input,
                                    Diagnostics& diags);

// Lays out a bound document and builds its structure tree; nullopt when an
// error was reported. The last step of build_document().
std::optional<Built> lay_out(Document doc, const LayoutOptions& options, Diagnostics& diags);

// Load, bind and lay out one document: load_layout() then build_document()
// with no input of its own. nullopt when an error was reported.
std::optional<Built> build(const std::string& layout_path, const BuildOptions& options,
                           Diagnostics& diags);

PdfInfo pdf_info(const Document& doc);

enum class OutputFormat { pdf, png, svg };

// Pages to write, 1-based and inclusive; empty means every page.
struct PageRange {
  int first = 1;
  int last = 0;  // 0: to the end
};

// How a document is written.
struct SaveOptions {
  double dpi = 150;  // PNG
  PageRange pages;
  bool tags = true;  // a tagged PDF (PDF/UA-1); false: untagged, for comparisons
  PdfStandard standard = PdfStandard::ua1;
  bool show_bleed = false;  // PNG and SVG: the sheet with its bleed and marks, not the trimmed page
  // When set, each complete file is queued on it, as a file of `commit_group`,
  // instead of committed before save returns (a bulk build's documents).
  CommitQueue* commits = nullptr;
  size_t commit_group = 0;
};

// Writes the document. A PDF goes to `path`; PNG and SVG write one file per
// page, numbered NAME-1.png, NAME-2.png, ... Every file is written to a
// temporary file beside it and renamed into place only when complete, so a
// failure never leaves a half-written or clobbered file. Returns the paths written.
std::vector<std::string> save(const Built& built, const std::string& path, OutputFormat format,
                              Diagnostics& diags, const SaveOptions& options);
std::vector<std::string> save(const Built& built, const std::string& path, OutputFormat format,
                              Diagnostics& diags, double dpi = 150, PageRange pages = {});

}  // namespace folio
