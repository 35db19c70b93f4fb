#include <fmt/format.h>

#include <cctype>
#include <map>

#include "cli/commands.hpp"

// `folio man`: the manual page, written from the command line's own definition
// (every subcommand and option, with its description and default), so the page
// cannot leave an option out. man/folio.1 is its output; a test compares them.

namespace folio::cli {
namespace {

// Text as roff prints it literally: backslashes and hyphens escaped, and a
// line never starting with a control character.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// What each command does, beyond the one line of its --help.
const std::map<std::string, std::string>& command_prose() {
  static const std::map<std::string, std::string> prose = {
      {"render",
       "Writes OUT (default: the layout's name with the format's extension). A missing output "
       "folder is created. The output is written to a temporary file beside it, every write "
       "checked, flushed to disk with fsync and renamed into place only when whole, so a failed "
       "render (a document error, a full disk, a permission) never leaves a half-written file and "
       "never touches an existing one. A temporary file left by a killed run (named "
       ".OUT.HOST.PID-N.tmp) is removed by the next run that writes OUT. In a bulk build, SIGINT "
       "or SIGTERM lets the documents being rendered finish and starts no more; a second signal "
       "stops at once. With --each "
       "or --manifest, renders one document per data file or CSV row, -o then being a pattern "
       "such as 'out/{{ region.slug }}.pdf'. Every PDF is tagged (PDF/UA-1, the default); "
       "--pdf-standard a-2b, a-2u or a-2a also makes it archival PDF/A-2 (an sRGB output intent "
       "and the PDF/A metadata), and a document that cannot be PDF/A (a CMYK JPEG) is an error; "
       "see accessibility.md."},
      {"check",
       "Loads, binds and lays out the document and prints every diagnostic; writes nothing."},
      {"watch",
       "Renders, then renders again whenever the layout, a data file, a theme, a CSV dataset, an "
       "image or a font folder it used changes. Each render prints its time and diagnostics; when "
       "the new version has errors the previous PDF is kept. Ctrl-C stops it (exit status 0)."},
      {"fonts",
       "Prints FAMILY, ORIGIN and FILE separated by tabs, ORIGIN being project (folio's own "
       "fonts), font-path (a --font-path folder) or system."},
      {"schema",
       "A layout refers to it with a first line such as #:schema ../schema/folio.schema.json, "
       "so that editors using Taplo (Even Better TOML) complete and document its keys."},
  };
  return prose;
}

std::string option_heading(const CLI::Option& option) {
  std::string names;
  if (option.get_positional()) return fmt::format(".I {}", upper(option.get_name()));
  for (const auto& s : option.get_snames()) names += (names.empty() ? "" : ", ") + ("-" + s);
  for (const auto& l : option.get_lnames()) names += (names.empty() ? "" : ", ") + ("--" + l);
  std::string type = option.get_type_name();
  if (option.get_expected_max() == 0 || type.empty()) return ".B " + roff(names);
  return fmt::format(".BI \"{} \" {}", roff(names), roff(type));
}

void write_options(const CLI::App& command, std::string& out) {
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_lnames().size() == 1 && option->get_lnames()[0] == "help") continue;
    out += ".TP\n" + option_heading(*option) + "\n" + roff(option->get_description());
    if (!option->get_default_str().empty() && option->get_expected_max() != 0)
      out += fmt::format(" (default: {})", roff(option->get_default_str()));
    out += "\n";
  }
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::string out = fmt::format(".TH FOLIO 1 \"\" \"folio {}\" \"User Commands\"\n", version);
  out +=
      ".SH NAME\nfolio \\- reports and infographics from TOML to print\\-ready PDF\n"
      ".SH SYNOPSIS\n";
  auto commands = app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); });
  for (const CLI::App* command : commands) {
    out += fmt::format(".B folio {}\n[\\fIOPTIONS\\fR]", command->get_name());
    for (const CLI::Option* option : command->get_options())
      if (option->get_positional()) out += " \\fI" + upper(option->get_name()) + "\\fR";
    out += "\n.br\n";
  }
  out +=
      ".SH DESCRIPTION\n"
      ".B folio\n"
      "lays out a document described by a TOML layout file, fills it with values from data "
      "files (TOML or CSV) and writes a PDF, or PNG or SVG pages. The layout format is "
      "described in\n.I format.md\nand a walk from an empty folder to a document with a chart "
      "and a table in\n.IR tutorial.md ,\nboth installed in folio's documentation folder "
      "(share/doc/folio).\n"
      "Errors read FILE:LINE:COLUMN: error: message, followed by the source line with the "
      "value marked; every error of a run is reported, not just the first.\n";
  out += ".SH COMMANDS\n";
  for (const CLI::App* command : commands) {
    out += fmt::format(".SS folio {}\n{}\n", command->get_name(), roff(command->get_description()));
    if (auto prose = command_prose().find(command->get_name()); prose != command_prose().end())
      out += ".PP\n" + roff(prose->second) + "\n";
    write_options(*command, out);
  }
  out +=
      ".SH FILES\n"
      ".TP\n.I PREFIX/share/folio/fonts\n"
      "Fonts registered before the system's: Open Sans and DejaVu Sans Mono, the default "
      "families, with their licences. folio finds share/folio beside the folder of its own "
      "binary, so an installed tree can be moved.\n"
      ".TP\n.I PREFIX/share/folio/layouts\\fR, \\fPPREFIX/share/folio/data\n"
      "The sample layouts, their theme, images and CSV files, and the sample data.\n"
      ".TP\n.I PREFIX/lib/folio/folio\\-pdf\\-finish.so\n"
      "The pass after cairo that needs qpdf (tags, PDF/A, print boxes), loaded when a PDF "
      "needs it. folio finds it beside the folder of its own binary, beside share/folio, or "
      "where it was installed.\n"
      ".SH ENVIRONMENT\n"
      ".TP\n.B FOLIO_SHARE_DIR\n"
      "A folder holding fonts/ to use instead of share/folio.\n"
      ".TP\n.B FOLIO_MODULE_DIR\n"
      "The folder holding folio\\-pdf\\-finish.so, looked in alone.\n"
      ".TP\n.BR JOB_COMPLETION_INDEX \", \" FOLIO_SHARDS \", \" SLURM_ARRAY_TASK_ID\n"
      "Choose the shard of a bulk build on a cluster when --shard is not given "
      "(see cluster.md).\n"
      ".SH EXIT STATUS\n"
      "0 on success, 1 when the document has errors (nothing is written), 2 for a usage "
      "error, 3 when an output could not be written (a full disk, no permission, an I/O error; "
      "the message names the file and the reason). A bulk build exits 1 if any document had "
      "errors, else 3 if any could not be written; stopped by SIGINT or SIGTERM it exits 130 or "
      "143.\n"
      ".SH EXAMPLES\n.nf\n"
      "folio render layouts/annual\\-review.toml \\-\\-data data/ceop\\-2008\\-09.toml \\-o "
      "out/review.pdf\n"
      "folio render layouts/annual\\-review.toml \\-\\-data data/ceop\\-2008\\-09.toml "
      "\\-\\-format "
      "png \\-o out/review.png\n"
      "folio watch layouts/annual\\-review.toml \\-\\-data data/ceop\\-2008\\-09.toml \\-o "
      "out/review.pdf\n"
      "folio check layouts/annual\\-review.toml \\-\\-diagnostics json\n"
      ".fi\n"
      ".SH LIBRARY\n"
      "The same pipeline is available to C++ programs as libfolio:\n"
      ".B find_package(folio)\nin CMake and link\n.BR folio::folio ;\nsee\n"
      ".I folio/folio.hpp\nand examples/embed/.\n";
  return out;
}

}  // namespace folio::cli
