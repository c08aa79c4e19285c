#!/usr/bin/env python3
"""Score attribution on PolNeAR-format data: BRAT standoff Source/Cue/Content spans.

Standard library only. Runs `BINARY report --format json` and `BINARY check --format json`
on the split's texts and compares their claims with the annotations.

    python3 Tests/AttributionEvaluation/polnear.py                      # dev split, release binary
    python3 Tests/AttributionEvaluation/polnear.py --split train --binary .build/debug/provenance
    python3 Tests/AttributionEvaluation/polnear.py --floors Tests/AttributionEvaluation/polnear-floors.json
    python3 Tests/AttributionEvaluation/polnear.py --errors 40          # print missed and spurious ones

The split is a folder with `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (the
lexicographically first annotator's file is used). Offsets are Unicode code points, which are
Python string indices and the scalar offsets our JSON carries.

The metric is the corpus' own (see its README.txt):
- **content**: each gold attribution, in order, pairs with the unused predicted claim whose content
  overlaps it most, when the overlap is at least half of each one's length. Precision = paired /
  predicted, recall = paired / gold. Predictions are the claims of kind direct, mixed and indirect.
- **source** and **cue** on a pair: right when the predicted span overlaps the gold one; a gold
  attribution without a source (or cue) counts as right. **full** F1 counts the pairs where
  content, source and cue all hold.
- **recall by cue**: the gold attributions whose cue is a speech cue (a form of "say", "tell",
  "according to" and the other verbs of SPEECH below), and all the others (beliefs, intentions,
  perceptions, documents, polls…).
- **check**: of the gold attributions, the share that `check` reports as `unattributed` (an
  unattributed finding covers at least half of the gold content); of the `unattributed` findings,
  the share that hold a gold attribution (they cover at least half of a gold content, or a gold
  cue lies inside them).

`--floors FILE` (a JSON object of figure name → minimum) makes the exit status 1 when a figure is
below its floor; otherwise the script exits 0 whenever it prints figures, and 2 when the corpus
or the binary is missing or fails.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.join(os.path.dirname(REPO_ROOT), "shared", "corpus", "polnear")
DEFAULT_BINARY = os.path.join(REPO_ROOT, ".build", "release", "provenance")
KINDS = ("direct", "mixed", "indirect")

# Verbs of speech, by their forms; a cue holding one of these words (or "according to") is a
# speech cue. Everything else (believe, want, show, plan, decline…) is "other".
SPEECH = set("""
say says said saying tell tells told telling add adds added adding ask asks asked asking
write writes wrote written writing tweet tweets tweeted tweeting state states stated stating
announce announces announced announcing explain explains explained explaining note notes noted
noting claim claims claimed claiming argue argues argued arguing insist insists insisted insisting
reply replies replied replying respond responds responded responding comment comments commented
commenting declare declares declared declaring report reports reported reporting quote quotes quoted
quoting testify testifies testified testifying warn warns warned warning acknowledge acknowledges
acknowledged acknowledging admit admits admitted admitting remark remarks remarked stress stresses
stressed answer answers answered speak speaks spoke spoken speaking talk talks talked talking
""".split())


def parse_ann(path):
    """[(source spans, cue spans, content spans)] of a BRAT standoff file."""
    spans = {}
    events = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^(T\d+)\t(\S+) ([\d ;]+)\t", line)
            if m:
                spans[m.group(1)] = [tuple(map(int, s.split())) for s in m.group(3).split(";")]
                continue
            m = re.match(r"^(E\d+)\t(.*)$", line)
            if m:
                roles = {}
                for part in m.group(2).split():
                    key, _, value = part.partition(":")
                    roles.setdefault(re.sub(r"\d+$", "", key), []).append(value)
                events.append(roles)
    attributions = []
    for roles in events:
        def get(role):
            return sorted(s for t in roles.get(role, []) for s in spans.get(t, []))
        content = get("Content")
        if not content:
            continue
        attributions.append({"source": get("Source"), "cue": get("Cue"), "content": content})
    return attributions


def load_split(folder):
    docs = []
    for path in sorted(glob.glob(os.path.join(folder, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(folder, "attributions", glob.escape(name) + "_*.ann")))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        docs.append({"name": name, "path": path, "text": text, "gold": parse_ann(anns[0]) if anns else []})
    return docs


def run_json(binary, args, paths):
    """The binary's JSON output for the files, run in batches."""
    outputs = []
    for start in range(0, len(paths), 200):
        batch = paths[start:start + 200]
        proc = subprocess.run([binary] + args + batch, capture_output=True, text=True)
        if proc.returncode not in (0, 1) or not proc.stdout.strip():
            sys.stderr.write("polnear.py: error: %s %s failed (exit %d): %s\n"
                             % (binary, " ".join(args), proc.returncode, proc.stderr.strip()[:500]))
            sys.exit(2)
        outputs.append(json.loads(proc.stdout))
    return outputs


