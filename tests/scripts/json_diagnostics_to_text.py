#!/usr/bin/env python3
"""Reads `folio --diagnostics json` lines on stdin, checks each is a JSON object
with exactly the documented fields and types, and prints it back in folio's text
form (FILE:LINE:COL: severity: message, then "  hint: ..." lines) so a test can
compare it with the text diagnostics. Exits 3 on the first malformed line."""
import json
import sys

FIELDS = {"file", "line", "column", "end", "severity", "message", "suggestion", "document"}

for number, raw in enumerate(sys.stdin, 1):
    try:
        d = json.loads(raw)
    except json.JSONDecodeError as e:
        print(f"line {number} is not JSON: {e}: {raw!r}")
        sys.exit(3)
    ok = (isinstance(d, dict) and set(d) == FIELDS
          and d["severity"] in ("error", "warning")
          and isinstance(d["message"], str)
          and (d["file"] is None or isinstance(d["file"], str))
          and (d["line"] is None or isinstance(d["line"], int))
          and (d["column"] is None or isinstance(d["column"], int))
          and (d["suggestion"] is None or isinstance(d["suggestion"], str))
          and (d["document"] is None or isinstance(d["document"], str))
          and (d["end"] is None or (set(d["end"]) == {"line", "column"}
                                    and (d["end"]["line"], d["end"]["column"]) >= (d["line"], d["column"]))))
    # A message that suggests something always fills `suggestion` (editors read only that).
    ok = ok and ("did you mean" not in d["message"] or d["suggestion"] is not None)
    if not ok:
        print(f"line {number} does not have the documented shape: {raw!r}")
        sys.exit(3)
    if d["line"] is not None:
        head = f'{d["file"]}:{d["line"]}:{d["column"]}: '
    elif d["file"] is not None:
        head = f'{d["file"]}: '
    else:
        head = "folio: "
    print(f'{head}{d["severity"]}: {d["message"]}')
    for hint in (d["suggestion"] or "").split("\n"):
        # A "did you mean" repeats the end of the message; the rest are the hints.
        if hint and not (hint.startswith("did you mean") and d["message"].endswith(hint)):
            print(f"  hint: {hint}")
    if d["document"] is not None:
        print(f'  document: {d["document"]}')
    if d["end"] is not None:
        print("has-end", file=sys.stderr)
