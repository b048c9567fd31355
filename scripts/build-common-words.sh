#!/usr/bin/env bash
# Rebuilds data/knowledge/common-words.txt: the lower-case English words of Debian's `wamerican` list
# (SCOWL, /usr/share/dict/american-english; Kevin Atkinson et al., permissive SCOWL licence, see data/NOTICE.md).
# Only words of letters a-z (no capitals, possessives or accents), two letters or more. `tacitus knowledge build`
# compiles the file into data/compiled/common-words.txt.gz; the actor rules read it to tell a common word written in
# capitals ("VERY", "Housing") from a name.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-/usr/share/dict/american-english}"
out="$root/data/knowledge/common-words.txt"
if [ ! -f "$src" ]; then
  echo "build-common-words: $src not found (apt-get install wamerican, or give the path to a word list)" >&2
  exit 3
fi
version="$(dpkg-query -W -f='${Version}' wamerican 2>/dev/null || echo unknown)"
{
  printf '# Lower-case English words from Debian wamerican %s (SCOWL; see data/NOTICE.md). Built by scripts/build-common-words.sh.\n' "$version"
  LC_ALL=C grep -x '[a-z][a-z]*' "$src" | LC_ALL=C awk 'length($0) >= 2' | LC_ALL=C sort -u
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) words to $out"
