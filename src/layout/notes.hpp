#pragma once

// Notes written inline (`^[The figure excludes…]`): numbered through the
// document in reading order, each set either at the foot of the column that
// holds its reference (footnotes) or by a `notes` block (endnotes).
//
// A footnote travels with its reference: the line that holds the reference
// reports the note in its Placement, a region's flow keeps the space the
// notes so far need free, and pagination sets them above the footer.

#include <memory>
#include <vector>

#include "frame/frame.hpp"
#include "layout/context.hpp"
#include "text/markdown.hpp"

namespace folio::layout {

using NoteFrame = std::shared_ptr<const Frame>;

// What numbering notes carries from block to block in one layout pass.
struct NoteState {
  NotePlacement placement = NotePlacement::foot;
  double width = 0;  // the body column's width, at which every note is set
  int count = 0;     // notes numbered so far
  // Endnotes numbered since the last `notes` block, waiting for the next one.
  std::vector<NoteFrame> waiting;
  Span first_waiting;  // where the first of them is referenced
};

// A reference to a footnote: the byte of the referencing text it follows, and the note.
struct NoteRef {
  unsigned at = 0;
  NoteFrame note;
};

// Replaces each note mark of `p` with the note's number (superscript, a link
// to the note), and sets the notes, each a Note element of the Document.
// Returns the footnotes with where their references sit; endnotes wait in
// the context's NoteState for a `notes` block.
std::vector<NoteRef> number_notes(text::RichParagraph& p, const Context& ctx, const Span& span);

// The space a column's footnotes take: the rule's band above them, then the notes.
double notes_height(const std::vector<NoteFrame>& notes);
// The footnotes of a column, `width` wide, with the short rule above them.
Frame notes_frame(const std::vector<NoteFrame>& notes, double width, const Context& ctx);

}  // namespace folio::layout
