#!/usr/bin/env python3
"""Score `provenance report --format json` against the hand-annotated texts.

Standard library only. See README.md beside this file for the tag format.

    python3 Tests/AttributionEvaluation/score.py               # run the release binary
    python3 Tests/AttributionEvaluation/score.py --binary PATH # another binary
    python3 Tests/AttributionEvaluation/score.py --predictions out.json
    python3 Tests/AttributionEvaluation/score.py --self-check  # gold vs gold, no binary
    python3 Tests/AttributionEvaluation/score.py --stats       # tally of the annotations

All offsets are Unicode code points into the plain (tag-stripped) text, which is
exactly what Python string indices are.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
ANNOTATED = os.path.join(HERE, "annotated")
DEFAULT_BINARY = os.path.join(".build", "release", "provenance")

KINDS = ("direct", "mixed", "indirect")
TAG_RE = re.compile(r"<(/?)([sqc])(\d+)((?:\s+[a-z]+=\"[^\"]*\")*)\s*>")
ATTR_RE = re.compile(r"([a-z]+)=\"([^\"]*)\"")
ALLOWED_ATTRS = {"s": {"ref", "via"}, "c": set(), "q": {"kind", "cont"}}
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
OPENING_QUOTES = "\"'\u201c\u2018\u00ab"
# Leading/trailing material ignored by strict matching.
TRIM_CHARS = " \t\r\n" + QUOTE_CHARS + ".,;:!?\u2026-\u2013\u2014()[]"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their", "its"}


class AnnotationError(Exception):
    pass


# ---------------------------------------------------------------------------
# Gold annotations
# ---------------------------------------------------------------------------

class Attribution:
    def __init__(self, doc, n):
        self.doc = doc          # file name
        self.n = n              # the N of the tags
        self.source = None      # (start, end) or None
        self.ref = None
        self.via = None
        self.cue = None         # (start, end) or None
        self.segments = []      # [(start, end), ...] content segments
        self.kind = None
        self.cont = None        # N of the attribution this one continues

    @property
    def length(self):
        return sum(e - s for s, e in self.segments)

    @property
    def hull(self):
        return (min(s for s, _ in self.segments), max(e for _, e in self.segments))

    def label(self):
        return "%s#%d" % (self.doc, self.n)


class Document:
    def __init__(self, name, text, attributions, warnings):
        self.name = name
        self.text = text
        self.attributions = attributions  # list, ordered by N
        self.by_n = {a.n: a for a in attributions}
        self.warnings = warnings

    def resolved_source(self, a):
        """The attribution that carries the source for `a` (follows cont=)."""
        seen = set()
        while a.cont is not None and a.n not in seen:
            seen.add(a.n)
            nxt = self.by_n.get(a.cont)
            if nxt is None:
                break
            a = nxt
        return a


def parse_annotated(name, raw):
    """Strip the tags of one annotated file; return a Document."""
    warnings = []
    plain = []
    pos = 0          # position in raw
    out_len = 0      # length of the plain text so far (code points)
    stack = []       # open tags: (letter, n, attrs, start)
    attrs_by_n = OrderedDict()

    def get(n):
        if n not in attrs_by_n:
            attrs_by_n[n] = Attribution(name, n)
        return attrs_by_n[n]

    for m in TAG_RE.finditer(raw):
        chunk = raw[pos:m.start()]
        plain.append(chunk)
        out_len += len(chunk)
        pos = m.end()
        closing, letter, n = m.group(1) == "/", m.group(2), int(m.group(3))
        attrs = dict(ATTR_RE.findall(m.group(4) or ""))
        line = raw.count("\n", 0, m.start()) + 1
        where = "%s:%d" % (name, line)
        if not closing:
            bad = set(attrs) - ALLOWED_ATTRS[letter]
            if bad:
                warnings.append("%s: unexpected attribute(s) %s on <%s%d>" % (where, sorted(bad), letter, n))
            stack.append((letter, n, attrs, out_len, where))
            continue
        if closing and attrs:
            raise AnnotationError("%s: attributes on closing tag </%s%d>" % (where, letter, n))
        if not stack:
            raise AnnotationError("%s: </%s%d> without an opening tag" % (where, letter, n))
        o_letter, o_n, o_attrs, start, o_where = stack.pop()
        if (o_letter, o_n) != (letter, n):
            raise AnnotationError("%s: </%s%d> closes <%s%d> opened at %s (tags must nest)"
                                  % (where, letter, n, o_letter, o_n, o_where))
        span = (start, out_len)
        if span[0] == span[1]:
            warnings.append("%s: empty <%s%d>" % (where, letter, n))
        a = get(n)
        if letter == "s":
            if a.source is not None:
                raise AnnotationError("%s: attribution %d has two sources" % (where, n))
            a.source = span
            a.ref = o_attrs.get("ref")
            a.via = o_attrs.get("via")
        elif letter == "c":
            if a.cue is not None:
                raise AnnotationError("%s: attribution %d has two cues" % (where, n))
            a.cue = span
        else:
            kind = o_attrs.get("kind")
            if kind not in KINDS:
                raise AnnotationError("%s: <q%d> needs kind=\"direct|mixed|indirect\", got %r" % (where, n, kind))
            if a.kind is not None and a.kind != kind:
                raise AnnotationError("%s: segments of attribution %d disagree on kind" % (where, n))
            a.kind = kind
            if "cont" in o_attrs:
                try:
                    a.cont = int(o_attrs["cont"])
                except ValueError:
                    raise AnnotationError("%s: cont=%r is not a number" % (where, o_attrs["cont"]))
            a.segments.append(span)
    if stack:
        letter, n, _, _, where = stack[-1]
        raise AnnotationError("%s: <%s%d> is never closed" % (where, letter, n))
    plain.append(raw[pos:])
    text = "".join(plain)

    if re.search(r"</?[a-z]+\d*[ >]", text):
        warnings.append("%s: something tag-like is left in the plain text" % name)

    attributions = sorted(attrs_by_n.values(), key=lambda a: a.n)
    by_n = {a.n: a for a in attributions}
    for a in attributions:
        w = "%s attribution %d" % (name, a.n)
        if not a.segments:
            raise AnnotationError("%s has no content <q%d>" % (w, a.n))
        a.segments.sort()
        for (s1, e1), (s2, e2) in zip(a.segments, a.segments[1:]):
            if s2 < e1:
                warnings.append("%s: content segments overlap" % w)
        if a.cont is not None:
            if a.cont not in by_n:
                raise AnnotationError("%s: cont=%d names no attribution" % (w, a.cont))
            if a.cont == a.n:
                raise AnnotationError("%s: continues itself" % w)
            if a.source is not None or a.cue is not None:
                warnings.append("%s: a continuation should have no source or cue" % w)
            if a.kind != "direct":
                warnings.append("%s: a continuation is expected to be direct" % w)
        elif a.cue is None:
            warnings.append("%s: no cue" % w)
        if a.source is not None:
            stext = text[a.source[0]:a.source[1]]
            ws = stext.split()
            nominal = len(ws) > 1 and ws[0].lower() == "the" and ws[1][:1].islower()
            if (stext.lower() in PRONOUNS or nominal) and not a.ref:
                warnings.append("%s: pronoun/nominal source %r has no ref=" % (w, stext))
        for s, e in a.segments + [x for x in (a.source, a.cue) if x]:
            seg = text[s:e]
            if seg != seg.strip():
                warnings.append("%s: span %r has leading/trailing whitespace" % (w, seg))
        segs = [text[s:e] for s, e in a.segments]
        if a.kind == "direct":
            for seg in segs:
                if not seg or seg[0] not in OPENING_QUOTES or seg[-1] not in QUOTE_CHARS:
                    warnings.append("%s: direct content %r should start and end with a quote mark"
                                    % (w, seg[:40] + ("…" if len(seg) > 40 else "")))
        elif a.kind == "mixed":
            if not any(ch in "".join(segs) for ch in QUOTE_CHARS):
                warnings.append("%s: mixed content has no quote mark" % w)
        else:
            joined = "".join(segs)
            if joined[:1] in OPENING_QUOTES and joined[-1:] in QUOTE_CHARS:
                warnings.append("%s: indirect content looks fully quoted" % w)
            if joined.lower().startswith("that "):
                warnings.append("%s: indirect content starts with 'that'" % w)
    # Layout: headline line, blank line, paragraphs.
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        warnings.append("%s: expected a headline line followed by a blank line" % name)
    words = len(text.split())
    if not 150 <= words <= 500:
        warnings.append("%s: %d words (expected 150-500)" % (name, words))
    return Document(name, text, attributions, warnings)


def merge_continuations(doc):
    """A continuation in the same paragraph as the attribution it continues is part of it:
    "“Q1,” she said. “Q2.”" is one attribution of two segments, as PolNeAR annotates real
    news and as the engine reports it (one claim whose content runs from Q1 to Q2). A
    continuation in a later paragraph stays an attribution of its own."""
    kept = []
    for a in doc.attributions:
        head = doc.by_n.get(a.cont) if a.cont is not None else None
        if head is not None and head.cont is None and "\n\n" not in doc.text[min(head.hull[1], a.hull[0]):max(head.hull[1], a.hull[0])]:
            head.segments = sorted(head.segments + a.segments)
            if head.kind != a.kind:
                head.kind = "mixed"
            continue
        kept.append(a)
    doc.attributions = kept
    doc.by_n = {a.n: a for a in kept}
    return doc


def load_gold(folder, only=None, split_continuations=False):
    docs = []
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".txt"):
            continue
        if only and not any(o in fn for o in only):
            continue
        with open(os.path.join(folder, fn), encoding="utf-8") as f:
            raw = f.read()
        doc = parse_annotated(fn, raw)
        docs.append(doc if split_continuations else merge_continuations(doc))
    return docs


# ---------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------

class Prediction:
    def __init__(self, doc, claim, sources):
        self.doc = doc
        self.id = claim.get("id")
        self.kind = claim.get("kind")
        content = claim.get("content") or {}
        self.content = (int(content.get("start", 0)), int(content.get("end", 0)))
        self.content_text = content.get("text")
        cue = claim.get("cue")
        self.cue = (int(cue["start"]), int(cue["end"])) if cue else None
        src = claim.get("source")
        self.has_source = bool(src)
        self.mention = None
        self.antecedent = None
        self.names = set()
        self.name = None
        if src:
            men = src.get("mention")
            if men:
                self.mention = (int(men["start"]), int(men["end"]))
            ante = src.get("antecedent")
            if ante:
                self.antecedent = (int(ante["start"]), int(ante["end"]))
            entity = sources.get(src.get("id")) or {}
            self.name = entity.get("name")
            for n in [entity.get("name")] + list(entity.get("aliases") or []):
                if n:
                    self.names.add(norm(n))


def norm(s):
    return " ".join(s.replace("\u2019", "'").split()).casefold()


def load_predictions(report, docs, warn):
    """Map the report's documents onto ours (by file name); return {doc name: [Prediction]}."""
    names = {d.name for d in docs}
    texts = {d.name: d.text for d in docs}
    id_to_doc = {}
    for entry in report.get("documents") or []:
        base = os.path.basename(str(entry.get("path", "")))
        if base in names:
            id_to_doc[entry.get("id")] = base
        else:
            warn("report document %r (%s) is not one of the annotated files" % (entry.get("id"), entry.get("path")))
    missing = names - set(id_to_doc.values())
    for m in sorted(missing):
        warn("no document in the report for %s" % m)
    sources = {s.get("id"): s for s in report.get("sources") or []}
    preds = {d.name: [] for d in docs}
    mismatched = Counter()
    for claim in report.get("claims") or []:
        if claim.get("kind") not in KINDS:
            continue
        doc = id_to_doc.get(claim.get("document"))
        if doc is None:
            continue
        p = Prediction(doc, claim, sources)
        s, e = p.content
        if p.content_text is not None and texts[doc][s:e] != p.content_text:
            mismatched[doc] += 1
        preds[doc].append(p)
    for doc, n in sorted(mismatched.items()):
        warn("%s: %d claim(s) whose content.text differs from the text at [start, end) "
             "(are the offsets code points?)" % (doc, n))
    return preds


