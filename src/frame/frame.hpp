#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "core/span.hpp"
#include "frame/structure.hpp"
#include "text/paragraph.hpp"

namespace folio {

struct Frame;

// Lines [first_line, last_line) of a shaped paragraph, the first line's box top-left at `origin`.
struct TextItem {
  std::shared_ptr<const text::ShapedText> text;
  int first_line = 0;
  int last_line = 0;
  Point origin;
  Color color;
  StructId tag = kUntagged;  // the structure element this ink belongs to
};

struct RectItem {
  Rect rect;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double stroke_width = 0;
  double radius = 0;
  StructId tag = kUntagged;
};

struct LineItem {
  Point from;
  Point to;
  Color color;
  double width = 0.5;
  bool dashed = false;
  StructId tag = kUntagged;
  // Round dots `dot_pitch` apart (dot leaders): one stroked line, not a path per dot.
  double dot_pitch = 0;
};

// A vector path for shapes that are not rectangles (line charts, donuts, marks).
struct PathItem {
  struct Op {
    enum class Kind { move, line, arc, close } kind = Kind::move;
    Point p;                // move/line target, or arc centre
    double radius = 0;      // arc
    double angle_from = 0;  // arc, radians
    double angle_to = 0;
  };
  std::vector<Op> ops;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double stroke_width = 0;
  StructId tag = kUntagged;
};

struct ImageItem {
  Rect rect;
  std::string path;  // PNG, JPEG or SVG file
  StructId tag = kUntagged;
};

// A clickable area that opens a URL; `tag` is its Link element.
struct LinkItem {
  Rect rect;
  std::string url;
  StructId tag = kUntagged;
};

// Where a heading or a block with an `id` starts: a link target; a heading
// (level 1 to 3) is also a contents entry, and a PDF bookmark (levels 1 and 2)
// and the running `section` (level 1) unless it opts out.
struct AnchorItem {
  Point at;
  std::string title;
  int level = 1;  // 0: not a heading, only a target
  std::string id;
  bool bookmark = true;
  bool in_contents = true;
};

// A child frame placed at an offset; shared so that placing a frame never copies it.
struct GroupItem {
  Point offset;
  std::shared_ptr<const Frame> frame;
};

using FrameItem = std::variant<TextItem, RectItem, LineItem, PathItem, ImageItem, LinkItem,
                               AnchorItem, GroupItem>;

// What layout produces and painters read: a size and positioned items, in
// points from the frame's top-left.
struct Frame {
  Size size;
  std::vector<FrameItem> items;

  void add(FrameItem item) { items.push_back(std::move(item)); }
  // Places `child` with its top-left at `at`.
  void place(Frame child, Point at);
};

// Calls `visit` with every item of `frame` that is not a group, in paint
// order, through the frames groups place, with the origin the item's
// coordinates are relative to (`origin` plus the groups' offsets).
void for_each_item(const Frame& frame, Point origin,
                   const std::function<void(const FrameItem&, Point origin)>& visit);

// Gives every item of `frame` (and of the frames it places) that is still
// kUntagged the element `tag`; items marked as artifacts stay artifacts.
void tag_untagged(Frame& frame, StructId tag);

// `frame` turned over left to right within `width`: each item's box lands
// as far from the right edge as it was from the left (through the frames
// groups place). Text keeps its reading order; only its box moves. Applying it
// twice with the same width gives the frame back.
Frame mirrored(const Frame& frame, double width);

// `number` as a page style prints it: "7", "vii", or "" for PageNumbering::none.
std::string page_number_label(PageNumbering numbering, int number);

struct Page {
  Size size;  // the trim size
  double bleed = 0;
  bool crop_marks = false;
  std::string style;  // its [page.NAME] style; empty: the document's
  int number = 0;     // in its style's count (1 again where a style restarts it)
  PageNumbering numbering = PageNumbering::arabic;  // how that number prints

  // Its number as printed ("iv", "7"); empty when its style leaves pages unnumbered.
  std::string label() const { return page_number_label(numbering, number); }
  bool blank = false;  // left empty so that a section starts on a right-hand page
  Frame frame;         // page coordinates, origin at the trim box's top-left
};

// A document's pages, made when asked for: a long document need not hold all
// of its pages at once, only the one being painted. page(i) gives the same
// page every time.
class PageSource {
 public:
  virtual ~PageSource() = default;
  virtual size_t size() const = 0;
  virtual Page page(size_t index) const = 0;  // 0-based
};

// Pages already in memory, as a PageSource.
class PageList : public PageSource {
 public:
  explicit PageList(const std::vector<Page>& pages) : pages_(pages) {}
  size_t size() const override { return pages_.size(); }
  Page page(size_t index) const override { return pages_[index]; }

 private:
  const std::vector<Page>& pages_;
};

}  // namespace folio
