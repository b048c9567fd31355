#!/usr/bin/env bash
# Rebuilds the derived tables the evaluation needs (data/eval/), from the public sources in ../shared/data.
#   data/eval/geonames-countries.tsv  GeoNames country geonameid -> ISO 3166-1 alpha-3 and name
#                                     (from knowledge/geonames/countryInfo.tsv; GeoNames, CC BY 4.0)
# data/eval/cameo-country-codes.tsv is written by hand (see data/eval/NOTICE.md) and is not rebuilt here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$root/../shared/data/knowledge/geonames/countryInfo.tsv}"
out="$root/data/eval/geonames-countries.tsv"
if [ ! -f "$src" ]; then
  echo "build-eval-tables: $src not found (give the path to GeoNames countryInfo.tsv)" >&2
  exit 3
fi
{
  printf '# geonameid\tiso3\tname\n'
  # countryInfo.tsv columns: ISO ISO3 ISO-Numeric fips Country Capital Area Population Continent tld CurrencyCode
  # CurrencyName Phone PostalFormat PostalRegex Languages geonameid neighbours EquivalentFipsCode
  awk -F'\t' '!/^#/ && NF >= 17 && $17 != "" { printf "%s\t%s\t%s\n", $17, $2, $5 }' "$src" | sort -n
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out"
