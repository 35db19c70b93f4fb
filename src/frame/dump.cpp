#include "frame/dump.hpp"

#include <fmt/format.h>

#include <cmath>

namespace folio {
namespace {

std::string num(double v) {
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;  // no "-0"
  return fmt::format("{:.1f}", r);
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

void dump_into(std::string& out, const Frame& frame, int indent) {
  std::string pad(indent * 2, ' ');
  for (const auto& item : frame.items) {
    std::visit(
        [&](const auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, TextItem>) {
            for (int i = it.first_line; i < it.last_line; ++i) {
              double y = it.origin.y + it.text->line_top(i) - it.text->line_top(it.first_line);
              out +=
                  fmt::format("{}text {},{} {} {}\n", pad, num(it.origin.x + it.text->line_x(i)),
                              num(y), num(it.text->line_height(i)), quoted(it.text->line_text(i)));
            }
          } else if constexpr (std::is_same_v<T, RectItem>) {
            out += fmt::format("{}rect {},{} {}x{}{}{}\n", pad, num(it.rect.x), num(it.rect.y),
                               num(it.rect.width), num(it.rect.height),
                               it.fill ? " fill=" + to_hex(*it.fill) : "",
                               it.stroke ? " stroke=" + to_hex(*it.stroke) : "");
          } else if constexpr (std::is_same_v<T, LineItem>) {
            out += fmt::format("{}line {},{} {},{} {}\n", pad, num(it.from.x), num(it.from.y),
                               num(it.to.x), num(it.to.y), to_hex(it.color));
          } else if constexpr (std::is_same_v<T, PathItem>) {
            out += fmt::format("{}path {} ops{}\n", pad, it.ops.size(),
                               it.fill ? " fill=" + to_hex(*it.fill) : "");
          } else if constexpr (std::is_same_v<T, ImageItem>) {
            out += fmt::format("{}image {},{} {}x{} {}\n", pad, num(it.rect.x), num(it.rect.y),
                               num(it.rect.width), num(it.rect.height), quoted(it.path));
          } else if constexpr (std::is_same_v<T, LinkItem>) {
            out += fmt::format("{}link {},{} {}x{} {}\n", pad, num(it.rect.x), num(it.rect.y),
                               num(it.rect.width), num(it.rect.height), quoted(it.url));
          } else if constexpr (std::is_same_v<T, AnchorItem>) {
            out += fmt::format("{}anchor {},{} h{} {}\n", pad, num(it.at.x), num(it.at.y), it.level,
                               quoted(it.title));
          } else if constexpr (std::is_same_v<T, GroupItem>) {
            out += fmt::format("{}group {},{}\n", pad, num(it.offset.x), num(it.offset.y));
            dump_into(out, *it.frame, indent + 1);
          }
        },
        item);
  }
}

}  // namespace

std::string dump_frame(const Frame& frame, int indent) {
  std::string out;
  dump_into(out, frame, indent);
  return out;
}

std::string dump_pages(const std::vector<Page>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    out +=
        fmt::format("page {} {}x{}\n", i + 1, num(pages[i].size.width), num(pages[i].size.height));
    dump_into(out, pages[i].frame, 1);
  }
  return out;
}

}  // namespace folio
