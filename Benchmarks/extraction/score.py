#!/usr/bin/env python3
"""Scores `provenance extract` bodies against the article-extraction-benchmark.

The metric is the benchmark's own (its README describes evaluate.py):
tokens are \\w+ matches (Unicode), compared as multisets of 4-gram shingles;
per page, tp/fp/fn are normalised to sum to 1; precision and recall are the
means over pages and F1 = 2PR/(P+R) of those means. "accuracy" is the share
of pages whose token list equals the truth exactly. The standard deviation of
F1 comes from a bootstrap over pages (1000 resamples, fixed seed).

Usage:
  Benchmarks/extraction/score.py [--binary .build/release/provenance]
                                 [--corpus ../shared/corpus/article-extraction-benchmark]
                                 [--worst N] [--page ID]
"""
import argparse
import collections
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, size=4):
    tokens = TOKEN.findall(text or "")
    if len(tokens) < size:
        return collections.Counter([tuple(tokens)]) if tokens else collections.Counter()
    return collections.Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def page_scores(truth, predicted):
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return precision, recall


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(root, ".build", "release", "provenance"))
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "article-extraction-benchmark"))
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    parser.add_argument("--page", help="print truth and prediction for one page id (prefix)")
    arguments = parser.parse_args()

    truth_path = os.path.join(arguments.corpus, "ground-truth.json")
    if not os.path.exists(truth_path):
        print(f"skipped: {truth_path} not found (the benchmark corpus lives in ../shared)", file=sys.stderr)
        return 0
    truth = json.load(open(truth_path, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as workdir:
        paths = {}
        for page in sorted(truth):
            source = os.path.join(arguments.corpus, "html", page + ".html.gz")
            target = os.path.join(workdir, page + ".html")
            with gzip.open(source, "rb") as compressed, open(target, "wb") as plain:
                plain.write(compressed.read())
            paths[target] = page
        run = subprocess.run([arguments.binary, "extract", "--format", "json", *paths],
                             capture_output=True, text=True)
        if run.stderr:
            print(run.stderr, file=sys.stderr, end="")
        predicted = {}
        for line in run.stdout.splitlines():
            record = json.loads(line)
            predicted[paths[record["path"]]] = record["body"]

    results = {}
    for page in sorted(truth):
        results[page] = page_scores(truth[page]["articleBody"], predicted.get(page, ""))
    pages = sorted(results)
    precision = sum(results[p][0] for p in pages) / len(pages)
    recall = sum(results[p][1] for p in pages) / len(pages)
    exact = sum(TOKEN.findall(truth[p]["articleBody"]) == TOKEN.findall(predicted.get(p, "")) for p in pages)

    generator = random.Random(0)
    samples = []
    for _ in range(1000):
        chosen = [generator.choice(pages) for _ in pages]
        samples.append(f1(sum(results[p][0] for p in chosen) / len(chosen), sum(results[p][1] for p in chosen) / len(chosen)))
    mean = sum(samples) / len(samples)
    deviation = (sum((s - mean) ** 2 for s in samples) / len(samples)) ** 0.5

    print(f"pages      {len(pages)}")
    print(f"precision  {precision:.3f}")
    print(f"recall     {recall:.3f}")
    print(f"F1         {f1(precision, recall):.3f} ± {deviation:.3f}")
    print(f"accuracy   {exact / len(pages):.3f}")
    if arguments.worst:
        print()
        ranked = sorted(pages, key=lambda p: f1(*results[p]))
        for page in ranked[:arguments.worst]:
            p, r = results[page]
            print(f"{f1(p, r):.3f}  P {p:.3f}  R {r:.3f}  {page[:12]}  {truth[page]['url'][:90]}")
    if arguments.page:
        page = next(p for p in pages if p.startswith(arguments.page))
        print("=== truth"); print(truth[page]["articleBody"])
        print("=== predicted"); print(predicted.get(page, ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
