#include <algorithm>
#include <numeric>

#include "layout/table/table.hpp"

namespace folio::layout::table {

ColumnWidths size_columns(const std::vector<ColumnNeed>& needs, double width) {
  ColumnWidths out;
  size_t n = needs.size();
  out.widths.assign(n, 0);
  if (n == 0) return out;
  double fixed_total = 0;
  double natural_total = 0;
  double min_total = 0;
  std::vector<size_t> autos;
  for (size_t c = 0; c < n; ++c) {
    if (needs[c].fixed) {
      out.widths[c] = *needs[c].fixed;
      fixed_total += *needs[c].fixed;
    } else {
      autos.push_back(c);
      natural_total += needs[c].natural;
      min_total += needs[c].min;
    }
  }
  double room = width - fixed_total;
  if (autos.empty()) return out;
  if (natural_total <= room) {
    // Everything fits unwrapped: the auto columns share what is left equally,
    // so the table spans its region.
    double extra = (room - natural_total) / autos.size();
    for (size_t c : autos) out.widths[c] = needs[c].natural + extra;
  } else if (min_total <= room) {
    // Shrink: every auto column keeps its widest word and gets a share of the
    // rest in proportion to how much wrapping it would otherwise need.
    double slack = natural_total - min_total;
    double share = room - min_total;
    for (size_t c : autos) {
      double want = needs[c].natural - needs[c].min;
      out.widths[c] = needs[c].min + (slack > 0 ? share * want / slack : 0);
    }
  } else {
    // Not even the widest words fit: split the room in proportion to them;
    // words then break inside, and the caller warns.
    double floor_total = std::max(room, 0.0);
    for (size_t c : autos) {
      out.widths[c] =
          min_total > 0 ? floor_total * needs[c].min / min_total : floor_total / autos.size();
      if (out.widths[c] + 1e-6 < needs[c].min) out.too_narrow.push_back(c);
    }
  }
  for (size_t c = 0; c < n; ++c)
    if (needs[c].fixed && *needs[c].fixed + 1e-6 < needs[c].min &&
        std::find(out.too_narrow.begin(), out.too_narrow.end(), c) == out.too_narrow.end())
      out.too_narrow.push_back(c);
  std::sort(out.too_narrow.begin(), out.too_narrow.end());
  return out;
}

}  // namespace folio::layout::table
