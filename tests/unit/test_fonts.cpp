#include <catch2/catch.hpp>

#include "support.hpp"
#include "text/fonts.hpp"

using namespace folio;

TEST_CASE("a theme font that is not installed warns at its key, naming the family used") {
  Diagnostics diags;
  auto built = test::build_text(
      "[theme]\nfont = \"Nonexistent Grotesk\"\nmono_font = \"monospace\"\nheading_font = \"Open "
      "Sans\"\n"
      "[[block]]\ntype = \"paragraph\"\ntext = \"Hello\"\n",
      diags);
  REQUIRE(built);  // a warning, not an error
  REQUIRE(diags.all().size() == 1);
  const Diagnostic& d = diags.all()[0];
  CHECK(d.severity == Severity::warning);
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 8);
  // The theme's default family, not whatever fontconfig would substitute.
  CHECK(d.message ==
        "`font`: font family \"Nonexistent Grotesk\" is not installed; \"Open Sans\" is used "
        "instead");
  CHECK(built->document.theme.font == "Open Sans");
}

TEST_CASE("an unknown heading font falls back to the body's family") {
  Diagnostics diags;
  auto built = test::build_text(
      "[theme]\nfont = \"DejaVu Sans\"\nheading_font = \"Comic Sans MS\"\n"
      "[[block]]\ntype = \"heading\"\ntext = \"Hello\"\n",
      diags);
  REQUIRE(built);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message ==
        "`heading_font`: font family \"Comic Sans MS\" is not installed; \"DejaVu Sans\" is used "
        "instead");
  CHECK(built->document.theme.heading_font == "DejaVu Sans");
}

TEST_CASE("the bundled fonts are registered from share/folio/fonts") {
  Diagnostics diags;
  text::register_font_dirs({}, diags);
  CHECK(diags.empty());
  auto families = text::list_font_families();
  for (const char* name : {"Open Sans", "DejaVu Sans Mono"}) {
    INFO(name);
    auto found =
        std::find_if(families.begin(), families.end(), [&](auto& f) { return f.name == name; });
    REQUIRE(found != families.end());
    CHECK(found->origin == text::FontOrigin::project);
  }
}

TEST_CASE("installed, generic and listed font families do not warn") {
  Diagnostics diags;
  auto built = test::build_text(
      "[theme]\nfont = \"open sans\"\nheading_font = \"Nonexistent, DejaVu Sans\"\nmono_font = "
      "\"monospace\"\n"
      "[[block]]\ntype = \"paragraph\"\ntext = \"Hello\"\n",
      diags);
  REQUIRE(built);
  CHECK(diags.empty());
}

TEST_CASE("folio fonts says where each family comes from") {
  auto system = text::list_font_families();
  auto dejavu =
      std::find_if(system.begin(), system.end(), [](auto& f) { return f.name == "DejaVu Sans"; });
  REQUIRE(dejavu != system.end());
  CHECK(dejavu->origin == text::FontOrigin::system);
  CHECK_THAT(dejavu->file, Catch::EndsWith("DejaVuSans.ttf"));  // the regular ("Book") face
  // The same folder given as --font-path makes its families font-path ones.
  auto with_path = text::list_font_families({"/usr/share/fonts/truetype/dejavu"});
  for (const auto& f : with_path)
    if (f.name == "DejaVu Sans") CHECK(f.origin == text::FontOrigin::font_path);
  CHECK(std::string(text::origin_name(text::FontOrigin::project)) == "project");
}
