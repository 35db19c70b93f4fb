#include "folio.hpp"

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "paint/images.hpp"
#include "text/fonts.hpp"

namespace folio {
namespace {

// Writes through `writer` to a temporary file and renames it over `target`
// only when complete (or queues it on `options.commits`, which does); an
// image that could not be drawn fails the write too.
bool write_output(const std::string& target, Diagnostics& diags, const SaveOptions& options,
                  const std::function<std::string(const std::string&)>& writer) {
  std::vector<std::string> image_failures;
  bool output_failure = false;
  std::string error = write_atomically(
      target,
      [&](const std::string& temp) {
        ImageFailureLog log(image_failures);
        std::string written = writer(temp);
        if (written.empty() && !image_failures.empty())
          return fmt::format("an image could not be drawn: {}", image_failures.front());
        return written;
      },
      &output_failure,
      options.commits
          ? [&](const std::string&
                    temp) { options.commits->commit(temp, target, options.commit_group); }
          : std::function<void(const std::string&)>());
  if (error.empty()) return true;
  Span span{std::make_shared<const std::string>(target), 0, 0};
  if (output_failure)
    diags.output_failure(span, error);
  else
    diags.error(span, error);  // the document (or an input that changed), not the disk
  return false;
}

std::string numbered(const std::string& path, int page, const char* extension) {
  std::string stem = path;
  std::string ext = std::string(".") + extension;
  if (stem.size() > ext.size() && stem.ends_with(ext)) stem.resize(stem.size() - ext.size());
  return fmt::format("{}-{}{}", stem, page, ext);
}

// Pages [first, last) of a document.
class PageRangeSource : public PageSource {
 public:
  PageRangeSource(const PageSource& pages, size_t first, size_t last)
      : pages_(pages), first_(first), last_(last) {}
  size_t size() const override { return last_ - first_; }
  Page page(size_t index) const override { return pages_.page(first_ + index); }

