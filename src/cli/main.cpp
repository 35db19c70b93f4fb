#include <fmt/format.h>

#include <iostream>

#include "cli/checked_stdout.hpp"
#include "cli/commands.hpp"
#include "load/schema.hpp"
#include "text/fonts.hpp"

int main(int argc, char** argv) {
  using namespace folio::cli;
  CLI::App app{"folio: reports and infographics from TOML to print-ready PDF"};
  app.set_version_flag("-V,--version", std::string("folio ") + FOLIO_VERSION);
  app.require_subcommand(1);

  RenderArgs render;
  add_render_command(app, render);
  DocumentArgs check;
  add_check_command(app, check);
  WatchArgs watch;
  add_watch_command(app, watch);
  auto* fonts = app.add_subcommand(
      "fonts", "List the font families folio can use, their files and where they come from");
  std::vector<std::string> font_paths;
  fonts
      ->add_option("--font-path", font_paths,
                   "A folder of fonts searched before the system's; repeatable")
      ->check(CLI::ExistingDirectory);

  auto* schema = app.add_subcommand(
      "schema", "Print the JSON Schema (draft 2020-12) of layout files, for editors");
  // Hidden (no group): the manual page, made from the definitions above.
  auto* man = app.add_subcommand("man", "Print the manual page (roff)")->group("");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kSuccess : kUsageError;
  }
  CheckedStdout checked_stdout;
  int code = kUsageError;
  if (app.got_subcommand("render")) code = run_render(render);
  if (app.got_subcommand("check")) code = run_check(check);
  if (app.got_subcommand("watch")) code = run_watch(watch);
  if (fonts->parsed()) code = run_fonts(font_paths);
  if (schema->parsed()) code = (std::cout << folio::layout_json_schema(), kSuccess);
  if (man->parsed()) code = (std::cout << man_page(app, FOLIO_VERSION), kSuccess);
  return checked_stdout.finish(code);
}
