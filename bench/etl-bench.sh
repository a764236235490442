#!/usr/bin/env bash
# Benchmark: the ETL load against its floor, in one run on one machine.
#   1. generate a national landing folder at SCALE (1 = England: ~200,000 people in treatment a
#      year, ten years of prevalence, treatment, funding, targets and episodes);
#   2. the plain floor: a Spark job writing the same CSVs to Delta with no validation;
#   3. the load (bin/dwh load) into a fresh warehouse;
#   4. an incremental reload: one partnership-year's episodes file changed, loaded again, beside
#      the plain floor appending the same rows.
# Steps 2 and 3 alternate RUNS times, then step 4's pair does (default 1; medians when more).
# Prints the machine and the figures and appends them to bench/results/etl-bench.txt.
#   bench/etl-bench.sh [SCALE] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SCALE="${1:-1}"
RUNS="${2:-1}"
WORK="${DTW_BENCH_DIR:-$(mktemp -d /tmp/dtw-etl-bench.XXXXXX)}"
OUT="$ROOT/bench/results/etl-bench.txt"
mkdir -p "$(dirname "$OUT")"

{
  echo "== etl-bench $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "command: bench/etl-bench.sh $SCALE $RUNS"
} | tee -a "$OUT"

bin/dwh build >&2
mvn -q -B -o -pl etl test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/test-classpath.txt" >&2
CP="etl/target/test-classes:etl/target/classes:model/target/classes:$(cat "$WORK/test-classpath.txt")"
# The same --add-opens as bin/dwh and the tests: one list, in the root pom.
OPENS="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/pom.xml")"
export SPARK_LOCAL_IP=127.0.0.1

rm -rf "$WORK/landing" "$WORK/increment"
bin/dwh generate --out "$WORK/landing" --scale "$SCALE" | tee -a "$OUT"
echo "landing: $(du -sh "$WORK/landing" | cut -f1), $(find "$WORK/landing" -name '*.csv' | wc -l) files" | tee -a "$OUT"

seconds() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }
plain=(); ours=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/plain" "$WORK/warehouse"
  t0=$(date +%s.%N)
  java $OPENS -cp "$CP" uk.dtw.etl.bench.PlainCsvToDelta "$WORK/landing" "$WORK/plain" 2>/dev/null | tee -a "$OUT"
  t1=$(date +%s.%N)
  bin/dwh load --landing "$WORK/landing" --warehouse "$WORK/warehouse" > "$WORK/load.log" 2>&1 || true
  t2=$(date +%s.%N)
  tail -4 "$WORK/load.log" | tee -a "$OUT"
  plain+=("$(seconds "$t0" "$t1")"); ours+=("$(seconds "$t1" "$t2")")
  echo "run $run: plain job ${plain[-1]} s, load ${ours[-1]} s (JVM start included in both)" | tee -a "$OUT"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
mp=$(median "${plain[@]}"); mo=$(median "${ours[@]}")
rows=$(grep -o 'wrote [0-9]* rows' "$OUT" | tail -1 | grep -o '[0-9]*')
awk -v p="$mp" -v o="$mo" -v r="$rows" 'BEGIN{printf "median: plain %.1f s, load %.1f s, load/plain %.2f, load %.0f rows/s\n", p, o, o/p, r/o}' | tee -a "$OUT"

# Incremental: one partnership-year's episodes file changes (one more episode at its end); the
# floor appends that file's rows to its copy. Each of RUNS rounds starts from the same two tables.
f=$(find "$WORK/landing/episodes" -name '*.csv' | sort | sed -n 1p)
mkdir -p "$WORK/increment"
head -1 "$f" > "$WORK/increment/$(basename "$f")"
tail -n +2 "$f" >> "$WORK/increment/$(basename "$f")"
line=$(tail -1 "$f" | sed 's/^\([^,]*\)/\1-extra/')
echo "$line" >> "$f"; echo "$line" >> "$WORK/increment/$(basename "$f")"
rm -rf "$WORK/warehouse.before" "$WORK/plain.before"
cp -a "$WORK/warehouse" "$WORK/warehouse.before"; cp -a "$WORK/plain" "$WORK/plain.before"
appends=(); reloads=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/warehouse" "$WORK/plain"
  cp -a "$WORK/warehouse.before" "$WORK/warehouse"; cp -a "$WORK/plain.before" "$WORK/plain"
  t0=$(date +%s.%N)
  java $OPENS -cp "$CP" uk.dtw.etl.bench.PlainCsvToDelta "$WORK/increment" "$WORK/plain" append 2>/dev/null | tee -a "$OUT"
  t1=$(date +%s.%N)
  bin/dwh load --landing "$WORK/landing" --warehouse "$WORK/warehouse" > "$WORK/reload.log" 2>&1 || true
  t2=$(date +%s.%N)
  appends+=("$(seconds "$t0" "$t1")"); reloads+=("$(seconds "$t1" "$t2")")
  echo "incremental run $run ($(basename "$f"), $(($(wc -l < "$f") - 1)) rows): plain append ${appends[-1]} s, reload ${reloads[-1]} s" | tee -a "$OUT"
done
ma=$(median "${appends[@]}"); mr=$(median "${reloads[@]}")
awk -v p="$ma" -v o="$mr" 'BEGIN{printf "incremental median: plain append %.1f s, reload %.1f s, reload/plain append %.2f\n", p, o, o/p}' | tee -a "$OUT"
echo | tee -a "$OUT"
