#!/usr/bin/env bash
# Makes Docs/serve-claim-screenshot.png, the picture of a claim page of
# `provenance serve` in the README: the examples ingested into a new store
# (the README's order: Examples/*.txt, then Examples/*.html), served on a free
# port, claim c6 drawn by headless Chromium (Debian's `chromium`), the server
# stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "make-serve-screenshot: no Chromium (sudo apt-get install chromium)" >&2
  exit 1
fi
claim="${1:-c6}"
swift build --product provenance >/dev/null 2>&1
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
.build/debug/provenance ingest --quiet --store "$work/corpus.sqlite" Examples/*.txt Examples/*.html
.build/debug/provenance serve --store "$work/corpus.sqlite" --port 0 2> "$work/serve.log" &
server=$!
address=""
for _ in $(seq 1 100); do
  address="$(sed -n 's|^provenance: serving .* at \(http://[^ ]*\)/$|\1|p' "$work/serve.log")"
  [ -n "$address" ] && break
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "make-serve-screenshot: the server did not start" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/profile" --window-size=1100,1300 --screenshot="$work/claim.png" "$address/claims/$claim" \
  >/dev/null 2>&1
cp "$work/claim.png" Docs/serve-claim-screenshot.png
echo "make-serve-screenshot: Docs/serve-claim-screenshot.png ($(wc -c < Docs/serve-claim-screenshot.png) bytes)"
