#include <catch2/catch.hpp>

#include "core/template.hpp"
#include "model/value.hpp"

using namespace folio;

namespace {

Value sample_data() {
  Value root;
  set_path(root, "stats.children", Value{int64_t{18887}, {}});
  set_path(root, "stats.share", Value{0.85, {}});
  set_path(root, "stats.change", Value{int64_t{85}, {}});
  set_path(root, "org.name", Value{std::string("CEOP <b>*centre*</b>"), {}});
  Value series;
  Value::Array values{Value{int64_t{76}, {}}, Value{int64_t{131}, {}}, Value{int64_t{139}, {}}};
  Value list;
  list.content = values;
  set_path(root, "results.values", list);
  return root;
}

Expansion expand(const std::string& text, const Escaper& escape = nullptr) {
  static const Value data = sample_data();
  return expand_template(
      text, [](std::string_view p) { return lookup_scalar(data, p); }, escape);
}

}  // namespace

TEST_CASE("templates expand paths and filters") {
  CHECK(expand("{{ stats.children }}").text == "18887");
  CHECK(expand("{{ stats.children | number }} reports").text == "18,887 reports");
  CHECK(expand("{{stats.share|percent}}").text == "85%");
  CHECK(expand("{{ stats.share | number(1) }}").text == "0.9");
  CHECK(expand("{{ stats.change | signed }}%").text == "+85%");
  CHECK(expand("{{ stats.children | number | signed }}").text == "+18,887");
  CHECK(expand("{{ results.values[2] }}").text == "139");
  CHECK(expand("{{ org.name | upper }}").text == "CEOP <B>*CENTRE*</B>");
  CHECK(expand("{{ org.name | lower }}").text == "ceop <b>*centre*</b>");
}

TEST_CASE("default fills in a missing path") {
  CHECK(expand("{{ stats.arrests | default(\"—\") }}").text == "—");
  CHECK(expand("{{ stats.arrests | number | default('n/a') }}").text == "n/a");
  CHECK(expand("{{ stats.children | default(\"—\") }}").text == "18887");
}

TEST_CASE("template errors carry their offset and say what is wrong") {
  auto missing = expand("Total: {{ stats.arrests }}");
  REQUIRE(missing.issues.size() == 1);
  CHECK(missing.issues[0].offset == 7);
  CHECK(missing.issues[0].message == "data path `stats.arrests` does not exist");

  auto filter = expand("{{ stats.children | nubmer }}");
  REQUIRE(filter.issues.size() == 1);
  CHECK_THAT(filter.issues[0].message, Catch::Contains("did you mean `number`"));

  auto text_number = expand("{{ org.name | number }}");
  REQUIRE(text_number.issues.size() == 1);
  CHECK_THAT(text_number.issues[0].message, Catch::Contains("needs a number"));

  CHECK(expand("{{ results.values }}").issues.at(0).message ==
        "`results.values` is a table or a list, not a single value");
  CHECK(expand("open {{ stats.children").issues.at(0).message == "`{{` is never closed with `}}`");
  CHECK(expand("a {{ stats.children }} b {{ nope }} c {{ nada }}").issues.size() == 2);
}

TEST_CASE("expanded data is escaped for Markdown, never read as markup") {
  auto e = expand("Name: {{ org.name }}", escape_markdown);
  CHECK(e.text == "Name: CEOP \\<b\\>\\*centre\\*\\<\\/b\\>");
}

TEST_CASE("expansion size is bounded") {
  auto e = expand_template(
      "{{ a }}{{ a }}{{ a }}",
      [](std::string_view) {
        return Lookup{Scalar(std::string(400, 'x')), false};
      },
      nullptr, 1000);
  REQUIRE(e.issues.size() == 1);
  CHECK_THAT(e.issues[0].message, Catch::Contains("longer than the limit"));
  CHECK(e.text.size() <= 1000);
}

TEST_CASE("data merges table by table, later values win") {
  Value base, over;
  set_path(base, "org.name", Value{std::string("A"), {}});
  set_path(base, "org.short", Value{std::string("a"), {}});
  set_path(over, "org.name", Value{std::string("B"), {}});
  set_path(over, "year", Value{int64_t{2009}, {}});
  merge_values(base, over);
  CHECK(*find_path(base, "org.name")->string() == "B");
  CHECK(*find_path(base, "org.short")->string() == "a");
  CHECK(find_path(base, "year")->as_number() == 2009);
}