def collect(docs, binary):
    by_path = {os.path.abspath(d["path"]): d for d in docs}
    for d in docs:
        d["pred"], d["findings"] = [], []
    paths = [d["path"] for d in docs]
    for report in run_json(binary, ["report", "--format", "json", "--quiet"], paths):
        ids = {e["id"]: by_path.get(os.path.abspath(e["path"])) for e in report.get("documents", [])}
        for claim in report.get("claims", []):
            doc = ids.get(claim.get("document"))
            if doc is None or claim.get("kind") not in KINDS:
                continue
            source = (claim.get("source") or {}).get("mention")
            cue = claim.get("cue")
            doc["pred"].append({
                "content": [(claim["content"]["start"], claim["content"]["end"])],
                "source": [(source["start"], source["end"])] if source else [],
                "cue": [(cue["start"], cue["end"])] if cue else [],
                "kind": claim["kind"],
            })
    for check in run_json(binary, ["check", "--format", "json", "--quiet", "--fail-on", "none"], paths):
        for finding in check.get("findings", []):
            doc = by_path.get(os.path.abspath(finding.get("path", "")))
            if doc is not None and finding.get("category") == "unattributed":
                doc["findings"].append((finding["start"], finding["end"]))


def length(spans):
    return sum(e - s for s, e in spans)


def overlap(a, b):
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def is_speech(doc, gold):
    words = re.findall(r"[a-z]+", " ".join(doc["text"][s:e] for s, e in gold["cue"]).lower())
    return any(w in SPEECH for w in words) or "according" in words


def score(docs):
    t = dict.fromkeys(["gold", "pred", "pairs", "source", "cue", "full", "speech", "speech_found",
                       "other", "other_found", "gold_unattributed", "findings", "findings_holding"], 0)
    errors = {"missed": [], "spurious": [], "wrong source": [], "wrong cue": []}
    for doc in docs:
        gold, pred = doc["gold"], doc["pred"]
        t["gold"] += len(gold)
        t["pred"] += len(pred)
        used = set()
        for g in gold:
            best, best_overlap = None, 0
            for i, p in enumerate(pred):
                if i in used:
                    continue
                o = overlap(g["content"], p["content"])
                if o * 2 >= length(g["content"]) and o * 2 >= length(p["content"]) and o > best_overlap:
                    best, best_overlap = i, o
            speech = is_speech(doc, g)
            t["speech" if speech else "other"] += 1
            if best is None:
                errors["missed"].append((doc, g))
                continue
            used.add(best)
            p = pred[best]
            t["pairs"] += 1
            t["speech_found" if speech else "other_found"] += 1
            source_ok = not g["source"] or overlap(g["source"], p["source"]) > 0
            cue_ok = not g["cue"] or overlap(g["cue"], p["cue"]) > 0
            t["source"] += source_ok
            t["cue"] += cue_ok
            t["full"] += source_ok and cue_ok
            if not source_ok:
                errors["wrong source"].append((doc, g, p))
            elif not cue_ok:
                errors["wrong cue"].append((doc, g, p))
        errors["spurious"].extend((doc, p) for i, p in enumerate(pred) if i not in used)
        for g in gold:
            if any(overlap(g["content"], [f]) * 2 >= length(g["content"]) for f in doc["findings"]):
                t["gold_unattributed"] += 1
        for f in doc["findings"]:
            t["findings"] += 1
            if any(overlap(g["content"], [f]) * 2 >= length(g["content"])
                   or any(f[0] <= s and e <= f[1] for s, e in g["cue"]) for g in gold):
                t["findings_holding"] += 1

    def ratio(a, b):
        return a / b if b else 0.0

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    precision, recall = ratio(t["pairs"], t["pred"]), ratio(t["pairs"], t["gold"])
    full_p, full_r = ratio(t["full"], t["pred"]), ratio(t["full"], t["gold"])
    figures = {
        "documents": len(docs), "gold": t["gold"], "predicted": t["pred"],
        "content_precision": precision, "content_recall": recall, "content_f1": f1(precision, recall),
        "source": ratio(t["source"], t["pairs"]), "cue": ratio(t["cue"], t["pairs"]),
        "full_precision": full_p, "full_recall": full_r, "full_f1": f1(full_p, full_r),
        "recall_speech": ratio(t["speech_found"], t["speech"]), "speech": t["speech"],
        "recall_other": ratio(t["other_found"], t["other"]), "other": t["other"],
        "gold_reported_unattributed": ratio(t["gold_unattributed"], t["gold"]),
        "unattributed_findings": t["findings"],
        "findings_holding_gold": ratio(t["findings_holding"], t["findings"]),
    }
    return figures, errors


