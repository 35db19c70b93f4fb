#include "core/language.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace folio {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> subtags(std::string_view tag) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= tag.size()) {
    size_t dash = tag.find_first_of("-_", at);
    if (dash == std::string_view::npos) dash = tag.size();
    out.push_back(lower(tag.substr(at, dash - at)));
    at = dash + 1;
  }
  return out;
}

// Languages not written in the Latin script by default (CLDR's likely subtags, abridged).
constexpr std::array<std::pair<std::string_view, std::string_view>, 52> kScripts{{
    {"ar", "arab"},  {"fa", "arab"},  {"ur", "arab"}, {"ps", "arab"},  {"sd", "arab"},
    {"ug", "arab"},  {"ckb", "arab"}, {"ks", "arab"}, {"prs", "arab"}, {"pnb", "arab"},
    {"he", "hebr"},  {"iw", "hebr"},  {"yi", "hebr"}, {"syr", "syrc"}, {"dv", "thaa"},
    {"nqo", "nkoo"}, {"bn", "beng"},  {"as", "beng"}, {"hi", "deva"},  {"mr", "deva"},
    {"ne", "deva"},  {"sa", "deva"},  {"pa", "guru"}, {"gu", "gujr"},  {"ta", "taml"},
    {"te", "telu"},  {"kn", "knda"},  {"ml", "mlym"}, {"si", "sinh"},  {"or", "orya"},
    {"th", "thai"},  {"lo", "laoo"},  {"km", "khmr"}, {"my", "mymr"},  {"ka", "geor"},
    {"hy", "armn"},  {"am", "ethi"},  {"ti", "ethi"}, {"ja", "jpan"},  {"ko", "kore"},
    {"zh", "hans"},  {"yue", "hant"}, {"ru", "cyrl"}, {"uk", "cyrl"},  {"bg", "cyrl"},
    {"sr", "cyrl"},  {"mk", "cyrl"},  {"be", "cyrl"}, {"kk", "cyrl"},  {"mn", "cyrl"},
    {"el", "grek"},  {"bo", "tibt"},
}};

}  // namespace

std::string primary_language(std::string_view tag) {
  return subtags(tag).front();
}

std::string language_script(std::string_view tag) {
  auto parts = subtags(tag);
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.size() == 4 && std::all_of(p.begin(), p.end(), [](char c) { return std::isalpha(c); }))
      return p;
  }
  const std::string& lang = parts.front();
  if (lang == "zh") {
    // Traditional characters in Taiwan, Hong Kong and Macao.
    for (size_t i = 1; i < parts.size(); ++i)
      if (parts[i] == "tw" || parts[i] == "hk" || parts[i] == "mo") return "hant";
  }
  for (const auto& [language, script] : kScripts)
    if (language == lang) return std::string(script);
  return "latn";
}

bool script_is_rtl(std::string_view script) {
  static constexpr std::string_view kRtl[] = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm",
                                              "rohg", "samr", "mand", "yezi", "aran"};
  std::string s = lower(script);
  return std::find(std::begin(kRtl), std::end(kRtl), s) != std::end(kRtl);
}

}  // namespace folio
