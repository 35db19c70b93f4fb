#include "text/markdown.hpp"

#include <md4c.h>

#include <cstdlib>

namespace folio::text {
namespace {

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

void append_entity(std::string& out, std::string_view entity) {
  struct Named {
    std::string_view name;
    unsigned code;
  };
  static constexpr Named kNamed[] = {{"&amp;", '&'},      {"&lt;", '<'},       {"&gt;", '>'},
                                     {"&quot;", '"'},     {"&apos;", '\''},    {"&nbsp;", 0xA0},
                                     {"&ndash;", 0x2013}, {"&mdash;", 0x2014}, {"&hellip;", 0x2026},
                                     {"&copy;", 0xA9},    {"&pound;", 0xA3},   {"&euro;", 0x20AC}};
  if (entity.size() > 3 && entity[1] == '#') {
    bool hex = entity[2] == 'x' || entity[2] == 'X';
    std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    unsigned long code = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    append_utf8(out, static_cast<unsigned>(code));
    return;
  }
  for (const auto& n : kNamed) {
    if (n.name == entity) {
      append_utf8(out, n.code);
      return;
    }
  }
  out += entity;
}

struct Builder {
  std::vector<RichParagraph> paragraphs;
  long current = -1;  // index into paragraphs; -1 when none is open
  int bold = 0;
  int italic = 0;
  int code = 0;
  std::vector<std::string> links;
  struct List {
    bool ordered;
    int next;
  };
  std::vector<List> lists;
  bool item_pending = false;

  RichParagraph& paragraph() {
    if (current < 0) open(ParagraphKind::paragraph);
    return paragraphs[current];
  }
  RichParagraph* open_paragraph() { return current < 0 ? nullptr : &paragraphs[current]; }

  void open(ParagraphKind kind) {
    RichParagraph p;
    p.kind = kind;
    p.depth = static_cast<int>(lists.size());
    if (item_pending && !lists.empty()) {
      p.kind = lists.back().ordered ? ParagraphKind::numbered : ParagraphKind::bullet;
      p.number = lists.back().next++;
      item_pending = false;
    }
    paragraphs.push_back(std::move(p));
    current = static_cast<long>(paragraphs.size()) - 1;
  }

  void text(std::string_view s, bool as_code) {
    RichParagraph& p = paragraph();
    unsigned start = static_cast<unsigned>(p.text.size());
    p.text += s;
    push_run(p, start, as_code);
  }

