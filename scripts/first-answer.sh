#!/bin/bash
# Seconds from starting a server to its first real answer, and the JVM CPU time it used (docs/benchmarks.md).
# usage: scripts/first-answer.sh PORT [serve args...]  -> seconds from start to first real answer
PORT=$1; shift
t0=$(date +%s.%N)
"$@" --port $PORT > /tmp/fa-$PORT.log 2>&1 &
PID=$!
Q='SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/sovecon/ontology#Person> }'
while true; do
  r=$(curl -s --max-time 5 -H 'Accept: text/csv' --data-urlencode "query=$Q" http://127.0.0.1:$PORT/sovecon/sparql 2>/dev/null | tail -1)
  if [[ "$r" =~ ^[1-9] ]]; then break; fi
  sleep 0.05
  kill -0 $PID 2>/dev/null || { echo "server died"; tail -3 /tmp/fa-$PORT.log; exit 1; }
done
t1=$(date +%s.%N)
JP=$(pgrep -P $PID java || pgrep -f "port $PORT" | head -1)
CPU=$(awk '{print ($14+$15)/100}' /proc/$JP/stat 2>/dev/null)
echo "first answer $(echo "$t1 - $t0" | bc) s ($r), JVM CPU $CPU s"
grep -m1 "serving in" /tmp/fa-$PORT.log
kill $PID; wait $PID 2>/dev/null
