#include "frame/structure.hpp"

#include <algorithm>

namespace folio {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Document:
      return "Document";
    case Role::Sect:
      return "Sect";
    case Role::Div:
      return "Div";
    case Role::H1:
      return "H1";
    case Role::H2:
      return "H2";
    case Role::H3:
      return "H3";
    case Role::H4:
      return "H4";
    case Role::H5:
      return "H5";
    case Role::H6:
      return "H6";
    case Role::P:
      return "P";
    case Role::Span:
      return "Span";
    case Role::L:
      return "L";
    case Role::LI:
      return "LI";
    case Role::Lbl:
      return "Lbl";
    case Role::LBody:
      return "LBody";
    case Role::Table:
      return "Table";
    case Role::THead:
      return "THead";
    case Role::TBody:
      return "TBody";
    case Role::TFoot:
      return "TFoot";
    case Role::TR:
      return "TR";
    case Role::TH:
      return "TH";
    case Role::TD:
      return "TD";
    case Role::Figure:
      return "Figure";
    case Role::Caption:
      return "Caption";
    case Role::BlockQuote:
      return "BlockQuote";
    case Role::Link:
      return "Link";
    case Role::TOC:
      return "TOC";
    case Role::TOCI:
      return "TOCI";
    case Role::Note:
      return "Note";
  }
  return "Span";
}

Role heading_role(int level) {
  static constexpr Role roles[] = {Role::H1, Role::H2, Role::H3, Role::H4, Role::H5, Role::H6};
  return roles[std::clamp(level, 1, 6) - 1];
}

Structure::Structure(std::string document_language) : language_(std::move(document_language)) {
  StructElement root;
  root.role = Role::Document;
  elements_.push_back(std::move(root));
}

ElementText& Structure::text(StructId id) {
  StructElement& e = elements_[static_cast<size_t>(id)];
  if (e.text == 0) {
    texts_.emplace_back();
    e.text = static_cast<uint32_t>(texts_.size());
  }
  return texts_[e.text - 1];
}

const ElementText& Structure::text(StructId id) const {
  static const ElementText none;
  const StructElement& e = elements_[static_cast<size_t>(id)];
  return e.text == 0 ? none : texts_[e.text - 1];
}

StructId Structure::add(Role role, StructId parent) {
  StructElement e;
  e.role = role;
  e.parent = parent < 0 ? kDocumentElement : parent;
  elements_.push_back(std::move(e));
  return static_cast<StructId>(elements_.size() - 1);
}

std::vector<StructId> Structure::path_to(StructId id) const {
  std::vector<StructId> path;
  for (StructId at = id; at >= 0; at = elements_[static_cast<size_t>(at)].parent)
    path.push_back(at);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace folio