# ---------------------------------------------------------------------------
# Matching and scoring
# ---------------------------------------------------------------------------

def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def content_score(pred_span, gold):
    """Overlap of the prediction with the gold segments over the longer of the two.

    The stretch between two gold segments (the "she said" of a split quote) is
    not counted against a prediction that spans it."""
    inter = sum(overlap(pred_span, seg) for seg in gold.segments)
    gaps = [(e1, s2) for (_, e1), (s2, _) in zip(gold.segments, gold.segments[1:])]
    plen = (pred_span[1] - pred_span[0]) - sum(overlap(pred_span, g) for g in gaps)
    longer = max(plen, gold.length)
    return inter / longer if longer > 0 else 0.0, inter


def trimmed(text, span):
    s, e = span
    while s < e and text[s] in TRIM_CHARS:
        s += 1
    while e > s and text[e - 1] in TRIM_CHARS:
        e -= 1
    return (s, e)


def greedy_match(doc, preds, strict=False):
    """Return [(pred, gold)] pairs, each used at most once."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(doc.attributions):
            if strict:
                tp, tg = trimmed(doc.text, p.content), trimmed(doc.text, g.hull)
                if tp == tg and tg[0] < tg[1]:
                    cands.append((1.0, 0, i, j))
            else:
                score, inter = content_score(p.content, g)
                if inter > 0 and score >= 0.5:
                    cands.append((score, inter, i, j))
    cands.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((preds[i], doc.attributions[j]))
    return pairs


def gold_keys(doc, a):
    """Names that identify the (resolved) source of attribution `a`."""
    keys = set()
    if a.ref:
        keys.add(norm(a.ref))
    if a.source:
        keys.add(norm(doc.text[a.source[0]:a.source[1]]))
    return keys


def source_correct(doc, p, g):
    owner = doc.resolved_source(g)
    if owner.source is None:
        return not p.has_source
    if not p.has_source:
        return False
    if p.mention and overlap(p.mention, owner.source) > 0:
        return True
    return bool(p.names & gold_keys(doc, owner))


def cue_correct(doc, p, g):
    if g.cue is not None:
        return p.cue is not None and overlap(p.cue, g.cue) > 0
    if p.cue is None:
        return True
    # A continuation may repeat the cue of the attribution it continues.
    owner = doc.resolved_source(g)
    if owner is not g and owner.cue is not None and overlap(p.cue, owner.cue) > 0:
        return True
    return not any(a.cue and overlap(p.cue, a.cue) > 0 for a in doc.attributions)


def prf(matched_pred, predicted, matched_gold, gold):
    p = matched_pred / predicted if predicted else 0.0
    r = matched_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs, preds):
    groups = ("all",) + KINDS
    c = {k: Counter() for k in groups}
    misses, false_pos, wrong = [], [], []
    for doc in docs:
        dp = preds.get(doc.name, [])
        pairs = greedy_match(doc, dp)
        strict_pairs = greedy_match(doc, dp, strict=True)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for g in doc.attributions:
            for k in ("all", g.kind):
                c[k]["gold"] += 1
            if id(g) not in matched_g:
                misses.append((doc, g))
        for p in dp:
            for k in ("all", p.kind):
                c[k]["pred"] += 1
            if id(p) not in matched_p:
                false_pos.append((doc, p))
        for p, g in pairs:
            flags = {"source": source_correct(doc, p, g), "cue": cue_correct(doc, p, g), "kind": p.kind == g.kind}
            for k in ("all", g.kind):
                c[k]["matched_gold"] += 1
                for f, ok in flags.items():
                    c[k][f] += ok
            c["all"]["matched_pred"] += 1
            c[p.kind]["matched_pred"] += 1
            if not all(flags.values()):
                wrong.append((doc, p, g, flags))
        for p, g in strict_pairs:
            c["all"]["strict_gold"] += 1
            c[g.kind]["strict_gold"] += 1
            c["all"]["strict_pred"] += 1
            c[p.kind]["strict_pred"] += 1
    figures = OrderedDict()
    for k in groups:
        x = c[k]
        P, R, F = prf(x["matched_pred"], x["pred"], x["matched_gold"], x["gold"])
        sP, sR, sF = prf(x["strict_pred"], x["pred"], x["strict_gold"], x["gold"])
        m = x["matched_gold"]
        figures[k] = OrderedDict([
            ("gold", x["gold"]), ("predicted", x["pred"]), ("matched", m),
            ("precision", P), ("recall", R), ("f1", F),
            ("source_accuracy", x["source"] / m if m else 0.0),
            ("cue_accuracy", x["cue"] / m if m else 0.0),
            ("kind_accuracy", x["kind"] / m if m else 0.0),
            ("strict", OrderedDict([("matched", x["strict_gold"]), ("precision", sP), ("recall", sR), ("f1", sF)])),
        ])
    return figures, misses, false_pos, wrong


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def print_table(figures, ndocs, out=sys.stdout):
    out.write("Attribution evaluation over %d documents (predicted kind for P, gold kind for R and accuracies)\n\n" % ndocs)
    hdr = "%-9s %5s %5s %5s | %6s %6s %6s | %6s %6s %6s | %6s %6s %6s\n"
    out.write(hdr % ("", "gold", "pred", "match", "P", "R", "F1", "source", "cue", "kind", "sP", "sR", "sF1"))
    out.write("-" * 96 + "\n")
    for k, f in figures.items():
        s = f["strict"]
        out.write("%-9s %5d %5d %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f\n" % (
            k, f["gold"], f["predicted"], f["matched"], f["precision"], f["recall"], f["f1"],
            f["source_accuracy"], f["cue_accuracy"], f["kind_accuracy"], s["precision"], s["recall"], s["f1"]))
    out.write("\nP/R/F1: content matched at >= 50% overlap of the longer span; source/cue/kind: share of\n"
              "matched pairs that are right; sP/sR/sF1: content span exact up to edge punctuation.\n")


def context(text, span, width=220):
    s, e = span
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    b = len(text) if b < 0 else b
    para = text[a:b]
    if len(para) > width:
        lo = max(a, s - 60)
        para = ("…" if lo > a else "") + text[lo:min(b, lo + width)] + "…"
    return para


def short(t, n=110):
    t = " ".join(t.split())
    return t if len(t) <= n else t[:n - 1] + "…"


def print_verbose(misses, false_pos, wrong, out=sys.stdout):
    out.write("\nMISSES (gold not found): %d\n" % len(misses))
    for doc, g in misses:
        segs = " … ".join(doc.text[s:e] for s, e in g.segments)
        out.write("  %s [%s] %s\n      in: %s\n" % (g.label(), g.kind, short(segs), short(context(doc.text, g.hull), 200)))
    out.write("\nFALSE POSITIVES (prediction matching no gold): %d\n" % len(false_pos))
    for doc, p in false_pos:
        out.write("  %s %s [%s] %s\n" % (doc.name, p.id, p.kind, short(doc.text[p.content[0]:p.content[1]])))
    out.write("\nMATCHED BUT WRONG source/cue/kind: %d\n" % len(wrong))
    for doc, p, g, flags in sorted(wrong, key=lambda w: (w[0].name, w[2].n)):
        owner = doc.resolved_source(g)
        gsrc = doc.text[owner.source[0]:owner.source[1]] if owner.source else None
        if owner.ref:
            gsrc = "%s (=%s)" % (gsrc, owner.ref)
        psrc = doc.text[p.mention[0]:p.mention[1]] if p.mention else None
        if p.name:
            psrc = "%s (=%s)" % (psrc, p.name)
        bad = [f for f, ok in flags.items() if not ok]
        out.write("  %s %s wrong %s: %s\n" % (g.label(), p.id, "+".join(bad), short(doc.text[g.hull[0]:g.hull[1]], 70)))
        if not flags["source"]:
            out.write("      source gold=%r predicted=%r\n" % (gsrc, psrc))
        if not flags["cue"]:
            out.write("      cue gold=%r predicted=%r\n" % (doc.text[g.cue[0]:g.cue[1]] if g.cue else None,
                                                       doc.text[p.cue[0]:p.cue[1]] if p.cue else None))
        if not flags["kind"]:
            out.write("      kind gold=%s predicted=%s\n" % (g.kind, p.kind))


# ---------------------------------------------------------------------------
# Gold-as-prediction (self-check) and annotation statistics
# ---------------------------------------------------------------------------

def gold_report(docs):
    """Build a report JSON in the binary's shape from the annotations themselves."""
    report = {"documents": [], "sources": [], "claims": []}
    entities = OrderedDict()

    def entity(name):
        key = norm(name)
        if key not in entities:
            entities[key] = {"id": "s%d" % (len(entities) + 1), "name": name, "kind": "person", "aliases": []}
        return entities[key]["id"]

    def span(doc, sp):
        return {"start": sp[0], "end": sp[1], "text": doc.text[sp[0]:sp[1]]}

    cid = 0
    for i, doc in enumerate(docs, 1):
        did = "d%d" % i
        report["documents"].append({"id": did, "path": "/tmp/gold/" + doc.name})
        # A non-attribution claim the scorer must ignore.
        headline_end = doc.text.find("\n")
        cid += 1
        report["claims"].append({"id": "c%d" % cid, "document": did, "kind": "unattributed",
                                 "content": span(doc, (0, headline_end)), "cue": None, "source": None, "chain": []})
        for a in doc.attributions:
            owner = doc.resolved_source(a)
            source = None
            chain = []
            if owner.source is not None:
                name = owner.ref or doc.text[owner.source[0]:owner.source[1]]
                sid = entity(name)
                chain = [sid]
                if owner.via:
                    chain.append(entity(owner.via))
                source = {"id": sid, "mention": span(doc, owner.source), "antecedent": None}
            cid += 1
            report["claims"].append({
                "id": "c%d" % cid, "document": did, "kind": a.kind,
                "content": span(doc, a.hull),   # split quotes come back as one span
                "cue": span(doc, a.cue) if a.cue else None,
                "source": source, "chain": chain})
    report["sources"] = list(entities.values())
    return report


