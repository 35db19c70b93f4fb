#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace folio;

namespace {

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all())
    out.push_back(fmt::format("{}:{}: {}", x.span.line, x.span.column, x.message));
  return out;
}

}  // namespace

TEST_CASE("every error in a file is reported, not just the first") {
  Diagnostics diags;
  auto built = test::build_text(R"([document]
size = "A4"
colums = 2
margins = -3

[[block]]
type = "paragraf"
text = "x"

[[block]]
type = "heading"
level = "one"
text = "x"
)",
                                diags);
  CHECK_FALSE(built);
  auto m = messages(diags);
  REQUIRE(m.size() == 4);
  CHECK(m[0] == "3:1: unknown key `colums`; did you mean `columns`?");
  CHECK(m[1] == "4:11: `margins` must not be negative");
  CHECK(m[2] == "7:8: unknown block type \"paragraf\"; did you mean \"paragraph\"?");
  CHECK(m[3] == "12:9: `level` must be an integer, not a string");
}

TEST_CASE("data files merge over [data] and feed templates") {
  Diagnostics diags;
  auto built = test::build_text(R"([data]
org = { name = "Layout name", short = "L" }

[document]
title = "{{ org.short }} review"

[[block]]
type = "paragraph"
text = "{{ org.name }} had {{ stats.children | number }} children."
)",
                                diags, "[org]\nshort = \"CEOP\"\n[stats]\nchildren = 2255\n");
  REQUIRE(built);
  CHECK(built->document.metadata.title.text == "CEOP review");
  const auto& p = std::get<Paragraph>(built->document.blocks[0].content);
  CHECK(p.text.text == "Layout name had 2\\,255 children.");
}

TEST_CASE("a missing data path names the path at its position") {
  Diagnostics diags;
  auto built = test::build_text(
      "[[block]]\ntype = \"paragraph\"\ntext = \"Total {{ stats.total }}\"\n", diags);
  CHECK_FALSE(built);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].span.line == 3);
  CHECK(diags.all()[0].span.column == 15);
  CHECK(diags.all()[0].message == "data path `stats.total` does not exist");
}

TEST_CASE("landscape swaps the page's sides; margins are checked against the page") {
  Diagnostics diags;
  auto built = test::build_text("[document]\nsize = \"A5\"\norientation = \"landscape\"\n", diags);
  REQUIRE(built);
  CHECK(built->document.page.size.width == Approx(595.28).epsilon(1e-3));
  CHECK(built->pages.size() == 1);

  Diagnostics small;
  CHECK_FALSE(test::build_text("[document]\nsize = \"A6\"\nmargins = \"60mm\"\n", small));
  REQUIRE_FALSE(small.all().empty());
  CHECK_THAT(small.all()[0].message, Catch::Contains("the margins leave"));
}

TEST_CASE("a character no font can draw is a warning naming it and where it came from") {
  Diagnostics diags;
  auto built =
      test::build_text("[[block]]\ntype = \"paragraph\"\ntext = \"Private \\uE000 use\"\n", diags);
  REQUIRE(built);
  REQUIRE(diags.all().size() == 1);
  const auto& d = diags.all()[0];
  CHECK(d.severity == Severity::warning);
  CHECK(d.span.line == 3);
  CHECK_THAT(d.message, Catch::Contains("U+E000"));
  CHECK_THAT(d.message, Catch::Contains("Open Sans"));
}

TEST_CASE("a series colour may be a theme colour") {
  Diagnostics diags;
  auto built = test::build_text(R"([theme]
palette = ["#111111", "#222222", "#333333"]

[data.results]
categories = ["a", "b"]
series = [{ name = "s", values = [1, 2], color = "palette.2" }]

[[block]]
type = "chart"
data = "results"

[[block]]
type = "chart"
categories = ["a"]
series = [{ name = "t", values = [3], color = "accent" }]
)",
                                diags);
  INFO((diags.empty() ? std::string() : format_diagnostic(diags.all()[0])));
  REQUIRE(built);
  const auto& bound = std::get<Chart>(built->document.blocks[0].content);
  REQUIRE(bound.source.dataset.series.size() == 1);
  CHECK(bound.source.dataset.series[0].color == parse_hex_color("#333333"));
  const auto& inline_chart = std::get<Chart>(built->document.blocks[1].content);
  CHECK(inline_chart.source.dataset.series[0].color == built->document.theme.accent);
}

