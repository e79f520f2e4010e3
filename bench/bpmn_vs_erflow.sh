#!/bin/sh
# bpmn_vs_erflow.sh [BUILD_DIR] [CASES]
#
# The same nine-task emergency case, CASES times, in one run: erflow (nine_task_bench:
# bench/data/nine-task.json, every command a durable SQLite transaction, synchronous=FULL)
# and the npm package bpmn-engine (bpmn_engine_bench.mjs: bench/data/nine-task.bpmn, the
# same form data, its state written and fsynced after every task). bpmn-engine is
# installed from npm into a temporary folder. Each runs under /usr/bin/time (wall, CPU,
# peak RSS). Prints both, and erflow's cases/s and memory as ratios to bpmn-engine's.
#
# BUILD_DIR defaults to ./build (needs the nine_task_bench target); CASES to 2000.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
cases=${2:-2000}
version=${BPMN_ENGINE_VERSION:-25.0.1}
bench=$build/bench/nine_task_bench
if [ ! -x "$bench" ]; then
  echo "bpmn_vs_erflow: build first: cmake --build $build --target nine_task_bench" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null 2>&1 &&
  npm install --no-audit --no-fund --loglevel=error "bpmn-engine@$version" >/dev/null 2>&1) || {
  echo "bpmn_vs_erflow: npm install bpmn-engine@$version failed" >&2
  exit 1
}
cp "$here/bpmn_engine_bench.mjs" "$tmp/"
mkdir -p "$tmp/state"

echo "machine: $(nproc) CPUs, $(uname -sr); node $(node --version); bpmn-engine $version;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%e %U %S %M" -o "$tmp/erflow.time" "$bench" "$cases" FULL >"$tmp/erflow.out"
cat "$tmp/erflow.out"
(cd "$tmp" && /usr/bin/time -f "%e %U %S %M" -o "$tmp/bpmn.time" \
  node bpmn_engine_bench.mjs "$here/data/nine-task.bpmn" "$cases" "$tmp/state" >"$tmp/bpmn.out")
cat "$tmp/bpmn.out"

field() {  # field NAME FILE: the value of NAME=… on the RESULT line
  sed -n "s/^RESULT.* $1=\([^ ]*\).*/\1/p" "$2"
}
awk -v ec="$(field cases_per_s "$tmp/erflow.out")" -v bc="$(field cases_per_s "$tmp/bpmn.out")" '
  FNR == 1 && NR == 1 { ew = $1; ecpu = $2 + $3; er = $4 / 1024 }
  FNR == 1 && NR == 2 { bw = $1; bcpu = $2 + $3; br = $4 / 1024 }
  END {
    printf "%-34s %10s %10s %8s %14s\n", "engine", "cases/s", "wall s", "CPU s", "peak RSS MB"
    printf "%-34s %10.1f %10.2f %8.2f %14.1f\n", "erflow (SQLite, synchronous=FULL)", ec, ew, ecpu, er
    printf "%-34s %10.1f %10.2f %8.2f %14.1f\n", "bpmn-engine (state file + fsync)", bc, bw, bcpu, br
    printf "RESULT bpmn_vs_erflow erflow_cases_per_s=%.1f bpmn_cases_per_s=%.1f speed_ratio=%.2f " \
           "erflow_rss_mb=%.1f bpmn_rss_mb=%.1f rss_ratio=%.2f erflow_cpu_s=%.2f bpmn_cpu_s=%.2f\n",
           ec, bc, ec / bc, er, br, er / br, ecpu, bcpu
  }' "$tmp/erflow.time" "$tmp/bpmn.time"