def list_gold(docs, out=sys.stdout):
    for doc in docs:
        out.write("== %s\n" % doc.name)
        for a in doc.attributions:
            src = doc.text[a.source[0]:a.source[1]] if a.source else "-"
            if a.ref:
                src += " (=%s)" % a.ref
            if a.via:
                src += " via %s" % a.via
            cue = doc.text[a.cue[0]:a.cue[1]] if a.cue else "-"
            if a.cont is not None:
                src, cue = "(continues %d)" % a.cont, "-"
            segs = " || ".join(" ".join(doc.text[s:e].split()) for s, e in a.segments)
            out.write("  %2d %-8s S: %s | C: %s\n             Q: %s\n" % (a.n, a.kind, src, cue, segs))


def degraded_checks(docs):
    """Score deliberately damaged copies of the gold report; return a list of failures."""
    import copy
    base = gold_report(docs)
    n = sum(len(d.attributions) for d in docs)
    by_doc = {d.name: d for d in docs}
    doc_of = {e["id"]: by_doc[os.path.basename(e["path"])] for e in base["documents"]}
    failures = []

    def run(report):
        figures, _, _, _ = score(docs, load_predictions(report, docs, lambda w: None))
        return figures["all"]

    def attributed(report):
        return [c for c in report["claims"] if c["kind"] in KINDS]

    def check(name, got, want):
        if abs(got - want) > 1e-9:
            failures.append("%s: got %.4f, expected %.4f" % (name, got, want))

    # 1. Drop every fourth attribution: recall falls, precision stays 1.
    r = copy.deepcopy(base)
    claims = attributed(r)
    drop = {id(c) for c in claims[::4]}
    r["claims"] = [c for c in r["claims"] if id(c) not in drop]
    f = run(r)
    check("dropped claims: recall", f["recall"], (n - len(drop)) / n)
    check("dropped claims: precision", f["precision"], 1.0)

    # 2. Every claim twice: precision 0.5, recall 1.
    r = copy.deepcopy(base)
    r["claims"] = r["claims"] + copy.deepcopy(attributed(r))
    f = run(r)
    check("duplicated claims: precision", f["precision"], 0.5)
    check("duplicated claims: recall", f["recall"], 1.0)

    # 3. Content without its edge punctuation and quote marks still matches, strictly too.
    r = copy.deepcopy(base)
    for c in attributed(r):
        doc = doc_of[c["document"]]
        s, e = trimmed(doc.text, (c["content"]["start"], c["content"]["end"]))
        c["content"] = {"start": s, "end": e, "text": doc.text[s:e]}
    f = run(r)
    check("trimmed content: F1", f["f1"], 1.0)
    check("trimmed content: strict F1", f["strict"]["f1"], 1.0)

    # 4. Content shifted by three characters: still matched, never strictly.
    r = copy.deepcopy(base)
    for c in attributed(r):
        doc = doc_of[c["document"]]
        s, e = c["content"]["start"] + 3, min(len(doc.text), c["content"]["end"] + 3)
        c["content"] = {"start": s, "end": e, "text": doc.text[s:e]}
    f = run(r)
    check("shifted content: recall", f["recall"], 1.0)
    check("shifted content: strict recall", f["strict"]["recall"], 0.0)

    # 5. Sources: every third one removed (wrong unless gold has none); mentions moved
    #    elsewhere but the entity name kept (right: the name equals the ref or the text).
    r = copy.deepcopy(base)
    claims = attributed(r)
    removed = 0
    for i, c in enumerate(claims):
        if c["source"] is None:
            continue
        if i % 3 == 0:
            c["source"] = None
            removed += 1
        else:
            c["source"]["mention"] = {"start": 0, "end": 0, "text": ""}
    f = run(r)
    check("sources: accuracy", f["source_accuracy"], (n - removed) / n)

    # 6. No cues at all: right only where the gold has none.
    r = copy.deepcopy(base)
    for c in attributed(r):
        c["cue"] = None
    f = run(r)
    no_cue = sum(1 for d in docs for a in d.attributions if a.cue is None)
    check("no cues: accuracy", f["cue_accuracy"], no_cue / n)

    # 7. Every direct claim called indirect.
    r = copy.deepcopy(base)
    for c in attributed(r):
        if c["kind"] == "direct":
            c["kind"] = "indirect"
    f = run(r)
    direct = sum(1 for d in docs for a in d.attributions if a.kind == "direct")
    check("kinds: accuracy", f["kind_accuracy"], (n - direct) / n)
    return failures


