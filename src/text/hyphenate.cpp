#include "text/hyphenate.hpp"

#include <glib.h>
#include <hyphen.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace folio::text {
namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr size_t kShortestWord = 5;  // shorter words are never worth breaking

struct DictFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};
using DictHandle = std::unique_ptr<HyphenDict, DictFree>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

std::vector<std::string> dictionary_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("FOLIO_HYPHEN_DIR")) dirs.emplace_back(env);
  dirs.emplace_back("/usr/share/hyphen");
  return dirs;
}

// hyph_pl_PL.dic for "pl", hyph_en_GB.dic for "en-GB" (or any hyph_en_*.dic
// for "en"), in the dictionary folders; empty when there is none.
std::string dictionary_file(std::string_view language) {
  std::string tag(language);
  std::replace(tag.begin(), tag.end(), '-', '_');
  std::string lang = tag.substr(0, tag.find('_'));
  for (auto& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string region;
  if (size_t us = tag.find('_'); us != std::string::npos) {
    region = tag.substr(us + 1);
    region = region.substr(0, region.find('_'));
    for (auto& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& dir : dictionary_dirs()) {
    if (!region.empty()) {
      fs::path exact = fs::path(dir) / ("hyph_" + lang + "_" + region + ".dic");
      if (fs::exists(exact, ec)) return exact.string();
    }
    fs::path bare = fs::path(dir) / ("hyph_" + lang + ".dic");
    if (fs::exists(bare, ec)) return bare.string();
    // Any region of the language: British English before the others for "en".
    std::vector<std::string> candidates;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string name = entry.path().filename().string();
      if (name.starts_with("hyph_" + lang + "_") && name.ends_with(".dic"))
        candidates.push_back(entry.path().string());
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
      bool ga = a.find("_GB.dic") != std::string::npos, gb = b.find("_GB.dic") != std::string::npos;
      return ga != gb ? ga : a < b;
    });
    if (!candidates.empty()) return candidates.front();
  }
  return {};
}

// Loaded once per process, shared by every thread (libhyphen only reads a dictionary).
HyphenDict* dictionary(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, DictHandle, std::less<>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(language); it != loaded.end()) return it->second.get();
  std::string file = dictionary_file(language);
  DictHandle dict(file.empty() ? nullptr : hnj_hyphen_load(file.c_str()));
  HyphenDict* raw = dict.get();
  loaded.emplace(std::string(language), std::move(dict));
  return raw;
}

// The character offsets (after the first k characters) where `word` may break.
std::vector<size_t> break_points(HyphenDict* dict, const std::string& lower_utf8) {
  std::vector<size_t> points;
  // An 8-bit dictionary (Polish is ISO 8859-2) takes the word in its charset.
  std::string word = lower_utf8;
  if (!dict->utf8) {
    gsize written = 0;
    GString converted(g_convert(lower_utf8.data(), static_cast<gssize>(lower_utf8.size()),
                                dict->cset, "UTF-8", nullptr, &written, nullptr));
    if (!converted) return points;
    word.assign(converted.get(), written);
  }
  std::vector<char> hyphens(word.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int failed = hnj_hyphen_hyphenate3(dict, word.data(), static_cast<int>(word.size()),
                                     hyphens.data(), nullptr, &rep, &pos, &cut, 2, 3, 2, 2);
  if (!failed) {
    // Byte i (a character's last byte in UTF-8) may be followed by a break.
    size_t chars = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      bool char_end = !dict->utf8 || (static_cast<unsigned char>(word[i + 1]) & 0xC0) != 0x80;
      if (!char_end) continue;
      ++chars;
      // A break that changes the word's spelling (German "Schiffahrt") is left out.
      bool plain = !rep || !rep[i];
      if ((hyphens[i] & 1) && plain) points.push_back(chars);
    }
  }
  if (rep) {
    for (size_t i = 0; i < word.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  return points;
}

}  // namespace

bool can_hyphenate(std::string_view language) {
  return dictionary(language) != nullptr;
}

Hyphenated hyphenate(std::string_view text, std::string_view language) {
  Hyphenated out;
  HyphenDict* dict = dictionary(language);
  if (!dict) {
    out.text = text;
    return out;
  }
  out.text.reserve(text.size() + text.size() / 8);
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* p = begin;
  while (p < end) {
    // A word: a run of letters (and marks within it).
    const char* q = p;
    size_t chars = 0;
    bool upper_only = true;
    while (q < end) {
      gunichar c = g_utf8_get_char_validated(q, end - q);
      if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) break;
      bool letter = g_unichar_isalpha(c) || (chars > 0 && g_unichar_ismark(c));
      if (!letter) break;
      if (g_unichar_islower(c)) upper_only = false;
      q = g_utf8_next_char(q);
      ++chars;
    }
    if (q == p) {
      // Not a letter: copy one character (or byte, if invalid).
      const char* next = q < end ? g_utf8_find_next_char(q, end) : end;
      if (!next || next <= q) next = q + 1;
      out.text.append(q, next);
      p = next;
      continue;
    }
    std::string word(p, q);
    std::vector<size_t> points;
    // Acronyms (NHS, GP) stay whole.
    if (chars >= kShortestWord && !upper_only) {
      GString lower(g_utf8_strdown(word.data(), static_cast<gssize>(word.size())));
      if (lower && std::string_view(lower.get()).size() == word.size())
        points = break_points(dict, lower.get());
    }
    size_t at_char = 0;
    const char* c = p;
    size_t next_point = 0;
    while (c < q) {
      if (next_point < points.size() && points[next_point] == at_char) {
        out.text += kSoftHyphen;
        out.inserted.push_back(static_cast<size_t>(c - begin));
        ++next_point;
      }
      const char* n = g_utf8_next_char(c);
      out.text.append(c, n);
      c = n;
      ++at_char;
    }
    p = q;
  }
  return out;
}

std::string without_soft_hyphens(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (true) {
    size_t shy = text.find(kSoftHyphen, at);
    out.append(text.substr(at, shy == std::string_view::npos ? shy : shy - at));
    if (shy == std::string_view::npos) break;
    at = shy + kSoftHyphen.size();
  }
  return out;
}

}  // namespace folio::text
