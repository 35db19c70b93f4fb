#pragma once

// The document's logical structure, made by layout beside the frames: a tree
// of elements (a heading, a paragraph, a table cell, a figure) in reading
// order. Each frame item names the element its ink belongs to, or is an
// artifact (decoration, running heads). The PDF painter turns it into tags.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio {

using StructId = int32_t;
// An item that is decoration (backgrounds, rules, borders, gridlines).
constexpr StructId kArtifact = -1;
// An item that repeats per page (running header and footer, a table header
// repeated on a later page): an artifact, but one whose text is legitimately
// left out of the reading order.
constexpr StructId kPagination = -2;
// An item nobody has placed in the structure yet; painted as an artifact. A
// test checks that no text of the samples stays untagged.
constexpr StructId kUntagged = -3;
// The root element, `Document`, always the first.
constexpr StructId kDocumentElement = 0;

enum class Role : uint8_t {
  Document,
  Sect,
  Div,
  H1,
  H2,
  H3,
  H4,
  H5,
  H6,
  P,
  Span,
  L,
  LI,
  Lbl,
  LBody,
  Table,
  THead,
  TBody,
  TFoot,
  TR,
  TH,
  TD,
  Figure,
  Caption,
  BlockQuote,
  Link,
  TOC,
  TOCI,
  Note,  // a footnote or endnote; its `id` is the /ID PDF/UA asks of every Note
};

// The PDF structure type, as cairo's tag names and ISO 32000 spell it.
std::string_view role_name(Role role);
Role heading_role(int level);  // H1 ... H6, clamped

enum class Scope : uint8_t { none, column, row };

// What a few elements say besides their role, kept apart from the elements:
// most (a table's cells, a long table has a million) say none of it.
struct ElementText {
  std::string alt;       // Figure: its description; Link: what the link is
  std::string language;  // BCP 47, when it differs from its parent's
  std::string id;        // the block's `id`
  // What the element says, when its ink would read wrongly: a stat tile's
  // value and label are separate lines, "139" then "children safeguarded".
  std::string actual_text;
};

struct StructElement {
  Role role = Role::Div;
  Scope scope = Scope::none;    // TH
  StructId parent = kArtifact;  // the root's parent is kArtifact
  uint32_t text = 0;            // 1 + its ElementText's index; 0: none
};

class Structure {
 public:
  // `document_language` is the catalog's /Lang; elements only carry a language that differs.
  explicit Structure(std::string document_language = {});

  StructId add(Role role, StructId parent);
  StructElement& operator[](StructId id) { return elements_[static_cast<size_t>(id)]; }
  const StructElement& operator[](StructId id) const { return elements_[static_cast<size_t>(id)]; }
  size_t size() const { return elements_.size(); }
  const std::vector<StructElement>& elements() const { return elements_; }
  const std::string& language() const { return language_; }
  // An element's texts, made on first use.
  ElementText& text(StructId id);
  // An element's texts; empty ones when it has none.
  const ElementText& text(StructId id) const;
  // The chain from the root down to `id`, root first.
  std::vector<StructId> path_to(StructId id) const;

 private:
  std::vector<StructElement> elements_;
  std::vector<ElementText> texts_;
  std::string language_;
};

}  // namespace folio
