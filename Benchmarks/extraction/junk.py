#!/usr/bin/env python3
"""Counts the junk among the claims `provenance` finds on real pages: chart
and table fragments, image labels, author bios, "contributed to this report",
subscription, reprint and topic lines, captions read as body text.

The pages are the article-extraction-benchmark's and readability-news' (151)
under ../shared/corpus; they are third-party, so the labels name no text: a
claim is known by its page and a hash of its sentence (whitespace collapsed).
The labels (junk-labels.tsv, beside this script: page, key, kind, label) say
for each labelled claim whether it is `junk` (with a category) or a `claim` a
reader would check. One sentence can be two claims (a caption that is also
read as body text), so a claim is looked up by its kind first, then by its
sentence alone.

  junk.py --dump FILE     writes every claim as page, key, kind, sentence (TSV)
                          to FILE, outside the repository, for labelling
  junk.py                 counts, on the labelled pages: labelled junk still
                          found, labelled claims still found, and claims the
                          labels do not know (new or re-cut sentences); with
                          --max-junk and --min-kept it fails past those bounds
                          (CI runs it so)

A caption labelled junk counts as junk only when it is read as body text: a
claim inside a caption block (`extract`'s blocks) is a caption read as one.

Usage:
  Benchmarks/extraction/junk.py [--binary .build/release/provenance]
                                [--shared ../shared] [--labels FILE]
                                [--dump FILE] [--list] [--max-junk N] [--min-kept SHARE]
"""
import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def pages(shared):
    """(page id, path) of every page, in a fixed order."""
    found = []
    benchmark = os.path.join(shared, "corpus", "article-extraction-benchmark", "html")
    for name in sorted(os.listdir(benchmark)):
        if name.endswith(".html.gz"):
            found.append(("aeb/" + name[: -len(".html.gz")][:16], os.path.join(benchmark, name)))
    readability = os.path.join(shared, "corpus", "readability-news")
    for name in sorted(os.listdir(readability)):
        path = os.path.join(readability, name, "source.html")
        if os.path.exists(path):
            found.append(("readability/" + name, path))
    return found


def key(sentence):
    normal = re.sub(r"\s+", " ", sentence).strip()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


def caption_spans(binary, pages):
    """path → [(start, end)] of the caption blocks `extract` finds."""
    run = subprocess.run([binary, "extract", "--format", "json"] + [path for _, path in pages],
                         capture_output=True, text=True)
    spans = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        spans[record["path"]] = [(block["start"], block["end"]) for block in record["blocks"] if block["kind"] == "caption"]
    return spans


def claims(binary, pages):
    """page id → [(key, kind, sentence, in_caption)], in reading order."""
    by_path = {path: page for page, path in pages}
    run = subprocess.run([binary, "report", "--format", "json", "-q"] + [path for _, path in pages],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"junk.py: {binary} report failed: {run.stderr.strip()}")
    report = json.loads(run.stdout)
    captions = caption_spans(binary, pages)
    documents = {document["id"]: document["path"] for document in report["documents"]}
    result = collections.defaultdict(list)
    for claim in report["claims"]:
        path = documents.get(claim["document"])
        page = by_path.get(path)
        if page is None:
            continue
        sentence = claim["sentence"]["text"]
        start = claim["sentence"]["start"]
        in_caption = any(low <= start < high for low, high in captions.get(path, []))
        result[page].append((key(sentence), claim["kind"], sentence, in_caption))
    return result


def read_labels(path):
    """page id → {(key, kind): label, key: label}; a label is "claim" or
    "junk:<category>". The key alone holds the first label of the sentence."""
    labels = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as file:
        for line in file:
            if not line.strip() or line.startswith("#"):
                continue
            page, claim_key, kind, label = line.rstrip("\n").split("\t")[:4]
            labels[page].setdefault((claim_key, kind), label)
            labels[page].setdefault(claim_key, label)
    return labels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/provenance")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--labels", default=os.path.join(HERE, "junk-labels.tsv"))
    parser.add_argument("--dump", help="write every claim to this TSV file (keep it outside the repository)")
    parser.add_argument("--list", action="store_true", help="print the labelled junk still found, and the claims lost")
    parser.add_argument("--max-junk", type=int, help="fail (exit 1) when more labelled junk than this is still found")
    parser.add_argument("--min-kept", type=float, help="fail (exit 1) when a smaller share of the labelled claims is kept")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "corpus")):
        print("junk.py: ../shared/corpus is absent; junk count skipped")
        return
    found = claims(args.binary, pages(args.shared))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for page in sorted(found):
                for claim_key, kind, sentence, _ in found[page]:
                    one_line = re.sub(r"\s+", " ", sentence)
                    out.write(f"{page}\t{claim_key}\t{kind}\t{one_line}\n")
        print(f"junk.py: {sum(len(v) for v in found.values())} claims of {len(found)} pages written to {args.dump}")
        return
    labels = read_labels(args.labels)
    def labelled(page):
        return [(entry, label) for entry, label in labels[page].items() if isinstance(entry, tuple)]

    junk_total = sum(1 for page in labels for _, label in labelled(page) if label.startswith("junk"))
    # Real claims are counted by sentence: a sentence labelled a claim is kept when some claim
    # holds it, however many attributions the sentence is cut into (that is attribution's
    # business, not extraction's).
    claim_sentences = {page: {claim_key for (claim_key, _), label in labelled(page) if label == "claim"} for page in labels}
    claim_total = sum(len(keys) for keys in claim_sentences.values())
    junk_found = collections.Counter()
    claims_found = 0
    captions_as_captions = 0  # a caption read in a caption block is no junk: only one read as body text is
    unknown = 0
    listed = []
    for page in sorted(labels):
        present = set()
        for claim_key, kind, sentence, in_caption in found.get(page, []):
            # A sentence read twice as the same kind of claim counts once.
            if (claim_key, kind) in present:
                continue
            present.add((claim_key, kind))
            present.add(claim_key)
            label = labels[page].get((claim_key, kind), labels[page].get(claim_key))
            if label is None:
                unknown += 1
            elif label == "claim":
                pass  # counted by sentence below
            elif label == "junk:caption" and in_caption:
                captions_as_captions += 1
            else:
                junk_found[label.split(":", 1)[-1]] += 1
                listed.append(f"  junk kept   {page}: [{label}] {sentence[:90]}")
        claims_found += len(claim_sentences[page] & present)
        for claim_key in sorted(claim_sentences[page] - present):
            listed.append(f"  claim lost  {page}: {claim_key}")
    found_total = sum(junk_found.values())
    print(f"junk claims on {len(labels)} labelled pages: {found_total} of the {junk_total} labelled junk still found "
          f"({found_total / max(junk_total, 1):.0%}) and {captions_as_captions} captions read as captions; "
          f"{claims_found} of the {claim_total} sentences labelled claims kept ({claims_found / max(claim_total, 1):.1%}); "
          f"{unknown} claims the labels do not know")
    if junk_found:
        print("  junk still found by category: " + ", ".join(f"{name} {count}" for name, count in junk_found.most_common()))
    if args.list:
        print("\n".join(listed))
    failed = []
    if args.max_junk is not None and found_total > args.max_junk:
        failed.append(f"{found_total} labelled junk claims found, more than {args.max_junk}")
    if args.min_kept is not None and claims_found / max(claim_total, 1) < args.min_kept:
        failed.append(f"{claims_found / max(claim_total, 1):.3f} of the labelled claims kept, fewer than {args.min_kept}")
    if failed:
        sys.exit("junk.py: " + "; ".join(failed))


if __name__ == "__main__":
    main()
