#!/bin/sh
# API benchmark: wrk against a signed-in user's queue (GET /api/v1/queue) on a database of
# CASES cases, and — as the baseline in the same run, on the same server — against a static
# file holding exactly the bytes of that queue answer, so the difference is the work behind
# the endpoint (session, engine, SQLite, JSON), not the transfer.
#
# usage: bench/api_wrk.sh [BUILD_DIR] [CASES] [DURATION] [CONNECTIONS]
#        defaults: build 100000 10s 50
# Needs: wrk (Debian package), curl. Builds the database with BUILD_DIR/bench/api_seed
# (through the engine), starts BUILD_DIR/erflow serve on a free loopback port with the
# default threads and keep-alive, signs in as "bench" (a clerk of unit-000, whose queue
# holds about CASES/100 waiting tasks), and prints requests/s and p99 latency for both.
# Targets for the queue: >= 10,000 requests/s and p99 <= 10 ms.
set -eu

BUILD=${1:-build}
CASES=${2:-100000}
DURATION=${3:-10s}
CONNECTIONS=${4:-50}
THREADS=2

command -v wrk >/dev/null || { echo "api_wrk: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$BUILD/erflow" ] && [ -x "$BUILD/bench/api_seed" ] ||
  { echo "api_wrk: build $BUILD first (erflow and bench/api_seed)" >&2; exit 2; }
BUILD=$(cd "$BUILD" && pwd)

WORK=$(mktemp -d /tmp/erflow-api-wrk-XXXXXX)
SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== seeding $CASES cases through the engine"
NOW=$("$BUILD/bench/api_seed" "$WORK/bench.db" "$CASES" 100)

mkdir "$WORK/web"
cat >"$WORK/server.properties" <<EOF
server.web_root = $WORK/web
server.access_log = $WORK/access.log
EOF
: >"$WORK/serve.out"
"$BUILD/erflow" --db "$WORK/bench.db" --now "$NOW" serve --port 0 \
  --config "$WORK/server.properties" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
PORT=
for _ in $(seq 1 200); do
  PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/serve.out")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  sleep 0.05
done
[ -n "$PORT" ] || { echo "api_wrk: the server did not start" >&2; exit 1; }
URL="http://127.0.0.1:$PORT"

TOKEN=$(curl -s -i "$URL/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"user": "bench", "password": "bench-password"}' |
  sed -n 's/^Set-Cookie: erflow_session=\([0-9a-f]*\);.*/\1/p')
[ -n "$TOKEN" ] || { echo "api_wrk: sign-in failed" >&2; exit 1; }
printf 'wrk.headers["Cookie"] = "erflow_session=%s"\n' "$TOKEN" >"$WORK/auth.lua"

# The baseline file: the queue answer itself, byte for byte.
curl -s -f -b "erflow_session=$TOKEN" "$URL/api/v1/queue" >"$WORK/web/queue.json"
ITEMS=$(grep -o '"case":' "$WORK/web/queue.json" | wc -l)
BYTES=$(wc -c <"$WORK/web/queue.json")
echo "== queue of user bench: $ITEMS items, $BYTES bytes; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
echo "== $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The server's CPU time so far, in clock ticks (user + system), from /proc.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
TICK=$(getconf CLK_TCK)

run() {  # label, wrk arguments…
  label=$1
  shift
  before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  after=$(cpu_ticks)
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
  p99=$(echo "$out" | sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p')
  requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  errors=$(echo "$out" | sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
  # Server CPU per request: what the answer costs, whatever else the machine is doing.
  cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$TICK" \
    'BEGIN { printf "%.0f", t * 1000000 / hz / n }')
  printf '%-28s %10s req/s   p99 %8s   server CPU %4s us/request   non-2xx %s\n' \
    "$label" "$rps" "$p99" "$cpu" "${errors:-0}"
  eval "${label%% *}_rps=$rps"
}

run "queue  GET /api/v1/queue" -s "$WORK/auth.lua" "$URL/api/v1/queue"
run "static GET /queue.json" "$URL/queue.json"
awk -v q="$queue_rps" -v s="$static_rps" \
  'BEGIN { printf "queue / static: %.2f\n", q / s }'
