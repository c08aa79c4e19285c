#!/usr/bin/env python3
"""Validates JSON (one object, or JSON Lines) read from stdin against a JSON Schema.

Usage: provenance extract --format json FILE... | Scripts/validate-json.py Schemas/article.schema.json

Also checks what a schema cannot say: every start/end lies within `text`,
and every span's words are what the record says they are.
"""
import json
import sys

import jsonschema


def check_spans(record, errors):
    text = record.get("text")
    if not isinstance(text, str):
        return
    length = len(text)  # Python strings index Unicode scalars, like our offsets.
    for kind, items in (("block", record.get("blocks", [])), ("link", record.get("links", []))):
        for index, item in enumerate(items):
            if not (0 <= item["start"] <= item["end"] <= length):
                errors.append(f"{record['path']}: {kind} {index} span {item['start']}..{item['end']} is outside the text")
            if kind == "link" and item["text"] != text[item["start"]:item["end"]]:
                errors.append(f"{record['path']}: link {index} text does not match its span")
            credit = item.get("credit")
            if credit and text[credit["start"]:credit["end"]] != credit["text"]:
                errors.append(f"{record['path']}: credit of block {index} does not match its span")


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = []
    count = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        record = json.loads(line)
        count += 1
        for error in validator.iter_errors(record):
            errors.append(f"{record.get('path', '?')}: {error.message} at {list(error.absolute_path)}")
        check_spans(record, errors)
    for error in errors:
        print(error, file=sys.stderr)
    if count == 0:
        print("no records to validate", file=sys.stderr)
        return 1
    print(f"{count} record(s) valid against {sys.argv[1]}" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
