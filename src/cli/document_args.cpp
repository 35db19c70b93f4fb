#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "text/fonts.hpp"

namespace folio::cli {

void add_document_options(CLI::App& app, DocumentArgs& args) {
  app.add_option("layout", args.layout, "The layout file (.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("-d,--data", args.data,
                 "A data file merged over the layout's [data]; repeat for more, later files win")
      ->check(CLI::ExistingFile);
  app.add_option("--set", args.sets,
                 "Set a data value: --set stats.children=139; applied after the data files. "
                 "theme.KEY and document.KEY set the layout's own: --set theme.font=\"Noto Sans\"");
  app.add_option("--theme", args.themes,
                 "A theme file (a [theme] table) over the layout's theme; repeatable, later files "
                 "win")
      ->check(CLI::ExistingFile);
  app.add_option("--font-path", args.font_paths,
                 "A folder of fonts searched before the system's; repeatable")
      ->check(CLI::ExistingDirectory);
  app.add_option("--allow-path", args.allowed_dirs,
                 "A folder outside the layout's folder that images, themes and CSV files may come "
                 "from; repeatable")
      ->check(CLI::ExistingDirectory);
  app.add_option("--max-pages", args.max_pages, "Refuse documents longer than this")
      ->capture_default_str();
  app.add_option("--max-blocks", args.limits.max_blocks,
                 "Refuse layouts with more blocks than this")
      ->capture_default_str();
  app.add_option("--max-file-bytes", args.limits.max_file_bytes,
                 "Refuse a layout, data, theme or CSV file larger than this")
      ->capture_default_str();
  app.add_option("--max-nesting", args.limits.max_nesting, "How deep boxes and columns may nest")
      ->capture_default_str();
  app.add_option("--max-rows", args.limits.max_table_rows,
                 "Refuse a table with more rows than this")
      ->capture_default_str();
  app.add_option("--max-image-pixels", args.limits.max_image_pixels,
                 "Refuse a PNG or JPEG image with more pixels than this")
      ->capture_default_str();
  app.add_option("--max-template-bytes", args.limits.max_template_bytes,
                 "The longest text a template may expand to")
      ->capture_default_str();
  app.add_option(
         "--diagnostics", args.diagnostics,
         "text (default, on stderr) or json (one object per line on stdout, for editors and CI)")
      ->check(CLI::IsMember({"text", "json"}));
}

std::optional<BuildOptions> build_options(const DocumentArgs& args) {
  set_diagnostics_format(args.diagnostics == "json" ? DiagnosticsFormat::json
                                                    : DiagnosticsFormat::text);
  BuildOptions options;
  options.load.data_files = args.data;
  options.load.theme_files = args.themes;
  options.load.limits = args.limits;
  options.layout.max_pages = args.max_pages;
  options.font_dirs = args.font_paths;
  options.load.allowed_dirs = args.allowed_dirs;
  for (const auto& s : args.sets) {
    size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << fmt::format("folio: error: --set takes path=value, not `{}`\n", s);
      return std::nullopt;
    }
    options.load.sets.emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  return options;
}

void add_check_command(CLI::App& app, DocumentArgs& args) {
  auto* cmd = app.add_subcommand(
      "check", "Validate a layout and its data, print diagnostics, write nothing");
  add_document_options(*cmd, args);
}

int run_check(const DocumentArgs& args) {
  auto options = build_options(args);
  if (!options) return kUsageError;
  Diagnostics diags;
  auto built = build(args.layout, *options, diags);
  print_diagnostics(diags);
  if (!built) return kDocumentError;
  std::cerr << fmt::format("{}: ok, {} page{}\n", args.layout, built->pages.size(),
                           built->pages.size() == 1 ? "" : "s");
  return kSuccess;
}

int run_fonts(const std::vector<std::string>& font_paths) {
  Diagnostics diags;
  text::register_font_dirs(font_paths, diags);
  print_diagnostics(diags);
  if (diags.has_errors()) return kDocumentError;
  // FAMILY <tab> ORIGIN (project, font-path or system) <tab> FILE of the regular face.
  for (const auto& family : text::list_font_families(font_paths))
    std::cout << fmt::format("{}\t{}\t{}\n", family.name, text::origin_name(family.origin),
                             family.file);
  return kSuccess;
}

}  // namespace folio::cli
