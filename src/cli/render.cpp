#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"

namespace folio::cli {
namespace {

std::string default_output(const std::string& layout, const std::string& format) {
  std::string name = layout.substr(layout.rfind('/') + 1);
  if (name.ends_with(".toml")) name.resize(name.size() - 5);
  return name + "." + format;
}

std::optional<PageRange> parse_pages(const std::string& text) {
  if (text.empty()) return PageRange{};
  PageRange r;
  size_t dash = text.find('-');
  auto number = [](std::string_view s, int& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out > 0;
  };
  if (dash == std::string::npos) {
    if (!number(text, r.first)) return std::nullopt;
    r.last = r.first;
    return r;
  }
  std::string_view a(text.data(), dash), b(text.data() + dash + 1, text.size() - dash - 1);
  if (!number(a, r.first)) return std::nullopt;
  if (!b.empty() && !number(b, r.last)) return std::nullopt;
  if (r.last && r.last < r.first) return std::nullopt;
  return r;
}

// "review.pdf", "review-1.png, review-2.png", or the first and last of many files.
std::string files_written(const std::vector<std::string>& written) {
  if (written.size() > 3)
    return fmt::format("{} ... {} ({} files)", written.front(), written.back(), written.size());
  std::string list;
  for (const auto& file : written) list += (list.empty() ? "" : ", ") + file;
  return list;
}

// "2 pages", or, when --pages chose some, "page 2 of 3" or "pages 2-3 of 5".
std::string pages_written(PageRange range, size_t count) {
  int total = static_cast<int>(count);
  int first = std::max(1, range.first);
  int last = range.last <= 0 ? total : std::min(range.last, total);
  if (first == 1 && last == total) return fmt::format("{} page{}", total, total == 1 ? "" : "s");
  if (first == last) return fmt::format("page {} of {}", first, total);
  return fmt::format("pages {}-{} of {}", first, last, total);
}

// A missing output folder is created, as bulk builds do for their patterns;
// false, with the folder named in the error, when it cannot be.
bool make_output_folder(const std::string& output, Diagnostics& diags) {
  std::filesystem::path folder = std::filesystem::path(output).parent_path();
  if (folder.empty()) return true;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (!ec) return true;
  diags.error({}, fmt::format("cannot create the output folder `{}` for `{}`: {}", folder.string(),
                              output, ec.message()));
  return false;
}

}  // namespace

SaveOptions save_options(const RenderArgs& args, PageRange range) {
  SaveOptions options;
  options.dpi = args.dpi;
  options.pages = range;
  options.tags = !args.no_tags;
  options.standard = args.pdf_standard == "a-2b"   ? PdfStandard::a2b
                     : args.pdf_standard == "a-2u" ? PdfStandard::a2u
                     : args.pdf_standard == "a-2a" ? PdfStandard::a2a
                                                   : PdfStandard::ua1;
  options.show_bleed = args.show_bleed;
  return options;
}

void add_render_command(CLI::App& app, RenderArgs& args) {
  auto* cmd =
      app.add_subcommand("render", "Render a layout with its data to PDF (or PNG/SVG pages)");
  add_document_options(*cmd, args.doc);
  cmd->add_option("-o,--output", args.output,
                  "Output file (default: the layout's name with the format's extension)");
  cmd->add_option("-f,--format", args.format,
                  "pdf, png or svg (PNG and SVG write one file per page)")
      ->check(CLI::IsMember({"pdf", "png", "svg"}));
  cmd->add_option("--dpi", args.dpi, "Resolution of PNG output")
      ->capture_default_str()
      ->check(CLI::Range(10.0, 1200.0));
  cmd->add_option("--pages", args.pages, "Only these pages: 2, 1-3 or 2-");
  cmd->add_flag("--dump-layout", args.dump_layout,
                "Print the laid-out pages as text instead of writing a file");
  cmd->add_flag("-q,--quiet", args.quiet, "Print nothing but diagnostics");
  cmd->add_option(
         "--pdf-standard", args.pdf_standard,
         "ua-1 (the default: tagged, PDF/UA-1), or also archival PDF/A-2: a-2b, a-2u, a-2a")
      ->check(CLI::IsMember({"ua-1", "a-2b", "a-2u", "a-2a"}));
  cmd->add_flag("--no-tags", args.no_tags,
                "Write an untagged PDF (not accessible; for comparisons and old viewers)");
  cmd->add_flag(
      "--show-bleed", args.show_bleed,
      "PNG and SVG: show the whole sheet with the bleed and crop marks, not the trimmed page");
  add_bulk_options(*cmd, args.bulk);
}

int run_render(const RenderArgs& args) {
  auto options = build_options(args.doc);
  if (!options) return kUsageError;
  auto range = parse_pages(args.pages);
  if (!range) {
    std::cerr << fmt::format("folio: error: --pages takes N, N-M or N-, not `{}`\n", args.pages);
    return kUsageError;
  }
  OutputFormat format = args.format == "png"   ? OutputFormat::png
                        : args.format == "svg" ? OutputFormat::svg
                                               : OutputFormat::pdf;
  if (args.no_tags && args.pdf_standard == "a-2a") {
    std::cerr << "folio: error: --pdf-standard a-2a needs a tagged PDF; leave out --no-tags\n";
    return kUsageError;
  }
  if (is_bulk(args)) return run_bulk(args, *options, format, *range);
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  auto built = build(args.doc.layout, *options, diags);
  if (!built) {
    print_diagnostics(diags);
    return kDocumentError;
  }
  if (args.dump_layout) {
    print_diagnostics(diags);
    std::cout << dump_pages(built->pages, &built->structure);
    return kSuccess;
  }
  std::string output =
      args.output.empty() ? default_output(args.doc.layout, args.format) : args.output;
  std::vector<std::string> written;
  if (make_output_folder(output, diags))
    written = save(*built, output, format, diags, save_options(args, *range));
  print_diagnostics(diags);
  if (diags.has_errors()) return diags.only_output_failures() ? kOutputError : kDocumentError;
  if (!args.quiet) {
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("{}: {} in {:.0f} ms\n", files_written(written),
                             pages_written(*range, built->pages.size()), ms);
  }
  return kSuccess;
}

}  // namespace folio::cli
