#!/usr/bin/env python3
"""Writes Sources/ProvenanceParsing/Resources/nfc-candidates.txt: the code points that can make a
text differ from its NFC form — those whose NFC quick check is No or Maybe, and the combining marks
(canonical combining class other than 0), which NFC may reorder — as ranges, one a line (`0300..036F`).
A text without any of them is already NFC, so the extractor normalises only texts that hold one.

Made from Python's own Unicode tables (`unicodedata.unidata_version` is written in the first line);
run it again when that version moves on:

    python3 Scripts/make-nfc-table.py
"""
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "ProvenanceParsing", "Resources", "nfc-candidates.txt")


def candidates():
    found = set()
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if unicodedata.combining(c) != 0:
            found.add(cp)  # may be reordered
        if not unicodedata.is_normalized("NFC", c):
            found.add(cp)  # NFC_QC = No: singletons and composition exclusions
        d = unicodedata.decomposition(c)
        if d and not d.startswith("<"):
            parts = [int(p, 16) for p in d.split()]
            if len(parts) == 2 and unicodedata.normalize("NFC", c) == c:
                found.add(parts[1])  # NFC_QC = Maybe: composes with what comes before it
    # Hangul vowel and trailing jamo compose with the syllable before them.
    found.update(range(0x1161, 0x1176))
    found.update(range(0x11A8, 0x11C3))
    return sorted(found)


def ranges(points):
    start = previous = None
    for cp in points:
        if start is None:
            start = previous = cp
        elif cp == previous + 1:
            previous = cp
        else:
            yield start, previous
            start = previous = cp
    if start is not None:
        yield start, previous


def main():
    points = candidates()
    with open(OUT, "w", encoding="ascii") as out:
        out.write(f"# Code points that may change under NFC (Unicode {unicodedata.unidata_version}); made by Scripts/make-nfc-table.py\n")
        for first, last in ranges(points):
            out.write(f"{first:04X}..{last:04X}\n" if first != last else f"{first:04X}\n")
    print(f"{len(points)} code points written to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
