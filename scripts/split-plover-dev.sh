#!/usr/bin/env bash
# Splits the PLOVER dev records in two halves by a hash of their id (SHA-256, first byte even → A, odd → B), so a
# change can be tuned on half A and checked on half B (issue 9's method). Writes OUT/plover-dev-a.jsonl and
# OUT/plover-dev-b.jsonl; score them with `./tacitus eval events --gold OUT/plover-dev-a.jsonl`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gold="${1:-$root/../shared/data/eval/events/plover/plover-gsr.dev.jsonl}"
out="${2:-/tmp/plover-split}"
mkdir -p "$out"
: >"$out/plover-dev-a.jsonl"
: >"$out/plover-dev-b.jsonl"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  id=$(jq -r '.id' <<<"$line")
  byte=$(printf '%s' "$id" | sha256sum | cut -c1-2)
  if (( 16#$byte % 2 == 0 )); then echo "$line" >>"$out/plover-dev-a.jsonl"; else echo "$line" >>"$out/plover-dev-b.jsonl"; fi
done <"$gold"
wc -l "$out"/plover-dev-*.jsonl
