#!/usr/bin/env bash
# Benchmark: how soon `bin/dwh demo` answers on a built tree with no data/warehouse yet (a fresh
# clone after `bin/dwh build`): seconds from its start to the first HTTP 200 of /api/v1/health, to
# the first 200 of a real report, and to the end of the sample load it runs beside the server.
# The baseline, in the same run: the demo of the branch base (BASE, default 4f4807f), which loaded
# the sample first and served only then.
#   bench/demo-start.sh [RUNS] [BASE]        RUNS defaults to 1; BASE=none skips the baseline
# Each run works in a copy of this tree (built code, no data/warehouse), so data/warehouse here is
# never touched; the copy is removed afterwards. Prints the machine and the figures and appends
# them to bench/results/demo-start.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-1}"
BASE="${2:-4f4807f}"
OUT="$ROOT/bench/results/demo-start.txt"
REPORT="/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East"
WORK="$(mktemp -d /tmp/dtw-demo-start.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# Built code, as bin/dwh's ensure_built leaves it (so the demo below does not build).
bin/dwh build
for m in model warehouse etl query-api; do touch "$m/target/runtime-classpath.txt"; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# One demo from a fresh copy: prints "health_s report_s load_s health_status".
run_demo() {
  local label=$1 tree="$WORK/$1"
  rm -rf "$tree"
  mkdir -p "$tree"
  # The tree as a fresh clone after a build: sources, built targets, no data/warehouse.
  tar -C "$ROOT" --exclude=./.git --exclude=./data/warehouse --exclude='./data/warehouse-load.log' \
    --exclude='./query-api/target/*-warehouse' --exclude='./query-api/target/*landing' \
    --exclude=./data/api-keys.json -cf - . | tar -C "$tree" -xf -
  if [[ $label == baseline ]]; then git show "$BASE:bin/dwh" > "$tree/bin/dwh"; fi
  local port; port=$(free_port)
  local start; start=$(now)
  "$tree/bin/dwh" demo --port "$port" > "$tree/demo.log" 2>&1 &
  local demo=$!
  local health="" report="" loaded="" status=""
  local deadline=$(( $(date +%s) + 900 ))
  while [[ -z $report || -z $loaded ]] && (( $(date +%s) < deadline )); do
    kill -0 "$demo" 2>/dev/null || { echo "demo exited early:" >&2; cat "$tree/demo.log" >&2; exit 1; }
    if [[ -z $health ]] && body=$(curl -sf "http://127.0.0.1:$port/api/v1/health" 2>/dev/null); then
      health=$(since "$start" "$(now)")
      status=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<< "$body")
    fi
    if [[ -n $health && -z $report ]] && curl -sf -o /dev/null "http://127.0.0.1:$port$REPORT" 2>/dev/null; then
      report=$(since "$start" "$(now)")
    fi
    if [[ -z $loaded ]]; then
      # The new demo says when the sample load ends; the old one served only after it.
      if grep -q '^sample load finished' "$tree/demo.log" 2>/dev/null; then loaded=$(since "$start" "$(now)"); fi
      if [[ $label == baseline && -n $health ]]; then loaded="before-serving"; fi
    fi
    sleep 0.1
  done
  kill -TERM "$demo" 2>/dev/null || true
  wait "$demo" 2>/dev/null || true
  echo "$health $report $loaded $status"
}

{
  echo "== demo-start $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: bench/demo-start.sh $RUNS $BASE (bin/dwh demo --port N in a copy of the built tree without data/warehouse; seconds from its start)"
  printf '%-28s %4s %12s %12s %14s  %s\n' demo run "health 200" "report 200" "load ended" "health status"
} | tee -a "$OUT"
for ((r = 1; r <= RUNS; r++)); do
  read -r h p l s < <(run_demo now)
  printf '%-28s %4d %12s %12s %14s  %s\n' "this commit" "$r" "$h" "$p" "$l" "$s" | tee -a "$OUT"
  if [[ $BASE != none ]]; then
    read -r h p l s < <(run_demo baseline)
    printf '%-28s %4d %12s %12s %14s  %s\n' "baseline ($BASE)" "$r" "$h" "$p" "$l" "$s" | tee -a "$OUT"
  fi
done
echo "report: GET $REPORT; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo | tee -a "$OUT"
