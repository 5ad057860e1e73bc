#!/usr/bin/env bash
# The fleet benchmark (not part of mvn verify): N feeders of 69-bus size (ieee69), D days hourly,
# sigma_v 1e-4 p.u., 0.5 % P/Q noise, identified three ways on this machine:
#   1. ./gridid-fleet in Spark local mode on 2 cores (local[2]), whole process timed, all N feeders;
#   2. one JVM looping over the N feeders in-process (io.gridid.spark.bench.FleetLoop, the CLI's options);
#   3. a sequential loop of ./gridid identify processes (the CLI's defaults, one JVM per feeder) on the
#      first M feeders only (it is the slowest; its rate is per feeder, so it extrapolates linearly);
# each under /usr/bin/time for its peak resident memory; then the heap one feeder needs (FleetLoop on
# one feeder under decreasing -Xmx).
# Usage: spark/bench/fleet-benchmark.sh [N=40] [DAYS=90] [WORK_DIR=spark/target/fleet-bench] [M=10]
# A fleet already in WORK_DIR/fleet is reused (delete it to simulate again).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-40}"
days="${2:-90}"
work="${3:-$here/spark/target/fleet-bench}"
m="${4:-10}"
cd "$here"
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n * 60 / s }'; }
mb() { awk '{ printf "%.0f", $1 / 1024 }' "$1"; }   # /usr/bin/time's %M (KB) as MB
./gridid --version >/dev/null          # both launchers build what they run when it is stale
./gridid-fleet --version >/dev/null
mvn -q -B test-compile -pl spark -am >/dev/null
cp="$(ls spark/target/gridid-spark-*.jar | head -n 1):spark/target/test-classes:$(cat spark/target/classpath.txt)"
mkdir -p "$work"
rm -rf "$work/spark-out" "$work/cli-out"
mkdir -p "$work/cli-out"                # gridid identify makes --out, not its parent
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
if [ ! -d "$work/fleet" ]; then
  t=$(date +%s.%N)
  ./gridid-fleet simulate --fleet "$n" --feeder ieee69 --days "$days" --noise-v 1e-4 --noise-pq 0.005 \
    --out "$work/fleet" 2>/dev/null
  echo "simulate: $(elapsed "$t") s"
fi

t=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/spark-rss.txt" ./gridid-fleet --master 'local[2]' \
  --feeders "$work/fleet/feeders.csv" --meters "$work/fleet/meters" \
  --truth "$work/fleet/truth.csv" --out "$work/spark-out" 2>"$work/spark-progress.txt" | head -n 2
s=$(elapsed "$t")
echo "spark local[2], whole process: $n feeders in $s s = $(rate "$n" "$s") feeders/min, peak RSS $(mb "$work/spark-rss.txt") MB"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/time -f '%M' -o "$work/loop-rss.txt" java -XX:+UseParallelGC -cp "$cp" io.gridid.spark.bench.FleetLoop "$work/fleet"
echo "  one JVM loop peak RSS $(mb "$work/loop-rss.txt") MB"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

t=$(date +%s.%N)
peak=0
for dir in $(ls -d "$work"/fleet/meters/feeder_id=* | head -n "$m"); do
  id="${dir##*=}"
  /usr/bin/time -f '%M' -o "$work/cli-rss.txt" ./gridid identify --meters "$dir/meters.csv" --root 1 \
    --base-kv 12.66 --out "$work/cli-out/$id" >/dev/null 2>&1
  peak=$(awk -v a="$peak" '{ print ($1 > a ? $1 : a) }' "$work/cli-rss.txt")
done
s=$(elapsed "$t")
echo "loop of gridid identify processes: $m feeders in $s s = $(rate "$m" "$s") feeders/min, peak RSS $((peak / 1024)) MB per process"

for heap in 512 256 128 96 64 48 32 24 16; do
  if java -XX:+UseParallelGC -Xmx${heap}m -cp "$cp" io.gridid.spark.bench.FleetLoop "$work/fleet" 1 >/dev/null 2>&1; then
    echo "one feeder identifies in a ${heap} MB heap"
  else
    echo "one feeder does not identify in a ${heap} MB heap"
    break
  fi
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
