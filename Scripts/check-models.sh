#!/usr/bin/env bash
# The shipped models are what the training command makes today: retrains each model of
# Sources/*/Resources from ../shared/corpus with `provenance-train`, as the README says, into a
# scratch folder, and compares the result with the shipped file byte for byte. Fails naming every
# model that differs: a change to the code a model's features or training read (the tokenizer,
# the extraction, the attribution model the similarity's claims come from) changes what the
# command makes, and the shipped file must then be retrained and committed with that change.
#
# Usage: Scripts/check-models.sh [SCRATCH]   (default: .build-static, the release build the Spark
#                                            check makes, so that only the trainer is built anew)
# Needs ../shared/corpus beside the repository and WordNet (wordnet-base, installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/corpus/polnear/train ]; then
  echo "check-models: ../shared/corpus absent; the models cannot be retrained here, check skipped"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if [ ! -d /usr/share/wordnet ]; then
  echo "check-models: installing wordnet-base (the word classes the attribution and linking models read)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wordnet-base
fi

scratch="${1:-.build-static}"
swift build -c release --static-swift-stdlib --product provenance-train --scratch-path "$scratch"
train="$scratch/release/provenance-train"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
differ=()
# model name, training subcommand, the shipped file
while read -r name command shipped; do
  "$train" "$command" --output "$work/$name" > "$work/$name.log" 2>&1 || {
    echo "check-models: provenance-train $command failed:" >&2
    cat "$work/$name.log" >&2
    exit 1
  }
  if cmp -s "$work/$name" "$shipped"; then
    echo "check-models: $shipped is what \`provenance-train $command\` makes ($(wc -c < "$shipped") bytes)"
  else
    echo "check-models: $shipped differs from what \`provenance-train $command\` makes today" >&2
    tail -n 4 "$work/$name.log" >&2
    differ+=("$shipped")
  fi
done <<'MODELS'
attribution.model attribution Sources/ProvenanceAttribution/Resources/attribution.model
linking.model similarity Sources/ProvenanceGraph/Resources/linking.model
blocks.model extraction Sources/ProvenanceParsing/Resources/blocks.model
MODELS

if [ ${#differ[@]} -gt 0 ]; then
  echo "check-models: ${#differ[@]} model(s) to retrain and commit: ${differ[*]} (README, \"Retrain it\")" >&2
  exit 1
fi
