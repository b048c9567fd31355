#!/usr/bin/env bash
# Writes a corpus folder as JSON Lines for `tacitus code --jsonl` / memory runs, cycled to N documents with new ids.
#   scripts/make-cycled-corpus.sh [CORPUS] [N] > FILE
# CORPUS defaults to ../shared/data/corpus/bbc (2,225 .txt files, read in sorted path order); N defaults to the number of
# files. Each line is {"id", "title", "text"}: the id is the file's path from the corpus's parent folder, with "-cK"
# added for the K-th pass when N is larger than the corpus (K from 0). The copies keep the same text, so a store (keyed by
# content) keeps one of each: for store or ingest memory runs use `tacitus bench --docs N`, whose copies differ. The title is
# the file's first line. A file that is not UTF-8 is read as ISO-8859-1. The memory figures of docs/PERFORMANCE.md use N = 2,225 (no suffix), 10,000 and 20,025:
#   scripts/make-cycled-corpus.sh ../shared/data/corpus/bbc > /tmp/bbc.jsonl
#   scripts/make-cycled-corpus.sh ../shared/data/corpus/bbc 10000 > /tmp/bbc10k.jsonl
#   scripts/make-cycled-corpus.sh ../shared/data/corpus/bbc 20025 > /tmp/bbc20k.jsonl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$root/../shared/data/corpus/bbc}"
count="${2:-}"
[ -d "$corpus" ] || { echo "make-cycled-corpus: no folder $corpus" >&2; exit 2; }
python3 - "$corpus" "$count" <<'PY'
import json, os, sys
corpus, count = os.path.abspath(sys.argv[1]), sys.argv[2]
base = os.path.dirname(corpus)
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith('.txt'))
if not files:
    sys.exit(f"make-cycled-corpus: no .txt files under {corpus}")
total = int(count) if count else len(files)
cycled = total > len(files)
out = sys.stdout
for n in range(total):
    path = files[n % len(files)]
    with open(path, 'rb') as f:
        raw = f.read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        text = raw.decode('latin-1')  # one BBC file is ISO-8859-1
    rel = os.path.relpath(path, base)
    doc = {"id": rel + (f"-c{n // len(files)}" if cycled else ""), "title": text.split('\n', 1)[0].strip(), "text": text}
    try:
        out.write(json.dumps(doc) + "\n")
    except BrokenPipeError:
        sys.exit(0)  # the reader stopped early (head, cmp)
PY
