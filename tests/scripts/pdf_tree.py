#!/usr/bin/python3
"""Prints a tagged PDF's structure tree, one element a line, indented by depth:

    Document lang=en-GB
      H1
      Table
        THead
          TR
            TH scope=Column
      Figure alt="Column chart of ..."

and then one line per page: `page N: tagged=T artifact=A untagged=U`, counting
the operators that put ink on the page (text, paths, images) inside a marked-
content sequence that the tree reaches, inside an /Artifact, or in neither;
a line per link annotation: `link page=N uri=... contents=...`; and
`xmp: pdfuaid=1 pdfaid=2B`, `outputintent: GTS_PDFA1 RGB` when present.
Exit 1 when the file has no structure tree. Used by folio's tests (python3-pikepdf).
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name

INK = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}


def kids(k):
    if k is None:
        return []
    if isinstance(k, Array):
        return list(k)
    return [k]


def text(v):
    return str(v).replace("\\", "\\\\").replace('"', '\\"')


def main():
    pdf = pikepdf.open(sys.argv[1])
    root = pdf.Root
    if "/StructTreeRoot" not in root:
        print("no structure tree")
        return 1
    page_of = {p.objgen: i + 1 for i, p in enumerate(pdf.pages)}
    reached = set()
    lines = []

    def walk(e, depth, pg):
        if isinstance(e, int):
            reached.add((page_of.get(pg.objgen) if pg is not None else None, int(e)))
            return
        if not isinstance(e, Dictionary):
            return
        if e.get("/Type") == "/MCR":
            reached.add((page_of.get(e.Pg.objgen), int(e.MCID)))
            return
        if e.get("/Type") == "/OBJR":
            return
        line = "  " * depth + str(e.S)[1:]
        if "/Lang" in e:
            line += f" lang={e.Lang}"
        attrs = e.get("/A")
        for a in kids(attrs):
            if isinstance(a, Dictionary) and "/Scope" in a:
                line += f" scope={str(a.Scope)[1:]}"
        if "/Alt" in e:
            line += f' alt="{text(e.Alt)}"'
        if "/ActualText" in e:
            line += f' text="{text(e.ActualText)}"'
        lines.append(line)
        pg = e.get("/Pg", pg)
        for k in kids(e.get("/K")):
            walk(k, depth + 1, pg)

    for top in kids(root.StructTreeRoot.get("/K")):
        walk(top, 0, None)
    if "/Lang" in root:
        lines[0] += f" lang={root.Lang}" if lines else ""
    print("\n".join(lines))

    for i, page in enumerate(pdf.pages):
        counts = {"tagged": 0, "artifact": 0, "untagged": 0}
        stack = []
        for ins in pikepdf.parse_content_stream(page):
            op = str(ins.operator)
            if op in ("BMC", "BDC"):
                ops = list(ins.operands)
                mcid = None
                if op == "BDC" and isinstance(ops[1], Dictionary) and "/MCID" in ops[1]:
                    mcid = int(ops[1].MCID)
                stack.append((str(ops[0]), mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in INK:
                if any(t == "/Artifact" for t, _ in stack):
                    counts["artifact"] += 1
                elif any(m is not None and (i + 1, m) in reached for _, m in stack):
                    counts["tagged"] += 1
                else:
                    counts["untagged"] += 1
        print(f"page {i + 1}: tagged={counts['tagged']} artifact={counts['artifact']} "
              f"untagged={counts['untagged']}")
    named = {}  # named destinations (a name tree)

    def names(node):
        items = list(node.get("/Names", []))
        for k in range(0, len(items) - 1, 2):
            named[str(items[k])] = items[k + 1]
        for kid in node.get("/Kids", []):
            names(kid)

    if "/Names" in root and "/Dests" in root.Names:
        names(root.Names.Dests)
    for i, page in enumerate(pdf.pages):
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") == "/Link":
                action = a.get("/A", {})
                uri = action.get("/URI", "")
                dest = a.get("/Dest", action.get("/D") if action.get("/S") == "/GoTo" else None)
                if isinstance(dest, (pikepdf.String, Name)):
                    dest = named.get(str(dest))
                where = ""
                if dest is not None and len(dest) > 0:
                    where = f" goto={page_of.get(dest[0].objgen, '?')}"
                print(f'link page={i + 1} uri={uri}{where} contents="{text(a.get("/Contents", ""))}"')
    with pdf.open_metadata() as md:
        ua = md.get("{http://www.aiim.org/pdfua/ns/id/}part", "")
        part = md.get("pdfaid:part", "")
        conformance = md.get("pdfaid:conformance", "")
        print(f"xmp: pdfuaid={ua} pdfaid={part}{conformance}")
    for oi in root.get("/OutputIntents", []):
        profile = oi.DestOutputProfile.read_bytes()
        print(f"outputintent: {str(oi.S)[1:]} {profile[16:20].decode().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
