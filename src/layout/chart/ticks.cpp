#include "layout/chart/ticks.hpp"

#include <algorithm>
#include <cmath>

namespace folio::layout::chart {
namespace {

constexpr int kIdealTicks = 6;
constexpr int kMinTicks = 4;
constexpr int kMaxTicks = 8;

// Snaps values like 0.30000000000000004 to the step's grid.
double snap(double v, double step) {
  double r = std::round(v / step) * step;
  return std::fabs(r) < step * 1e-9 ? 0 : r;
}

struct Candidate {
  double step, min, max;
  int count;
};

Candidate candidate(double step, double lo, double hi, std::optional<double> user_min,
                    std::optional<double> user_max) {
  const double eps = step * 1e-9;
  Candidate c{step, 0, 0, 0};
  // Ends: the user's bound exactly, else the round number just outside the data.
  c.min = user_min ? *user_min : std::floor(lo / step + 1e-9) * step;
  c.max = user_max ? *user_max : std::ceil(hi / step - 1e-9) * step;
  double first = std::ceil((c.min - eps) / step) * step;
  double last = std::floor((c.max + eps) / step) * step;
  c.count = static_cast<int>(std::llround((last - first) / step)) + 1;
  return c;
}

}  // namespace

Ticks choose_ticks(double lo, double hi, std::optional<double> user_min,
                   std::optional<double> user_max) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (lo > hi) std::swap(lo, hi);
  // Bars grow from zero, so zero is on the axis unless the user says otherwise.
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (user_min) lo = *user_min;
  if (user_max) hi = *user_max;
  if (user_min && !user_max && hi <= lo) hi = lo + std::max(1.0, std::fabs(lo));
  if (user_max && !user_min && lo >= hi) lo = hi - std::max(1.0, std::fabs(hi));
  if (hi - lo <= 0) hi = lo + 1;  // all zero: an axis from 0 to 1

  double span = hi - lo;
  int top = static_cast<int>(std::floor(std::log10(span)));
  std::optional<Candidate> best;
  auto better = [](const Candidate& a, const Candidate& b) {
    bool a_ok = a.count >= kMinTicks && a.count <= kMaxTicks;
    bool b_ok = b.count >= kMinTicks && b.count <= kMaxTicks;
    if (a_ok != b_ok) return a_ok;
    int da = std::abs(a.count - kIdealTicks), db = std::abs(b.count - kIdealTicks);
    if (da != db) return da < db;
    return a.max - a.min < b.max - b.min;  // the tighter axis
  };
  for (int e = top - 2; e <= top + 1; ++e) {
    double unit = std::pow(10.0, e);
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      Candidate c = candidate(m * unit, lo, hi, user_min, user_max);
      if (!best || better(c, *best)) best = c;
    }
  }
  Ticks t;
  t.step = best->step;
  t.min = user_min ? *user_min : snap(best->min, t.step);
  t.max = user_max ? *user_max : snap(best->max, t.step);
  const double eps = t.step * 1e-9;
  for (double v = std::ceil((t.min - eps) / t.step) * t.step; v <= t.max + eps; v += t.step)
    t.values.push_back(snap(v, t.step));
  return t;
}

NumberFormat tick_format(const Ticks& ticks, NumberFormat format) {
  double scale = format.kind == NumberFormat::Kind::percent ? 100 : 1;
  int decimals = format.decimals;
  while (decimals < 6) {
    double scaled = ticks.step * scale * std::pow(10.0, decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
    ++decimals;
  }
  format.decimals = decimals;
  return format;
}

}  // namespace folio::layout::chart