def show(doc, spans):
    return " | ".join(doc["text"][s:e].replace("\n", " ") for s, e in spans)


def print_errors(errors, count):
    for kind, items in errors.items():
        print("\n== %s (%d) ==" % (kind, len(items)))
        for item in items[:count]:
            doc = item[0]
            if kind == "spurious":
                p = item[1]
                print("- %s: [%s] <%s> %s" % (doc["name"], show(doc, p["source"]), show(doc, p["cue"]), show(doc, p["content"])[:160]))
            else:
                g = item[1]
                print("- %s: gold [%s] <%s> %s" % (doc["name"], show(doc, g["source"]), show(doc, g["cue"]), show(doc, g["content"])[:160]))
                if len(item) > 2:
                    p = item[2]
                    print("      ours [%s] <%s> %s" % (show(doc, p["source"]), show(doc, p["cue"]), show(doc, p["content"])[:160]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="the PolNeAR folder (default: ../shared/corpus/polnear)")
    parser.add_argument("--split", default="dev", help="a split of the corpus (dev, train) or a folder of that shape")
    parser.add_argument("--binary", default=DEFAULT_BINARY)
    parser.add_argument("--floors", help="a JSON object of figure → minimum; exit 1 below one")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    folder = args.split if os.path.isdir(args.split) else os.path.join(args.corpus, args.split)
    if not os.path.isdir(os.path.join(folder, "text")):
        sys.stderr.write("polnear.py: error: %s: no PolNeAR split here (is ../shared beside the repo?)\n" % folder)
        return 2
    if not os.access(args.binary, os.X_OK):
        sys.stderr.write("polnear.py: error: %s: no binary (swift build -c release)\n" % args.binary)
        return 2
    docs = load_split(folder)
    collect(docs, args.binary)
    figures, errors = score(docs)
    if args.json:
        print(json.dumps(figures, indent=1, sort_keys=True))
    else:
        print("PolNeAR %s: %d documents, %d gold attributions, %d predicted"
              % (os.path.basename(os.path.normpath(folder)), figures["documents"], figures["gold"], figures["predicted"]))
        print("  content  P %.3f  R %.3f  F1 %.3f" % (figures["content_precision"], figures["content_recall"], figures["content_f1"]))
        print("  on pairs source %.3f  cue %.3f" % (figures["source"], figures["cue"]))
        print("  full     P %.3f  R %.3f  F1 %.3f" % (figures["full_precision"], figures["full_recall"], figures["full_f1"]))
        print("  recall   speech cues %.3f (%d)  other cues %.3f (%d)"
              % (figures["recall_speech"], figures["speech"], figures["recall_other"], figures["other"]))
        print("  check    gold reported unattributed %.3f  unattributed findings holding gold %.3f (of %d)"
              % (figures["gold_reported_unattributed"], figures["findings_holding_gold"], figures["unattributed_findings"]))
    if args.errors:
        print_errors(errors, args.errors)
    if args.floors:
        with open(args.floors, encoding="utf-8") as f:
            floors = json.load(f)
        failed = []
        for name, floor in sorted(floors.items()):
            value = figures[name]
            # Figures where less is better carry their ceiling as {"max": x}.
            if isinstance(floor, dict):
                if value > floor["max"]:
                    failed.append("%s %.3f above its ceiling %.3f" % (name, value, floor["max"]))
            elif value < floor:
                failed.append("%s %.3f below its floor %.3f" % (name, value, floor))
        for line in failed:
            sys.stderr.write("polnear.py: %s\n" % line)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
