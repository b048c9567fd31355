#!/usr/bin/env bash
# Builds src/Tacitus.Server/wwwroot/world.json, the offline world map of `tacitus serve`, from the npm package
# world-atlas 2.0.2 (ISC licence; shapes from Natural Earth, public domain): its 110m country TopoJSON is
# decoded with topojson-client 3.1.0 (ISC) and written as plain rings rounded to 0.1 degree. Needs node and npm;
# run it only to rebuild the committed file (the app never fetches anything at run time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
node "$root/scripts/build-world-map.mjs" "$work/node_modules/world-atlas/countries-110m.json" "$root/src/Tacitus.Server/wwwroot/world.json"
