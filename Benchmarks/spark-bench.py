#!/usr/bin/env python3
"""Times the Spark route beside a direct run on the same inputs: the benchmark pages as
files, and the same pages written into one gzipped web archive (a gzip member per
record, as crawlers write them). For each: a direct `provenance report --format jsonl`
on two threads, and `spark-submit --master local[2] Scripts/spark-provenance.py` with
the session's start-up included (the whole command) and left out (the job alone, as the
script times it). Median of --rounds runs; documents per second.

    Benchmarks/spark-bench.py [--binary .build/release/provenance] [--rounds 3] [FOLDER]
"""
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def write_warc(pages, path):
    with open(path, "wb") as out:
        for number, page in enumerate(pages):
            body = open(page, "rb").read()
            if body[:2] == b"\x1f\x8b":  # the benchmark's pages are gzipped files; a response carries the page
                body = gzip.decompress(body)
            response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
            head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"
                    "WARC-Date: 2026-12-04T12:00:00Z\r\nWARC-Target-URI: https://example.org/bench/%d\r\n"
                    "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (number, number, len(response)))
            out.write(gzip.compress(head.encode() + response + b"\r\n\r\n", mtime=0))


def timed(command):
    started = time.monotonic()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return time.monotonic() - started, result


def main():
    parser = argparse.ArgumentParser(description="Spark route beside a direct run")
    parser.add_argument("folder", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus", "article-extraction-benchmark", "html"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "provenance"))
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    pages = sorted(os.path.join(arguments.folder, name) for name in os.listdir(arguments.folder))
    with tempfile.TemporaryDirectory() as work:
        warc = os.path.join(work, "pages.warc.gz")
        write_warc(pages, warc)
        print(f"{len(pages)} pages; their web archive {os.path.getsize(warc) / 1e6:.1f} MB")
        for name, inputs, documents in (("files", pages, len(pages)), ("web archive", [warc], len(pages))):
            listing = os.path.join(work, "inputs.txt")
            with open(listing, "w") as f:
                f.write("\n".join(inputs) + "\n")
            direct, included, excluded = [], [], []
            for round in range(arguments.rounds):
                seconds, _ = timed([binary, "report", "--format", "jsonl", "--quiet", "--jobs", "2", "--files-from", listing])
                direct.append(seconds)
                out = os.path.join(work, f"shards-{name.replace(' ', '-')}-{round}")
                seconds, result = timed(["spark-submit", "--master", "local[2]", os.path.join(ROOT, "Scripts", "spark-provenance.py"),
                                         "--binary", binary, "--inputs", listing, "--out", out, "--partitions", "2", "--timing"])
                if result.returncode != 0:
                    print(result.stderr[-2000:], file=sys.stderr)
                    return 1
                included.append(seconds)
                job = [line for line in result.stdout.splitlines() if line.startswith("spark-provenance:")]
                excluded.append(float(job[-1].split(" in ")[1].split(" s")[0]))
            for label, values in (("direct, 2 threads", direct), ("Spark local[2], start-up included", included),
                                  ("Spark local[2], start-up left out", excluded)):
                median = statistics.median(values)
                print(f"{name:12} {label:36} {median:7.2f} s  {documents / median:7.1f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