def word_of(text):
    return " ".join(text.split()).lower()


def stats(docs, out=sys.stdout):
    kinds, cues, shapes, src_types = Counter(), Counter(), Counter(), Counter()
    totals = Counter()
    for doc in docs:
        for a in doc.attributions:
            kinds[a.kind] += 1
            totals["attributions"] += 1
            if a.cont is not None:
                totals["continuations (cont=)"] += 1
                continue
            if len(a.segments) > 1:
                totals["split content"] += 1
            if any("\n\n" in doc.text[s:e] for s, e in a.segments):
                totals["multi-paragraph content"] += 1
            if a.hull[0] < doc.text.find("\n"):
                totals["headline attributions"] += 1
            if a.via:
                totals["nested (via=)"] += 1
            if a.cue:
                cues[word_of(doc.text[a.cue[0]:a.cue[1]])] += 1
            if a.source is None:
                src_types["no source (agentless)"] += 1
            elif a.ref:
                st = word_of(doc.text[a.source[0]:a.source[1]])
                src_types["pronoun" if st in PRONOUNS else "nominal with ref="] += 1
            else:
                src_types["named / anonymous"] += 1
            order = []
            for tag, sp in (("S", a.source), ("C", a.cue), ("Q", a.segments[0])):
                if sp:
                    order.append((sp[0], tag))
            shapes["".join(t for _, t in sorted(order)) + " " + a.kind] += 1
    out.write("Annotations: %d documents, %d attributions\n" % (len(docs), totals["attributions"]))
    out.write("By kind: %s\n" % ", ".join("%s %d" % (k, kinds[k]) for k in KINDS))
    for k, v in sorted(totals.items()):
        if k != "attributions":
            out.write("  %-26s %d\n" % (k, v))
    out.write("Sources: %s\n" % ", ".join("%s %d" % kv for kv in src_types.most_common()))
    out.write("Order (S source, C cue, Q content) and kind:\n")
    for k, v in shapes.most_common():
        out.write("  %-20s %d\n" % (k, v))
    out.write("Cues (%d distinct):\n" % len(cues))
    out.write("  " + "; ".join("%s %d" % kv for kv in sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))) + "\n")
    out.write("Per document:\n")
    for doc in docs:
        c = Counter(a.kind for a in doc.attributions)
        out.write("  %-32s %3d words %3d  (d%d m%d i%d)\n" % (doc.name, len(doc.text.split()), len(doc.attributions),
                                                           c["direct"], c["mixed"], c["indirect"]))


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def fail(msg):
    sys.stderr.write("score.py: error: %s\n" % msg)
    sys.exit(2)


