#!/usr/bin/env python3
"""Writes a long report for bench/long_document.sh: gen_long_document.py SECTIONS REFS OUT.toml [plain]

SECTIONS level-1 sections, each with two level-2 subsections and paragraphs,
about 200 A4 pages for 100 sections. With REFS > 0 the document has a contents
block and REFS cross-references spread through its paragraphs, each a link
`[section N](#sN)` and a `{{ pageref.sN }}`. With `plain` the same text has
neither: no contents block, and each reference is plain words of the same length,
so that the two documents differ only by what the references cost."""
import random
import sys

WORDS = ("safeguarding schools parents officers referrals training online reports partners "
         "volunteers cases families children teachers sessions networks investigations "
         "prevention awareness support helpline community").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def main():
    sections, refs, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    plain = len(sys.argv) > 4 and sys.argv[4] == "plain"
    rng = random.Random(7)
    paragraphs_per_section = 12
    total_paragraphs = sections * paragraphs_per_section
    # Which paragraphs carry a reference, and to which section.
    per_paragraph = [0] * total_paragraphs
    for i in range(refs):
        per_paragraph[(i * 7919) % total_paragraphs] += 1
    lines = ['[document]', 'title = "Long report"', '', '[footer]',
             'right = "Page {{ page }} of {{ pages }}"', '']
    if not plain:
        lines += ['[[block]]', 'type = "heading"', 'text = "Contents"', 'contents = false', '',
                  '[[block]]', 'type = "contents"', '']
    p = 0
    for s in range(sections):
        lines += ['[[block]]', 'type = "heading"', f'text = "Section {s + 1}"', f'id = "s{s + 1}"',
                  'break_before = "page"' if s else '', '']
        for k in range(paragraphs_per_section):
            if k in (4, 8):
                lines += ['[[block]]', 'type = "heading"', 'level = 2',
                          f'text = "Part {s + 1}.{k // 4}"', '']
            text = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4))
            for _ in range(per_paragraph[p]):
                target = rng.randint(1, sections)
                if plain:
                    text += f" See section {target} on page nn."
                else:
                    text += f" See [section {target}](#s{target}) on page {{{{ pageref.s{target} }}}}."
            p += 1
            lines += ['[[block]]', 'type = "paragraph"', f'text = "{text}"', '']
    with open(out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
