#!/usr/bin/env python3
"""Writes N data files for bench/leaflet-page.toml: gen_data.py N FOLDER.

The values are deterministic (seeded), so runs compare. The files are flat
enough for bench/floor.c to read with a line scanner."""
import os
import random
import sys

WORDS = ("safeguarding schools parents officers referrals training online reports "
         "partners volunteers cases families children teachers sessions networks "
         "investigations prevention awareness support helpline community").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(2024)
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


main()
