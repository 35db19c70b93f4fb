#!/usr/bin/env python3
"""Validates TOML files against folio's JSON Schema with the `jsonschema`
package (Debian's python3-jsonschema), after checking the schema itself.
Usage: validate_layouts.py SCHEMA FILE...   Prints one line per problem;
exits 1 when a file is invalid, 0 when all are valid."""
import json
import sys
import tomllib

import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    with open(path, "rb") as f:
        document = tomllib.load(f)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path)
        print(f"{path}: {where}: {e.message[:300]}")
    if errors:
        bad += 1
    else:
        print(f"{path}: valid")
sys.exit(1 if bad else 0)
