#include "model/document.hpp"

#include "core/language.hpp"

namespace folio {

Lookup lookup_in_document(const Document& doc, std::string_view path) {
  if (path.starts_with("document.")) {
    std::string_view key = path.substr(9);
    const Metadata& m = doc.metadata;
    const TextValue* field = key == "title"      ? &m.title
                             : key == "subtitle" ? &m.subtitle
                             : key == "author"   ? &m.author
                             : key == "subject"  ? &m.subject
                             : key == "date"     ? &m.date
                                                 : nullptr;
    if (field && !field->empty()) return Lookup{Scalar(field->text), false};
    if (key == "language") return Lookup{Scalar(m.language), false};
    if (field) return {};
  }
  if (auto at = doc.dataset_values.find(path); at != doc.dataset_values.end())
    return Lookup{at->second, false};
  return lookup_scalar(doc.data, path);
}

const Locale& Document::locale() const {
  return locale_or_default(metadata.locale.empty() ? metadata.language : metadata.locale);
}

bool Document::rtl() const {
  if (metadata.direction != Direction::automatic) return metadata.direction == Direction::rtl;
  return language_is_rtl(metadata.language);
}

}  // namespace folio
