#include "paint/pdf_tags.hpp"

#include <cassert>
#include <string>

#include "paint/painter.hpp"

namespace folio {

TagScan::TagScan(const Structure& structure)
    : structure_(structure), runs_(structure.size(), 0), has_children_(structure.size(), false) {}

void TagScan::add(const Page& page) {
  const Structure& structure = structure_;
  size_t n = structure.size();
  auto valid = [&](StructId t) { return t >= 0 && static_cast<size_t>(t) < n; };
  auto mark_parents = [&](StructId t) {
    for (StructId p = structure[t].parent; p >= 0 && !has_children_[static_cast<size_t>(p)];
         p = structure[p].parent)
      has_children_[static_cast<size_t>(p)] = true;
  };
  StructId last = kArtifact;
  visit_tags(page.frame, [&](StructId tag, bool ink) {
    if (!valid(tag)) {
      if (ink) last = kArtifact;
      return;
    }
    mark_parents(tag);
    if (!ink) {  // a link: its own element, and it interrupts its parent's run
      has_children_[static_cast<size_t>(structure[tag].parent)] = true;
      last = kArtifact;
      return;
    }
    if (tag != last) ++runs_[static_cast<size_t>(tag)];
    last = tag;
  });
}

std::vector<bool> TagScan::leaves() const {
  std::vector<bool> leaf(runs_.size());
  for (size_t i = 0; i < leaf.size(); ++i) leaf[i] = !has_children_[i] && runs_[i] <= 1;
  return leaf;
}

PdfTagger::PdfTagger(cairo_t* cr, const Structure& structure, std::vector<bool> leaves)
    : cr_(cr), structure_(structure), leaf_(std::move(leaves)) {}

PdfTagger::PdfTagger(cairo_t* cr, const Structure& structure, const std::vector<Page>& pages)
    : cr_(cr), structure_(structure) {
  TagScan scan(structure);
  for (const Page& page : pages) scan.add(page);
  leaf_ = scan.leaves();
}

void PdfTagger::open(StructId id, bool span) {
  std::string name(span ? "Span" : role_name(structure_[id].role));
  cairo_tag_begin(cr_, name.c_str(), "");
  bool leaf = span || leaf_[static_cast<size_t>(id)];
  stack_.push_back({id, leaf, span});
  records_.push_back({id, span});
}

void PdfTagger::close_top() {
  assert(!stack_.empty());
  const Open& top = stack_.back();
  std::string name(top.span ? "Span" : role_name(structure_[top.id].role));
  cairo_tag_end(cr_, name.c_str());
  stack_.pop_back();
}

void PdfTagger::close_leaf() {
  if (!stack_.empty() && stack_.back().leaf) close_top();
}

void PdfTagger::begin_document() {
  assert(stack_.empty());
  // Opened with the first tagged item: cairo would mark ink drawn into the
  // Document before its first child as the Document's own content, and the
  // element that later gets children then damages the file.
  document_pending_ = true;
}

void PdfTagger::open_document() {
  if (!document_pending_) return;
  document_pending_ = false;
  open(kDocumentElement, false);
  stack_.back().leaf = false;
}

// Closes what is not on the way to `id`, then opens the rest of the way.
void PdfTagger::open_path_to(StructId id) {
  std::vector<StructId> path = structure_.path_to(id);
  size_t keep = 0;
  while (keep < stack_.size() && keep < path.size() && !stack_[keep].span &&
         stack_[keep].id == path[keep])
    ++keep;
  if (keep == 0) keep = 1;  // the Document stays open
  assert(!stack_.empty() && stack_.front().id == kDocumentElement);
  while (stack_.size() > keep) close_top();
  for (size_t i = keep; i < path.size(); ++i) open(path[i], false);
}

void PdfTagger::item(StructId tag) {
  if (tag < 0 || static_cast<size_t>(tag) >= structure_.size()) {
    close_leaf();
    return;
  }
  open_document();
  const Open* top = stack_.empty() ? nullptr : &stack_.back();
  if (top && top->leaf && top->id == tag) return;  // the run goes on
  open_path_to(tag);
  if (!leaf_[static_cast<size_t>(tag)]) open(tag, true);
}

bool PdfTagger::link(StructId tag, const std::string& attributes) {
  if (tag < 0 || static_cast<size_t>(tag) >= structure_.size()) return false;
  open_document();
  StructId parent = structure_[tag].parent;
  if (parent >= 0) {
    open_path_to(parent);
    close_leaf();  // a Span of the parent's text ends here
  }
  cairo_tag_begin(cr_, CAIRO_TAG_LINK, attributes.c_str());
  cairo_tag_end(cr_, CAIRO_TAG_LINK);
  records_.push_back({tag, false});
  return true;
}

void PdfTagger::end_page() {
  close_leaf();
}

void PdfTagger::end_document() {
  while (!stack_.empty()) close_top();
  document_pending_ = false;
}

}  // namespace folio
