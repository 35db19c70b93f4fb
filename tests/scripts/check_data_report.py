#!/usr/bin/env python3
"""Renders layouts/data-report.toml and checks every figure it prints against
the same aggregation done here, independently of folio's transform code, with
Python's csv module over the unchanged vega-datasets files.

usage: check_data_report.py SOURCE_DIR FOLIO_BINARY
Exit 0 when every expected line is in the PDF's text, 1 (listing what is
missing) otherwise.
"""

import collections
import csv
import os
import statistics
import subprocess
import sys
import tempfile


def number(value, decimals=0):
    """folio's `number(N)` format: thousands separators, N decimals, half away from zero."""
    text = f"{abs(value):,.{decimals}f}"
    if decimals == 0 and abs(value) % 1 == 0.5:  # Python rounds half to even; folio away
        text = f"{int(abs(value)) + 1:,}"
    return ("-" if value < 0 and text.strip("0.,") else "") + text


def percent(fraction, decimals=0):
    return number(fraction * 100, decimals) + "%"


def main():
    source, folio = sys.argv[1], sys.argv[2]
    data = os.path.join(source, "layouts", "data", "vega")
    with open(os.path.join(data, "seattle-weather.csv"), newline="") as f:
        weather = list(csv.DictReader(f))
    with open(os.path.join(data, "iowa-electricity.csv"), newline="") as f:
        power = list(csv.DictReader(f))
    for row in weather:
        for key in ("precipitation", "temp_max", "temp_min", "wind"):
            row[key] = float(row[key])
    for row in power:
        row["net_generation"] = float(row["net_generation"])

    expected = []  # (page, text) pairs; the page's text must hold the text
    rain = sum(r["precipitation"] for r in weather)
    days = len(weather)
    wet = sum(1 for r in weather if r["precipitation"] > 0)
    dates = sorted(r["date"] for r in weather)
    expected += [
        (1, f"Seattle weather, {dates[0]} to"),
        (1, dates[-1]),
        (1, f"{number(days)} days, of which {number(wet)} had some rain"),
        (1, number(rain)),
        (1, number(max(r["temp_max"] for r in weather), 1) + " °C"),
        (1, number(min(r["temp_min"] for r in weather), 1) + " °C"),
        (1, number(statistics.fmean(r["wind"] for r in weather), 1) + " m/s"),
    ]

    # Year by year: the table with its total row, and the bar chart's labels.
    years = collections.OrderedDict()
    for r in weather:
        years.setdefault(r["date"][:4], []).append(r)
    for year, rows in years.items():
        year_rain = sum(r["precipitation"] for r in rows)
        expected.append((1, " ".join([
            year, number(year_rain, 1), number(len(rows)),
            number(statistics.fmean(r["temp_max"] for r in rows), 1),
            number(statistics.fmean(r["temp_min"] for r in rows), 1),
            percent(year_rain / rain, 1)])))
        expected.append((1, number(year_rain)))  # the bar's value label
    expected.append((1, f"All years {number(rain, 1)} {number(days)} 100.0%"))

    # Kinds of weather: the sentence and a tile each.
    kinds = collections.Counter(r["weather"] for r in weather)
    ranked = sorted(kinds.items(), key=lambda kv: -kv[1])  # stable: ties keep first appearance
    expected.append((2, f"The commonest was {ranked[0][0]}: {ranked[0][1]} days."))
    for kind, count in ranked:
        mean_rain = statistics.fmean(r["precipitation"] for r in weather if r["weather"] == kind)
        expected += [(2, str(count)), (2, f"days of {kind}"),
                     (2, f"{number(mean_rain, 1)} mm a day")]

    # Mean rain per day by month: the bar labels.
    months = collections.OrderedDict()
    for r in weather:
        months.setdefault(int(r["date"][5:7]), []).append(r["precipitation"])
    month_labels = " ".join(number(statistics.fmean(v), 1) for _, v in sorted(months.items()))
    expected.append((3, month_labels))

    # The ten wettest days: the table and the list.
    wettest = sorted(weather, key=lambda r: (-r["precipitation"], r["date"]))[:10]
    for i, r in enumerate(wettest, 1):
        expected.append((3, " ".join([r["date"], number(r["precipitation"], 1),
                                      number(r["temp_max"], 1), number(r["wind"], 1),
                                      r["weather"]])))
        expected.append((3, f"{i}. {r['date']}: {number(r['precipitation'], 1)} mm of "
                            f"{r['weather']}, wind {number(r['wind'], 1)} m/s"))

    # Electricity: the pivot table with its totals, the change table.
    by_year = collections.OrderedDict()
    sources = []
    for r in power:
        year = r["year"][:4]
        by_year.setdefault(year, {})[r["source"]] = r["net_generation"]
        if r["source"] not in sources:
            sources.append(r["source"])
    renewables = [(y, v["Renewables"]) for y, v in by_year.items()]
    expected.append((4, f"Renewables went from {number(renewables[0][1])} in {renewables[0][0]}"))
    expected.append((4, f"to {number(renewables[-1][1])} in {renewables[-1][0]}."))
    previous = None
    for year, values in by_year.items():
        total = sum(values.values())
        expected.append((4, " ".join([year] + [number(values[s]) for s in sources] +
                                     [number(total)])))
        line = f"{year} {number(total)}"
        if previous is not None:
            line += f" {number(total - previous)} {percent(total / previous - 1, 1)}"
        expected.append((5, line))
        previous = total
    column_totals = [sum(v[s] for v in by_year.values()) for s in sources]
    expected.append((4, "2001–2017 " + " ".join(number(t) for t in column_totals) + " " +
                     number(sum(column_totals))))

    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "report.pdf")
        subprocess.run([folio, "render", os.path.join(source, "layouts", "data-report.toml"),
                        "-o", pdf], check=True, capture_output=True)
        info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
        pages = int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
        text = {}
        for page in range(1, pages + 1):
            raw = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf,
                                  "-"], check=True, capture_output=True, text=True).stdout
            # Lines as laid out (table rows), and the page as one run of words in
            # reading order (sentences that wrap, chart labels in bar order).
            flowing = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-raw",
                                      pdf, "-"], check=True, capture_output=True, text=True).stdout
            text[page] = ("\n".join(" ".join(line.split()) for line in raw.splitlines()) + "\n" +
                          " ".join(flowing.split()))
    missing = [(p, t) for p, t in expected if t not in text.get(p, "")]
    if pages < 4:
        print(f"the report has {pages} pages; at least 4 expected")
        return 1
    for page, line in missing:
        print(f"page {page}: missing {line!r}")
    print(f"{len(expected) - len(missing)} of {len(expected)} figures found on {pages} pages")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
