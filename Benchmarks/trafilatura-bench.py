#!/usr/bin/env python3
"""trafilatura's time to extract the given pages (best of N rounds), for provenance-bench.

Usage: trafilatura-bench.py [--rounds N] FILE...   (files may be gzipped)
Prints the best total time in seconds; exits 1 when trafilatura is missing.
"""
import gzip
import sys
import time

try:
    import trafilatura
except ImportError:
    sys.exit(1)


def main():
    arguments = sys.argv[1:]
    rounds = 5
    if arguments[:1] == ["--rounds"]:
        rounds = int(arguments[1])
        arguments = arguments[2:]
    pages = []
    for path in arguments:
        with open(path, "rb") as handle:
            data = handle.read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        pages.append(data)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        best = min(best, time.perf_counter() - start)
    print(f"{best:.6f}")


if __name__ == "__main__":
    main()
