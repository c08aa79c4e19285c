#!/usr/bin/env python3
"""Reads a CSV that provenance wrote back with Python's csv module and checks
it says what the JSON of the same command says.

    csv-matches-json.py report  REPORT.csv  REPORT.json   # report --format csv / --format json
    csv-matches-json.py check   CHECK.csv   CHECK.json    # check --format csv / --format json
    csv-matches-json.py summary SUMMARY.csv SUMMARY.json  # report --summary --format csv / json

The CSV must be RFC 4180 (CRLF records, a header row) in UTF-8. For a plain-text
document, whose text is the file, the report's line numbers are checked
against the file itself (paths are read relative to the current folder).
Prints each difference and exits 1 when there is any.
"""
import csv
import io
import json
import os
import sys

REPORT_COLUMNS = ["document", "line", "kind", "source", "cue", "chain", "content", "findings"]
CHECK_COLUMNS = ["path", "line", "column", "end_line", "end_column", "reason", "message", "category", "fails",
                 "excerpt", "start", "end", "detail"]
SUMMARY_COLUMNS = ["document", "claims", "captions", "claims_in_document", "attributed", "attributed_share", "traced",
                   "traced_share", "without_speaker", "own_assertions", "direct", "mixed", "indirect", "caption",
                   "unattributed", "top_sources", "derives", "dropped", "new"]

problems = []


def read_csv(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")  # fails loudly on anything but UTF-8
    if text.startswith("\ufeff"):
        problems.append("the CSV starts with a byte-order mark")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    # RFC 4180 to the byte: written back with CRLF records and minimal quoting, the rows give the same text.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    if again.getvalue() != text:
        problems.append("the CSV is not RFC 4180 as written back by Python (CRLF records, fields quoted only when needed)")
    return rows


def expect(condition, message):
    if not condition:
        problems.append(message)


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def share(value):
    rounded = round(value * 1000) / 1000
    return str(int(rounded)) if rounded == int(rounded) else repr(rounded)


def check_report(rows, report):
    expect(rows[0] == REPORT_COLUMNS, f"header {rows[0]}")
    records = rows[1:]
    claims = report["claims"]
    expect(len(records) == len(claims), f"{len(records)} rows for {len(claims)} claims")
    documents = {d["id"]: d for d in report["documents"]}
    names = {s["id"]: s["name"] for s in report["sources"]}
    texts = {}
    for row, claim in zip(records, claims):
        record = dict(zip(REPORT_COLUMNS, row))
        document = documents[claim["document"]]
        where = f"claim {claim['id']}"
        expect(len(row) == len(REPORT_COLUMNS), f"{where}: {len(row)} fields")
        expect(record["document"] == document["path"], f"{where}: document {record['document']!r}")
        expect(record["kind"] == claim["kind"], f"{where}: kind {record['kind']!r}")
        source = claim["source"]["id"] if claim["source"] else None
        expect(record["source"] == (names[source] if source else ""), f"{where}: source {record['source']!r}")
        cue = claim["cue"]["text"] if claim["cue"] and claim["kind"] != "caption" else ""
        expect(record["cue"] == cue, f"{where}: cue {record['cue']!r} for {cue!r}")
        expect(record["chain"] == " → ".join(names[s] for s in claim["chain"]), f"{where}: chain {record['chain']!r}")
        expect(record["content"] == claim["content"]["text"], f"{where}: content {record['content']!r}")
        findings = []
        for finding in claim["findings"]:
            if finding["kind"] == "attribution_dropped":
                findings.append(f"attribution dropped (was: {names.get(finding['source'], 'its source')})")
            else:
                findings.append("new claim")
        expect(record["findings"] == "; ".join(findings), f"{where}: findings {record['findings']!r}")
        expect(record["line"].isdigit() and int(record["line"]) >= 1, f"{where}: line {record['line']!r}")
        if document["format"] == "text" and os.path.isfile(document["path"]):
            if document["path"] not in texts:
                texts[document["path"]] = open(document["path"], encoding="utf-8", errors="replace").read()
            line = texts[document["path"]][:claim["sentence"]["start"]].count("\n") + 1
            expect(record["line"] == str(line), f"{where}: line {record['line']} where the file has {line}")


def check_check(rows, check):
    expect(rows[0] == CHECK_COLUMNS, f"header {rows[0]}")
    records = rows[1:]
    findings = check["findings"]
    expect(len(records) == len(findings), f"{len(records)} rows for {len(findings)} findings")
    for number, (row, finding) in enumerate(zip(records, findings), 1):
        for column, value in zip(CHECK_COLUMNS, row):
            expect(value == text_of(finding[column]), f"finding {number}: {column} {value!r} for {finding[column]!r}")


def check_summary(rows, summary):
    expect(rows[0] == SUMMARY_COLUMNS, f"header {rows[0]}")
    records = rows[1:]
    documents = summary["documents"]
    expect(len(records) == len(documents), f"{len(records)} rows for {len(documents)} documents")
    for row, document in zip(records, documents):
        record = dict(zip(SUMMARY_COLUMNS, row))
        expected = {
            "document": document["path"],
            "attributed_share": share(document["attributed_share"]),
            "traced_share": share(document["traced_share"]),
            "top_sources": "; ".join(f"{s['name']} ({s['claims']})" for s in document["top_sources"]),
        }
        for key in ["claims", "captions", "claims_in_document", "attributed", "traced", "without_speaker",
                    "own_assertions", "derives", "dropped", "new"]:
            expected[key] = text_of(document[key])
        for kind, count in document["by_kind"].items():
            expected[kind] = str(count)
        for key, value in expected.items():
            expect(record.get(key) == value, f"{document['path']}: {key} {record.get(key)!r} for {value!r}")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("report", "check", "summary"):
        sys.exit(__doc__)
    kind, csv_path, json_path = sys.argv[1:]
    rows = read_csv(csv_path)
    data = json.load(open(json_path, encoding="utf-8"))
    if not rows:
        problems.append("no header row")
    else:
        {"report": check_report, "check": check_check, "summary": check_summary}[kind](rows, data)
    for problem in problems[:50]:
        print(f"csv-matches-json: {kind}: {problem}")
    if problems:
        sys.exit(1)
    print(f"csv-matches-json: {kind}: {len(rows) - 1} rows read back and equal to the JSON")


if __name__ == "__main__":
    main()
