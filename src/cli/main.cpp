#include <fmt/format.h>

#include "cli/commands.hpp"
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
  auto* fonts = app.add_subcommand("fonts", "List the font families folio can use and their files");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kSuccess : kUsageError;
  }
  if (app.got_subcommand("render")) return run_render(render);
  if (app.got_subcommand("check")) return run_check(check);
  if (fonts->parsed()) return run_fonts();
  return kUsageError;
}
