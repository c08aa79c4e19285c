#!/usr/bin/env python3
"""Validates JSON (one document, or JSON Lines) read from stdin against a JSON Schema.

Usage: provenance extract --format json FILE... | Scripts/validate-json.py Schemas/article.schema.json
       provenance report --format json FILE...  | Scripts/validate-json.py Schemas/report.schema.json FILE...
       provenance check --format json FILE...   | Scripts/validate-json.py Schemas/check.schema.json FILE...
       provenance check --format sarif FILE...  | Scripts/validate-json.py Schemas/check.sarif.schema.json FILE...
       provenance report --format jsonl FILE... | Scripts/validate-json.py Schemas/attributed.schema.json
       provenance sources --format json --store S | Scripts/validate-json.py Schemas/sources.schema.json

Also checks what a schema cannot say. For articles: every start/end lies within
`text` and every span's words are what the record says. For reports (given the
same FILEs, read as text): every span's `text` equals the file's words at those
offsets, and every id a claim uses is defined. For check findings and SARIF
results in those FILEs: line and column are where the offset is.
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


def check_report(report, files, errors):
    documents = {d["id"]: d for d in report["documents"]}
    sources = {s["id"] for s in report["sources"]}
    texts = {}
    for document in report["documents"]:
        if document["format"] == "text" and document["path"] in files:
            texts[document["id"]] = open(document["path"], encoding="utf-8", errors="replace").read()

    def span(owner, value, document):
        if value is None:
            return
        text = texts.get(document)
        if text is not None and text[value["start"]:value["end"]] != value["text"]:
            errors.append(f"{owner}: span {value['start']}..{value['end']} does not hold {value['text'][:40]!r}")

    claim_ids = {c["id"] for c in report["claims"]}
    for claim in report["claims"]:
        document = claim["document"]
        if document not in documents:
            errors.append(f"{claim['id']}: unknown document {document}")
        for key in ("sentence", "content", "cue"):
            span(claim["id"], claim[key], document)
        if claim["source"]:
            span(claim["id"], claim["source"]["mention"], document)
            if claim["source"]["id"] not in sources:
                errors.append(f"{claim['id']}: unknown source {claim['source']['id']}")
        for same in claim.get("same_as", []):
            if same["claim"] not in claim_ids:
                errors.append(f"{claim['id']}: same_as names unknown claim {same['claim']}")
        for source in claim["chain"] + claim.get("via", []) + claim.get("about", []):
            if source not in sources:
                errors.append(f"{claim['id']}: unknown source {source} in chain/via/about")
    claims = {c["id"] for c in report["claims"]}
    nodes = set(documents) | sources | claims
    for edge in report.get("edges", []):
        for end in (edge["from"], edge["to"]):
            if end not in nodes:
                errors.append(f"edge {edge['kind']}: unknown node {end}")
        for evidence in edge["evidence"]:
            span(f"edge {edge['kind']} {edge['from']}->{edge['to']}", evidence, evidence["document"])


def position(text, offset):
    """1-based line and column (in scalars) of an offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def check_positions(path, offset, length, start, end, files, errors, excerpt=None):
    """A finding's offsets and its line/column agree, for the FILEs given. For
    a web page, whose offsets are in the extracted text, the file's line and
    column must hold the excerpt's first character (or the "&" of an entity)."""
    if path not in files:
        return
    text = open(path, encoding="utf-8", errors="replace").read()
    if path.endswith((".html", ".htm")):
        lines = text.split("\n")
        line, column = start
        found = lines[line - 1][column - 1:column] if 0 < line <= len(lines) else ""
        if excerpt and found not in (excerpt[0], "&"):
            errors.append(f"{path}:{line}:{column} holds {found!r}, not the start of {excerpt[:30]!r}")
        return
    if not (0 <= offset <= offset + length <= len(text)):
        errors.append(f"{path}: offset {offset}+{length} is outside the file")
        return
    if length and (position(text, offset), position(text, offset + length)) != (start, end):
        errors.append(f"{path}: offset {offset} is at {position(text, offset)}, not {start}")


def check_findings(record, files, errors):
    for finding in record["findings"]:
        check_positions(finding["path"], finding["start"], finding["end"] - finding["start"],
                        (finding["line"], finding["column"]), (finding["end_line"], finding["end_column"]), files, errors,
                        finding["excerpt"] if finding["reason"] != "low_attribution" else None)


def check_sarif(record, files, errors):
    run = record["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        if rules[result["ruleIndex"]] != result["ruleId"]:
            errors.append(f"result {result['ruleId']}: ruleIndex {result['ruleIndex']} names {rules[result['ruleIndex']]}")
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        excerpt = result["message"]["text"].split(": ", 1)[-1] if result["ruleId"] != "low_attribution" else None
        check_positions(location["artifactLocation"]["uri"], region.get("charOffset", 0), region.get("charLength", 0),
                        (region["startLine"], region["startColumn"]), (region["endLine"], region["endColumn"]), files, errors,
                        excerpt)


def check_attributed(record, errors):
    """Spans of an attributed line lie in its text; source indices exist."""
    document = record["document"]
    length = len(document["article"]["text"])
    sources = len(document["sources"])
    name = document["article"]["path"]

    def span(owner, value):
        if not (0 <= value["start"] <= value["end"] <= length):
            errors.append(f"{name}: {owner} span {value['start']}..{value['end']} is outside the text")

    for index, claim in enumerate(document["claims"]):
        for key in ("sentence", "content"):
            span(f"claim {index} {key}", claim[key])
        if "cue" in claim:
            span(f"claim {index} cue", claim["cue"]["span"])
        if "attribution" in claim:
            span(f"claim {index} mention", claim["attribution"]["mention"])
            if claim["attribution"]["source"] >= sources:
                errors.append(f"{name}: claim {index} names source {claim['attribution']['source']} of {sources}")
        for source in claim["via"] + claim["about"]:
            if source >= sources:
                errors.append(f"{name}: claim {index} via/about names source {source} of {sources}")
    for index, sentence in enumerate(document["sentences"]):
        span(f"sentence {index}", sentence["span"])
    for index, block in enumerate(document["article"]["blocks"]):
        span(f"block {index}", block["span"])


def records(text):
    """One JSON document, or JSON Lines."""
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    files = set(sys.argv[2:])
    validator = jsonschema.Draft202012Validator(schema)
    errors = []
    count = 0
    for record in records(sys.stdin.read()):
        count += 1
        for error in validator.iter_errors(record):
            errors.append(f"{record.get('path', '?')}: {error.message} at {list(error.absolute_path)}")
        if errors:
            continue
        if "claims" in record:
            check_report(record, files, errors)
        elif "findings" in record:
            check_findings(record, files, errors)
        elif "runs" in record:
            check_sarif(record, files, errors)
        elif "document" in record:
            check_attributed(record, errors)
        elif "text" in record:
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
