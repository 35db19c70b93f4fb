#!/usr/bin/python3
"""Prints where each run of text on a PDF page starts: "x baseline" in points
from the page's top-left, one line per text-showing operator, read from the
content stream (the pen position Cairo sets with Tm and Td), so that tests can
compare baselines exactly rather than through a text extractor's font boxes.

usage: text_baselines.py FILE.pdf PAGE (1-based)
"""
import sys

import pikepdf


def multiply(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def main():
    pdf = pikepdf.open(sys.argv[1])
    page = pdf.pages[int(sys.argv[2]) - 1]
    height = float(page.mediabox[3]) - float(page.mediabox[1])
    ctm = [1, 0, 0, 1, 0, 0]
    stack = []
    tm = [1, 0, 0, 1, 0, 0]
    line = [1, 0, 0, 1, 0, 0]
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else [1, 0, 0, 1, 0, 0]
        elif op == "cm":
            ctm = multiply([float(v) for v in operands], ctm)
        elif op == "BT":
            tm = line = [1, 0, 0, 1, 0, 0]
        elif op == "Tm":
            tm = line = [float(v) for v in operands]
        elif op in ("Td", "TD"):
            tx, ty = float(operands[0]), float(operands[1])
            line = multiply([1, 0, 0, 1, tx, ty], line)
            tm = line
        elif op in ("TJ", "Tj", "'", '"'):
            m = multiply(tm, ctm)
            print(f"{m[4]:.2f} {height - m[5]:.2f}")


if __name__ == "__main__":
    main()
