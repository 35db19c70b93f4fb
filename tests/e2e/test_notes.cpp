// Notes written inline: footnotes at the foot of the page that refers to
// them, endnotes in a notes block; page numbering per page style.
#include <poppler-document.h>
#include <poppler-page.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "support.hpp"

using namespace folio;

namespace {

struct Word {
  int page;  // 1-based
  double left, right, top, bottom;
  std::string text;
};

std::vector<Word> pdf_words(const std::string& path) {
  std::vector<Word> words;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) return words;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    for (auto& box : page->text_list()) {
      auto bytes = box.text().to_utf8();
      auto r = box.bbox();
      words.push_back({i + 1, r.left(), r.right(), r.top(), r.bottom(),
                       std::string(bytes.begin(), bytes.end())});
    }
  }
  return words;
}

// The first word that starts with `prefix` (on `page`, when given).
const Word* find_word(const std::vector<Word>& words, const std::string& prefix, int page = 0) {
  for (const auto& w : words)
    if (w.text.rfind(prefix, 0) == 0 && (page == 0 || w.page == page)) return &w;
  return nullptr;
}

// A layout whose paragraphs run over several A6 pages, with a note after
// every few sentences: reference "refK" is followed by note K ("noteK ...").
std::string notes_layout(int notes, const std::string& document_keys = "") {
  std::string layout = "[document]\nsize = \"A6\"\n" + document_keys +
                       "\n[footer]\ncenter = \"Footer {{ page }}\"\n";
  const std::string filler =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
      "incididunt ut labore et dolore magna aliqua. ";
  for (int k = 1; k <= notes; ++k) {
    std::string note = "note" + std::to_string(k) + " explains the figure";
    if (k % 3 == 0) note += ", at some length so that the note wraps onto a second line of its own";
    layout += "\n[[block]]\ntype = \"paragraph\"\ntext = \"" + filler + "ref" + std::to_string(k) +
              "^[" + note + ".] " + filler + "\"\n";
  }
  return layout;
}

}  // namespace

