#!/usr/bin/env python3
"""Scores same-claim linking on the Microsoft Research Paraphrase corpus, as
the linker meets sentences: each sentence of each pair is made a one-claim
plain-text document, all of them go through one `provenance report` (one
process), and a pair counts as "same" when a same_as link joins a claim of one
to a claim of the other. Prints precision, recall, F1 and accuracy at the
shipped threshold, and the sweep over the threshold.

Two modes:

  msrp.py --shipped [--pairs FILE]
      the shipped defaults on every pair of FILE (the training split by
      default; the held-out test split is scored so by those who keep it).
      Two runs: one with the defaults (the figures), one with a low
      threshold that gives each linked pair's similarity (the sweep).

  msrp.py [--folds 5]
      k-fold cross-validation on the training split, for figures never
      fitted on the pairs they score: the pairs are put in K fixed folds
      (pairs that share a sentence, directly or through others, in one
      fold); for each fold `provenance-train similarity` learns the
      similarity's weights on the other folds (and our own pairs) into a
      temporary model, and one `report` with that model scores the fold.
      The figures are over all folds together.

The corpus' sentences are third-party: they are written to a temporary
folder and deleted, never into the repository.

Usage:
  Benchmarks/linking/msrp.py [--binary .build/release/provenance]
      [--trainer .build/release/provenance-train] [--pairs FILE]
      [--shipped | --folds K] [--min-f1 X --min-accuracy Y]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_PAIRS = os.path.join(ROOT, "..", "shared", "corpus", "msrp", "msr_paraphrase_train.txt")
# The sweep's lowest threshold: every pair scoring at least this is linked in
# the sweep's run, with its similarity.
SWEEP_FLOOR = 0.05


def read_pairs(path):
    """(same, id1, id2, sentence1, sentence2) per line; tab-separated, no quoting."""
    pairs = []
    with open(path, encoding="utf-8-sig") as handle:
        header = handle.readline()
        assert header.startswith("Quality"), "not an MSRP file: " + path
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5:
                continue
            pairs.append((fields[0] == "1", fields[1], fields[2], fields[3], fields[4]))
    return pairs


def folds(pairs, count):
    """A fold number per pair: pairs joined through a shared sentence are one
    group, and groups go to folds in turn, in the order of their first pair."""
    parent = {}

    def find(item):
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for _, a, b, _, _ in pairs:
        parent[find(a)] = find(b)
    numbers = {}
    result = []
    for _, a, _, _, _ in pairs:
        group = find(a)
        if group not in numbers:
            numbers[group] = len(numbers) % count
        result.append(numbers[group])
    return result


def link_scores(binary, pairs, threshold=None, model=None):
    """The highest same_as similarity between the two documents of each pair
    (None when no link joins them), from one `report` over all documents."""
    folder = tempfile.mkdtemp(prefix="msrp-")
    try:
        names = []
        for number, (_, _, _, first, second) in enumerate(pairs):
            for side, sentence in (("a", first), ("b", second)):
                name = os.path.join(folder, "p%05d-%s.txt" % (number, side))
                with open(name, "w", encoding="utf-8") as handle:
                    handle.write(sentence + "\n")
                names.append(name)
        listing = os.path.join(folder, "inputs.list")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.write("\n".join(names) + "\n")
        command = [binary, "report", "--format", "json", "--quiet", "--files-from", listing]
        if threshold is not None:
            command += ["--link-threshold", str(threshold)]
        if model is not None:
            command += ["--linking-model", model]
        output = subprocess.run(command, check=True, capture_output=True).stdout
        report = json.loads(output)
    finally:
        shutil.rmtree(folder)
    path_of = {document["id"]: os.path.basename(document["path"]) for document in report["documents"]}
    pair_of = {}
    for claim in report["claims"]:
        name = path_of[claim["document"]]
        pair_of[claim["id"]] = (int(name[1:6]), name[7])
    scores = [None] * len(pairs)
    for claim in report["claims"]:
        number, side = pair_of[claim["id"]]
        for same in claim.get("same_as", []):
            other_number, other_side = pair_of[same["claim"]]
            if other_number == number and other_side != side:
                value = same["similarity"]
                if scores[number] is None or value > scores[number]:
                    scores[number] = value
    return scores


def figures(labels, predictions):
    tp = sum(1 for label, guess in zip(labels, predictions) if label and guess)
    fp = sum(1 for label, guess in zip(labels, predictions) if not label and guess)
    fn = sum(1 for label, guess in zip(labels, predictions) if label and not guess)
    tn = len(labels) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, (tp + tn) / len(labels)


def print_figures(title, labels, predictions):
    precision, recall, f1, accuracy = figures(labels, predictions)
    print("%s: precision %.3f recall %.3f F1 %.3f accuracy %.3f (%d pairs, %d linked)"
          % (title, precision, recall, f1, accuracy, len(labels), sum(predictions)))
    return f1, accuracy


def print_sweep(labels, scores, shipped):
    print("threshold  precision  recall  F1     accuracy")
    steps = [round(0.05 * step, 2) for step in range(2, 20)]
    if shipped is not None and shipped not in steps:
        steps = sorted(steps + [shipped])
    for threshold in steps:
        predictions = [score is not None and score >= threshold for score in scores]
        precision, recall, f1, accuracy = figures(labels, predictions)
        mark = "  (shipped)" if shipped is not None and abs(threshold - shipped) < 1e-9 else ""
        print("%.2f       %.3f      %.3f   %.3f  %.3f%s" % (threshold, precision, recall, f1, accuracy, mark))


def shipped_threshold(binary):
    """The shipped same-claim threshold, as `provenance report --help` states it."""
    text = subprocess.run([binary, "report", "--help"], check=True, capture_output=True, text=True).stdout
    option = text[text.index("--link-threshold"):]
    return float(option.split("default:")[1].split(")")[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "provenance"))
    parser.add_argument("--trainer", default=os.path.join(ROOT, ".build", "release", "provenance-train"))
    parser.add_argument("--pairs", default=DEFAULT_PAIRS)
    parser.add_argument("--shipped", action="store_true", help="score the shipped defaults (no cross-validation)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-f1", type=float)
    parser.add_argument("--min-accuracy", type=float)
    args = parser.parse_args()
    if not os.path.exists(args.pairs):
        print("msrp: %s absent; skipped" % args.pairs)
        return 0
    pairs = read_pairs(args.pairs)
    labels = [pair[0] for pair in pairs]
    threshold = shipped_threshold(args.binary)
    print("%d pairs, %.1f %% same; shipped threshold %s" % (len(pairs), 100.0 * sum(labels) / len(pairs), threshold))
    if args.shipped:
        linked = link_scores(args.binary, pairs)
        f1, accuracy = print_figures("shipped defaults", labels, [score is not None for score in linked])
        scores = link_scores(args.binary, pairs, threshold=SWEEP_FLOOR)
    else:
        fold_of = folds(pairs, args.folds)
        scores = [None] * len(pairs)
        work = tempfile.mkdtemp(prefix="msrp-cv-")
        try:
            for fold in range(args.folds):
                training = os.path.join(work, "train.tsv")
                with open(training, "w", encoding="utf-8") as handle:
                    handle.write("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n")
                    for pair, number in zip(pairs, fold_of):
                        if number != fold:
                            handle.write("%d\t%s\t%s\t%s\t%s\n" % (1 if pair[0] else 0, pair[1], pair[2], pair[3], pair[4]))
                model = os.path.join(work, "fold.model")
                subprocess.run([args.trainer, "similarity", "--msrp", training, "--output", model, "--quiet"], check=True)
                members = [index for index, number in enumerate(fold_of) if number == fold]
                fold_scores = link_scores(args.binary, [pairs[index] for index in members], threshold=SWEEP_FLOOR, model=model)
                for index, score in zip(members, fold_scores):
                    scores[index] = score
                fold_labels = [labels[index] for index in members]
                print_figures("fold %d" % (fold + 1), fold_labels,
                              [score is not None and score >= threshold for score in fold_scores])
        finally:
            shutil.rmtree(work)
        f1, accuracy = print_figures("%d-fold cross-validation, shipped threshold" % args.folds, labels,
                                     [score is not None and score >= threshold for score in scores])
    print_sweep(labels, scores, threshold)
    failed = (args.min_f1 is not None and f1 < args.min_f1) or (args.min_accuracy is not None and accuracy < args.min_accuracy)
    if failed:
        print("msrp: below the floors (F1 %.3f < %s or accuracy %.3f < %s)" % (f1, args.min_f1, accuracy, args.min_accuracy))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
