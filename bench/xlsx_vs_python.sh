#!/bin/sh
# Excel register benchmark: erflow's RegisterWriter (bench/xlsx_register_bench) against
# Debian's python3-xlsxwriter in constant_memory mode (bench/xlsx_register_python.py)
# writing the same register, one after the other in one run. First both writers produce a
# small register and bench/xlsx_compare.py checks the workbooks match cell for cell; then
# each writes CASES cases under /usr/bin/time (wall, CPU and peak RSS of the process).
# Targets (issue 5): erflow peak RSS <= 64 MB, erflow >= 5x faster than the baseline.
#
# usage: bench/xlsx_vs_python.sh [BUILD_DIR] [CASES] [DEADLINES_PER_CASE]
#        defaults: build 1000000 0
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
CASES=${2:-1000000}
DEADLINES=${3:-0}
BENCH=$BUILD/bench/xlsx_register_bench
PY=/usr/bin/python3  # Debian's interpreter: the one with python3-xlsxwriter and openpyxl
if [ ! -x "$BENCH" ]; then
  echo "$BENCH not found: build first (cmake --build $BUILD --target xlsx_register_bench)" >&2
  exit 2
fi
work=$(mktemp -d /tmp/xlsx-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== same workbook from both writers? (3000 cases x 3 deadlines)"
"$BENCH" --cases 3000 --deadlines-per-case 3 --out "$work/small-erflow.xlsx" >/dev/null
"$PY" bench/xlsx_register_python.py --cases 3000 --deadlines-per-case 3 \
  --out "$work/small-python.xlsx" >/dev/null
"$PY" bench/xlsx_compare.py "$work/small-erflow.xlsx" "$work/small-python.xlsx" 100000

echo "== $CASES cases, $DEADLINES deadlines per case (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/time -f "%e %U %S %M" -o "$work/erflow.time" \
  "$BENCH" --cases "$CASES" --deadlines-per-case "$DEADLINES" --out "$work/erflow.xlsx" --progress
erflow_bytes=$(stat -c %s "$work/erflow.xlsx")
rm -f "$work/erflow.xlsx"
/usr/bin/time -f "%e %U %S %M" -o "$work/python.time" \
  "$PY" bench/xlsx_register_python.py --cases "$CASES" --deadlines-per-case "$DEADLINES" \
  --out "$work/python.xlsx"
python_bytes=$(stat -c %s "$work/python.xlsx")

echo
awk -v eb="$erflow_bytes" -v pb="$python_bytes" '
  FNR == 1 && NR == 1 { ew = $1; ec = $2 + $3; er = $4 / 1024 }
  FNR == 1 && NR == 2 { pw = $1; pc = $2 + $3; pr = $4 / 1024 }
  END {
    printf "%-28s %8s %8s %14s %9s\n", "writer", "wall s", "CPU s", "peak RSS MB", "file MB"
    printf "%-28s %8.2f %8.2f %14.1f %9.1f\n", "erflow RegisterWriter", ew, ec, er, eb / 1048576
    printf "%-28s %8.2f %8.2f %14.1f %9.1f\n", "python3-xlsxwriter", pw, pc, pr, pb / 1048576
    printf "speed-up (python / erflow): %.2fx wall, %.2fx CPU\n", pw / ew, pc / ec
    printf "target peak RSS <= 64 MB:  %s (%.1f MB)\n", (er <= 64 ? "met" : "NOT met"), er
    printf "target >= 5x faster (CPU): %s (%.2fx)\n", ((pc / ec >= 5) ? "met" : "NOT met"), pc / ec
  }' "$work/erflow.time" "$work/python.time"
