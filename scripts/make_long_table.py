#!/usr/bin/env python3
"""Writes layouts/data/long-table.csv: a made-up log of training sessions per site and
quarter, long enough (600 rows by default) that its table spans several pages.
The numbers are generated, not real.
Usage: scripts/make_long_table.py [ROWS] [PATH] [VALUE_COLUMNS]
(4 value columns, Q1 to Q4, by default; more for bench/table_floor.sh's wider table)."""

import csv
import sys

FIRST = ["Ash", "Beech", "Cedar", "Elm", "Hazel", "Holly", "Larch", "Maple", "Oak", "Rowan",
         "Willow", "Yew", "Alder", "Birch", "Juniper"]
SECOND = ["brook", "field", "ford", "gate", "ham", "hill", "lea", "mere", "stead", "wood"]
KIND = ["Primary School", "Academy", "High School", "Community College", "Youth Centre",
        "Library", "Sports Club"]


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    path = sys.argv[2] if len(sys.argv) > 2 else "layouts/data/long-table.csv"
    value_columns = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    titles = ["Q1", "Q2", "Q3", "Q4"] if value_columns == 4 else [
        "M{}".format(k + 1) for k in range(value_columns)]
    seed = 20090701
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([""] + titles)
        for i in range(rows):
            name = "{:04d} {}{} {}".format(i + 1, FIRST[i % len(FIRST)],
                                           SECOND[(i // len(FIRST)) % len(SECOND)],
                                           KIND[(i * 7 + i // 5) % len(KIND)])
            values = []
            for _ in range(value_columns):
                seed = (seed * 1103515245 + 12345) % 2**31  # a fixed LCG: the same file every run
                values.append(seed % 1200 + 5)
            # Large values get thousands separators, which the CSV must quote.
            writer.writerow([name] + ["{:,}".format(v) for v in values])


if __name__ == "__main__":
    main()
