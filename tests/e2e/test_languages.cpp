// Languages: right-to-left layout read back from the PDF (poppler), table
// baselines from the content stream (tests/scripts/text_baselines.py),
// hyphenation in pdftotext's output, locale number formats, and the
// multilingual leaflet in all seven of its languages.
#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "support.hpp"

using namespace folio;

namespace {

struct Word {
  std::string text;
  double left, top, right, bottom;
  double cx() const { return (left + right) / 2; }
  double cy() const { return (top + bottom) / 2; }
};

struct PdfPage {
  double width = 0, height = 0;
  std::vector<Word> words;
  // The words whose text is `text`, top to bottom.
  std::vector<Word> find(const std::string& text) const {
    std::vector<Word> out;
    for (const auto& w : words)
      if (w.text == text) out.push_back(w);
    return out;
  }
};

std::vector<PdfPage> read_pages(const std::string& path) {
  std::vector<PdfPage> pages;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  REQUIRE(doc);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PdfPage p;
    auto rect = page->page_rect();
    p.width = rect.width();
    p.height = rect.height();
    for (auto& box : page->text_list()) {
      auto bytes = box.text().to_utf8();
      auto r = box.bbox();
      p.words.push_back(
          {std::string(bytes.begin(), bytes.end()), r.left(), r.top(), r.right(), r.bottom()});
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

std::string render_leaflet(const std::string& language, std::string* output = nullptr) {
  std::string pdf = test::temp_dir() + "/leaflet-" + language + ".pdf";
  auto r = test::run_folio(
      "render layouts/leaflet-multilingual.toml --data "
      "data/leaflet-multilingual/" +
      language + ".toml -o " + pdf);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  if (output) *output = r.output;
  return pdf;
}

bool overlap(const Word& a, const Word& b) {
  return a.left < b.right - 0.1 && b.left < a.right - 0.1 && a.top < b.bottom - 0.1 &&
         b.top < a.bottom - 0.1;
}

// Checks the mirrored leaflet: footer, tiles, table columns, quote mark.
void check_mirrored(const std::string& language) {
  auto pages = read_pages(render_leaflet(language));
  REQUIRE(pages.size() == 2);
  const PdfPage& front = pages[0];
  const PdfPage& back = pages[1];

  // The footer's texts (below the body) do not print over each other, and
  // its `left` text (the organisation) is on the right.
  std::vector<Word> footer;
  for (const auto& w : front.words)
    if (w.top > front.height - 16 / 25.4 * 72) footer.push_back(w);
  REQUIRE(footer.size() >= 3);
  for (size_t i = 0; i < footer.size(); ++i)
    for (size_t j = i + 1; j < footer.size(); ++j) {
      INFO(footer[i].text << " and " << footer[j].text);
      CHECK_FALSE(overlap(footer[i], footer[j]));
    }
  auto phone = front.find("567890");
  REQUIRE(phone.size() == 1);
  auto year = front.find("2026");
  REQUIRE(!year.empty());
  CHECK(phone[0].cx() > front.width / 2);
  CHECK(year.back().cx() < front.width / 2);

  // The first stat tile in reading order is the rightmost.
  auto calls = front.find("12,480"), visits = front.find("3,275"), share = front.find("87.4%");
  REQUIRE(calls.size() == 1);
  REQUIRE(visits.size() == 1);
  REQUIRE(share.size() == 1);
  CHECK(calls[0].cx() > visits[0].cx());
  CHECK(visits[0].cx() > share[0].cx());

  // The quote mark hangs at the right of the quotation.
  auto mark = front.find("\xE2\x80\x9C");
  REQUIRE(mark.size() == 1);
  CHECK(mark[0].left > front.width * 0.8);

  // The first table column is the rightmost: in the housing row, the text
  // cell is right of the requests (4,820), which are right of the share.
  auto row_share = back.find("52.0%");
  REQUIRE(row_share.size() == 1);
  double row_y = row_share[0].cy();
  std::vector<Word> row;
  for (const auto& w : back.words)
    if (std::abs(w.cy() - row_y) < 3) row.push_back(w);
  auto requests =
      std::find_if(row.begin(), row.end(), [](const Word& w) { return w.text == "4,820"; });
  REQUIRE(requests != row.end());
  CHECK(requests->cx() > row_share[0].cx());
  double rightmost_text = 0;
  for (const auto& w : row)
    if (w.text != "4,820" && w.text != "52.0%") rightmost_text = std::max(rightmost_text, w.cx());
  CHECK(rightmost_text > requests->cx());
}

}  // namespace

TEST_CASE("the Arabic leaflet mirrors: footer, stat tiles, table columns and quote mark") {
  check_mirrored("ar");
}

TEST_CASE("the Urdu leaflet mirrors: footer, stat tiles, table columns and quote mark") {
  check_mirrored("ur");
}

TEST_CASE("the English leaflet reads left to right") {
  auto pages = read_pages(render_leaflet("en"));
  REQUIRE(pages.size() == 2);
  auto calls = pages[0].find("12,480"), share = pages[0].find("87.4%");
  REQUIRE(calls.size() == 1);
  REQUIRE(share.size() == 1);
  CHECK(calls[0].cx() < share[0].cx());
  auto mark = pages[0].find("\xE2\x80\x9C");
  REQUIRE(mark.size() == 1);
  CHECK(mark[0].right < pages[0].width * 0.2);
}

TEST_CASE(
    "every leaflet renders on two pages with its fonts embedded and passes the tagged check") {
  for (std::string language : {"en", "cy", "pl", "ar", "ur", "bn", "zh"}) {
    INFO(language);
    std::string output;
    std::string pdf = render_leaflet(language, &output);
    // No nearly empty page, or a warning saying so; no missing glyphs.
    CHECK(output.find("nearly empty") == std::string::npos);
    CHECK(output.find("no available font") == std::string::npos);
    CHECK(read_pages(pdf).size() == 2);
    auto fonts = test::run_shell("pdffonts '" + pdf + "'");
    CHECK(fonts.output.find(" no ") == std::string::npos);  // every font embedded
    // Every piece of text is tagged or an artifact (Bengali conjuncts and Urdu
    // ligatures in the footer come in cairo's ActualText spans).
    std::string tree = test::pdf_tree(pdf);
    CHECK(tree.find("failed") == std::string::npos);
    CHECK(tree.find("page 1: tagged=") != std::string::npos);
    CHECK(tree.find("untagged=0") != std::string::npos);
    for (size_t at = tree.find("untagged="); at != std::string::npos;
         at = tree.find("untagged=", at + 1))
      CHECK(tree.compare(at, 11, "untagged=0\n") == 0);
  }
}

TEST_CASE("a Bengali table row's cells share a baseline") {
  // Bengali in Noto Sans Bengali beside numbers in a font of other vertical
  // metrics (DejaVu Sans Mono): each cell's line box centres its own glyphs,
  // so without a shared baseline the row's texts sit at different heights.
  std::string dir = test::temp_dir();
  test::write_file(dir + "/t.toml", R"([document]
language = "bn"
[theme]
font = "DejaVu Sans Mono"
size = "16pt"
fonts = { beng = "Noto Sans Bengali" }
[[block]]
type = "table"
columns = ["বিষয়", "অনুরোধ", "অংশ"]
rows = [["আবাসন", 4820, 52], ["স্কুলে ভর্তি", 1264, 14]]
)");
  std::string pdf = dir + "/t.pdf";
  auto rendered = test::run_folio("render " + dir + "/t.toml -o " + pdf);
  INFO(rendered.output);
  REQUIRE(rendered.exit_code == 0);
  auto words = read_pages(pdf).at(0).find("4,820");
  REQUIRE(words.size() == 1);
  double row_y = words[0].cy();
  auto r = test::run_shell("/usr/bin/python3 tests/scripts/text_baselines.py '" + pdf + "' 1");
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.output);
  std::vector<std::pair<double, double>> in_row;  // x, baseline of each run of glyphs
  double x = 0, y = 0;
  while (lines >> x >> y)
    if (std::abs(y - row_y) < 12) in_row.push_back({x, y});
  std::sort(in_row.begin(), in_row.end());
  // Runs more than 40 pt apart are different cells; a cell's baseline is the
  // one most of its runs sit on (Bengali vowel signs are raised on their own).
  std::vector<std::vector<double>> cells;
  double last_x = -1e9;
  for (auto [cx, cy] : in_row) {
    if (cx - last_x > 40) cells.emplace_back();
    cells.back().push_back(cy);
    last_x = cx;
  }
  REQUIRE(cells.size() == 3);
  std::vector<double> baselines;
  for (auto& cell : cells) {
    std::sort(cell.begin(), cell.end());
    double best = cell[0];
    size_t best_count = 0;
    for (double v : cell) {
      size_t n =
          std::count_if(cell.begin(), cell.end(), [&](double w) { return std::abs(w - v) < 0.05; });
      if (n > best_count) best = v, best_count = n;
    }
    baselines.push_back(best);
  }
  INFO("baselines " << baselines[0] << ", " << baselines[1] << ", " << baselines[2]);
  CHECK(std::abs(baselines[0] - baselines[1]) <= 0.5);
  CHECK(std::abs(baselines[1] - baselines[2]) <= 0.5);
}

namespace {

std::string hyphenated(const std::string& language, const std::string& text) {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/h.toml",
                   "[document]\nlanguage = \"" + language +
                       "\"\nsize = \"A6\"\n[[block]]\ntype = \"paragraph\"\nalign = "
                       "\"justify\"\nhyphenate = true\ntext = \"" +
                       text + "\"\n");
  auto r = test::run_folio("render " + dir + "/h.toml -o " + dir + "/h.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return test::run_shell("pdftotext -layout " + dir + "/h.pdf -").output;
}

// Lines ending in a hyphen (a soft hyphen Pango showed, or a hyphen-minus).
int hyphen_line_ends(const std::string& text) {
  int n = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.ends_with("\xC2\xAD") || line.ends_with("-")) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("hyphenate = true breaks English and Polish words at line ends, not Chinese") {
  std::string en = hyphenated(
      "en-GB",
      "Neighbourhood information services throughout the municipality coordinate "
      "accommodation, transportation, interpretation and administrative responsibilities "
      "comprehensively and independently.");
  INFO(en);
  CHECK(hyphen_line_ends(en) >= 1);
  std::string pl =
      hyphenated("pl",
                 "Informacje o bezpieczeństwie mieszkańców, rekomendacjach administracyjnych i "
                 "przedsiębiorstwach komunalnych znajdują się w najbliższym urzędzie gminy oraz w "
                 "internetowych serwisach samorządowych.");
  INFO(pl);
  CHECK(hyphen_line_ends(pl) >= 1);
  // No soft hyphen shows inside a line.
  for (const std::string& text : {en, pl}) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      auto at = line.find("\xC2\xAD");
      CHECK((at == std::string::npos || at + 2 == line.size()));
    }
  }
  std::string zh = hyphenated(
      "zh-Hans",
      "社区信息服务为所有居民提供住房、交通、翻译和行政方面的帮助。如需了解更多信息，请联系当地"
      "市政厅或访问我们的网站。社区信息服务为所有居民提供住房、交通、翻译和行政方面的帮助。");
  INFO(zh);
  CHECK(hyphen_line_ends(zh) == 0);
  CHECK(zh.find("\xE7\xA4\xBE") != std::string::npos);  // 社: the text is there
}

