#include "paint/pdf_compact.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <stdexcept>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/mapped_file.hpp"

namespace folio {

std::string deflate_bytes(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_DEFAULT_COMPRESSION) != Z_OK)
    throw std::runtime_error("cannot compress a stream");
  out.resize(size);
  return out;
}

namespace {

// A file of fewer objects is left as it is: a one-page leaflet (80 objects)
// would lose a quarter of its 40 KB for a millisecond more a document, a
// third of what a bulk build spends on it; a 16-page report (800 objects)
// goes from 245 KB to 98 KB.
constexpr size_t kFewObjects = 500;

bool is_pdf_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

void skip_pdf_space(std::string_view s, size_t& p) {
  while (p < s.size() && is_pdf_space(s[p])) ++p;
}

std::optional<uint64_t> read_pdf_number(std::string_view s, size_t& p) {
  size_t start = p;
  uint64_t value = 0;
  while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p])) && p - start < 18)
    value = value * 10 + static_cast<uint64_t>(s[p++] - '0');
  if (p == start) return std::nullopt;
  return value;
}

std::string_view trim_pdf_space(std::string_view s) {
  while (!s.empty() && is_pdf_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_pdf_space(s.back())) s.remove_suffix(1);
  return s;
}

// The dictionary ("<< ... >>") starting at `p` of `s`, or empty: nested
// dictionaries are counted, hex strings skipped.
std::string_view pdf_dictionary_at(std::string_view s, size_t p) {
  if (s.substr(p, 2) != "<<") return {};
  int depth = 0;
  for (size_t i = p; i + 1 < s.size();) {
    if (s[i] == '<' && s[i + 1] == '<') {
      ++depth, i += 2;
    } else if (s[i] == '>' && s[i + 1] == '>') {
      i += 2;
      if (--depth == 0) return s.substr(p, i - p);
    } else if (s[i] == '<') {
      size_t end = s.find('>', i);
      if (end == std::string_view::npos) return {};
      i = end + 1;
    } else {
      ++i;
    }
  }
  return {};
}

// The value of `key` in a flat dictionary's text ("/Root 12 0 R" -> "12 0 R").
std::string_view dictionary_value(std::string_view dict, std::string_view key) {
  for (size_t at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
    size_t end = at + key.size();
    if (end < dict.size() && (std::isalnum(static_cast<unsigned char>(dict[end])))) continue;
    size_t stop = dict.find('/', end);
    if (stop == std::string_view::npos) stop = dict.rfind(">>");
    if (stop == std::string_view::npos || stop < end) return {};
    return trim_pdf_space(dict.substr(end, stop - end));
  }
  return {};
}

struct XrefEntry {
  uint64_t offset = 0;
  uint16_t generation = 0;
  bool seen = false;  // a newer section said where it is (or that it is free)
  bool used = false;
};

// The file's cross-reference tables, newest first along /Prev: where each
// object is now, and every object's start in any section (an object's text
// ends where the next one, or a table, begins).
struct XrefTables {
  std::vector<XrefEntry> entries;
  std::vector<uint64_t> starts;
  std::string_view trailer;  // the newest
};

std::optional<XrefTables> read_xref_tables(std::string_view file) {
  size_t at = file.rfind("startxref");
  if (at == std::string_view::npos) return std::nullopt;
  size_t p = at + 9;
  skip_pdf_space(file, p);
  auto offset = read_pdf_number(file, p);
  XrefTables tables;
  std::set<uint64_t> visited;
  while (offset) {
    if (*offset >= file.size() || !visited.insert(*offset).second) return std::nullopt;
    // An xref stream (another writer's file) is not read here.
    if (file.substr(*offset, 4) != "xref") return std::nullopt;
    tables.starts.push_back(*offset);
    p = *offset + 4;
    skip_pdf_space(file, p);
    while (file.substr(p, 7) != "trailer") {
      auto first = read_pdf_number(file, p);
      skip_pdf_space(file, p);
      auto count = read_pdf_number(file, p);
      skip_pdf_space(file, p);
      if (!first || !count || *first + *count > file.size() / 10 + 1 ||
          p + *count * 20 > file.size())
        return std::nullopt;
      if (tables.entries.size() < *first + *count) tables.entries.resize(*first + *count);
      for (uint64_t i = 0; i < *count; ++i, p += 20) {
        std::string_view line = file.substr(p, 20);
        size_t q = 0;
        auto where = read_pdf_number(line, q);
        ++q;
        auto generation = read_pdf_number(line, q);
        if (!where || !generation || q + 1 >= line.size()) return std::nullopt;
        char kind = line[q + 1];
        XrefEntry& e = tables.entries[*first + i];
        if (kind == 'n') tables.starts.push_back(*where);
        if (e.seen) continue;
        e = {*where, static_cast<uint16_t>(*generation), true, kind == 'n'};
      }
      skip_pdf_space(file, p);
    }
    p += 7;
    skip_pdf_space(file, p);
    std::string_view dict = pdf_dictionary_at(file, p);
    if (dict.empty()) return std::nullopt;
    if (tables.trailer.empty()) tables.trailer = dict;
    offset.reset();
    if (std::string_view prev = dictionary_value(dict, "/Prev"); !prev.empty()) {
      size_t q = 0;
      offset = read_pdf_number(prev, q);
    }
  }
  tables.starts.push_back(file.size());
  std::sort(tables.starts.begin(), tables.starts.end());
  return tables;
}