  void push_run(RichParagraph& p, unsigned start, bool as_code) {
    unsigned end = static_cast<unsigned>(p.text.size());
    if (end == start) return;
    bool is_code = as_code || code > 0;
    if (!bold && !italic && !is_code && links.empty()) return;
    StyleRun run{start, end, bold > 0, italic > 0, is_code, links.empty() ? "" : links.back()};
    if (!p.runs.empty()) {
      StyleRun& last = p.runs.back();
      if (last.end == start && last.bold == run.bold && last.italic == run.italic &&
          last.code == run.code && last.link == run.link) {
        last.end = end;
        return;
      }
    }
    p.runs.push_back(std::move(run));
  }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  switch (type) {
    case MD_BLOCK_UL:
      b.lists.push_back({false, 1});
      break;
    case MD_BLOCK_OL:
      b.lists.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)});
      break;
    case MD_BLOCK_LI:
      b.item_pending = true;
      b.current = -1;
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_H:
      if (!b.open_paragraph() || !b.open_paragraph()->text.empty() || !b.item_pending)
        b.open(ParagraphKind::paragraph);
      if (type == MD_BLOCK_H) ++b.bold;
      break;
    case MD_BLOCK_CODE:
      b.open(ParagraphKind::code);
      ++b.code;
      break;
    default:
      break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      b.lists.pop_back();
      b.current = -1;
      break;
    case MD_BLOCK_H:
      --b.bold;
      b.current = -1;
      break;
    case MD_BLOCK_CODE:
      --b.code;
      if (auto* p = b.open_paragraph(); p && p->text.ends_with('\n')) p->text.pop_back();
      b.current = -1;
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_LI:
      b.current = -1;
      break;
    default:
      break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  switch (type) {
    case MD_SPAN_EM:
      ++b.italic;
      break;
    case MD_SPAN_STRONG:
      ++b.bold;
      break;
    case MD_SPAN_CODE:
      ++b.code;
      break;
    case MD_SPAN_A: {
      auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      b.links.emplace_back(a->href.text, a->href.size);
      break;
    }
    default:
      break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  switch (type) {
    case MD_SPAN_EM:
      --b.italic;
      break;
    case MD_SPAN_STRONG:
      --b.bold;
      break;
    case MD_SPAN_CODE:
      --b.code;
      break;
    case MD_SPAN_A:
      b.links.pop_back();
      break;
    default:
      break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  std::string_view s(text, size);
  switch (type) {
    case MD_TEXT_NULLCHAR:
      b.text("\xEF\xBF\xBD", false);
      break;
    case MD_TEXT_BR:
      b.text("\xE2\x80\xA8", false);
      break;  // U+2028: a line break inside the paragraph
    case MD_TEXT_SOFTBR:
      b.text(" ", false);
      break;
    case MD_TEXT_ENTITY: {
      std::string decoded;
      append_entity(decoded, s);
      b.text(decoded, false);
      break;
    }
    case MD_TEXT_CODE:
      b.text(s, true);
      break;
    default:
      b.text(s, false);
      break;
  }
  return 0;
}

// Takes each `^[note]` out of `markdown` (brackets may nest; `\^[` and code
// spans are left alone), leaving kNoteMark in its place.
std::string take_notes(std::string_view markdown, std::vector<std::string>& notes) {
  if (markdown.find("^[") == std::string_view::npos) return std::string(markdown);
  std::string out;
  size_t i = 0;
  while (i < markdown.size()) {
    char c = markdown[i];
    if (c == '\\' && i + 1 < markdown.size()) {
      out.append(markdown, i, 2);
      i += 2;
      continue;
    }
    if (c == '`') {  // a code span: copy through its closing run of backticks
      size_t run = markdown.find_first_not_of('`', i) - i;
      std::string_view fence = markdown.substr(i, run);
      size_t close = markdown.find(fence, i + run);
      size_t end = close == std::string_view::npos ? i + run : close + run;
      out.append(markdown, i, end - i);
      i = end;
      continue;
    }
    if (c == '^' && i + 1 < markdown.size() && markdown[i + 1] == '[') {
      int depth = 0;
      size_t j = i + 1;
      for (; j < markdown.size(); ++j) {
        if (markdown[j] == '\\') {
          ++j;
        } else if (markdown[j] == '[') {
          ++depth;
        } else if (markdown[j] == ']' && --depth == 0) {
          break;
        }
      }
      if (j < markdown.size()) {
        notes.emplace_back(markdown.substr(i + 2, j - i - 2));
        out += kNoteMark;
        i = j + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

size_t count_marks(std::string_view text) {
  size_t n = 0;
  for (size_t at = text.find(kNoteMark); at != std::string_view::npos;
       at = text.find(kNoteMark, at + kNoteMark.size()))
    ++n;
  return n;
}

}  // namespace

std::vector<RichParagraph> parse_markdown(std::string_view markdown) {
  Builder builder;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  std::vector<std::string> notes;
  std::string source = take_notes(markdown, notes);
  md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &builder);
  std::vector<RichParagraph> out;
  size_t next_note = 0;
  for (auto& p : builder.paragraphs) {
    if (p.text.empty() && p.kind == ParagraphKind::paragraph) continue;
    // Each paragraph takes the notes whose marks it holds, in order (a mark
    // inside a code block is text there, and its note is dropped with it).
    for (size_t n = count_marks(p.text); n > 0 && next_note < notes.size(); --n)
      p.notes.push_back(std::move(notes[next_note++]));
    out.push_back(std::move(p));
  }
  return out;
}

RichParagraph parse_markdown_inline(std::string_view markdown) {
  auto paragraphs = parse_markdown(markdown);
  if (paragraphs.size() == 1) return std::move(paragraphs[0]);
  RichParagraph joined;
  for (auto& p : paragraphs) {
    if (!joined.text.empty()) joined.text += "\xE2\x80\xA8";
    unsigned offset = static_cast<unsigned>(joined.text.size());
    joined.text += p.text;
    for (auto& note : p.notes) joined.notes.push_back(std::move(note));
    for (auto run : p.runs) {
      run.start += offset;
      run.end += offset;
      joined.runs.push_back(std::move(run));
    }
  }
  return joined;
}

std::vector<unsigned> replace_ranges(RichParagraph& p,
                                     const std::vector<Replacement>& replacements) {
  std::vector<unsigned> starts;
  if (replacements.empty()) return starts;
  std::string text;
  // Offsets at or after each replaced range's end move by what it adds or removes.
  std::vector<std::pair<size_t, long>> shifts;
  long shift = 0;
  size_t at = 0;
  for (const auto& r : replacements) {
    text.append(p.text, at, r.start - at);
    starts.push_back(static_cast<unsigned>(text.size()));
    text += r.with;
    shift += static_cast<long>(r.with.size()) - static_cast<long>(r.end - r.start);
    shifts.push_back({r.end, shift});
    at = r.end;
  }
  text.append(p.text, at);
  auto moved = [&](unsigned offset) {
    long d = 0;
    for (const auto& [from, by] : shifts)
      if (offset >= from) d = by;
    return static_cast<unsigned>(static_cast<long>(offset) + d);
  };
  for (auto& run : p.runs) {
    run.start = moved(run.start);
    run.end = moved(run.end);
  }
  p.text = std::move(text);
  return starts;
}

void drop_notes(RichParagraph& p) {
  p.notes.clear();
  std::vector<Replacement> marks;
  for (size_t at = p.text.find(kNoteMark); at != std::string::npos;
       at = p.text.find(kNoteMark, at + kNoteMark.size()))
    marks.push_back({at, at + kNoteMark.size(), ""});
  replace_ranges(p, marks);
}

RichParagraph plain_paragraph(std::string_view text) {
  RichParagraph p;
  p.text = text;
  return p;
}

}  // namespace folio::text
