#include "paint/content_artifacts.hpp"

#include <array>

namespace folio {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

// Operators that put ink on the page (an inline image, BI ... EI, is handled
// where it is read, with its data).
bool paints(std::string_view op) {
  static constexpr std::array<std::string_view, 15> ops = {
      "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Tj", "TJ", "'", "\"", "Do", "sh"};
  for (auto o : ops)
    if (o == op) return true;
  return false;
}

// Skips one string, array, dictionary, hex string, name or comment starting at
// `i`; returns the index after it.
size_t skip_operand(std::string_view s, size_t i) {
  char c = s[i];
  if (c == '(') {
    int depth = 0;
    for (; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
      } else if (s[i] == '(') {
        ++depth;
      } else if (s[i] == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return s.size();
  }
  if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
    int depth = 0;
    while (i < s.size()) {
      if (s.compare(i, 2, "<<") == 0) {
        depth++, i += 2;
      } else if (s.compare(i, 2, ">>") == 0) {
        i += 2;
        if (--depth == 0) return i;
      } else if (s[i] == '(') {
        i = skip_operand(s, i);
      } else {
        ++i;
      }
    }
    return s.size();
  }
  if (c == '<') {
    size_t end = s.find('>', i);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (c == '[') {
    ++i;
    while (i < s.size() && s[i] != ']') {
      if (s[i] == '(' || s[i] == '<' || s[i] == '[') {
        i = skip_operand(s, i);
      } else {
        ++i;
      }
    }
    return std::min(s.size(), i + 1);
  }
  if (c == '%') {
    while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    return i;
  }
  // A name or anything else: up to the next space or delimiter.
  ++i;
  while (i < s.size() && !is_space(s[i]) && !is_delimiter(s[i])) ++i;
  return i;
}

}  // namespace

std::string wrap_unmarked_content(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 256);
  int depth = 0;  // marked-content nesting
  // Cairo marks a cluster of glyphs that stand for other text (a Bengali
  // conjunct, an Urdu ligature) with `/Span <</ActualText ...>> BDC`, no MCID:
  // outside any tagged content that span is part of the unmarked stretch, and
  // the artifact wraps it whole.
  bool in_actual_text = false;
  bool actual_text_inked = false;
  size_t segment = 0;        // where the current unmarked stretch began
  size_t operators_end = 0;  // the end of its last operator that paints
  bool inked = false;
  size_t previous_operator_end = 0;  // operands of the next operator start after it
  // Ends the unmarked stretch [segment, end): wrapped up to its last painting
  // operator; what follows (state only) stays outside.
  auto flush = [&](size_t end) {
    if (inked) {
      out += "/Artifact BMC\n";
      out.append(s.substr(segment, operators_end - segment));
      out += "\nEMC";
      out.append(s.substr(operators_end, end - operators_end));
    } else {
      out.append(s.substr(segment, end - segment));
    }
    inked = false;
  };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (is_delimiter(c)) {
      i = skip_operand(s, i);
      continue;
    }
    size_t start = i;
    while (i < s.size() && !is_space(s[i]) && !is_delimiter(s[i])) ++i;
    std::string_view word = s.substr(start, i - start);
    if (word == "BI") {  // an inline image: its data runs to "EI"
      size_t end = s.find("EI", i);
      i = end == std::string_view::npos ? s.size() : end + 2;
      if (depth == 0) inked = true, operators_end = i;
      previous_operator_end = i;
      continue;
    }
    if (word == "BDC" && depth == 0 && !in_actual_text) {
      std::string_view operands = s.substr(previous_operator_end, start - previous_operator_end);
      if (operands.find("/ActualText") != std::string_view::npos &&
          operands.find("/MCID") == std::string_view::npos) {
        in_actual_text = true;
        actual_text_inked = false;
        previous_operator_end = i;
        continue;
      }
    }
    if (word == "EMC" && in_actual_text && depth == 0) {
      in_actual_text = false;
      if (actual_text_inked) inked = true, operators_end = i;
      previous_operator_end = i;
      continue;
    }
    if (word == "BMC" || word == "BDC") {
      if (depth == 0) {
        size_t begin = previous_operator_end;  // where its operands (the tag) begin
        flush(begin);
        out.append(s.substr(begin, i - begin));
        segment = i;
      }
      ++depth;
    } else if (word == "EMC") {
      if (depth > 0 && --depth == 0) {
        out.append(s.substr(segment, i - segment));
        segment = i;
      }
    } else if (depth == 0 && paints(word)) {
      if (in_actual_text) {
        actual_text_inked = true;
      } else {
        inked = true;
        operators_end = i;
      }
    }
    previous_operator_end = i;
  }
  if (depth == 0) {
    flush(s.size());
  } else {
    out.append(s.substr(segment));
  }
  return out;
}

}  // namespace folio
