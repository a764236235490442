#!/usr/bin/env bash
# Benchmark: what the per-row checks that let a query be stopped cost. Each query of
# bench/queries.sql and a million-row recursive CTE, prepared with the checks (as served) and
# without (Calcite's standard program), run alternately in one JVM; prints the medians and their
# ratio and appends them to bench/results/cancel-check-bench.txt.
#   bench/cancel-check-bench.sh WAREHOUSE [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WAREHOUSE="${1:?usage: bench/cancel-check-bench.sh WAREHOUSE [RUNS]}"
RUNS="${2:-10}"
OUT="$ROOT/bench/results/cancel-check-bench.txt"
CP="$(mktemp)"
mvn -q -B -o -pl query-api test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP" >&2
{
  echo "== cancel-check-bench $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "command: bench/cancel-check-bench.sh $WAREHOUSE $RUNS"
} | tee -a "$OUT"
java -Xmx2g -cp "query-api/target/test-classes:query-api/target/classes:$(cat "$CP")" \
  uk.dtw.api.bench.CancelCheckBenchmark "$WAREHOUSE" "$RUNS" 2>/dev/null | tee -a "$OUT"
echo | tee -a "$OUT"
rm -f "$CP"