TEST_CASE("pad(N) zero-pads whole numbers and refuses anything else") {
  CHECK(expand("{{ stats.change | pad(4) }}").text == "0085");
  CHECK(expand("{{ stats.children | pad(3) }}").text == "18887");  // never cut
  CHECK(expand("{{ results.values[0] | pad(1) }}").text == "76");
  CHECK_FALSE(expand("{{ stats.share | pad(3) }}").ok());  // 0.85 is not whole
  CHECK_FALSE(expand("{{ org.name | pad(3) }}").ok());
  CHECK_FALSE(expand("{{ stats.change | pad }}").ok());
  CHECK_FALSE(expand("{{ stats.change | pad(0) }}").ok());
  CHECK_FALSE(expand("{{ stats.change | pad(21) }}").ok());
}

TEST_CASE("set_path follows indexes and says why a path does not resolve") {
  Value root = sample_data();
  CHECK(set_path(root, "results.values[1]", Value{int64_t{9}, {}}) == "");
  CHECK(find_path(root, "results.values[1]")->as_number() == 9);
  CHECK(find_path(root, "results.values")->array()->size() == 3);
  // One past the end appends; a list can be built from nothing, index by index.
  CHECK(set_path(root, "results.values[3]", Value{int64_t{1}, {}}) == "");
  CHECK(set_path(root, "fresh.series[0].values[0]", Value{int64_t{5}, {}}) == "");
  CHECK(find_path(root, "fresh.series[0].values[0]")->as_number() == 5);

  CHECK(set_path(root, "results.values[9]", Value{}) ==
        "`results.values` has 4 items, so [9] does not exist (0 to 3)");
  CHECK(set_path(root, "fresh.series[2]", Value{}) ==
        "`fresh.series` has 1 item, so [2] does not exist (0 to 0)");
  CHECK(set_path(root, "stats[0]", Value{}) == "`stats` is a table, not a list, so it has no [0]");
  CHECK(set_path(root, "stats.children.x", Value{}) ==
        "`stats.children` is an integer, not a table, so it has no `x`");
  CHECK(std::get<int64_t>(find_path(root, "stats.children")->content) == 18887);  // untouched

  CHECK(is_data_path("region.series[0].values[2]"));
  CHECK(is_data_path("a-b.c_d[10][2].e"));
  CHECK_FALSE(is_data_path("region name"));
  CHECK_FALSE(is_data_path("a..b"));
  CHECK_FALSE(is_data_path("a.[0]"));
  CHECK_FALSE(is_data_path("a[x]"));
  CHECK_FALSE(is_data_path("a[1"));
  CHECK_FALSE(is_data_path(".a"));
  CHECK_FALSE(is_data_path("a."));
}

TEST_CASE("number, percent and date filters take a locale, the document's or their own") {
  auto resolve = [](std::string_view path) -> Lookup {
    if (path == "x") return Lookup{Scalar(1234.5), false};
    if (path == "d") return Lookup{Scalar(std::string("2026-03-05")), false};
    return Lookup{};
  };
  const Locale& pl = *find_locale("pl");
  CHECK(expand_template("{{ x | number(1) }}", resolve, nullptr, 1 << 20, pl).text ==
        "1\xC2\xA0"
        "234,5");
  CHECK(expand_template("{{ x | number(1, \"de\") }}", resolve, nullptr, 1 << 20, pl).text ==
        "1.234,5");
  CHECK(expand_template("{{ x | number(\"de\") }}", resolve).text == "1.235");
  CHECK(expand_template("{{ d | date }}", resolve, nullptr, 1 << 20, pl).text == "5 marca 2026");
  CHECK(expand_template("{{ d | date(\"cy\") }}", resolve).text == "5 Mawrth 2026");
  auto bad = expand_template("{{ x | number(1, \"xx\") }}", resolve);
  REQUIRE(bad.issues.size() == 1);
  CHECK(bad.issues[0].message.find("unknown locale \"xx\"") != std::string::npos);
  auto not_date = expand_template("{{ x | date }}", resolve);
  REQUIRE(not_date.issues.size() == 1);
  CHECK(not_date.issues[0].message.find("YYYY-MM-DD") != std::string::npos);
}
