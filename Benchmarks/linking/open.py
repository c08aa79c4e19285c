#!/usr/bin/env python3
"""Precision of same-claim links in the open: the 121 + 660 + 30 real pages of
../shared/corpus (the article-extraction benchmark, trafilatura's evaluation
pages, readability's news pages) go through one `provenance report`, and the
same-claim links between pages are checked against labels a reader gave a
random sample of them.

The pages are third-party, so the labels name no text: a link is known by the
two pages (an id each) and a hash of each claim's sentence (whitespace
collapsed). `open-labels.tsv` beside this script: page, hash, page, hash,
label (same / different), a note in our own words.

  open.py --sample N FILE   writes N links drawn at random (seeded) as TSV to
                            FILE, outside the repository, with both sentences,
                            for labelling
  open.py                   the precision of the labelled links still found,
                            and how many labelled links are no longer found
                            and new links the labels do not know; with
                            --min-precision it fails below that share

Usage:
  Benchmarks/linking/open.py [--binary .build/release/provenance] [--shared ../shared]
                             [--labels FILE] [--sample N FILE] [--min-precision SHARE]
"""
import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def pages(shared):
    """(page id, path) of every page, in a fixed order."""
    found = []
    corpus = os.path.join(shared, "corpus")
    for folder, prefix in (("article-extraction-benchmark/html", "aeb/"), ("trafilatura-eval/html", "traf/")):
        base = os.path.join(corpus, folder)
        for name in sorted(os.listdir(base)):
            if name.endswith(".html.gz"):
                found.append((prefix + name[: -len(".html.gz")][:16], os.path.join(base, name)))
    readability = os.path.join(corpus, "readability-news")
    for name in sorted(os.listdir(readability)):
        path = os.path.join(readability, name, "source.html")
        if os.path.exists(path):
            found.append(("readability/" + name, path))
    return found


def key(sentence):
    normal = re.sub(r"\s+", " ", sentence).strip()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


def links(binary, shared):
    """Every same-claim link between two pages: (page, hash, sentence, page, hash, sentence, similarity), sorted."""
    listed = pages(shared)
    page_of = {path: page for page, path in listed}
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as handle:
        handle.write("\n".join(path for _, path in listed) + "\n")
        listing = handle.name
    try:
        output = subprocess.run([binary, "report", "--format", "json", "--quiet", "--files-from", listing],
                                check=False, capture_output=True).stdout
    finally:
        os.unlink(listing)
    report = json.loads(output)
    page = {document["id"]: page_of.get(document["path"], document["path"]) for document in report["documents"]}
    claims = {claim["id"]: claim for claim in report["claims"]}
    found = {}
    for claim in report["claims"]:
        for same in claim.get("same_as", []):
            other = claims[same["claim"]]
            ends = sorted([(page[claim["document"]], key(claim["sentence"]["text"]), claim["sentence"]["text"]),
                           (page[other["document"]], key(other["sentence"]["text"]), other["sentence"]["text"])])
            if ends[0][0] == ends[1][0]:
                continue
            found[(ends[0][0], ends[0][1], ends[1][0], ends[1][1])] = (ends[0][2], ends[1][2], same["similarity"])
    return len(listed), found


def read_labels(path):
    labels = {}
    if not os.path.exists(path):
        return labels
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            labels[tuple(fields[:4])] = fields[4]
    return labels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "provenance"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--labels", default=os.path.join(HERE, "open-labels.tsv"))
    parser.add_argument("--sample", nargs=2, metavar=("N", "FILE"))
    parser.add_argument("--min-precision", type=float)
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "corpus", "trafilatura-eval")):
        print("open: ../shared/corpus absent; skipped")
        return 0
    count, found = links(args.binary, args.shared)
    print("%d pages, %d same-claim links between pages" % (count, len(found)))
    if args.sample:
        number, path = int(args.sample[0]), args.sample[1]
        chosen = sorted(random.Random(19).sample(sorted(found), min(number, len(found))))
        with open(path, "w", encoding="utf-8") as handle:
            for link in chosen:
                first, second, similarity = found[link]
                flat = [re.sub(r"\s+", " ", text) for text in (first, second)]
                handle.write("\t".join(link) + "\t%.3f\t%s\t%s\n" % (similarity, flat[0], flat[1]))
        print("wrote %d links to %s" % (len(chosen), path))
        return 0
    labels = read_labels(args.labels)
    labelled = [link for link in found if link in labels]
    same = sum(1 for link in labelled if labels[link] == "same")
    precision = same / len(labelled) if labelled else 0.0
    print("labelled links found: %d of %d; same claim: %d; precision %.3f" % (len(labelled), len(labels), same, precision))
    print("links the labels do not know: %d" % (len(found) - len(labelled)))
    if args.min_precision is not None and precision < args.min_precision:
        print("open: precision %.3f below %.3f" % (precision, args.min_precision))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
