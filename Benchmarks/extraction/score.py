#!/usr/bin/env python3
"""Scores `provenance extract` bodies against the article-extraction-benchmark,
then (when it is there) on trafilatura's snippet corpus (snippets.py).

The metric is the benchmark's own (its README describes evaluate.py):
tokens are \\w+ matches (Unicode), compared as multisets of 4-gram shingles;
per page, tp/fp/fn are normalised to sum to 1; precision and recall are the
means over pages and F1 = 2PR/(P+R) of those means. "accuracy" is the share
of pages whose token list equals the truth exactly. The standard deviation of
F1 comes from a bootstrap over pages (1000 resamples, fixed seed).

With trafilatura installed (pip install trafilatura lxml_html_clean) its
bodies are scored beside ours on both corpora, and the pages where we lose
the article it finds are listed: on the benchmark, its F1 is 0.8 or more
and ours under 0.5.

Usage:
  Benchmarks/extraction/score.py [--binary .build/release/provenance]
                                 [--corpus ../shared/corpus/article-extraction-benchmark]
                                 [--snippets ../shared/corpus/trafilatura-eval | --no-snippets]
                                 [--no-trafilatura] [--worst N] [--page ID]
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

import snippets

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
    parser.add_argument("--snippets", default=os.path.join(root, "..", "shared", "corpus", "trafilatura-eval"),
                        help="trafilatura's snippet corpus, scored after the benchmark")
    parser.add_argument("--no-snippets", action="store_true", help="score the benchmark alone")
    parser.add_argument("--no-trafilatura", action="store_true", help="do not run trafilatura even when installed")
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

    theirs = None if arguments.no_trafilatura else snippets.trafilatura_bodies(
        {p: os.path.join(arguments.corpus, "html", p + ".html.gz") for p in pages})
    print(f"pages      {len(pages)}")
    print(f"precision  {precision:.3f}")
    print(f"recall     {recall:.3f}")
    print(f"F1         {f1(precision, recall):.3f} ± {deviation:.3f}")
    print(f"accuracy   {exact / len(pages):.3f}")
    if theirs is not None:
        their_results = {p: page_scores(truth[p]["articleBody"], theirs.get(p, "")) for p in pages}
        their_precision = sum(their_results[p][0] for p in pages) / len(pages)
        their_recall = sum(their_results[p][1] for p in pages) / len(pages)
        print(f"trafilatura P {their_precision:.3f}  R {their_recall:.3f}  F1 {f1(their_precision, their_recall):.3f}")
        lost = [p for p in pages if f1(*their_results[p]) >= 0.8 and f1(*results[p]) < 0.5]
        print(f"articles lost (trafilatura F1 >= 0.8, ours < 0.5): {len(lost)}")
        for page in lost:
            print(f"  {page[:12]}  ours {f1(*results[page]):.3f}, trafilatura {f1(*their_results[page]):.3f}  {truth[page]['url'][:80]}")
    elif not arguments.no_trafilatura:
        print("trafilatura: not installed (pip install trafilatura lxml_html_clean), not compared")
    if not arguments.no_snippets:
        result = snippets.evaluate(arguments.binary, arguments.snippets, not arguments.no_trafilatura)
        print()
        if result is None:
            print(f"skipped: {arguments.snippets}/evaldata.json not found (the snippet corpus lives in ../shared)")
        else:
            snippets.print_report(result)
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
