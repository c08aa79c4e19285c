#!/usr/bin/env bash
# Writes Docs/provenance.1, the manual page of the command line, from the
# command definitions themselves (swift-argument-parser's generate-manual
# plugin). The page is dated by the last commit that changed the command line,
# so the same definitions always give the same file. Run it after changing an
# option, a help text or a command; EndToEndTests/ManualTests fails when a
# command or option of --help is missing from the page.
set -euo pipefail
cd "$(dirname "$0")/.."

date="$(git log -1 --format=%cs -- Sources/provenance 2>/dev/null || true)"
swift package generate-manual --configuration debug ${date:+--date "$date"} >/dev/null
page="$(find .build/plugins -path '*GenerateManual*' -name provenance.1 | head -n 1)"
if [ -z "$page" ]; then
  echo "make-manual: the plugin wrote no provenance.1" >&2
  exit 1
fi
cp "$page" Docs/provenance.1
echo "make-manual: Docs/provenance.1 ($(wc -l < Docs/provenance.1) lines)"
