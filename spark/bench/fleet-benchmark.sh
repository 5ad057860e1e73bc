#!/usr/bin/env bash
# The fleet benchmark (not part of mvn verify): N feeders of 69-bus size (ieee69), D days hourly,
# sigma_v 1e-4 p.u., 0.5 % P/Q noise, identified three ways on this machine:
#   1. ./gridid-fleet in Spark local mode on 2 cores (local[2]), whole process timed;
#   2. a sequential loop of ./gridid identify processes (the CLI's defaults, one JVM per feeder);
#   3. one JVM looping over the feeders in-process (io.gridid.spark.bench.FleetLoop, the CLI's options);
# then the heap one feeder needs (FleetLoop on one feeder under decreasing -Xmx).
# Usage: spark/bench/fleet-benchmark.sh [N=40] [DAYS=90] [WORK_DIR=target folder under spark/]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-40}"
days="${2:-90}"
work="${3:-$here/spark/target/fleet-bench}"
cd "$here"
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
./gridid --version >/dev/null          # both launchers build what they run when it is stale
./gridid-fleet --version >/dev/null
mvn -q -B test-compile -pl spark -am >/dev/null
cp="$(ls spark/target/gridid-spark-*.jar | head -n 1):spark/target/test-classes:$(cat spark/target/classpath.txt)"
rm -rf "$work" && mkdir -p "$work"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
t=$(date +%s.%N)
./gridid-fleet simulate --fleet "$n" --feeder ieee69 --days "$days" --noise-v 1e-4 --noise-pq 0.005 \
  --out "$work/fleet" 2>/dev/null
echo "simulate: $(elapsed "$t") s"

t=$(date +%s.%N)
./gridid-fleet --master 'local[2]' --feeders "$work/fleet/feeders.csv" --meters "$work/fleet/meters" \
  --truth "$work/fleet/truth.csv" --out "$work/spark-out" 2>"$work/spark-progress.txt" | head -n 2
s=$(elapsed "$t")
echo "spark local[2], whole process: $s s = $(awk -v n="$n" -v s="$s" 'BEGIN { printf "%.1f", n * 60 / s }') feeders/min"

t=$(date +%s.%N)
for dir in "$work"/fleet/meters/feeder_id=*; do
  id="${dir##*=}"
  ./gridid identify --meters "$dir/meters.csv" --root 1 --base-kv 12.66 --out "$work/cli-out/$id" >/dev/null 2>&1
done
s=$(elapsed "$t")
echo "loop of gridid identify processes: $s s = $(awk -v n="$n" -v s="$s" 'BEGIN { printf "%.1f", n * 60 / s }') feeders/min"

java -XX:+UseParallelGC -cp "$cp" io.gridid.spark.bench.FleetLoop "$work/fleet"

for mb in 512 256 128 96 64 48 32 24 16; do
  if java -XX:+UseParallelGC -Xmx${mb}m -cp "$cp" io.gridid.spark.bench.FleetLoop "$work/fleet" 1 >/dev/null 2>&1; then
    echo "one feeder identifies in a ${mb} MB heap"
  else
    echo "one feeder does not identify in a ${mb} MB heap"
    break
  fi
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