// One object's text: "N G obj" ... "endobj".
struct IndirectObject {
  uint64_t number = 0, generation = 0;
  std::string_view body;  // between "obj" and "endobj", trimmed
};

std::optional<IndirectObject> indirect_object_at(std::string_view file, const XrefTables& tables,
                                                 uint64_t offset) {
  auto next = std::upper_bound(tables.starts.begin(), tables.starts.end(), offset);
  if (next == tables.starts.end()) return std::nullopt;
  std::string_view text = file.substr(offset, *next - offset);
  IndirectObject object;
  size_t p = 0;
  auto number = read_pdf_number(text, p);
  skip_pdf_space(text, p);
  auto generation = read_pdf_number(text, p);
  skip_pdf_space(text, p);
  if (!number || !generation || text.substr(p, 3) != "obj") return std::nullopt;
  object.number = *number;
  object.generation = *generation;
  std::string_view body = trim_pdf_space(text.substr(p + 3));
  if (!body.ends_with("endobj")) return std::nullopt;
  body.remove_suffix(6);
  object.body = trim_pdf_space(body);
  return object;
}

// Where a stream object's data begins: after its dictionary and "stream".
size_t stream_keyword(std::string_view body) {
  std::string_view dict = pdf_dictionary_at(body, 0);
  if (dict.empty()) return std::string_view::npos;
  size_t p = dict.size();
  skip_pdf_space(body, p);
  return body.substr(p, 6) == "stream" ? p : std::string_view::npos;
}

