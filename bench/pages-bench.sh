#!/usr/bin/env bash
# Benchmark: how fast the analysts' pages show their figures in headless Chromium (Debian's),
# cold and warm, beside the baseline of fetching the same API answers with a plain HTTP client.
#   bench/pages-bench.sh [WAREHOUSE] [RUNS]
# WAREHOUSE defaults to data/warehouse (bin/dwh demo loads it). Prints the machine and the figures
# and appends them to bench/results/pages-bench.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WAREHOUSE="$(realpath "${1:-$ROOT/data/warehouse}")"
RUNS="${2:-10}"
OUT="$ROOT/bench/results/pages-bench.txt"
WORK="$(mktemp -d /tmp/dtw-pages-bench.XXXXXX)"
"$ROOT/bin/install-test-tools"
{
  echo "== pages-bench $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  echo "command: bench/pages-bench.sh $WAREHOUSE $RUNS (browser, server and client on the same cores)"
} | tee -a "$OUT"
bin/dwh build
mvn -q -B -pl query-api test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/test-classpath.txt" >&2
(cd query-api && java -cp "target/test-classes:target/classes:$(cat "$WORK/test-classpath.txt")" \
  uk.dtw.api.bench.PagesBenchmark "$WAREHOUSE" "$RUNS" 2>"$WORK/stderr.log") | tee -a "$OUT"
echo | tee -a "$OUT"
