#include "frame/dump.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/overloaded.hpp"

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

std::string tag_text(StructId tag, const Structure* structure) {
  if (!structure) return "";
  switch (tag) {
    case kUntagged:
      return " <untagged>";
    case kArtifact:
      return " <artifact>";
    case kPagination:
      return " <page artifact>";
    default:
      if (tag < 0 || static_cast<size_t>(tag) >= structure->size()) return " <bad tag>";
      return fmt::format(" <{} {}>", role_name((*structure)[tag].role), tag);
  }
}

void dump_into(std::string& out, const Frame& frame, int indent, const Structure* st) {
  std::string pad(indent * 2, ' ');
  for (const auto& item : frame.items) {
    std::visit(
        Overloaded{
            [&](const TextItem& it) {
              for (int i = it.first_line; i < it.last_line; ++i) {
                double y = it.origin.y + it.text->line_top(i) - it.text->line_top(it.first_line);
                out += fmt::format("{}text {},{} {} {}{}\n", pad,
                                   num(it.origin.x + it.text->line_x(i)), num(y),
                                   num(it.text->line_height(i)), quoted(it.text->line_text(i)),
                                   tag_text(it.tag, st));
              }
            },
            [&](const RectItem& it) {
              out += fmt::format("{}rect {},{} {}x{}{}{}{}\n", pad, num(it.rect.x), num(it.rect.y),
                                 num(it.rect.width), num(it.rect.height),
                                 it.fill ? " fill=" + to_hex(*it.fill) : "",
                                 it.stroke ? " stroke=" + to_hex(*it.stroke) : "",
                                 tag_text(it.tag, st));
            },
            [&](const LineItem& it) {
              out += fmt::format("{}line {},{} {},{} {}{}{}\n", pad, num(it.from.x), num(it.from.y),
                                 num(it.to.x), num(it.to.y), to_hex(it.color),
                                 it.dot_pitch > 0 ? fmt::format(" dots {}", num(it.dot_pitch)) : "",
                                 tag_text(it.tag, st));
            },
            [&](const PathItem& it) {
              out += fmt::format("{}path {} ops{}{}\n", pad, it.ops.size(),
                                 it.fill ? " fill=" + to_hex(*it.fill) : "", tag_text(it.tag, st));
            },
            [&](const ImageItem& it) {
              out += fmt::format("{}image {},{} {}x{} {}{}\n", pad, num(it.rect.x), num(it.rect.y),
                                 num(it.rect.width), num(it.rect.height), quoted(it.path),
                                 tag_text(it.tag, st));
            },
            [&](const LinkItem& it) {
              out += fmt::format("{}link {},{} {}x{} {}{}\n", pad, num(it.rect.x), num(it.rect.y),
                                 num(it.rect.width), num(it.rect.height), quoted(it.url),
                                 tag_text(it.tag, st));
            },
            [&](const AnchorItem& it) {
              out += fmt::format("{}anchor {},{} h{} {}{}{}{}\n", pad, num(it.at.x), num(it.at.y),
                                 it.level, quoted(it.title), it.id.empty() ? "" : " #" + it.id,
                                 it.bookmark ? "" : " no-bookmark",
                                 it.in_contents ? "" : " no-contents");
            },
            [&](const GroupItem& it) {
              out += fmt::format("{}group {},{}\n", pad, num(it.offset.x), num(it.offset.y));
              dump_into(out, *it.frame, indent + 1, st);
            },
        },
        item);
  }
}

}  // namespace

std::string dump_frame(const Frame& frame, int indent, const Structure* structure) {
  std::string out;
  dump_into(out, frame, indent, structure);
  return out;
}

std::string dump_pages(const std::vector<Page>& pages, const Structure* structure) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    out +=
        fmt::format("page {} {}x{}\n", i + 1, num(pages[i].size.width), num(pages[i].size.height));
    dump_into(out, pages[i].frame, 1, structure);
  }
  if (structure) out += "structure\n" + dump_structure(*structure);
  return out;
}

}  // namespace folio

namespace folio {

std::string dump_structure(const Structure& structure) {
  std::string out;
  // Children follow their parents in creation order, which is reading order,
  // so a stack of open elements prints the tree.
  std::vector<std::vector<StructId>> children(structure.size());
  for (size_t i = 1; i < structure.size(); ++i)
    children[static_cast<size_t>(structure[static_cast<StructId>(i)].parent)].push_back(
        static_cast<StructId>(i));
  auto print = [&](auto& self, StructId id, int level) -> void {
    const StructElement& e = structure[id];
    const ElementText& t = structure.text(id);
    out += fmt::format("{}{} {}", std::string(level * 2 + 2, ' '), role_name(e.role), id);
    if (!t.id.empty()) out += " id=" + t.id;
    if (!t.language.empty()) out += " lang=" + t.language;
    if (e.scope != Scope::none) out += e.scope == Scope::column ? " scope=column" : " scope=row";
    if (!t.alt.empty()) out += " alt=" + quoted(t.alt);
    if (!t.actual_text.empty()) out += " text=" + quoted(t.actual_text);
    out += "\n";
    for (StructId c : children[static_cast<size_t>(id)]) self(self, c, level + 1);
  };
  print(print, kDocumentElement, 0);
  return out;
}

}  // namespace folio
