// Renders a layout to PDF through libfolio: embed LAYOUT [DATA] OUT.pdf
#include <folio/folio.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 3) return std::cerr << "usage: embed LAYOUT [DATA] OUT.pdf\n", 2;
  folio::Diagnostics diags;
  folio::BuildOptions options;
  if (argc > 3) options.load.data_files.push_back(argv[2]);
  auto doc = folio::build(argv[1], options, diags);
  if (doc) folio::save(*doc, argv[argc - 1], folio::OutputFormat::pdf, diags);
  for (const auto& d : diags.all()) std::cerr << folio::format_diagnostic(d) << '\n';
  return diags.has_errors();
}
