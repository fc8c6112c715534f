#!/usr/bin/env bash
# Search latency: the full-text index (text:query) against a scan with FILTER(CONTAINS(...)) over the
# same label and description properties, on a running server. Prints the median and p90 in ms.
# Usage: scripts/search-latency.sh [PORT] [RUNS]   (start the server with ./sovecon serve first)
set -euo pipefail
port="${1:-3030}"
runs="${2:-30}"
endpoint="http://127.0.0.1:$port/sovecon/sparql"
prefixes='PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/>'
measure() {
  local name="$1" query="$2"
  local times=()
  for _ in $(seq 1 "$runs"); do
    t=$(curl -s -o /dev/null -w '%{time_total}' -G "$endpoint" -H 'Accept: application/sparql-results+json' --data-urlencode "query=$prefixes $query")
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '{ a[NR] = $1 * 1000 } END { printf "%-28s median %7.1f ms   p90 %7.1f ms   (%d runs)\n", name, a[int((NR + 1) / 2)], a[int(NR * 0.9)], NR }'
}
for word in piatakov osvok planning; do
  measure "text:query '$word'" "SELECT DISTINCT ?e WHERE { ?e text:query (\"$word\" 1000) }"
  measure "FILTER(CONTAINS) '$word'" "SELECT DISTINCT ?e WHERE { ?e ?p ?l FILTER (?p IN (rdfs:label, skos:prefLabel, skos:altLabel, skos:hiddenLabel, dcterms:description)) FILTER (CONTAINS(LCASE(STR(?l)), \"$word\")) }"
done
