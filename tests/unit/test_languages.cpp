// Languages: scripts and directions of language tags, fonts per script,
// soft hyphens, and frames mirrored for right-to-left layout.
#include <catch2/catch.hpp>

#include "core/language.hpp"
#include "frame/frame.hpp"
#include "model/theme.hpp"
#include "text/hyphenate.hpp"

using namespace folio;

TEST_CASE("a language tag's script and direction") {
  CHECK(language_script("ar") == "arab");
  CHECK(language_script("ur-PK") == "arab");
  CHECK(language_script("bn") == "beng");
  CHECK(language_script("zh") == "hans");
  CHECK(language_script("zh-TW") == "hant");
  CHECK(language_script("zh-Hant-HK") == "hant");
  CHECK(language_script("pa-Arab") == "arab");
  CHECK(language_script("cy") == "latn");
  CHECK(language_is_rtl("ar"));
  CHECK(language_is_rtl("he-IL"));
  CHECK(language_is_rtl("fa"));
  CHECK(language_is_rtl("ur"));
  CHECK(language_is_rtl("pa-Arab"));
  CHECK_FALSE(language_is_rtl("pa"));
  CHECK_FALSE(language_is_rtl("en-GB"));
  CHECK_FALSE(language_is_rtl("ku-Latn"));
}

TEST_CASE(
    "the theme's families for a language: its own font first, then the body's, then the "
    "fallbacks and the other scripts'") {
  Theme t;
  CHECK(t.families("Open Sans", "ur") == "Open Sans");  // nothing set: unchanged
  t.fonts = {{"arab", {"Noto Naskh Arabic", {}}},
             {"ur", {"Noto Nastaliq Urdu", {}}},
             {"beng", {"Noto Sans Bengali", {}}}};
  t.fallback = {{"Noto Sans", {}}};
  CHECK(t.families("Open Sans", "ur") ==
        "Noto Nastaliq Urdu, Open Sans, Noto Sans, Noto Naskh Arabic, Noto Sans Bengali");
  CHECK(t.families("Open Sans", "ar") ==
        "Noto Naskh Arabic, Open Sans, Noto Sans, Noto Sans Bengali");
  CHECK(t.families("Open Sans", "en-GB") ==
        "Open Sans, Noto Sans, Noto Naskh Arabic, Noto Sans Bengali");
}

TEST_CASE("soft hyphens go where the dictionary allows, and only there") {
  REQUIRE(text::can_hyphenate("en-GB"));
  auto h = text::hyphenate("the interpretation of NHS services", "en-GB");
  CHECK(h.text.find("\xC2\xAD") != std::string::npos);
  CHECK(text::without_soft_hyphens(h.text) == "the interpretation of NHS services");
  CHECK(h.text.find("N\xC2\xAD") == std::string::npos);  // acronyms stay whole
  for (size_t at : h.inserted) CHECK(at > 4);            // "the" is too short
  // Polish patterns are ISO 8859-2: the word goes through the dictionary's charset.
  REQUIRE(text::can_hyphenate("pl"));
  auto pl = text::hyphenate("bezpieczeństwie", "pl");
  CHECK(pl.inserted.size() >= 2);
  CHECK(text::without_soft_hyphens(pl.text) == "bezpieczeństwie");
  CHECK_FALSE(text::can_hyphenate("zh-Hans"));
  CHECK(text::hyphenate("社区信息服务", "zh-Hans").text == "社区信息服务");
}

TEST_CASE("a mirrored frame turns boxes over and gives the frame back when mirrored again") {
  Frame inner;
  inner.size = {40, 10};
  inner.add(RectItem{Rect{5, 0, 10, 10}, std::nullopt, std::nullopt, 0, 0, kArtifact});
  Frame f;
  f.size = {100, 20};
  f.add(RectItem{Rect{0, 0, 30, 5}, std::nullopt, std::nullopt, 0, 0, kArtifact});
  f.add(LineItem{Point{10, 0}, Point{20, 0}, Color{}, 1, false, kArtifact});
  f.place(inner, Point{50, 10});
  Frame m = mirrored(f, 100);
  CHECK(std::get<RectItem>(m.items[0]).rect.x == Approx(70));
  CHECK(std::get<LineItem>(m.items[1]).from.x == Approx(90));
  const auto& g = std::get<GroupItem>(m.items[2]);
  CHECK(g.offset.x == Approx(10));  // 100 - 50 - 40
  // The inner rectangle lands where a flat mirror would put it: 100 - (50 + 5) - 10.
  CHECK(g.offset.x + std::get<RectItem>(g.frame->items[0]).rect.x == Approx(35));
  Frame back = mirrored(m, 100);
  CHECK(std::get<RectItem>(back.items[0]).rect.x == Approx(0));
  const auto& g2 = std::get<GroupItem>(back.items[2]);
  CHECK(g2.offset.x == Approx(50));
  CHECK(std::get<RectItem>(g2.frame->items[0]).rect.x == Approx(5));
}
