#!/usr/bin/env bash
# Load and soak test of the report endpoints (wrk, loopback), with the server held to -Xmx2g:
#   1. load: wrk -c CONNECTIONS for SECONDS over a mix of named reports (bench/report-mix.lua);
#   2. soak: the same again while two loads commit new warehouse versions; a checker reads a
#      ranking four times a second and compares the version in its header with the one in its
#      body (one version per response), and notes when each new version is first served; the
#      server's resident memory is sampled every 5 s.
#   bench/load-test.sh [SECONDS] [CONNECTIONS]
# Builds its own warehouse from the bundled sample (data/sample) under a temporary folder.
# Prints the machine and the figures and appends them to bench/results/load-test.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_EACH="${1:-60}"
CONNECTIONS="${2:-64}"
PORT="${DTW_BENCH_PORT:-7272}"
OUT="$ROOT/bench/results/load-test.txt"
WORK="$(mktemp -d /tmp/dtw-load-test.XXXXXX)"
HELD_BACK=(indicator_drug_deaths.csv targets.csv) # loaded during the soak, one new version each

command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

{
  echo "== load-test $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1)"
  echo "command: bench/load-test.sh $SECONDS_EACH $CONNECTIONS (serve -Xmx2g; wrk -t2 -c$CONNECTIONS; client, server and loads on the same cores)"
} | tee -a "$OUT"

bin/dwh build >&2
mkdir -p "$WORK/landing"
cp -r data/sample/. "$WORK/landing/"
for f in "${HELD_BACK[@]}"; do mv "$WORK/landing/$f" "$WORK/$f"; done
bin/dwh load --no-progress --landing "$WORK/landing" --warehouse "$WORK/warehouse" > "$WORK/load-0.log" 2>&1 || [ $? -eq 1 ]

DTW_JAVA_OPTS="-Xmx2g" bin/dwh serve --warehouse "$WORK/warehouse" --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
until curl -sf "$BASE/api/v1/health" >/dev/null; do sleep 0.2; done
PID=$(pgrep -f 'uk.dtw.api.cli.ServeMain' | head -1)
sleep 10 # the warm-up of the views
# Each report once, one at a time, before the clock starts: the load measures answers served, not
# the JVM's first compilation of each report (the soak shows cold answers after each commit).
for path in $(grep -o '"/api/v1/[^"]*"' bench/report-mix.lua | tr -d '"'); do
  curl -s -o /dev/null "$BASE$path"
done

wrk_line() { # NAME RESULT
  local rps p50 p99 errors
  rps=$(echo "$2" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$2" | awk '$1=="50%"{print $2}')
  p99=$(echo "$2" | awk '$1=="99%"{print $2}')
  total=$(echo "$2" | awk '/requests in/{print $1}')
  errors=$(echo "$2" | awk '/Non-2xx|Socket errors/{print}' | tr '\n' ' ')
  printf '%-6s %8s requests %10s req/s  p50 %8s  p99 %8s  %s\n' "$1" "$total" "$rps" "$p50" "$p99" "${errors:-zero errors}" | tee -a "$OUT"
  echo "$2" | awk '/Latency Distribution/{on=1; next} on && /%/{printf "  %s %s", $1, $2} END{print ""}' | tee -a "$OUT"
}

result=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s --latency -s bench/report-mix.lua "$BASE")
wrk_line load "$result"

# Soak: loads commit while wrk runs (at least SECONDS, and until the loads are done and 15 s
# more); a checker and a memory sampler run beside them.
( while kill -0 $SERVER 2>/dev/null; do ps -o rss= -p "$PID" >> "$WORK/rss.txt" || true; sleep 5; done ) &
SAMPLER=$!
( while [ ! -f "$WORK/soak-done" ]; do
    curl -s -D "$WORK/h" -o "$WORK/b" "$BASE/api/v1/rankings?measure=penetration&period=2008-09" || true
    header=$(awk -F': ' 'tolower($1)=="x-warehouse-version"{print $2}' "$WORK/h" | tr -d '\r')
    body=$(sed -n 's/.*"warehouse_version":\([0-9]*\).*/\1/p' "$WORK/b")
    echo "$(date +%s.%N) $header $body" >> "$WORK/checks.txt"
    sleep 0.25
  done ) &
CHECKER=$!
# wrk prints its figures when interrupted: it runs until the soak is over.
wrk -t2 -c"$CONNECTIONS" -d3600s --timeout 10s --latency -s bench/report-mix.lua "$BASE" > "$WORK/wrk-soak.txt" &
WRK=$!
soak_start=$SECONDS
for f in "${HELD_BACK[@]}"; do
  sleep 5
  mv "$WORK/$f" "$WORK/landing/$f"
  bin/dwh load --no-progress --landing "$WORK/landing" --warehouse "$WORK/warehouse" > "$WORK/load-$f.log" 2>&1 || [ $? -eq 1 ]
  echo "$(date +%s.%N) $(grep -o 'Warehouse version [0-9]*' "$WORK/load-$f.log" | grep -o '[0-9]*$')" >> "$WORK/commits.txt"
done
sleep 15
while [ $((SECONDS - soak_start)) -lt "$SECONDS_EACH" ]; do sleep 1; done
touch "$WORK/soak-done"
kill -INT $WRK
wait $WRK || true
wait $CHECKER || true
kill $SAMPLER 2>/dev/null || true
wrk_line soak "$(cat "$WORK/wrk-soak.txt")"
echo "soak: $((SECONDS - soak_start)) s under load, two loads committed during it" | tee -a "$OUT"

checks=$(wc -l < "$WORK/checks.txt")
mixed=$(awk '$2 != $3' "$WORK/checks.txt" | wc -l)
echo "soak: $checks checked responses, $mixed whose header and body name different versions; versions served: $(awk '{print $2}' "$WORK/checks.txt" | sort -un | tr '\n' ' ')" | tee -a "$OUT"
t0=$(head -1 "$WORK/checks.txt" | cut -d' ' -f1)
while read -r committed version; do
  seen=$(awk -v t="$committed" -v v="$version" '$1 > t && $2 >= v {print $1; exit}' "$WORK/checks.txt")
  if [ -n "$seen" ]; then
    echo "soak: version $version committed at +$(awk -v a="$committed" -v b="$t0" 'BEGIN{printf "%.1f", a-b}') s, first served $(awk -v a="$committed" -v b="$seen" 'BEGIN{printf "%.1f", b-a}') s after the load ended" | tee -a "$OUT"
  else
    echo "soak: version $version committed, never served before the checker stopped" | tee -a "$OUT"
  fi
done < "$WORK/commits.txt"
awk '{printf "%.0f\n", $1/1024}' "$WORK/rss.txt" | sort -n | awk '{a[NR]=$1} END{print "soak: server resident memory " a[1] "-" a[NR] " MiB over " NR " samples (-Xmx2g)"}' | tee -a "$OUT"
echo | tee -a "$OUT"
rm -rf "$WORK"
