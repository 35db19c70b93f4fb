#include "bulk/batch.hpp"

#include "text/fonts.hpp"

namespace folio::bulk {

std::optional<PreparedLayout> prepare_layout(const std::string& layout_path,
                                             const BuildOptions& options, Diagnostics& diags) {
  text::register_font_dirs(options.font_dirs, diags);
  LoadOptions shared = options.load;
  shared.sets.clear();  // applied per document, after its own data
  auto doc = load_document(layout_path, shared, diags);
  if (doc) text::check_theme_fonts(doc->theme, diags);  // as build() does
  diags.sort_by_position();
  if (!doc || diags.has_errors()) return std::nullopt;
  return PreparedLayout{std::move(*doc), options};
}

Value document_data(const PreparedLayout& prepared, const Value& own) {
  Value data = prepared.document.data;
  merge_values(data, own);
  apply_sets(data, prepared.options.load.sets);
  return data;
}

std::optional<Built> build_document(const PreparedLayout& prepared, Value data,
                                    Diagnostics& diags) {
  Document doc = prepared.document;
  doc.data = std::move(data);
  if (!bind_document(doc, diags, prepared.options.load.limits)) return std::nullopt;
  return lay_out(std::move(doc), prepared.options.layout, diags);
}

}  // namespace folio::bulk
