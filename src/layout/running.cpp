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

// What `{{ page }}`, `{{ pages }}` and `{{ section }}` print on one page.
struct PageFacts {
  int number = 0;       // 1-based, counting every page
  std::string label;    // the page's printed number
  std::string pages;    // the last page's number, the "of 20"
  std::string section;  // the running section
};

std::string expand_running(const TextValue& t, const Context& ctx, const PageFacts& facts) {
  auto resolve = [&](std::string_view path) -> Lookup {
    if (path == "page") return Lookup{Scalar(facts.label), false};
    if (path == "pages") return Lookup{Scalar(facts.pages), false};
    if (path == "section") return Lookup{Scalar(facts.section), false};
    return lookup_in_document(ctx.doc, path);
  };
  // Binding already reported any error in these templates.
  return expand_template(t.text, resolve, escape_markdown, 1 << 20, ctx.doc.locale()).text;
}

// One header or footer band: left, center and right texts across the body width.
void add_band(Frame& frame, const RunningText& band, bool is_header, const Context& ctx,
              const PageBody& body, const PageFacts& facts) {
  const PageSetup& setup = ctx.doc.page;
  double x = body.left(setup, facts.number);
  // On a left-hand page of a two-sided document the outside is the left; in
  // a right-to-left document the `left` text is the one read first, on the right.
  bool mirrored = (setup.two_sided && facts.number % 2 == 0) != ctx.rtl;
  double width = body.width;
  text::TextStyle style = ctx.paragraph(ParagraphStyle::small);
  const double gap = 10;
  double line = style.size * style.line_height;
  double top =
      is_header ? body.margins.top - gap - line : setup.size.height - body.margins.bottom + gap;
  struct Slot {
    const TextValue* text;
    Align align;
  };
  std::vector<std::shared_ptr<const text::ShapedText>> shaped_slots;
  for (Slot slot :
       {Slot{&band.left, mirrored ? Align::right : Align::left}, Slot{&band.center, Align::center},
        Slot{&band.right, mirrored ? Align::left : Align::right}}) {
    if (slot.text->empty()) continue;
    style.align = slot.align;
    TextValue expanded{expand_running(*slot.text, ctx, facts), slot.text->span};
    shaped_slots.push_back(ctx.shape_markdown(expanded, style, width));
  }
  // The texts share a baseline, whatever their scripts' fonts.
  double baseline = 0;
  for (const auto& shaped : shaped_slots) baseline = std::max(baseline, shaped->baseline(0));
  for (const auto& shaped : shaped_slots)
    frame.add(TextItem{shaped, 0, std::min(shaped->line_count(), 1),
                       Point{x, top + baseline - shaped->baseline(0)}, style.color, kPagination});
  if (band.rule) {
    double y =
        is_header ? body.margins.top - gap / 2 : setup.size.height - body.margins.bottom + gap / 2;
    frame.add(LineItem{Point{x, y}, Point{x + width, y}, ctx.theme().rule, 0.5, false, kArtifact});
  }
}

}  // namespace

std::string RunningSections::next(const Frame& body, double body_top) {
  std::vector<std::pair<double, std::string>> starts;
  sections_on(body, starts);
  // Before the first section (a cover, a kicker above the first heading), the
  // page's first heading names it.
  if (!starts.empty() && (starts.front().first <= body_top + 1 || section_.empty()))
    section_ = starts.front().second;
  std::string on_page = section_;
  if (!starts.empty()) section_ = starts.back().second;
  return on_page;
}

void add_running_text(Page& page, size_t number, const std::string& pages,
                      const std::string& section, const Context& ctx) {
  const Document& doc = ctx.doc;
  bool white = doc.theme.background == Color{1, 1, 1, 1};
  PageBody body = page_body(doc, page.style);
  Frame decorations;
  decorations.size = page.size;
  PageStyle style;
  if (auto it = doc.page_styles.find(page.style); it != doc.page_styles.end()) style = it->second;
  if (page.blank) style = PageStyle{false, false};  // left blank: no header, footer or colour
  if (!white || style.background) {
    double b = page.bleed;
    decorations.add(RectItem{Rect{-b, -b, page.size.width + 2 * b, page.size.height + 2 * b},
                             style.background.value_or(doc.theme.background), std::nullopt, 0, 0,
                             kArtifact});
  }
  if (style.background_image && !style.background_image->resolved_path.empty()) {
    // Scaled to cover the sheet, centred; what overhangs is cut off at the sheet's edge.
    const Image& picture = *style.background_image;
    double b = page.bleed;
    double sheet_w = page.size.width + 2 * b, sheet_h = page.size.height + 2 * b;
    double scale = std::max(sheet_w / std::max(1.0, picture.natural.width),
                            sheet_h / std::max(1.0, picture.natural.height));
    double w = picture.natural.width * scale, h = picture.natural.height * scale;
    decorations.add(ImageItem{Rect{-b + (sheet_w - w) / 2, -b + (sheet_h - h) / 2, w, h},
                              picture.resolved_path, kArtifact});
  }
  for (bool header : {true, false}) {
    const RunningText& band = header ? doc.header : doc.footer;
    if (band.empty() || (number == 1 && !band.first_page)) continue;
    if (!(header ? style.header : style.footer)) continue;
    add_band(decorations, band, header, ctx, body,
             PageFacts{static_cast<int>(number), page.label(), pages, section});
  }
  // Background first so the body draws over it.
  decorations.items.insert(decorations.items.end(),
                           std::make_move_iterator(page.frame.items.begin()),
                           std::make_move_iterator(page.frame.items.end()));
  page.frame.items = std::move(decorations.items);
}

}  // namespace folio::layout