def run_binary(binary, docs):
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        fail("binary not found or not executable: %s (build with `swift build -c release` or pass --binary PATH)" % binary)
    with tempfile.TemporaryDirectory(prefix="attribution-eval-") as tmp:
        paths = []
        for doc in docs:
            p = os.path.join(tmp, doc.name)
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(doc.text)
            paths.append(p)
        try:
            proc = subprocess.run([binary, "report", "--format", "json"] + paths,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        except OSError as e:
            fail("cannot run %s: %s" % (binary, e))
        except subprocess.TimeoutExpired:
            fail("%s report timed out after 600 s" % binary)
    if proc.returncode != 0:
        err = [l.strip() for l in proc.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        first = next((l for l in err if "error" in l.lower()), err[0] if err else "")
        fail("`%s report --format json` exited with %d%s" % (binary, proc.returncode, (": " + first) if first else ""))
    try:
        return json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        fail("the binary's output is not one JSON object: %s" % e)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", help="provenance binary (default: %s under the repo root)" % DEFAULT_BINARY)
    ap.add_argument("--predictions", metavar="JSON", help="score a saved report JSON instead of running the binary")
    ap.add_argument("--annotated", default=ANNOTATED, help="folder of annotated .txt files")
    ap.add_argument("--only", action="append", metavar="SUBSTR", help="only files whose name contains SUBSTR")
    ap.add_argument("--verbose", action="store_true", help="list misses, false positives and wrong sources/cues/kinds")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--self-check", action="store_true", help="score the gold against itself (no binary)")
    ap.add_argument("--stats", action="store_true", help="print a tally of the annotations and exit")
    ap.add_argument("--split-continuations", action="store_true",
                    help="score a continuation in the paragraph of its attribution as an attribution of its own")
    ap.add_argument("--list", action="store_true", help="list every gold attribution and exit")
    args = ap.parse_args(argv)

    try:
        docs = load_gold(args.annotated, args.only, args.split_continuations)
    except AnnotationError as e:
        fail("annotation: %s" % e)
    except OSError as e:
        fail(str(e))
    if not docs:
        fail("no annotated files in %s" % args.annotated)
    log = sys.stderr
    for d in docs:
        for w in d.warnings:
            log.write("warning: %s\n" % w)
    if args.stats or args.list:
        if args.list:
            list_gold(docs)
        if args.stats:
            stats(docs)
        return 0

    warnings = []
    if args.self_check:
        report = json.loads(json.dumps(gold_report(docs)))
    elif args.predictions:
        try:
            with open(args.predictions, encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            fail("cannot read %s: %s" % (args.predictions, e))
    else:
        binary = args.binary or os.path.join(REPO_ROOT, DEFAULT_BINARY)
        report = run_binary(binary, docs)
    if not isinstance(report, dict):
        fail("the report is not a JSON object")
    preds = load_predictions(report, docs, warnings.append)
    for w in warnings:
        log.write("warning: %s\n" % w)
    figures, misses, false_pos, wrong = score(docs, preds)

    if args.json:
        print(json.dumps({"documents": len(docs), "figures": figures}, indent=2))
    else:
        print_table(figures, len(docs))
    if args.verbose:
        print_verbose(misses, false_pos, wrong)

    if args.self_check:
        bad = []
        for k, f in figures.items():
            if f["gold"] == 0:
                continue
            vals = [f["precision"], f["recall"], f["f1"], f["source_accuracy"], f["cue_accuracy"],
                    f["kind_accuracy"], f["strict"]["precision"], f["strict"]["recall"], f["strict"]["f1"]]
            if any(abs(v - 1.0) > 1e-9 for v in vals):
                bad.append(k)
        if bad or warnings:
            print("\nself-check FAILED for: %s" % ", ".join(bad or ["warnings above"]))
            if not args.verbose:
                print_verbose(misses, false_pos, wrong)
            return 1
        print("\nself-check OK: gold scored against itself gives 1.0 everywhere")
        failures = degraded_checks(docs)
        for fl in failures:
            print("  degraded check FAILED: %s" % fl)
        if failures:
            return 1
        print("self-check OK: 7 damaged copies of the gold (dropped, duplicated, trimmed, shifted,\n"
              "  sources removed or moved, cues removed, kinds changed) score as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
