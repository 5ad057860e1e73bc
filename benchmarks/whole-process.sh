#!/usr/bin/env bash
# Whole-process speed and memory of gridid as users run it, side by side with the numpy twin
# (../shared/reference/numpy_twin.py) in one run: the same meters.csv, each tool started afresh
# every time (JVM or interpreter start, reading, both stages, writing), wall time and peak RSS
# from /usr/bin/time. Rounds rotate the order of the tools so that none always runs first.
#
#   benchmarks/whole-process.sh [--runs N] [--work DIR] [--stability N] [--tools LIST] FEEDER:DAYS[@MIN] ...
#
# FEEDER:DAYS[@MIN], e.g. random:114:365 or random:1000:365@15: simulated with `gridid simulate`
# (seed 1, sigma_v 1e-4 p.u., 0.5 % P/Q noise, every MIN minutes, default 60) into
# DIR/FEEDER-DAYS[-MIN]/ unless already there. --tools: a comma-separated subset of
# twin,launcher,jar (default all three).
# Tools: the numpy twin, ./gridid (the launcher: throughput collector, class-data archive) and
# plain `java -jar cli/target/gridid.jar` (JVM defaults, under which gridid relaunches itself with
# the launcher's collector options: decision 009), all with gridid's default options. Peak RSS is
# /usr/bin/time's: the largest process, so a relaunching java -jar's figure leaves out its waiting
# parent (about 45 MB).
# Prints a Markdown table of medians [min-max]; raw figures go to DIR/whole-process.csv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
work="$here/benchmarks/target/whole-process"
extra=()
cases=()
tools="twin,launcher,jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --stability) extra=(--stability "$2"); shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) cases+=("$1"); shift ;;
  esac
done
[ ${#cases[@]} -gt 0 ] || cases=(random:114:365 random:1000:365)
twin="$here/../shared/reference/numpy_twin.py"
[ -f "$twin" ] || { echo "whole-process.sh: $twin not found" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "whole-process.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
mkdir -p "$work"
"$here/gridid" --version >/dev/null   # builds the jar and its class-data archive when stale
jar="$here/cli/target/gridid.jar"
raw="$work/whole-process.csv"
echo "case,tool,round,wall_s,peak_rss_kb,user_s,sys_s,read_s,stage1_s,stage2_s,file_mb" > "$raw"

measure() { # case tool round command...
  local c="$1" tool="$2" round="$3"; shift 3
  local t="$work/time.txt"
  if ! /usr/bin/time -o "$t" -f "%e,%M,%U,%S" "$@" >"$work/last.log" 2>&1; then
    echo "whole-process.sh: $tool failed on $c (see $work/last.log)" >&2; exit 1
  fi
  # the phases as each tool reports them: gridid's summary line, the twin's report.json
  local phases=",,"
  if [ "$tool" = twin ]; then
    phases=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timing_s']; print(f\"{t['ingest']},{t['stage1']},{t['stage2']}\")" "$work/out-twin/report.json")
  elif grep -q "^identified" "$work/last.log"; then
    phases=$(sed -n 's/.*(read \([0-9.]*\) s, topology \([0-9.]*\) s, impedance \([0-9.]*\) s).*/\1,\2,\3/p' "$work/last.log")
  fi
  echo "$c,$tool,$round,$(tail -1 "$t"),$phases,$mb" >> "$raw"
}

for c in "${cases[@]}"; do
  minutes=60
  spec="$c"
  if [[ "$c" == *@* ]]; then minutes="${c##*@}"; spec="${c%@*}"; fi
  feeder="${spec%:*}"; days="${spec##*:}"
  data="$work/${feeder//:/-}-$days"
  [ "$minutes" = 60 ] || data="$data-$minutes"
  if [ ! -f "$data/meters.csv" ]; then
    echo "simulating $feeder, $days days hourly -> $data" >&2
    rm -rf "$data"
    "$here/gridid" simulate --feeder "$feeder" --days "$days" --interval-min "$minutes" --noise-v 1e-4 \
      --noise-pq 0.005 --seed 1 --out "$data" >/dev/null
  fi
  root=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['root'])" "$data/meta.json")
  kv=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['base_kv'])" "$data/meta.json")
  args=(--meters "$data/meters.csv" --root "$root" --base-kv "$kv")
  mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$data/meters.csv")
  for r in $(seq 1 "$runs"); do
    echo "$c: round $r of $runs" >&2
    IFS=, read -r -a order <<< "$tools"
    for k in $(seq 1 $(( (r - 1) % ${#order[@]} ))); do order=("${order[@]:1}" "${order[0]}"); done
    for tool in "${order[@]}"; do
      case "$tool" in
        twin) measure "$c" twin "$r" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
                python3 "$twin" "${args[@]}" --out "$work/out-twin" --quiet ;;
        launcher) measure "$c" "./gridid" "$r" "$here/gridid" identify "${args[@]}" "${extra[@]}" \
                --out "$work/out-launcher" --force ;;
        jar) measure "$c" "java -jar" "$r" java -jar "$jar" identify "${args[@]}" "${extra[@]}" \
                --out "$work/out-jar" --force ;;
      esac
    done
  done
done
mb=""
for r in $(seq 1 20); do
  measure "--version" "./gridid" "$r" "$here/gridid" --version
  measure "--version" "java -jar" "$r" java -jar "$jar" --version
done

python3 - "$raw" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def fmt(v):
    return f"{statistics.median(v):.2f} [{min(v):.2f}-{max(v):.2f}]"
cases = list(dict.fromkeys(r["case"] for r in rows))
print("| data | tool | wall s, median [min-max] | peak RSS GB, median | CPU s (user+sys), median | twin's wall / this | read s (MB/s) / stage 1 s / stage 2 s, medians |")
print("|---|---|---|---|---|---|---|")
for c in cases:
    tools = list(dict.fromkeys(r["tool"] for r in rows if r["case"] == c))
    twin = [float(r["wall_s"]) for r in rows if r["case"] == c and r["tool"] == "twin"]
    for t in tools:
        sel = [r for r in rows if r["case"] == c and r["tool"] == t]
        wall = [float(r["wall_s"]) for r in sel]
        rss = statistics.median(float(r["peak_rss_kb"]) for r in sel) / 1024 / 1024
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in sel)
        ratio = f"{statistics.median(twin) / statistics.median(wall):.2f}x" if twin and t != "twin" else ""
        phases = ""
        if all(r["read_s"] for r in sel):
            rd = statistics.median(float(r["read_s"]) for r in sel)
            s1 = statistics.median(float(r["stage1_s"]) for r in sel)
            s2 = statistics.median(float(r["stage2_s"]) for r in sel)
            phases = f"{rd:.2f} ({float(sel[0]['file_mb']) / rd:.0f}) / {s1:.2f} / {s2:.2f}"
        print(f"| {c} | {t} | {fmt(wall)} | {rss:.2f} | {cpu:.2f} | {ratio} | {phases} |")
EOF
