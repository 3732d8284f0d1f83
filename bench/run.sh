#!/usr/bin/env bash
# Progress-plan benchmark: a release build against a seeded synthetic municipality (1,000
# measures over 25 strategies), loaded with wrk: 64 connections for 30 s on loopback, against
# the progress plan page and against /healthz for comparison. Prints p50/p99 latency,
# requests/s and the page size. Writes the raw wrk output to bench/out/.
#
#   bench/run.sh            (DATABASE_URL: a superuser URL to use instead of a private cluster)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${BENCH_PORT:-3200}"
BASE="http://127.0.0.1:$PORT"
DURATION="${BENCH_DURATION:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
mkdir -p bench/out data

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --locked
BIN=target/release/ikt-styring

STOP_CLUSTER=0
if [[ -z "${DATABASE_URL:-}" ]]; then
  DATABASE_URL="$($BIN dev-db --data-dir data/bench | grep -E '^postgres' | tail -n1)"
  STOP_CLUSTER=1
fi
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -n1)"
db_url() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; process.stdout.write(u.href)' "$DATABASE_URL" "$1"; }
"$PSQL" -q "$(db_url postgres)" -c "drop database if exists ikt_bench" -c "create database ikt_bench"
APP_URL="$(db_url ikt_bench)"

# Request logging at info would measure the logger; warn keeps errors visible.
DATABASE_URL="$APP_URL" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=warn SEED_DEMO=true "$BIN" > bench/out/server.log 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  if [[ "$STOP_CLUSTER" == 1 ]]; then $BIN dev-db --stop --data-dir data/bench || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.5; done

PLAN_ID="$("$PSQL" -qtA "$APP_URL" -f bench/seed_synthetic.sql | tail -n1)"
JAR="$(mktemp)"
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=bench&password=ringebu-demo&next=/" "$BASE/login"
COOKIE="ikt_styring_sid=$(awk '$6 == "ikt_styring_sid" {print $7}' "$JAR")"
PAGE="/plan/$PLAN_ID"
SIZE="$(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{http_code} %{size_download}' "$BASE$PAGE")"
ALL_SIZE="$(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{size_download}' "$BASE$PAGE?all=1")"
[[ "${SIZE%% *}" == 200 ]] || { echo "the plan page answered ${SIZE%% *}"; exit 1; }

run() {
  local name="$1" path="$2"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$BASE$path" > "bench/out/$name.txt"
  local p50 p99 rps
  p50="$(awk '$1 == "50%" {print $2}' "bench/out/$name.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "bench/out/$name.txt")"
  rps="$(awk '/Requests\/sec/ {print $2}' "bench/out/$name.txt")"
  printf '%-28s p50 %-9s p99 %-9s %s req/s\n' "$name" "$p50" "$p99" "$rps"
}
echo "== $CONNECTIONS connections, $DURATION, release build, $(nproc) cores"
echo "progress plan page: ${SIZE#* } bytes (first page: 50 of 1,100 rows), whole plan (?all=1): $ALL_SIZE bytes"
run "progress-plan" "$PAGE"
run "healthz" "/healthz"
echo "server memory after the runs: $(( $(ps -o rss= -p "$SERVER") / 1024 )) MiB resident"
