#!/usr/bin/env bash
# The crawl route on a real engine, as CI runs it (and anyone can):
#  1. a release binary with the Swift runtime linked in (--static-swift-stdlib), run once
#     with the toolchain's folder hidden, as on a cluster node without Swift;
#  2. a local Spark job (pyspark from PyPI, local[2]) pipes the inputs through it in four
#     partitions — the examples, our web-archive fixtures, a missing file and a picture, and
#     the benchmark pages when ../shared is beside us — and saves the JSON Lines;
#  3. `ingest --from-jsonl` loads them into a store, which must hold what one direct run in
#     memory holds (documents, claims, links and findings: Scripts/compare-reports.py), with
#     every failed input reported from its error record;
#  4. the same with the input list shuffled before it is split.
# Usage: Scripts/spark-check.sh [BINARY]   (default: build .build-static/release/provenance)
# SPARK_CHECK_SHUFFLED=informational reports a shuffled run that differs without failing.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v java >/dev/null 2>&1; then
  echo "spark-check: installing a Java runtime for Spark"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless
fi
if ! python3 -c "import pyspark" >/dev/null 2>&1; then
  echo "spark-check: installing pyspark"
  python3 -m pip install --quiet pyspark
fi

binary="${1:-}"
if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --product provenance --scratch-path .build-static
  binary=.build-static/release/provenance
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

# 1. No Swift runtime needed: the toolchain's folder is hidden from the binary.
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
if ldd "$binary" | grep -q "$toolchain"; then
  echo "spark-check: $binary loads libraries from the toolchain ($toolchain):" >&2
  ldd "$binary" | grep "$toolchain" >&2
  exit 1
fi
if unshare --mount true 2>/dev/null; then
  unshare --mount sh -c "mount -t tmpfs none '$toolchain' && '$binary' report --summary Examples/*.txt Examples/*.html > /dev/null"
  echo "spark-check: the static binary runs with the toolchain ($toolchain) hidden"
else
  echo "spark-check: cannot hide the toolchain here (no mount namespace); its libraries are not among the binary's (ldd)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
  ls "$PWD"/Examples/*.txt "$PWD"/Examples/*.html
  ls "$PWD"/Tests/ProvenanceParsingTests/Fixtures/Archives/crawl.warc.gz "$PWD"/Tests/ProvenanceParsingTests/Fixtures/Archives/page.mhtml
  if [ -d ../shared/corpus/article-extraction-benchmark/html ]; then
    ls "$(cd ../shared/corpus/article-extraction-benchmark/html && pwd)"/*
  fi
  echo "$work/missing.html"
  echo "$work/picture.png"
} > "$work/inputs.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$work/picture.png"
echo "spark-check: $(wc -l < "$work/inputs.txt") inputs"

# The direct run: every input in one process, in memory.
{ "$binary" report --format json --quiet --files-from "$work/inputs.txt" 2> "$work/direct.errors" || [ $? -eq 1 ]; } > "$work/direct.json"

run() {
  local name="$1"; shift
  spark-submit --master 'local[2]' Scripts/spark-provenance.py --binary "$binary" --inputs "$work/inputs.txt" \
    --out "$work/$name" --partitions 4 "$@" > "$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; exit 1; }
  local status=0
  "$binary" ingest --from-jsonl "$work/$name" --store "$work/$name.sqlite" > "$work/$name.ingest" 2> "$work/$name.errors" || status=$?
  cat "$work/$name.ingest"
  # The two inputs that fail are reported from their records, and only they.
  if [ "$status" -ne 1 ] || [ "$(grep -c '^provenance: error: ' "$work/$name.errors")" -ne 2 ] \
    || ! grep -q "missing.html: cannot be read" "$work/$name.errors" || ! grep -q "picture.png: not a text or HTML file" "$work/$name.errors"; then
    echo "spark-check: $name: the failed inputs were not reported from their records (status $status):" >&2
    cat "$work/$name.errors" >&2
    exit 1
  fi
  "$binary" report --format json --store "$work/$name.sqlite" > "$work/$name.json"
  echo "spark-check: $name: the store against the direct run"
  python3 Scripts/compare-reports.py "$work/direct.json" "$work/$name.json"
}

run in-order
if [ "${SPARK_CHECK_SHUFFLED:-}" = "informational" ]; then
  run shuffled --shuffle 1 || echo "spark-check: shuffled: the store differs from the direct run (informational)"
else
  run shuffled --shuffle 1
fi
