#include "layout/notes.hpp"

#include <fmt/format.h>

#include "layout/blocks.hpp"

namespace folio::layout {
namespace {

constexpr double kAboveRule = 6;  // between the body's last line and the rule
constexpr double kBelowRule = 5;  // between the rule and the first note
constexpr double kBetween = 2;    // between two notes

// One note set at `width`: its number hung left, its text beside it, and an
// anchor for the reference's link. Structure: Note > Lbl + P, in the
// Document, where it is read: at the foot of the page, or with the endnotes.
NoteFrame note_frame(int number, const std::string& source, const Context& ctx, const Span& span) {
  // A note sits at the foot of the page, not inside the box that refers to it.
  Context page = ctx.within(kDocumentElement);
  page.text_color.reset();
  page.background.reset();
  text::TextStyle style = page.paragraph(ParagraphStyle::small);
  style.color = page.theme().text;
  text::TextStyle marker_style = style;
  marker_style.weight = 700;
  const double indent = style.size * 1.8;
  double width = ctx.notes->width;

  std::string id = fmt::format("_note-{}", number);
  StructId note = page.element(Role::Note);
  if (page.structure && note >= 0) page.structure->text(note).id = id;
  StructId label = page.element(Role::Lbl, note);
  StructId body_tag = page.element(Role::P, note);

  auto marker =
      page.shape(text::plain_paragraph(std::to_string(number)), marker_style, indent, span);
  auto body = page.shape(text::parse_markdown_inline(source), style, width - indent, span);
  auto link_tags = link_elements(*body, body_tag, page);

  Frame f;
  f.size = {width, body->height()};
  AnchorItem anchor;
  anchor.level = 0;
  anchor.id = id;
  f.add(std::move(anchor));
  double marker_y = body->baseline(0) - marker->baseline(0);
  f.add(TextItem{marker, 0, 1, Point{0, marker_y}, marker_style.color, label});
  f.add(TextItem{body, 0, body->line_count(), Point{indent, 0}, style.color, body_tag});
  for (auto& link : body->links(0, body->line_count())) {
    link.box.x += indent;
    StructId tag = static_cast<size_t>(link.link) < link_tags.size()
                       ? link_tags[static_cast<size_t>(link.link)]
                       : kUntagged;
    f.add(LinkItem{link.box, link.url, tag});
  }
  return std::make_shared<const Frame>(std::move(f));
}

}  // namespace

std::vector<NoteRef> number_notes(text::RichParagraph& p, const Context& ctx, const Span& span) {
  std::vector<NoteRef> refs;
  if (p.notes.empty()) return refs;
  if (!ctx.notes) {  // laid out alone (a test): the notes are dropped
    text::drop_notes(p);
    return refs;
  }
  std::vector<std::string> notes = std::move(p.notes);
  p.notes.clear();
  std::vector<text::Replacement> replacements;
  std::vector<int> numbers;
  for (size_t at = p.text.find(text::kNoteMark); at != std::string::npos;
       at = p.text.find(text::kNoteMark, at + text::kNoteMark.size())) {
    if (numbers.size() == notes.size()) break;
    numbers.push_back(++ctx.notes->count);
    replacements.push_back({at, at + text::kNoteMark.size(), std::to_string(numbers.back())});
  }
  std::vector<unsigned> starts = text::replace_ranges(p, replacements);
  for (size_t i = 0; i < numbers.size(); ++i) {
    int number = numbers[i];
    std::string id = fmt::format("_note-{}", number);
    unsigned start = starts[i];
    unsigned end = start + static_cast<unsigned>(replacements[i].with.size());
    text::StyleRun run;
    run.start = start;
    run.end = end;
    run.superscript = true;
    run.link = "#" + id;
    p.runs.push_back(std::move(run));
    NoteFrame note = note_frame(number, notes[i], ctx, span);
    if (ctx.notes->placement == NotePlacement::end) {
      if (ctx.notes->waiting.empty()) ctx.notes->first_waiting = span;
      ctx.notes->waiting.push_back(std::move(note));
    } else {
      refs.push_back({start, std::move(note)});
    }
  }
  return refs;
}

double notes_height(const std::vector<NoteFrame>& notes) {
  if (notes.empty()) return 0;
  double h = kAboveRule + kBelowRule + kBetween * static_cast<double>(notes.size() - 1);
  for (const auto& n : notes) h += n->size.height;
  return h;
}

std::unique_ptr<Flowable> notes_flowable(const Block& block, const Context& ctx) {
  std::vector<Frame> notes;
  if (ctx.notes && ctx.notes->placement == NotePlacement::foot) {
    ctx.diags.warning(block.span,
                      "this `notes` block lists endnotes, but the notes are footnotes, set at "
                      "the foot of their pages",
                      {"set [document] notes = \"endnotes\" to collect them here"});
  } else if (ctx.notes) {
    for (const auto& note : ctx.notes->waiting) notes.push_back(*note);
    ctx.notes->waiting.clear();
  }
  return stack_flowable(std::move(notes), ctx.theme().size * 0.4, false);
}

Frame notes_frame(const std::vector<NoteFrame>& notes, double width, const Context& ctx) {
  Frame f;
  f.size = {width, notes_height(notes)};
  if (notes.empty()) return f;
  f.add(LineItem{Point{0, kAboveRule}, Point{std::min(width * 0.3, 72.0), kAboveRule},
                 ctx.theme().rule, 0.5, false, kArtifact});
  double y = kAboveRule + kBelowRule;
  for (const auto& n : notes) {
    f.add(GroupItem{Point{0, y}, n});
    y += n->size.height + kBetween;
  }
  return f;
}

}  // namespace folio::layout
