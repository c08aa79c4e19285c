#!/usr/bin/env bash
# Makes Docs/report-screenshot.png, the picture of the HTML report in the
# README, from the current output: the README's own command
# (`provenance report --format html Examples/*.txt Examples/*.html`) drawn by
# headless Chromium (Debian's `chromium`). Beside it, Docs/report-screenshot.sha256
# records the SHA-256 of the HTML it was made from; EndToEndTests/ScreenshotTests
# fails when the report no longer gives that HTML, so that the picture is made anew.
set -euo pipefail
cd "$(dirname "$0")/.."

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "make-screenshot: no Chromium (sudo apt-get install chromium)" >&2
  exit 1
fi
swift build --product provenance >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.build/debug/provenance report --format html Examples/*.txt Examples/*.html > "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/profile" --window-size=1280,1500 --screenshot="$work/report.png" "file://$work/report.html" \
  >/dev/null 2>&1
cp "$work/report.png" Docs/report-screenshot.png
echo "$(sha256sum < "$work/report.html" | cut -d' ' -f1)  provenance report --format html Examples/*.txt Examples/*.html" \
  > Docs/report-screenshot.sha256
echo "make-screenshot: Docs/report-screenshot.png ($(wc -c < Docs/report-screenshot.png) bytes)"
