#include <algorithm>
#include <limits>

#include "layout/blocks.hpp"
#include "layout/flow.hpp"

namespace folio::layout {
namespace {

constexpr double kUnbounded = 1e9;

class BoxFlowable : public Flowable {
 public:
  BoxFlowable(const Box& box, double width, const Context& ctx, bool keep_together, int depth)
      : box_(box), width_(width), keep_together_(keep_together) {
    // A full-bleed band knows where it sits only as a top-level block of a
    // one-column body: its left edge is then the page's left margin.
    const PageSetup& page = ctx.doc.page;
    const PageBody& body = ctx.region;
    if (box.full_bleed && depth == 0 && body.columns <= 1) {
      bleed_left_ = body.margins.left + page.bleed;
      bleed_right_ = page.size.width - body.margins.left - width + page.bleed;
      bleed_top_ = body.margins.top + page.bleed;
      // A mirrored box is drawn left to right and then turned over.
      if (ctx.mirrored) std::swap(bleed_left_, bleed_right_);
    }
    double border = box.border ? 1 : 0;
    inset_ = box.padding + border;
    // The blocks inside take the box's text colour and know what lies behind them.
    Context inner = ctx.within(ctx.element(Role::Div));
    if (box.color) inner.text_color = box.color;
    if (box.background) inner.background = over(*box.background, ctx.backdrop());
    blocks_ = prepare_blocks(box.blocks, std::max(1.0, width - 2 * inset_), inner, depth + 1);
  }

  Placement place(const BreakToken& from, double height, bool at_top) const override {
    double inner_width = std::max(1.0, width_ - 2 * inset_);
    double inner_height = height - 2 * inset_;
    if (keep_together_ && !at_top) {
      FlowResult whole = flow(blocks_, from, inner_width, kUnbounded, true);
      if (whole.frame.size.height > inner_height + 1e-6) return Placement::nothing();
    }
    FlowResult r = flow(blocks_, from, inner_width, std::max(0.0, inner_height), at_top);
    std::vector<Diagnostic> warnings = std::move(r.warnings);
    if (keep_together_ && at_top && r.rest) {
      // Kept whole, yet taller than the whole region: splitting beats clipping.
      warnings.push_back({Severity::warning,
                          box_.blocks.empty() ? Span{} : box_.blocks.front().span,
                          "this box is kept together but is taller than a page; it is split",
                          {"make it shorter, or set keep_together = false"}});
    }
    if (r.rest && same_token(*r.rest, from)) {
      if (!at_top) return Placement::nothing();
      r = flow(blocks_, from, inner_width, kUnbounded, true);  // cannot fit anywhere: overflow
      r.rest.reset();
      for (auto& w : r.warnings) warnings.push_back(std::move(w));
    }
    Placement p;
    double h = r.frame.size.height + 2 * inset_;
    p.frame.size = {width_, h};
    if (bleed_left_ > 0) {
      double top = at_top ? bleed_top_ : 0;
      p.frame.add(RectItem{Rect{-bleed_left_, -top, width_ + bleed_left_ + bleed_right_, h + top},
                           box_.background, std::nullopt, 0, 0, kArtifact});
    } else {
      p.frame.add(RectItem{Rect{0, 0, width_, h}, box_.background, box_.border,
                           box_.border ? 1.0 : 0.0, 3, kArtifact});
    }
    p.frame.place(std::move(r.frame), Point{inset_, inset_});
    p.rest = std::move(r.rest);
    p.notes = std::move(r.notes);
    p.warnings = std::move(warnings);
    return p;
  }

 private:
  const Box& box_;
  double width_;
  bool keep_together_;
  double inset_ = 0;
  double bleed_left_ = 0, bleed_right_ = 0,
         bleed_top_ = 0;  // full_bleed: how far out the band runs
  std::vector<FlowBlock> blocks_;
};

// Nested blocks flowing through `count` columns side by side; when all of them
// fit, the columns are balanced to the shortest height that holds them.
class ColumnsFlowable : public Flowable {
 public:
  ColumnsFlowable(const ColumnsBlock& cols, double width, const Context& ctx, int depth)
      : count_(cols.count), gap_(cols.gap), width_(width) {
    column_width_ = std::max(1.0, (width - (count_ - 1) * gap_) / count_);
    blocks_ =
        prepare_blocks(cols.blocks, column_width_, ctx.within(ctx.element(Role::Div)), depth + 1);
  }

  Placement place(const BreakToken& from, double height, bool at_top) const override {
    Attempt full = fill(from, height, at_top);
    if (!full.rest) {
      // Balance: the lowest column height at which everything still fits.
      double lo = 0, hi = full.used;
      for (int i = 0; i < 14 && hi - lo > 0.5; ++i) {
        double mid = (lo + hi) / 2;
        // Later columns start at the top and so may overflow a short height: that is no fit.
        Attempt trial = fill(from, mid, false);
        if (trial.rest || trial.used > mid + 0.01) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      full = fill(from, hi, at_top);
      if (full.rest) full = fill(from, height, at_top);
    } else if (same_token(*full.rest, from)) {
      return Placement::nothing();
    }
    Placement p;
    p.frame = std::move(full.frame);
    p.rest = std::move(full.rest);
    p.notes = std::move(full.notes);
    p.warnings = std::move(full.warnings);
    return p;
  }

 private:
  struct Attempt {
    Frame frame;
    std::optional<BreakToken> rest;
    double used = 0;
    std::vector<std::shared_ptr<const Frame>> notes;
    std::vector<Diagnostic> warnings;
  };

  Attempt fill(const BreakToken& from, double height, bool at_top) const {
    Attempt a;
    BreakToken token = from;
    for (int c = 0; c < count_; ++c) {
      FlowResult r = flow(blocks_, token, column_width_, height, at_top || c > 0);
      a.used = std::max(a.used, r.frame.size.height);
      for (auto& note : r.notes) a.notes.push_back(std::move(note));
      for (auto& w : r.warnings) a.warnings.push_back(std::move(w));
      a.frame.place(std::move(r.frame), Point{c * (column_width_ + gap_), 0});
      if (!r.rest) {
        a.rest.reset();
        a.frame.size = {width_, a.used};
        return a;
      }
      token = *r.rest;
      a.rest = token;
    }
    a.frame.size = {width_, a.used};
    return a;
  }

  int count_;
  double gap_;
  double width_;
  double column_width_ = 0;
  std::vector<FlowBlock> blocks_;
};

}  // namespace

std::unique_ptr<Flowable> box_flowable(const Box& box, double width, const Context& ctx,
                                       bool keep_together, int depth) {
  return std::make_unique<BoxFlowable>(box, width, ctx, keep_together, depth);
}

std::unique_ptr<Flowable> columns_flowable(const ColumnsBlock& cols, double width,
                                           const Context& ctx, int depth) {
  return std::make_unique<ColumnsFlowable>(cols, width, ctx, depth);
}

}  // namespace folio::layout
