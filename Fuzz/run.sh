#!/usr/bin/env bash
# Builds provenance-fuzz with libFuzzer and AddressSanitizer and fuzzes one target.
#
#   Fuzz/run.sh html|text|attribution|archive|jsonl|store SECONDS [libFuzzer options...]
#
# Build: release, into /tmp/fuzz-build (never the package's .build).
# Work:  /tmp/provenance-fuzz/TARGET/
#          seeds/      the seed corpus, made anew each run from Examples/ and Fuzz/seeds/
#          corpus/     the growing corpus libFuzzer writes (kept between runs)
#          artifacts/  crash-*, timeout-*, oom-*, leak-* inputs
#          fuzz.log    libFuzzer's output
# One process, one core: the machine has two and others need one.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
seconds="${2:-}"
case "$target" in
  html|text|attribution|archive|jsonl|store) ;;
  *) echo "usage: Fuzz/run.sh html|text|attribution|archive|jsonl|store SECONDS [libFuzzer options...]" >&2; exit 2 ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: Fuzz/run.sh html|text|attribution|archive|jsonl|store SECONDS [libFuzzer options...]" >&2
  exit 2
fi
shift 2

scratch=/tmp/fuzz-build
work="/tmp/provenance-fuzz/$target"
mkdir -p "$work/corpus" "$work/artifacts"

# The gold linker warns about every ASan symbol it cannot export; the log keeps them out of sight.
# swiftc keeps only the last of several -sanitize= flags, and SwiftPM passes its --sanitize
# options in an order that changes from run to run: when address came last, the modules had no
# coverage counters and libFuzzer fuzzed blind. One -sanitize=fuzzer,address after SwiftPM's
# own flags gives every module both; `--sanitize` still links both runtimes.
echo "run.sh: building provenance-fuzz (log: $work/build.log)"
if ! swift build -c release --scratch-path "$scratch" --product provenance-fuzz \
    --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
    > "$work/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$work/build.log" >&2
  exit 1
fi
binary="$scratch/release/provenance-fuzz"
# A binary without coverage counters would fuzz blind while looking busy.
# (grep reads all of readelf's output: with -q it would stop early, and pipefail would then
# count readelf's broken pipe as a failure.)
if command -v readelf > /dev/null && ! readelf -S "$binary" | grep __sancov_cntrs > /dev/null; then
  echo "run.sh: $binary has no coverage counters (see build.log); not fuzzing blind" >&2
  exit 1
fi

# Seeds: the examples of the format, and our own small odd inputs.
rm -rf "$work/seeds"
mkdir -p "$work/seeds"
if [ "$target" = html ]; then
  cp Examples/*.html Fuzz/seeds/html/* "$work/seeds/"
  dictionary=Fuzz/html.dict
elif [ "$target" = archive ]; then
  # Our own web archives, MHTML pages and gzip files (Tests/…/Fixtures/Archives, Gzip).
  for file in Tests/ProvenanceParsingTests/Fixtures/Archives/*.warc* Tests/ProvenanceParsingTests/Fixtures/Archives/*.mht* \
      Tests/ProvenanceParsingTests/Fixtures/Archives/*.gz Tests/ProvenanceParsingTests/Fixtures/Gzip/*; do
    cp "$file" "$work/seeds/"
  done
  dictionary=Fuzz/archive.dict
elif [ "$target" = jsonl ]; then
  # Lines `report --format jsonl` wrote for our examples.
  cp Fuzz/seeds/jsonl/* "$work/seeds/"
  dictionary=Fuzz/jsonl.dict
elif [ "$target" = store ]; then
  # Stores `ingest` made of our examples (a store is larger than a page).
  cp Fuzz/seeds/store/* "$work/seeds/"
  dictionary=Fuzz/store.dict
  max_len=262144
else
  cp Examples/*.txt Fuzz/seeds/text/* "$work/seeds/"
  dictionary=Fuzz/text.dict
fi

echo "run.sh: fuzzing $target for $seconds s (log: $work/fuzz.log, findings: $work/artifacts/)"
# Swift's own backtracer would catch the traps before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
export PROVENANCE_FUZZ_TARGET="$target"
status=0
"$binary" "$work/corpus" "$work/seeds" \
  -dict="$dictionary" \
  -max_len="${max_len:-65536}" -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" \
  "$@" > "$work/fuzz.log" 2>&1 || status=$?
tail -n 25 "$work/fuzz.log"
ls -l "$work/artifacts"
exit "$status"
