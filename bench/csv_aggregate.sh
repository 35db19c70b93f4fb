#!/bin/sh
# A CSV of ROWS rows (default 1,000,000: date, station, precipitation,
# temp_max, weather) aggregated by folio to a 12-bar chart (mean rain per
# month, via [dataset.NAME] derive + group_by), rendered to PDF. Prints the
# wall time and peak memory (/usr/bin/time -v) of that render, of the same
# 12-bar chart written inline (the render alone), and of awk doing the same
# aggregation (a floor for reading the file), all in this run.
# The goal: under 2 s and 200 MB for a million rows.
# Usage: bench/csv_aggregate.sh [build-dir] [ROWS]
set -e
build=${1:-build}
rows=${2:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$rows" "$dir/weather.csv" <<'PY'
import random, sys, datetime
rows, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(13)
kinds = ["rain", "sun", "fog", "drizzle", "snow"]
stations = ["North", "South", "East", "West", "Harbour", "Airport", "Hill", "Valley"]
start = datetime.date(1900, 1, 1)
with open(path, "w") as f:
    f.write("date,station,precipitation,temp_max,weather\n")
    for i in range(rows):
        day = start + datetime.timedelta(days=i // len(stations))
        f.write(f"{day.isoformat()},{stations[i % len(stations)]},{rnd.random() * 20:.1f},"
                f"{rnd.random() * 30 - 5:.1f},{kinds[rnd.randrange(5)]}\n")
PY

cat > "$dir/aggregate.toml" <<'TOML'
[dataset.weather]
csv = "weather.csv"
[dataset.monthly]
from = "weather"
derive = "month_name(date) as month"
group_by = "month"
aggregate = ["mean(precipitation) as rain"]
[[block]]
type = "chart"
data = "monthly"
title = "Mean rain per day, by month"
TOML
cat > "$dir/inline.toml" <<'TOML'
[[block]]
type = "chart"
title = "Mean rain per day, by month"
categories = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
series = [{ name = "rain", values = [10.0, 10.1, 9.9, 10.0, 10.0, 10.1, 9.9, 10.0, 10.0, 10.1, 9.9, 10.0] }]
TOML

# Runs a command under /usr/bin/time -v; prints "LABEL: S s, M MB".
measure() {
  label=$1
  shift
  /usr/bin/time -v "$@" > /dev/null 2> "$dir/time.txt" || { cat "$dir/time.txt"; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt" |
    awk -F: '{ print ($1 * 60) + $2 }')
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
  echo "$label: $wall s, $(echo "scale=1; $peak / 1024" | bc) MB"
  echo "$wall" > "$dir/$label.wall"
}

echo "$(wc -l < "$dir/weather.csv") lines, $(du -m "$dir/weather.csv" | cut -f1) MB of CSV"
measure folio-csv "$build/folio" render "$dir/aggregate.toml" -o "$dir/aggregate.pdf"
measure folio-inline "$build/folio" render "$dir/inline.toml" -o "$dir/inline.pdf"
measure awk-floor awk -F, 'NR > 1 { m = substr($1, 6, 2); s[m] += $3; n[m]++ }
  END { for (m in s) print m, s[m] / n[m] }' "$dir/weather.csv"
echo "bars (months on the axis): $(pdftotext "$dir/aggregate.pdf" - |
  grep -c -E '^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$')"
echo "ratio folio-csv / (folio-inline + awk-floor): $(echo "scale=2; $(cat "$dir/folio-csv.wall") / ($(cat "$dir/folio-inline.wall") + $(cat "$dir/awk-floor.wall"))" | bc)"
