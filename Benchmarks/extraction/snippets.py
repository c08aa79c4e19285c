#!/usr/bin/env python3
"""Scores `provenance extract` bodies on trafilatura's evaluation corpus (snippets).

The corpus' metric, as its README describes it: whitespace is normalised in
snippets and bodies; on every page each `with` snippet found in the body is a
true positive and each one missing a false negative, each `without` snippet
found a false positive and each one missing a true negative; the counts are
summed over all pages. With trafilatura installed (pip install trafilatura
lxml_html_clean) its bodies are scored beside ours
(`extract(html, include_tables=True)`), and the pages where we lose the
article it finds are listed: it holds at least half the page's `with`
snippets and we hold under half.

The pages are split once, by a hash of the file name, into a tuning part
(about two thirds) and a dev part (a third): rules and learned weights are
tuned on `tune` and chosen on `dev`; `--split` scores one part, and the
report gives each part's figures beside those of all pages.

Trafilatura's bodies are cached (in .build/trafilatura-cache.json, keyed by
its version and a hash of the page) so that a second run does not wait for it.

Usage:
  Benchmarks/extraction/snippets.py [--binary .build/release/provenance]
                                    [--corpus ../shared/corpus/trafilatura-eval]
                                    [--worst N] [--page FILE] [--no-trafilatura]
                                    [--split all|tune|dev]
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys

SPACE = re.compile(r"\s+")
SPLITS = ("all", "tune", "dev")
HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, "..", "..", ".build", "trafilatura-cache.json")


def split_of(name):
    """`dev` for a third of the pages (the first 32 bits of the SHA-256 of the file name ≡ 0 mod 3), else `tune`."""
    return "dev" if int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0 else "tune"


def in_split(name, split):
    return split == "all" or split_of(name) == split


def normalise(text):
    return SPACE.sub(" ", text or "").strip()


def load(corpus, split="all"):
    """The pages of the corpus in `split`: [(file, with snippets, without snippets)], or None when absent."""
    path = os.path.join(corpus, "evaldata.json")
    if not os.path.exists(path):
        return None
    data = json.load(open(path, encoding="utf-8"))
    pages = []
    for entry in data.values():
        if in_split(entry["file"], split) and os.path.exists(os.path.join(corpus, "html", entry["file"] + ".gz")):
            pages.append((entry["file"], [normalise(s) for s in entry.get("with", [])],
                          [normalise(s) for s in entry.get("without", [])]))
    return sorted(pages)


def provenance_bodies(binary, corpus, files):
    """{file: body} of `provenance extract` over the gzipped pages (it reads gzip itself)."""
    paths = {os.path.join(corpus, "html", name + ".gz"): name for name in files}
    bodies = {}
    names = sorted(paths)
    for start in range(0, len(names), 200):
        run = subprocess.run([binary, "extract", "--format", "json", *names[start:start + 200]],
                             capture_output=True, text=True)
        for line in run.stdout.splitlines():
            record = json.loads(line)
            if record.get("path") in paths:
                bodies[paths[record["path"]]] = record.get("body") or ""
    return bodies


def trafilatura_bodies(paths):
    """{key: body} of trafilatura over {key: gzipped page path}, or None when it is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        cache = json.load(open(CACHE, encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    bodies = {}
    changed = False
    for key, path in paths.items():
        with gzip.open(path, "rb") as handle:
            html = handle.read()
        digest = trafilatura.__version__ + ":" + hashlib.sha256(html).hexdigest()
        if digest not in cache:
            try:
                cache[digest] = trafilatura.extract(html, include_tables=True) or ""
            except Exception:  # a page trafilatura cannot read counts as empty
                cache[digest] = ""
            changed = True
        bodies[key] = cache[digest]
    if changed and os.path.isdir(os.path.dirname(CACHE)):
        with open(CACHE, "w", encoding="utf-8") as handle:
            json.dump(cache, handle)
    return bodies


def page_counts(body, with_snippets, without_snippets):
    body = normalise(body)
    found = sum(snippet in body for snippet in with_snippets)
    leaked = sum(snippet in body for snippet in without_snippets)
    return {"tp": found, "fn": len(with_snippets) - found, "fp": leaked, "tn": len(without_snippets) - leaked}


def figures(counts):
    counts = list(counts)
    tp, fn, fp, tn = (sum(c[k] for c in counts) for k in ("tp", "fn", "fp", "tn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + fn + fp + tn) if tp + fn + fp + tn else 0.0
    return precision, recall, f1, accuracy


def holds_half(counts):
    total = counts["tp"] + counts["fn"]
    return total == 0 or counts["tp"] * 2 >= total


def evaluate(binary, corpus, use_trafilatura=True, split="all"):
    """Our figures, trafilatura's (or None), per-page counts of both, and the pages we lose."""
    pages = load(corpus, split)
    if pages is None:
        return None
    files = [name for name, _, _ in pages]
    ours = provenance_bodies(binary, corpus, files)
    theirs = trafilatura_bodies({name: os.path.join(corpus, "html", name + ".gz") for name in files}) if use_trafilatura else None
    our_counts = {name: page_counts(ours.get(name, ""), w, wo) for name, w, wo in pages}
    their_counts = {name: page_counts(theirs.get(name, ""), w, wo) for name, w, wo in pages} if theirs is not None else None
    lost = []
    if their_counts is not None:
        lost = [name for name in files if holds_half(their_counts[name]) and not holds_half(our_counts[name])]
    parts = {}
    for part in SPLITS[1:]:
        names = [name for name in files if split_of(name) == part]
        if names and len(names) < len(files):
            parts[part] = (len(names), figures(our_counts[n] for n in names),
                           figures(their_counts[n] for n in names) if their_counts is not None else None,
                           sum(split_of(n) == part for n in lost))
    return {
        "pages": pages, "ours": ours, "theirs": theirs, "our_counts": our_counts, "their_counts": their_counts,
        "figures": figures(our_counts.values()),
        "trafilatura": figures(their_counts.values()) if their_counts is not None else None,
        "lost": lost, "parts": parts,
    }


def print_report(result, worst=0, page=None):
    precision, recall, f1, accuracy = result["figures"]
    print(f"trafilatura-eval snippets: {len(result['pages'])} pages")
    print(f"  provenance   P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  accuracy {accuracy:.3f}")
    if result["trafilatura"] is not None:
        precision, recall, f1, accuracy = result["trafilatura"]
        print(f"  trafilatura  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  accuracy {accuracy:.3f}")
        print(f"  articles lost (trafilatura holds half the `with` snippets or more, we hold under half): {len(result['lost'])}")
        for name in result["lost"]:
            ours, theirs = result["our_counts"][name], result["their_counts"][name]
            total = ours["tp"] + ours["fn"]
            print(f"    {name} ({split_of(name)}): ours {ours['tp']}/{total}, trafilatura {theirs['tp']}/{total}")
    else:
        print("  trafilatura: not installed (pip install trafilatura lxml_html_clean), not compared")
    for part, (count, ours, theirs, lost) in result["parts"].items():
        line = f"  {part:<5} {count:>3} pages: provenance P {ours[0]:.3f}  R {ours[1]:.3f}  F1 {ours[2]:.3f}"
        if theirs is not None:
            line += f"; trafilatura F1 {theirs[2]:.3f}; articles lost {lost}"
        print(line)
    if worst:
        ranked = sorted(result["pages"], key=lambda p: (result["our_counts"][p[0]]["fn"] + result["our_counts"][p[0]]["fp"]), reverse=True)
        print()
        for name, _, _ in ranked[:worst]:
            c = result["our_counts"][name]
            print(f"  {name} ({split_of(name)}): missed {c['fn']} of {c['tp'] + c['fn']}, leaked {c['fp']} of {c['fp'] + c['tn']}")
    if page:
        wanted = page[:-3] if page.endswith(".gz") else page  # the corpus' file name, gzipped or not
        found = next((p for p in result["pages"] if p[0].startswith(wanted)), None)
        if found is None:
            print(f"=== {page}: no such page in the corpus")
            return
        name, with_snippets, without_snippets = found
        body = normalise(result["ours"].get(name, ""))
        print(f"=== {name}")
        for snippet in with_snippets:
            print(("  found   " if snippet in body else "  MISSED  ") + snippet[:150])
        for snippet in without_snippets:
            print(("  LEAKED  " if snippet in body else "  kept out ") + snippet[:150])
        print("=== body")
        print(result["ours"].get(name, ""))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(root, ".build", "release", "provenance"))
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "trafilatura-eval"))
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the most snippets wrong")
    parser.add_argument("--page", help="show one page's snippets and our body (file name prefix)")
    parser.add_argument("--no-trafilatura", action="store_true", help="do not run trafilatura even when installed")
    parser.add_argument("--split", choices=SPLITS, default="all", help="score the tuning or the dev pages alone")
    arguments = parser.parse_args()
    result = evaluate(arguments.binary, arguments.corpus, not arguments.no_trafilatura, arguments.split)
    if result is None:
        print(f"skipped: {arguments.corpus}/evaldata.json not found (the corpus lives in ../shared)", file=sys.stderr)
        return 0
    print_report(result, arguments.worst, arguments.page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