TEST_CASE(
    "the document locale writes numbers and dates its way, and a filter argument overrides it") {
  auto number = [](const std::string& locale, const std::string& expr) {
    std::string dir = test::temp_dir();
    test::write_file(dir + "/n.toml", "[document]\n" +
                                          (locale.empty() ? "" : "locale = \"" + locale + "\"\n") +
                                          "[[block]]\ntype = \"paragraph\"\ntext = \"<" + expr +
                                          ">\"\n[data]\nx = 1234.5\nf = 0.125\nd = "
                                          "\"2026-03-05\"\n");
    auto r = test::run_folio("render " + dir + "/n.toml -o " + dir + "/n.pdf");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::string text = test::run_shell("pdftotext " + dir + "/n.pdf -").output;
    auto open = text.find('<'), close = text.find('>');
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    return text.substr(open + 1, close - open - 1);
  };
  CHECK(number("", "{{ x | number(1) }}") == "1,234.5");
  // pdftotext turns the no-break spaces into spaces (the unit tests check U+00A0).
  CHECK(number("pl", "{{ x | number(1) }}") == "1 234,5");
  CHECK(number("de", "{{ x | number(1) }}") == "1.234,5");
  CHECK(number("pl", "{{ x | number(1, \\\"de\\\") }}") == "1.234,5");
  CHECK(number("de", "{{ f | percent(1) }}") == "12,5 %");
  CHECK(number("pl", "{{ d | date }}") == "5 marca 2026");
  CHECK(number("", "{{ d | date(\\\"cy\\\") }}") == "5 Mawrth 2026");
}

