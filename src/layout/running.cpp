#include "layout/running.hpp"

#include "core/template.hpp"

namespace folio::layout {
namespace {

// The page's level-1 headings that name sections, in order, with where they start.
void sections_on(const Frame& frame, std::vector<std::pair<double, std::string>>& out) {
  for_each_item(frame, Point{0, 0}, [&](const FrameItem& item, Point origin) {
    if (auto* a = std::get_if<AnchorItem>(&item); a && a->level == 1 && a->bookmark)
      out.push_back({origin.y + a->at.y, a->title});
  });
}

std::string expand_running(const TextValue& t, const Context& ctx, size_t page, size_t pages,
                           const std::string& section) {
  auto resolve = [&](std::string_view path) -> Lookup {
    if (path == "page") return Lookup{Scalar(static_cast<int64_t>(page)), false};
    if (path == "pages") return Lookup{Scalar(static_cast<int64_t>(pages)), false};
    if (path == "section") return Lookup{Scalar(section), false};
    return lookup_in_document(ctx.doc, path);
  };
  // Binding already reported any error in these templates.
  return expand_template(t.text, resolve, escape_markdown).text;
}

// One header or footer band: left, center and right texts across the body width.
void add_band(Frame& frame, const RunningText& band, bool is_header, const Context& ctx,
              size_t page, size_t pages, const std::string& section) {
  const PageSetup& setup = ctx.doc.page;
  double x = setup.body_left(static_cast<int>(page));
  // On a left-hand page of a two-sided document the outside is the left.
  bool mirrored = setup.two_sided && page % 2 == 0;
  double width = setup.size.width - setup.margins.left - setup.margins.right;
  text::TextStyle style = ctx.paragraph(ParagraphStyle::small);
  const double gap = 10;
  double line = style.size * style.line_height;
  double top =
      is_header ? setup.margins.top - gap - line : setup.size.height - setup.margins.bottom + gap;
  struct Slot {
    const TextValue* text;
    Align align;
  };
  for (Slot slot :
       {Slot{&band.left, mirrored ? Align::right : Align::left}, Slot{&band.center, Align::center},
        Slot{&band.right, mirrored ? Align::left : Align::right}}) {
    if (slot.text->empty()) continue;
    style.align = slot.align;
    TextValue expanded{expand_running(*slot.text, ctx, page, pages, section), slot.text->span};
    auto shaped = ctx.shape_markdown(expanded, style, width);
    frame.add(TextItem{shaped, 0, std::min(shaped->line_count(), 1), Point{x, top}, style.color,
                       kPagination});
  }
  if (band.rule) {
    double y = is_header ? setup.margins.top - gap / 2
                         : setup.size.height - setup.margins.bottom + gap / 2;
    frame.add(LineItem{Point{x, y}, Point{x + width, y}, ctx.theme().rule, 0.5, false, kArtifact});
  }
}

}  // namespace

std::string RunningSections::next(const Frame& body, const Document& doc) {
  std::vector<std::pair<double, std::string>> starts;
  sections_on(body, starts);
  // Before the first section (a cover, a kicker above the first heading), the
  // page's first heading names it.
  if (!starts.empty() && (starts.front().first <= doc.page.margins.top + 1 || section_.empty()))
    section_ = starts.front().second;
  std::string on_page = section_;
  if (!starts.empty()) section_ = starts.back().second;
  return on_page;
}

void add_running_text(Page& page, size_t number, size_t count, const std::string& section,
                      const Context& ctx) {
  const Document& doc = ctx.doc;
  bool white = doc.theme.background == Color{1, 1, 1, 1};
  Frame decorations;
  decorations.size = page.size;
  PageStyle style;
  if (auto it = doc.page_styles.find(page.style); it != doc.page_styles.end()) style = it->second;
  if (!white || style.background) {
    double b = page.bleed;
    decorations.add(RectItem{Rect{-b, -b, page.size.width + 2 * b, page.size.height + 2 * b},
                             style.background.value_or(doc.theme.background), std::nullopt, 0, 0,
                             kArtifact});
  }
  for (bool header : {true, false}) {
    const RunningText& band = header ? doc.header : doc.footer;
    if (band.empty() || (number == 1 && !band.first_page)) continue;
    if (!(header ? style.header : style.footer)) continue;
    add_band(decorations, band, header, ctx, number, count, section);
  }
  // Background first so the body draws over it.
  decorations.items.insert(decorations.items.end(),
                           std::make_move_iterator(page.frame.items.begin()),
                           std::make_move_iterator(page.frame.items.end()));
  page.frame.items = std::move(decorations.items);
}

}  // namespace folio::layout