 private:
  const PageSource& pages_;
  size_t first_, last_;
};

}  // namespace

std::optional<LoadedLayout> load_layout(const std::string& layout_path, const BuildOptions& options,
                                        Diagnostics& diags, bool for_many_documents) {
  text::register_font_dirs(options.font_dirs, diags);
  LoadOptions load = options.load;
  load.defer_templated_settings = for_many_documents;
  // load_document() sets the layout's own keys among the --set values; the
  // data paths are set by document_data(), after each document's own data.
  auto doc = load_document(layout_path, load, diags);
  if (!doc) return std::nullopt;
  text::check_theme_fonts(doc->theme, diags);
  return LoadedLayout{std::move(*doc), options};
}

namespace {

// document_data() on a document of its own (a copy of the layout's, or the
// layout's own in a single build).
bool compose_data(Document& doc, const BuildOptions& options, const DocumentInput& input,
                  Diagnostics& diags) {
  bool ok = true;
  if (!input.data_file.empty() &&
      !merge_data_file(doc.data, input.data_file, options.load.limits, diags)) {
    doc.data_incomplete = true;
    ok = false;
  }
  ok = apply_assignments(doc.data, input.assignments, diags) && ok;
  auto data_sets = options.load.sets;
  std::erase_if(data_sets, [](const auto& set) { return names_layout_key(set.first); });
  ok = apply_assignments(doc.data, set_assignments(data_sets), diags) && ok;
  return ok;
}

// Binding and the layout: every document, single or bulk, ends here.
std::optional<Built> bind_and_lay_out(Document doc, const BuildOptions& options,
                                      const DocumentInput& input, Diagnostics& diags) {
  compose_data(doc, options, input, diags);
  // Binding runs even when loading or the data found errors, so one run
  // reports every problem (a missing CSV or image, a data path, a font), in file order.
  bind_document(doc, diags, options.load.limits, options.load.allowed_dirs);
  diags.sort_by_position();
  if (diags.has_errors()) return std::nullopt;
  return lay_out(std::move(doc), options.layout, diags);
}

}  // namespace

std::optional<Value> document_data(const LoadedLayout& layout, const DocumentInput& input,
                                   Diagnostics& diags) {
  Document doc;
  doc.data = layout.document.data;
  if (!compose_data(doc, layout.options, input, diags)) return std::nullopt;
  return std::move(doc.data);
}

std::optional<Built> build_document(const LoadedLayout& layout, const DocumentInput& input,
                                    Diagnostics& diags) {
  if (!layout.document.settings_from_data)
    return bind_and_lay_out(layout.document, layout.options, input, diags);
  // The layout's language, direction, locale or fonts come from the data: it
  // is loaded again with this document's data, which its settings then read.
  LoadOptions load = layout.options.load;
  if (!input.data_file.empty()) load.data_files.push_back(input.data_file);
  load.assignments = &input.assignments;
  auto doc = load_document(layout.document.path, load, diags);
  if (!doc) return std::nullopt;
  text::check_theme_fonts(doc->theme, diags);
  return bind_and_lay_out(std::move(*doc), layout.options, {}, diags);
}

std::optional<Built> build(const std::string& layout_path, const BuildOptions& options,
                           Diagnostics& diags) {
  auto layout = load_layout(layout_path, options, diags);
  if (!layout) {
    diags.sort_by_position();
    return std::nullopt;
  }
  return bind_and_lay_out(std::move(layout->document), options, {}, diags);
}

std::optional<Built> lay_out(Document doc, const LayoutOptions& options, Diagnostics& diags) {
  Built built;
  built.structure = Structure(doc.metadata.language);
  built.document = std::move(doc);
  built.pages = layout_document(built.document, diags, options, &built.structure);
  if (diags.has_errors()) return std::nullopt;
  return built;
}

PdfInfo pdf_info(const Document& doc) {
  PdfInfo info;
  const Metadata& m = doc.metadata;
  info.title = m.title.text;
  info.author = m.author.text;
  info.subject = m.subject.text;
  for (const auto& k : m.keywords) info.keywords += (info.keywords.empty() ? "" : ", ") + k.text;
  info.date = m.date.text;
  info.language = m.language;
  return info;
}

std::vector<std::string> save(const Built& built, const std::string& path, OutputFormat format,
                              Diagnostics& diags, double dpi, PageRange range) {
  SaveOptions options;
  options.dpi = dpi;
  options.pages = range;
  return save(built, path, format, diags, options);
}

std::vector<std::string> save(const Built& built, const std::string& path, OutputFormat format,
                              Diagnostics& diags, const SaveOptions& options) {
  const double dpi = options.dpi;
  const PageRange range = options.pages;
  std::vector<std::string> written;
  int count = static_cast<int>(built.pages.size());
  int first = std::max(1, range.first);
  int last = range.last <= 0 ? count : std::min(range.last, count);
  if (first > last) {
    diags.error({}, fmt::format("the page range {}-{} is outside the document's {} pages",
                                range.first, range.last, count));
    return written;
  }
  if (format == OutputFormat::pdf) {
    PdfInfo info = pdf_info(built.document);
    info.tagged = options.tags;
    info.standard = options.standard;
    PageRangeSource chosen(built.pages, static_cast<size_t>(first - 1), static_cast<size_t>(last));
    if (write_output(path, diags, options, [&](const std::string& temp) {
          return write_pdf(chosen, &built.structure, info, temp);
        }))
      written.push_back(path);
    return written;
  }
  for (int p = first; p <= last; ++p) {
    const Page page = built.pages[static_cast<size_t>(p - 1)];
    std::string target = numbered(path, p, format == OutputFormat::png ? "png" : "svg");
    bool ok = write_output(target, diags, options, [&](const std::string& temp) {
      return format == OutputFormat::png ? write_png(page, dpi, temp, options.show_bleed)
                                         : write_svg(page, temp, options.show_bleed);
    });
    if (!ok) break;
    written.push_back(target);
  }
  return written;
}

}  // namespace folio
