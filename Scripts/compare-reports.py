#!/usr/bin/env python3
"""Compares two `provenance report --format json` outputs as corpora, not as
text: the same documents (by path), sources (by name and kind), claims (by
document and span, with kind, cue, source chain and findings), same-claim links
and edges, whatever ids and order each run gave them. Used to check that a
sharded run (Spark, shuffled, several partitions, loaded into a store) gives
what a single run in memory gives.

    Scripts/compare-reports.py A.json B.json     # exit 0 when equal, 1 with the differences
"""
import json
import sys


def normalise(report):
    documents = {d["id"]: d["path"] for d in report["documents"]}
    sources = {s["id"]: (s["name"], s["kind"]) for s in report["sources"]}
    claims = {}
    for claim in report["claims"]:
        claims[claim["id"]] = (documents[claim["document"]], claim["content"]["start"], claim["content"]["end"])

    def span(value):
        return None if value is None else (value["start"], value["end"])

    result = {"documents": set(), "sources": set(sources.values()), "claims": set(), "findings": set(), "same_as": set(), "edges": set()}
    for document in report["documents"]:
        derived = tuple(sorted(documents[link["document"]] for link in document.get("derived_from", [])))
        result["documents"].add((document["path"], document["format"], document.get("title"), document.get("published"),
                                 document.get("publisher"), document.get("url"), derived))
    for claim in report["claims"]:
        key = claims[claim["id"]]
        chain = tuple(sources[s] for s in claim.get("chain", []))
        result["claims"].add((key, claim["kind"], span(claim.get("cue")), chain, claim.get("continuation", False)))
        for finding in claim.get("findings", []):
            related = claims.get(finding.get("related"))
            result["findings"].add((key, finding["kind"], related, sources.get(finding.get("source"))))
        for link in claim.get("same_as", []):
            result["same_as"].add((key, claims[link["claim"]], round(link["similarity"], 3)))
    for edge in report["edges"]:
        ends = []
        for end in (edge["from"], edge["to"]):
            ends.append(claims.get(end) or sources.get(end) or documents.get(end) or end)
        score = None if edge.get("score") is None else round(edge["score"], 3)
        evidence = tuple(sorted((documents.get(e["document"]), e["start"], e["end"]) for e in edge.get("evidence", [])))
        result["edges"].add((edge["kind"], ends[0], ends[1], score, evidence))
    return result


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as a, open(sys.argv[2], encoding="utf-8") as b:
        left, right = normalise(json.load(a)), normalise(json.load(b))
    different = False
    for part in left:
        only_left, only_right = left[part] - right[part], right[part] - left[part]
        print(f"{part}: {len(left[part])} and {len(right[part])}" + ("" if not (only_left or only_right) else
              f"; {len(only_left)} only in the first, {len(only_right)} only in the second"))
        for item in sorted(only_left, key=repr)[:5]:
            print(f"  < {item!r:.300}")
        for item in sorted(only_right, key=repr)[:5]:
            print(f"  > {item!r:.300}")
        different = different or bool(only_left or only_right)
    print("different" if different else "equal")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