// A stream dictionary with an indirect /Length made direct: an object
// stream cannot hold a length object that a stream outside it would need
// first (and readers are quicker without the indirection).
std::optional<std::string> direct_length(std::string_view dict, std::string_view file,
                                         const XrefTables& tables) {
  std::string out(dict);
  for (size_t at = out.find("/Length"); at != std::string::npos; at = out.find("/Length", at + 1)) {
    size_t p = at + 7;
    if (p < out.size() && std::isalnum(static_cast<unsigned char>(out[p]))) continue;  // /Length1
    skip_pdf_space(out, p);
    auto number = read_pdf_number(out, p);
    skip_pdf_space(out, p);
    auto generation = read_pdf_number(out, p);
    skip_pdf_space(out, p);
    if (!number || !generation || p >= out.size() || out[p] != 'R') return out;  // direct
    if (*number >= tables.entries.size() || !tables.entries[*number].used) return std::nullopt;
    auto length = indirect_object_at(file, tables, tables.entries[*number].offset);
    if (!length || length->body.empty() ||
        length->body.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    out.replace(at, p + 1 - at, "/Length " + std::string(length->body));
    return out;
  }
  return out;
}

class Compactor {
 public:
  Compactor(const MappedFile& source, const XrefTables& tables, CheckedFile& out)
      : source_(source), file_(source.bytes()), tables_(tables), out_(out) {}

  // False when an object is not as this pass expects: the file is left as it was.
  bool run() {
    size_t header_end = file_.find('\n');
    if (header_end != std::string_view::npos && file_.size() > header_end + 1 &&
        file_[header_end + 1] == '%')
      header_end = file_.find('\n', header_end + 1);
    if (header_end == std::string_view::npos) return false;
    put(file_.substr(0, header_end + 1));
    size_t size = tables_.entries.size();
    table_.resize(size);
    next_number_ = size;
    // In the file's order, so the mapping is read once through and its pages
    // can be let go behind the pass.
    std::vector<std::pair<uint64_t, uint64_t>> in_file_order;  // offset, number
    for (uint64_t number = 1; number < size; ++number)
      if (tables_.entries[number].used)
        in_file_order.emplace_back(tables_.entries[number].offset, number);
    std::sort(in_file_order.begin(), in_file_order.end());
    uint64_t released_at = 0;
    for (auto [offset, number] : in_file_order) {
      auto object = indirect_object_at(file_, tables_, offset);
      if (!object || object->number != number ||
          object->generation != tables_.entries[number].generation)
        return false;
      if (!copy(*object)) return false;
      if (offset > released_at + (4u << 20)) {
        source_.release(offset);
        released_at = offset;
      }
    }
    flush();
    write_table();
    return true;
  }

 private:
  struct NewEntry {
    uint8_t type = 0;  // 0 free, 1 at an offset, 2 in an object stream
    uint64_t field2 = 0;
    uint32_t field3 = 0;
  };
  static constexpr size_t kPerStream = 200;

  void put(std::string_view bytes) {
    out_.write(bytes);
    written_ += bytes.size();
  }

  bool copy(const IndirectObject& object) {
    size_t keyword = stream_keyword(object.body);
    if (keyword == std::string_view::npos) {
      if (object.body.ends_with("endstream")) return false;  // a stream dictionary not read here
      if (object.generation == 0) {
        pack(object);
        return true;
      }
      table_[object.number] = {1, written_, static_cast<uint32_t>(object.generation)};
      put(fmt::format("{} {} obj\n", object.number, object.generation));
      put(object.body);
      put("\nendobj\n");
      return true;
    }
    auto dict = direct_length(trim_pdf_space(object.body.substr(0, keyword)), file_, tables_);
    if (!dict) return false;
    table_[object.number] = {1, written_, static_cast<uint32_t>(object.generation)};
    put(fmt::format("{} {} obj\n", object.number, object.generation));
    put(*dict);
    put("\n");
    put(object.body.substr(keyword));
    put("\nendobj\n");
    return true;
  }

  void pack(const IndirectObject& object) {
    index_ += fmt::format("{} {} ", object.number, bodies_.size());
    bodies_ += object.body;
    bodies_ += '\n';
    packed_.push_back(object.number);
    if (packed_.size() == kPerStream || bodies_.size() > (256u << 10)) flush();
  }

  // Writes the objects packed so far as one object stream.
  void flush() {
    if (packed_.empty()) return;
    uint64_t number = next_number_++;
    table_.resize(next_number_);
    table_[number] = {1, written_, 0};
    std::string data = deflate_bytes(index_ + "\n" + bodies_);
    put(
        fmt::format("{} 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {} "
                    ">>\nstream\n",
                    number, packed_.size(), index_.size() + 1, data.size()));
    put(data);
    put("\nendstream\nendobj\n");
    for (size_t i = 0; i < packed_.size(); ++i)
      table_[packed_[i]] = {2, number, static_cast<uint32_t>(i)};
    packed_.clear();
    index_.clear();
    bodies_.clear();
  }

  // The cross-reference stream, with the trailer's entries, and the file's end.
  void write_table() {
    uint64_t number = next_number_++;
    table_.resize(next_number_);
    uint64_t at = written_;
    table_[number] = {1, at, 0};
    table_[0] = {0, 0, 65535};
    std::string rows;
    rows.reserve(table_.size() * 8);
    for (const NewEntry& e : table_) {
      rows += static_cast<char>(e.type);
      for (int shift = 32; shift >= 0; shift -= 8) rows += static_cast<char>(e.field2 >> shift);
      rows += static_cast<char>(e.field3 >> 8);
      rows += static_cast<char>(e.field3);
    }
    std::string data = deflate_bytes(rows);
    std::string info, id;
    if (auto v = dictionary_value(tables_.trailer, "/Info"); !v.empty())
      info = fmt::format(" /Info {}", v);
    if (auto v = dictionary_value(tables_.trailer, "/ID"); !v.empty())
      id = fmt::format(" /ID {}", v);
    put(fmt::format(
        "{} 0 obj\n<< /Type /XRef /Size {} /W [1 5 2] /Root {}{}{} /Filter "
        "/FlateDecode /Length {} >>\nstream\n",
        number, table_.size(), dictionary_value(tables_.trailer, "/Root"), info, id, data.size()));
    put(data);
    put(fmt::format("\nendstream\nendobj\nstartxref\n{}\n%%EOF\n", at));
  }

  const MappedFile& source_;
  std::string_view file_;
  const XrefTables& tables_;
  CheckedFile& out_;
  uint64_t written_ = 0;
  std::vector<NewEntry> table_;
  uint64_t next_number_ = 0;
  std::vector<uint64_t> packed_;  // object numbers in the stream being filled
  std::string index_, bodies_;
};

}  // namespace

std::string compact_pdf(const std::string& path) {
  std::string compacted = path + ".compact";
  {
    MappedFile source(path);
    std::string_view file = source.bytes();
    if (file.empty()) return "cannot read the PDF to compact it";
    // Object streams are PDF 1.5's: an older file is left as it is.
    if (!file.starts_with("%PDF-1.") || file.size() < 8 || file[7] < '5') return {};
    auto tables = read_xref_tables(file);
    if (!tables || dictionary_value(tables->trailer, "/Root").empty() ||
        !dictionary_value(tables->trailer, "/Encrypt").empty())
      return {};
    size_t objects = static_cast<size_t>(std::count_if(
        tables->entries.begin(), tables->entries.end(), [](const XrefEntry& e) { return e.used; }));
    if (objects < kFewObjects) return {};
    CheckedFile out;
    if (!out.create(compacted)) return "cannot compact the PDF: " + out.error();
    bool done = false;
    try {
      done = Compactor(source, *tables, out).run();
    } catch (const std::exception&) {
      done = false;
    }
    out.finish();
    if (!out.ok()) {
      std::remove(compacted.c_str());
      return "cannot compact the PDF: " + out.error();
    }
    if (!done) {
      std::remove(compacted.c_str());
      return {};
    }
  }
  if (std::rename(compacted.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(compacted.c_str());
    return "cannot replace the PDF with its compacted version: " + reason;
  }
  return {};
}

}  // namespace folio