TEST_CASE("a footnote is set at the foot of the page that holds its reference, above the footer") {
  std::string dir = test::temp_dir();
  const int kNotes = 12;
  test::write_file(dir + "/n.toml", notes_layout(kNotes));
  auto r = test::run_folio("render " + dir + "/n.toml -o " + dir + "/n.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto words = pdf_words(dir + "/n.pdf");
  int pages_with_notes = 0, last_page = 0;
  for (int k = 1; k <= kNotes; ++k) {
    INFO("note " << k);
    const Word* ref = find_word(words, "ref" + std::to_string(k));
    const Word* note = find_word(words, "note" + std::to_string(k));
    REQUIRE(ref);
    REQUIRE(note);
    // The reference is followed by the note's number, raised (a superscript).
    bool raised = false;
    for (const auto& w : words)
      if (w.page == ref->page && w.text == std::to_string(k) &&
          std::abs(w.left - ref->right) < 1.5 && w.bottom < ref->bottom - 1)
        raised = true;
    CHECK(raised);
    CHECK(note->page == ref->page);
    CHECK(note->top > ref->bottom);
    // The note's number hangs at its left, on its first line.
    bool numbered = false;
    for (const auto& w : words)
      if (w.page == note->page && w.text == std::to_string(k) && w.left < note->left &&
          std::abs(w.bottom - note->bottom) < 2)
        numbered = true;
    CHECK(numbered);
    // Below every line of the body on its page, and above the footer.
    const Word* footer = nullptr;
    for (const auto& w : words)
      if (w.page == note->page && w.text == "Footer") footer = &w;
    REQUIRE(footer);
    CHECK(note->bottom < footer->top);
    for (const auto& w : words)
      if (w.page == note->page && (w.text == "Lorem" || w.text.rfind("ref", 0) == 0))
        CHECK(w.bottom < note->top);
    if (note->page != last_page) ++pages_with_notes, last_page = note->page;
  }
  CHECK(pages_with_notes >= 3);  // the notes are spread over the pages, not gathered
}

TEST_CASE("endnotes are numbered in the text and listed by a notes block") {
  std::string dir = test::temp_dir();
  std::string layout =
      notes_layout(4, "notes = \"endnotes\"") +
      "\n[[block]]\ntype = \"heading\"\ntext = \"Notes\"\nbreak_before = \"page\"\n"
      "\n[[block]]\ntype = \"notes\"\n";
  test::write_file(dir + "/e.toml", layout);
  auto r = test::run_folio("render " + dir + "/e.toml -o " + dir + "/e.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("warning") == std::string::npos);
  auto pages = test::pdf_page_texts(dir + "/e.pdf");
  REQUIRE(pages.size() >= 2);
  const std::string& last = pages.back();
  for (int k = 1; k <= 4; ++k) {
    INFO(k);
    // Not on the text's pages, all on the notes page, in order.
    for (size_t p = 0; p + 1 < pages.size(); ++p)
      CHECK(pages[p].find("note" + std::to_string(k)) == std::string::npos);
    CHECK(std::regex_search(last, std::regex(std::to_string(k) + "\\s+note" + std::to_string(k))));
  }
  // The reference is a link to its note, on the notes page.
  std::string tree = test::pdf_tree(dir + "/e.pdf");
  INFO(tree);
  CHECK(tree.find("goto=" + std::to_string(pages.size())) != std::string::npos);
  CHECK(tree.find("Note") != std::string::npos);
}

TEST_CASE("an endnote after the last notes block, and a note in a table cell, are warnings") {
  Diagnostics diags;
  auto built = test::build_text(R"([document]
notes = "endnotes"

[[block]]
type = "notes"

[[block]]
type = "paragraph"
text = "Late.^[Never listed.]"

[[block]]
type = "table"
rows = [["A cell^[not here]", 1]]
)",
                                diags);
  REQUIRE(built);
  std::string all;
  for (const auto& d : diags.all()) all += format_diagnostic(d) + "\n";
  INFO(all);
  CHECK(all.find(":9:9: warning: 1 endnote referenced after the last `notes` block is not "
                 "printed") != std::string::npos);
  CHECK(all.find("notes belong in paragraphs, lists and headings") != std::string::npos);
}

TEST_CASE("page styles number front matter in roman, restart at 1, and start on a right page") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/p.toml", R"([document]
size = "A6"
two_sided = true

[footer]
center = "Page {{ page }} of {{ pages }}"

[page.front]
numbering = "roman"
margins = "25mm"

[page.main]
restart_numbering = true

[[block]]
type = "heading"
text = "Preface"
page_style = "front"

[[block]]
type = "contents"

[[block]]
type = "heading"
text = "Chapter"
page_style = "main"
break_before = "right"

[[block]]
type = "paragraph"
text = "See page {{ pageref.second }}."

[[block]]
type = "heading"
text = "Second"
id = "second"
break_before = "right"
)");
  auto r = test::run_folio("render " + dir + "/p.toml -o " + dir + "/p.pdf");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  auto pages = test::pdf_page_texts(dir + "/p.pdf");
  // Preface (i), a blank left page (ii), Chapter (1), a blank (2), Second (3).
  REQUIRE(pages.size() == 5);
  CHECK(pages[0].find("Page i of 3") != std::string::npos);
  CHECK(pages[1].find_first_not_of(" \n\f") == std::string::npos);  // blank: no footer either
  CHECK(pages[2].find("Page 1 of 3") != std::string::npos);
  CHECK(pages[3].find_first_not_of(" \n\f") == std::string::npos);
  CHECK(pages[4].find("Page 3 of 3") != std::string::npos);
  // The contents and the page reference print the pages' own numbers.
  CHECK(std::regex_search(pages[0], std::regex("Preface\\s+i\\b")));
  CHECK(std::regex_search(pages[0], std::regex("Chapter\\s+1\\b")));
  CHECK(std::regex_search(pages[0], std::regex("Second\\s+3\\b")));
  CHECK(pages[2].find("See page 3.") != std::string::npos);
  // The front matter's wider margins: its text starts further in than the chapter's.
  auto words = pdf_words(dir + "/p.pdf");
  const Word* preface = find_word(words, "Preface");
  const Word* chapter = find_word(words, "Chapter", 3);
  REQUIRE(preface);
  REQUIRE(chapter);
  CHECK(preface->left == Approx(25 / 25.4 * 72).margin(1));
  CHECK(chapter->left == Approx(18 / 25.4 * 72).margin(1));
  // A viewer shows the printed numbers: /PageLabels with a roman then a decimal range.
  auto labels = test::run_shell("qpdf --json --json-key=pagelabels " + dir + "/p.pdf");
  INFO(labels.output);
  CHECK(std::regex_search(labels.output,
                          std::regex("\"index\": 0,\\s*\"label\": \\{\\s*\"/S\": \"/r\"")));
  CHECK(std::regex_search(
      labels.output,
      std::regex("\"index\": 2,\\s*\"label\": \\{\\s*\"/S\": \"/D\",\\s*\"/St\": 1")));
}

TEST_CASE("a page style's background image covers the whole sheet, bleed included") {
  std::string dir = test::temp_dir();
  test::run_shell("cp " + test::source_path("layouts/images/shield-umbrella.svg") + " " + dir +
                  "/cover.svg");
  test::write_file(dir + "/c.toml", R"([document]
size = "A5"
bleed = "3mm"

[page.cover]
background_image = "cover.svg"
footer = false

[[block]]
type = "heading"
text = "Cover"
page_style = "cover"

[[block]]
type = "paragraph"
text = "Inside."
page_style = "default"
)");
  auto r = test::run_folio("render " + dir + "/c.toml --dump-layout");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // Page 1 carries the picture, scaled to cover the 426 x 601 pt sheet
  // (A5 and 3 mm of bleed all round), centred; page 2 does not.
  std::smatch m;
  std::regex image(R"(image (-?[\d.]+),(-?[\d.]+) ([\d.]+)x([\d.]+) "[^"]*cover\.svg" <artifact>)");
  REQUIRE(std::regex_search(r.output, m, image));
  double x = std::stod(m[1]), y = std::stod(m[2]), w = std::stod(m[3]), h = std::stod(m[4]);
  double bleed = 3 / 25.4 * 72, sheet_w = 419.5 + 2 * bleed, sheet_h = 595.3 + 2 * bleed;
  CHECK(x <= -bleed + 0.1);
  CHECK(y <= -bleed + 0.1);
  CHECK(x + w >= sheet_w - bleed - 0.1);
  CHECK(y + h >= sheet_h - bleed - 0.1);
  CHECK((std::abs(w - sheet_w) < 0.2 || std::abs(h - sheet_h) < 0.2));  // covers, not stretched
  CHECK(r.output.find("page 2") != std::string::npos);
  CHECK(r.output.substr(r.output.find("page 2")).find("cover.svg") == std::string::npos);
}
