#!/usr/bin/env python3
"""Writes N data files for bench/leaflet-page.toml: gen_data.py N FOLDER.

The values are deterministic (seeded), so runs compare. The files are flat
enough for bench/floor.c to read with a line scanner.

gen_data.py N FOLDER --chart DB: the same files with a [quarters] dataset
each (for bench/leaflet-chart.toml), and the same rows in the SQLite
database DB, table `region`, one column per value."""
import os
import random
import sqlite3
import sys
import tomllib

WORDS = ("safeguarding schools parents officers referrals training online reports "
         "partners volunteers cases families children teachers sessions networks "
         "investigations prevention awareness support helpline community").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    chart_db = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--chart" else None
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(2024)
    rows = []
    for i in range(1, count + 1):
        name = f"Region {i:05d}"
        body1 = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(5))
        body2 = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4))
        with open(os.path.join(folder, f"region-{i:05d}.toml"), "w") as f:
            f.write("[region]\n")
            f.write(f'name = "{name}"\n')
            f.write(f'slug = "region-{i:05d}"\n')
            f.write(f'lead = "{sentence(rng, 22)}"\n')
            f.write(f'body1 = "{body1}"\n')
            f.write(f'body2 = "{body2}"\n')
            f.write("[stats]\n")
            for key in ("children", "arrests", "reports", "visits"):
                f.write(f"{key} = {rng.randint(10, 25000)}\n")
            f.write("[quote]\n")
            f.write(f'text = "{sentence(rng, 14)}"\n')
            f.write(f'by = "Officer {i}"\n')
            f.write('role = "Regional lead"\n')
            if chart_db:
                quarters = [rng.randint(100, 2500) for _ in range(4)]
                f.write("[quarters]\n")
                f.write('categories = ["Q1", "Q2", "Q3", "Q4"]\n')
                f.write(f'series = [{{ name = "Reports", values = {quarters} }}]\n')
                rows.append((name, f"region-{i:05d}", *quarters))
    if chart_db:
        # The text columns are the TOML files' own, read back, so both builds match.
        if os.path.exists(chart_db):
            os.remove(chart_db)
        db = sqlite3.connect(chart_db)
        db.execute("CREATE TABLE region (name TEXT, slug TEXT PRIMARY KEY, lead TEXT, body1 TEXT, "
                   "children INTEGER, arrests INTEGER, reports INTEGER, visits INTEGER, "
                   "quote TEXT, quote_by TEXT, q1 INTEGER, q2 INTEGER, q3 INTEGER, q4 INTEGER)")
        for name, slug, *quarters in rows:
            with open(os.path.join(folder, f"{slug}.toml"), "rb") as f:
                d = tomllib.load(f)
            db.execute("INSERT INTO region VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (name, slug, d["region"]["lead"], d["region"]["body1"],
                        d["stats"]["children"], d["stats"]["arrests"], d["stats"]["reports"],
                        d["stats"]["visits"], d["quote"]["text"], d["quote"]["by"], *quarters))
        db.commit()
        db.close()


main()