namespace {

// A page of paragraphs whose last lines run a few lines over onto page 2.
std::string overflowing_layout(const std::string& fit) {
  std::string layout = "[document]\nsize = \"A6\"\n" + fit + "\n";
  for (int i = 0; i < 6; ++i)
    layout +=
        "[[block]]\ntype = \"paragraph\"\ntext = \"Residents can ask the council for help with "
        "housing, benefits and school places; advice is free and confidential.\"\n";
  return layout;
}

}  // namespace

TEST_CASE(
    "a block pushed alone onto a nearly empty last page is a warning, and fit = shrink "
    "avoids the page") {
  std::string dir = test::temp_dir();
  // Find how many paragraphs fill page 1 and spill a little onto page 2.
  std::string layout;
  int pages_plain = 0;
  std::string output;
  for (int extra = 0; extra < 12; ++extra) {
    layout = overflowing_layout("");
    for (int i = 0; i < extra; ++i)
      layout += "[[block]]\ntype = \"paragraph\"\ntext = \"One more line of advice.\"\n";
    test::write_file(dir + "/f.toml", layout);
    auto r = test::run_folio("render " + dir + "/f.toml -o " + dir + "/f.pdf");
    REQUIRE(r.exit_code == 0);
    pages_plain = static_cast<int>(test::pdf_page_texts(dir + "/f.pdf").size());
    output = r.output;
    if (pages_plain == 2) break;
  }
  REQUIRE(pages_plain == 2);
  INFO(output);
  CHECK(output.find("warning: this block is pushed alone onto page 2, which it leaves nearly "
                    "empty") != std::string::npos);
  CHECK(output.find("run over from page 1") != std::string::npos);
  CHECK(output.find("fit = \"shrink\"") != std::string::npos);

  // The same with fit = "shrink": one page, no warning.
  std::string shrink = layout;
  shrink.replace(shrink.find("size = \"A6\"\n"), 12, "size = \"A6\"\nfit = \"shrink\"\n");
  test::write_file(dir + "/s.toml", shrink);
  auto r = test::run_folio("render " + dir + "/s.toml -o " + dir + "/s.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(test::pdf_page_texts(dir + "/s.pdf").size() == 1);
  CHECK(r.output.find("nearly empty") == std::string::npos);

  // A floor too high to reach: two pages and the warning says the text is at its smallest.
  std::string floor = layout;
  floor.replace(floor.find("size = \"A6\"\n"), 12,
                "size = \"A6\"\nfit = \"shrink\"\nfit_min_size = \"9.9pt\"\n");
  test::write_file(dir + "/m.toml", floor);
  r = test::run_folio("render " + dir + "/m.toml -o " + dir + "/m.pdf");
  REQUIRE(r.exit_code == 0);
  CHECK(test::pdf_page_texts(dir + "/m.pdf").size() == 2);
  CHECK(r.output.find("even with the text at its smallest") != std::string::npos);
}

TEST_CASE("one bulk build makes each leaflet in its own language, as a render of it alone does") {
  std::string dir = test::temp_dir();
  for (const char* lang : {"en", "ar"})
    test::run_shell(fmt::format("cp data/leaflet-multilingual/{}.toml {}/", lang, dir));
  auto bulk = test::run_folio("render layouts/leaflet-multilingual.toml --each '" + dir +
                              "/*.toml' -o '" + dir + "/bulk-{{ source.stem }}.pdf'");
  INFO(bulk.output);
  REQUIRE(bulk.exit_code == 0);
  for (const char* lang : {"en", "ar"}) {
    INFO(lang);
    std::string alone = dir + "/alone-" + lang + ".pdf";
    auto r = test::run_folio(fmt::format(
        "render layouts/leaflet-multilingual.toml --data {}/{}.toml -o {}", dir, lang, alone));
    REQUIRE(r.exit_code == 0);
    std::string bulk_pdf = dir + "/bulk-" + lang + ".pdf";
    // The document's language (its /Lang, from `language = "{{ lang.code }}"`)
    // and every word in the same place.
    CHECK(test::pdf_tree(bulk_pdf).rfind(fmt::format("Document lang={}", lang), 0) == 0);
    CHECK(test::run_shell("pdftotext -layout " + bulk_pdf + " -").output ==
          test::run_shell("pdftotext -layout " + alone + " -").output);
  }
}