// Found by fuzz_data: a data file holding only a [data] table was unwrapped by
// assigning a value its own member, which freed it mid-copy (ASan: heap-use-after-free).
TEST_CASE("a data file holding only a data table counts as its contents") {
  Diagnostics diags;
  auto built =
      test::build_text("[[block]]\ntype = \"paragraph\"\ntext = \"{{ t }} and {{ n.m }}\"\n", diags,
                       "[data]\nt = \" P\"\nn = { m = 5 }\n");
  INFO((diags.empty() ? std::string() : format_diagnostic(diags.all()[0])));
  REQUIRE(built);
  const auto& p = std::get<Paragraph>(built->document.blocks[0].content);
  CHECK(p.text.text == " P and 5");
}

TEST_CASE("in a data file, [data.NAME] and [NAME] both name a dataset") {
  const std::string layout =
      "[[block]]\ntype = \"table\"\ndata = \"sales\"\n"
      "[[block]]\ntype = \"paragraph\"\ntext = \"{{ org.name }}\"\n";
  const std::string dataset =
      "categories = [\"Q1\", \"Q2\"]\nseries = [{ name = \"EU\", values = [1, 2] }]\n";
  for (const std::string& data : {"[org]\nname = \"ACME\"\n[data.sales]\n" + dataset,
                                  "[org]\nname = \"ACME\"\n[sales]\n" + dataset}) {
    INFO(data);
    Diagnostics diags;
    auto built = test::build_text(layout, diags, data);
    INFO((diags.empty() ? std::string() : format_diagnostic(diags.all()[0])));
    REQUIRE(built);
    const auto& table = std::get<TableBlock>(built->document.blocks[0].content);
    CHECK(table.source.dataset.categories.size() == 2);
    CHECK(std::get<Paragraph>(built->document.blocks[1].content).text.text == "ACME");
  }
}

TEST_CASE("a misspelt data path suggests the closest path that exists") {
  std::string file = test::temp_dir() + "/data.toml";
  test::write_file(file,
                   "[stats]\nreports = 1\nchildren = 2\n[list]\nitems = [{ name = \"a\" }]\n");
  Value data;
  data.content = Value::Table{};
  Diagnostics diags;
  REQUIRE(merge_data_file(data, file, {}, diags));
  CHECK(closest_existing_path(data, "stats.reprots") == "stats.reports");
  CHECK(closest_existing_path(data, "stast.reprots") == "stats.reports");  // two names wrong
  CHECK(closest_existing_path(data, "list.items[0].nmae") == "list.items[0].name");
  CHECK(closest_existing_path(data, "stats.something_else").empty());
  CHECK(closest_existing_path(data, "stats.reports").empty());  // it exists: nothing to suggest
}

TEST_CASE("a data file that cannot be read is the only error, not every path it would hold") {
  Diagnostics diags;
  auto built = test::build_text(
      "[[block]]\ntype = \"paragraph\"\ntext = \"{{ stats.reports }} {{ stats.children }}\"\n"
      "[[block]]\ntype = \"table\"\ndata = \"sales\"\n"
      "[[block]]\ntype = \"paragraph\"\ntext = \"{{ document.title | default(\\\"x\\\") }}\"\n",
      diags, "[stats\nreports = 1\n");
  CHECK_FALSE(built);
  REQUIRE(diags.all().size() == 1);
  CHECK_THAT(diags.all()[0].span.file_name(), Catch::EndsWith("data.toml"));
}
