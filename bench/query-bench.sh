#!/usr/bin/env bash
# Benchmark: load a synthetic national warehouse, then time the analysts' queries of
# bench/queries.sql through Calcite (prepared, re-planned, without the episode aggregates) and
# DuckDB (the baseline) in one JVM, then through Spark SQL over the same Delta tables. Prints the
# machine and the figures; appends them to bench/results/query-bench.txt.
#   bench/query-bench.sh [RUNS]      (default 20 runs per query)
# DTW_BENCH_DIR: a folder whose warehouse/ is queried as it is; DTW_BENCH_SCALE: the scale to
# generate and load otherwise (default 1).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-20}"
WORK="${DTW_BENCH_DIR:-$(mktemp -d /tmp/dtw-bench.XXXXXX)}"
OUT="$ROOT/bench/results/query-bench.txt"

{
  echo "== query-bench $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "command: bench/query-bench.sh $RUNS"
} | tee -a "$OUT"

bin/dwh build
mvn -q -B -pl query-api test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/test-classpath.txt" >&2
mvn -q -B -pl etl test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/etl-test-classpath.txt" >&2

if [ -d "$WORK/warehouse/meta" ]; then
  echo "querying the warehouse already in $WORK/warehouse ($(du -sh "$WORK/warehouse" | cut -f1))" | tee -a "$OUT"
else
  bin/dwh generate --out "$WORK/landing" --scale "${DTW_BENCH_SCALE:-1}" | tee -a "$OUT"
  start=$(date +%s.%N)
  bin/dwh load --landing "$WORK/landing" --warehouse "$WORK/warehouse" | tail -2
  end=$(date +%s.%N)
  printf 'ETL load of the national landing folder (fresh warehouse, local[*]): %.1f s wall clock\n' \
    "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" | tee -a "$OUT"
fi

java -Xmx2g -cp "query-api/target/test-classes:query-api/target/classes:$(cat "$WORK/test-classpath.txt")" \
  uk.dtw.api.bench.QueryBenchmark "$WORK/warehouse" "$RUNS" 2>/dev/null | tee -a "$OUT"
# The same --add-opens as bin/dwh and the tests: one list, in the root pom.
OPENS="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/pom.xml")"
java $OPENS -cp "etl/target/test-classes:etl/target/classes:model/target/classes:$(cat "$WORK/etl-test-classpath.txt")" \
  uk.dtw.etl.bench.SparkSqlBenchmark "$WORK/warehouse" "$(( RUNS < 3 ? RUNS : 3 ))" 2>/dev/null | tee -a "$OUT"
echo | tee -a "$OUT"
