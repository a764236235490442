#!/usr/bin/env bash
# Benchmark: requests/s and latency of the API at 64 connections (wrk, from Debian), with the
# server held to -Xmx2g. The health endpoint (no warehouse work) is the baseline in the same run.
#   bench/http-bench.sh WAREHOUSE [SECONDS]
# WAREHOUSE is a loaded warehouse (bench/etl-bench.sh leaves one in $DTW_BENCH_DIR/warehouse).
# Prints the machine and the figures and appends them to bench/results/http-bench.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WAREHOUSE="${1:?usage: bench/http-bench.sh WAREHOUSE [SECONDS] [WARMUP]}"
SECONDS_EACH="${2:-20}"
WARMUP="${3:-5}"
PORT="${DTW_BENCH_PORT:-7171}"
OUT="$ROOT/bench/results/http-bench.txt"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)..." >&2
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
fi

{
  echo "== http-bench $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1)"
  echo "command: bench/http-bench.sh $WAREHOUSE $SECONDS_EACH $WARMUP (serve with -Xmx2g ${DTW_JAVA_OPTS:-}; wrk -t2 -c64 -d${SECONDS_EACH}s after ${WARMUP}s unmeasured, client and server on the same 2 cores)"
} | tee -a "$OUT"

bin/dwh build >&2
DTW_JAVA_OPTS="-Xmx2g ${DTW_JAVA_OPTS:-}" bin/dwh serve --warehouse "$WAREHOUSE" --port "$PORT" > /tmp/dtw-http-bench-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT/api/v1"
t0=$(date +%s.%N)
until curl -sf "$BASE/health" >/dev/null; do sleep 0.2; done
t1=$(date +%s.%N)
echo "serve: first answer $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s after start" | tee -a "$OUT"
# serve warms its views in the background: measure the server it leaves, not the warm-up beside it.
for _ in $(seq 1 600); do grep -q 'warmed up the views' /tmp/dtw-http-bench-serve.log && break; sleep 0.5; done
echo "serve: $(grep -o 'warmed up the views in [0-9]* ms' /tmp/dtw-http-bench-serve.log || echo 'warm-up not finished after 300 s')" | tee -a "$OUT"

latest=$(curl -s "$BASE/health" | sed 's/.*"warehouse_version":\([0-9]*\).*/\1/')
declare -a NAMES URLS
NAMES+=("health (baseline)");            URLS+=("$BASE/health")
NAMES+=("rankings penetration England"); URLS+=("$BASE/rankings?measure=penetration&period=2010-11")
NAMES+=("rankings people_in_treatment"); URLS+=("$BASE/rankings?measure=people_in_treatment&period=2010-11&region=London")
NAMES+=("breakdown Kent, every dimension"); URLS+=("$BASE/breakdown?partnership=Kent&period=2010-11")
for i in "${!URLS[@]}"; do
  c0=$(date +%s.%N); code=$(curl -s -o /dev/null -w '%{http_code}' "${URLS[$i]}"); c1=$(date +%s.%N)
  echo "${NAMES[$i]}: first request $(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.0f", (b-a)*1000}') ms (HTTP $code, computed from the warehouse: no answer kept yet)" | tee -a "$OUT"
done
for i in "${!URLS[@]}"; do
  [[ $WARMUP -gt 0 ]] && wrk -t2 -c64 -d"${WARMUP}s" "${URLS[$i]}" >/dev/null
  result=$(wrk -t2 -c64 -d"${SECONDS_EACH}s" --latency "${URLS[$i]}")
  rps=$(echo "$result" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$result" | awk '$1=="50%"{print $2}')
  p99=$(echo "$result" | awk '$1=="99%"{print $2}')
  errors=$(echo "$result" | awk '/Non-2xx|Socket errors/{print}' | tr '\n' ' ')
  printf '%-34s %10s req/s  p50 %8s  p99 %8s  %s\n' "${NAMES[$i]}" "$rps" "$p50" "$p99" "${errors:-no errors}" | tee -a "$OUT"
done
echo "server resident memory after the run: $(ps -o rss= -p "$(pgrep -f 'uk.dtw.api.cli.ServeMain' | head -1)" | awk '{printf "%.0f MiB", $1/1024}') (-Xmx2g)" | tee -a "$OUT"
echo | tee -a "$OUT"
