#!/bin/sh
# pdf_vs_reportlab.sh [BUILD_DIR] [COUNT]
#
# In one run: erflow renders and signs COUNT two-page Chinese records (the 附件二 initial
# report with a long description; bench/pdf_records_bench), then Debian's
# python3-reportlab (/usr/bin/python3, bench/pdf_reportlab.py) writes the same form,
# unsigned, from the same text with the same CJK font. Prints both, the ratio, and
# whether the targets hold: <= 10 ms and <= 80 KB per signed record, >= 3x reportlab.
#
# BUILD_DIR defaults to ./build (needs the pdf_records_bench target and the font it
# builds); COUNT defaults to 200. Uses a throw-away demo CA (scripts/make-demo-ca).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
count=${2:-200}
bench=$build/bench/pdf_records_bench
font=$build/fonts/erflow-cjk.ttf
if [ ! -x "$bench" ] || [ ! -f "$font" ]; then
  echo "pdf_vs_reportlab: build first: cmake --build $build --target pdf_records_bench" >&2
  exit 1
fi
if ! /usr/bin/python3 -c 'import reportlab' 2>/dev/null; then
  echo "pdf_vs_reportlab: /usr/bin/python3 has no reportlab (apt-get install python3-reportlab)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/make-demo-ca" "$tmp/ca"

echo "machine: $(nproc) CPUs, $(uname -sr); $(date -u +%Y-%m-%dT%H:%MZ)"
ours=$("$bench" --count "$count" --ca "$tmp/ca" --dump-json "$tmp/record.json" \
  --out "$tmp/erflow.pdf")
echo "$ours"
theirs=$(/usr/bin/python3 "$here/pdf_reportlab.py" "$tmp/record.json" "$font" "$count" \
  "$tmp/reportlab.pdf")
echo "$theirs"

field() {  # field NAME TEXT: the value of NAME=… on the RESULT line
  printf '%s\n' "$2" | sed -n "s/^RESULT.* $1=\([^ ]*\).*/\1/p"
}
ms=$(field erflow_ms "$ours")
kb=$(field erflow_kb "$ours")
rl_ms=$(field reportlab_ms "$theirs")
our_pages=$(pdfinfo "$tmp/erflow.pdf" | sed -n 's/^Pages: *//p')
rl_pages=$(pdfinfo "$tmp/reportlab.pdf" | sed -n 's/^Pages: *//p')
valid=$(pdfsig "$tmp/erflow.pdf" 2>/dev/null | grep -c "Signature is Valid." || true)

awk -v ms="$ms" -v kb="$kb" -v rl="$rl_ms" -v op="$our_pages" -v rp="$rl_pages" \
  -v valid="$valid" 'BEGIN {
  ratio = rl / ms
  printf "summary: erflow %.2f ms and %.1f KB per signed %d-page record; reportlab %.2f ms " \
         "per unsigned %d-page record; erflow is %.1fx faster\n", ms, kb, op, rl, rp, ratio
  printf "  <= 10 ms per record: %s;  <= 80 KB per record: %s;  >= 3x reportlab: %s\n",
         (ms <= 10 ? "met" : "MISSED"), (kb <= 80 ? "met" : "MISSED"),
         (ratio >= 3 ? "met" : "MISSED")
  printf "  pdfsig on the sample (reporter + supervisor): %d of 2 signatures valid\n", valid
}'
