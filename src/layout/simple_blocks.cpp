#include "layout/blocks.hpp"

namespace folio::layout {
namespace {

class FixedFlowable : public Flowable {
 public:
  explicit FixedFlowable(Frame frame) : frame_(std::move(frame)) {}
  Placement place(const BreakToken&, double height, bool at_top) const override {
    if (frame_.size.height > height + 1e-6 && !at_top) return Placement::nothing();
    Placement p;
    p.frame = frame_;
    return p;
  }

 private:
  Frame frame_;
};

class StackFlowable : public Flowable {
 public:
  StackFlowable(std::vector<Frame> rows, double gap, bool keep_together)
      : rows_(std::move(rows)), gap_(gap), keep_together_(keep_together) {}

  Placement place(const BreakToken& from, double height, bool at_top) const override {
    size_t s = from.index;
    if (s >= rows_.size()) return Placement{};  // nothing (an empty contents block) to place
    size_t e = s;
    double used = 0;
    while (e < rows_.size()) {
      double next = used + (e > s ? gap_ : 0) + rows_[e].size.height;
      if (next > height + 1e-6) break;
      used = next;
      ++e;
    }
    if (keep_together_ && e < rows_.size() && (s > 0 || !at_top)) {
      if (!at_top) return Placement::nothing();
    }
    if (e == s) {
      if (!at_top) return Placement::nothing();
      e = s + 1;  // taller than the whole region: place it anyway
      used = rows_[s].size.height;
    }
    Placement p;
    p.frame.size = {0, used};
    double y = 0;
    for (size_t i = s; i < e; ++i) {
      p.frame.size.width = std::max(p.frame.size.width, rows_[i].size.width);
      double h = rows_[i].size.height;
      p.frame.place(rows_[i], Point{0, y});
      y += h + gap_;
    }
    if (e < rows_.size()) p.rest = BreakToken{e, nullptr};
    return p;
  }

 private:
  std::vector<Frame> rows_;
  double gap_;
  bool keep_together_;
};

}  // namespace

std::unique_ptr<Flowable> fixed_flowable(Frame frame) {
  return std::make_unique<FixedFlowable>(std::move(frame));
}

std::unique_ptr<Flowable> stack_flowable(std::vector<Frame> rows, double gap, bool keep_together) {
  return std::make_unique<StackFlowable>(std::move(rows), gap, keep_together);
}

Frame rule_frame(double width, const Context& ctx) {
  Frame f;
  f.size = {width, 1};
  f.add(LineItem{Point{0, 0.5}, Point{width, 0.5}, ctx.theme().rule, 1, false, kArtifact});
  return f;
}

Frame placeholder_frame(std::string_view what, double width, double height, const Context& ctx) {
  Frame f;
  f.size = {width, height};
  f.add(RectItem{Rect{0, 0, width, height}, Color{0.95, 0.95, 0.95, 1}, ctx.theme().rule, 0.5, 0,
                 kArtifact});
  text::TextStyle style = ctx.paragraph(ParagraphStyle::small);
  style.align = Align::center;
  auto shaped = ctx.shape(text::plain_paragraph(what), style, width, {});
  f.add(TextItem{shaped, 0, shaped->line_count(), Point{0, (height - shaped->height()) / 2},
                 style.color, ctx.element(Role::P)});
  return f;
}

bool same_token(const BreakToken& a, const BreakToken& b) {
  if (a.index != b.index) return false;
  if (!a.inner || !b.inner) return !a.inner && !b.inner;
  return same_token(*a.inner, *b.inner);
}

}  // namespace folio::layout
