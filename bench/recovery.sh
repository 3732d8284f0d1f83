#!/usr/bin/env bash
# Recovery benchmark: how long the app takes to serve again after its database restarts under
# load. A release build runs against a private PostgreSQL cluster of its own (under
# data/recovery, never the shared server), wrk loads a logged-in page, and the cluster is
# stopped (pg_ctl stop -m fast) and started again RECOVERY_RUNS times. Each time it prints the
# seconds from `pg_ctl start` returning to the first 200 from /readyz and to the first 200 of a
# logged-in page. Goal: under 5 s. Raw output in bench/out/.
#
#   bench/recovery.sh        (RECOVERY_RUNS=3, RECOVERY_DOWN=3 seconds down, BENCH_PORT=3201)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${BENCH_PORT:-3201}"
BASE="http://127.0.0.1:$PORT"
RUNS="${RECOVERY_RUNS:-3}"
DOWN="${RECOVERY_DOWN:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DIR=data/recovery
mkdir -p bench/out data

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --locked
BIN=target/release/ikt-styring

# A fresh cluster each time, so earlier runs cannot change the figures.
$BIN dev-db --stop --data-dir "$DIR" >/dev/null 2>&1 || true
rm -rf "$DIR"
DB_URL="$($BIN dev-db --data-dir "$DIR" | grep -E '^postgres' | tail -n1)"
APP_URL="${DB_URL%%/postgres\?*}/ikt_styring?${DB_URL#*\?}"

SERVER=""
WRK=""
cleanup() {
  [[ -n "$WRK" ]] && { kill "$WRK" 2>/dev/null || true; wait "$WRK" 2>/dev/null || true; }
  [[ -n "$SERVER" ]] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  $BIN dev-db --stop --data-dir "$DIR" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Request logging at info would measure the logger; warn keeps the 503s' causes visible.
METRICS_TOKEN="recovery-bench-$RANDOM$RANDOM"
DATABASE_URL="$APP_URL" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=warn SEED_DEMO=true DATA_DIR="$DIR" \
  METRICS_TOKEN="$METRICS_TOKEN" \
  "$BIN" > bench/out/recovery-server.log 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/readyz" >/dev/null || { echo "the app did not start; see bench/out/recovery-server.log"; exit 1; }

JAR="$(mktemp)"
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=ikt&password=ringebu-demo&next=/" "$BASE/login"
COOKIE="ikt_styring_sid=$(awk '$6 == "ikt_styring_sid" {print $7}' "$JAR")"
rm -f "$JAR"
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -n1)"
PAGE="/plan/$("$PSQL" -qtA "$APP_URL" -c 'select min(action_plan_id) from action_plan')"
# The status code, or 000 when no answer came within 10 s.
code() { curl -s -o /dev/null --max-time 10 -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$1" || true; }
[[ "$(code "$PAGE")" == 200 ]] || { echo "the logged-in page $PAGE does not answer 200"; exit 1; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# Load for the whole run: the restarts happen while wrk keeps 16 connections busy.
wrk -t2 -c"$CONNECTIONS" -d"$(( RUNS * (DOWN + 20) + 10 ))s" -H "Cookie: $COOKIE" "$BASE$PAGE" \
  > bench/out/recovery-wrk.txt 2>&1 &
WRK=$!
sleep 3

echo "== $RUNS restarts of the database under load ($CONNECTIONS connections on $PAGE), release build, $(nproc) cores"
for run in $(seq 1 "$RUNS"); do
  $BIN dev-db --stop --data-dir "$DIR" >/dev/null
  sleep 0.5
  down_ready="$(code /readyz)"
  down_page="$(code "$PAGE")"
  sleep "$DOWN"
  $BIN dev-db --data-dir "$DIR" >/dev/null  # returns once PostgreSQL accepts connections
  started="$(now)"
  ready=""
  page=""
  while [[ -z "$ready" || -z "$page" ]]; do
    [[ -z "$ready" && "$(code /readyz)" == 200 ]] && ready="$(since "$started")"
    [[ -z "$page" && "$(code "$PAGE")" == 200 ]] && page="$(since "$started")"
    if awk -v s="$(since "$started")" 'BEGIN { exit !(s > 60) }'; then
      echo "run $run: not recovered within 60 s (readyz ${ready:-none}, page ${page:-none})"
      exit 1
    fi
    sleep 0.05
  done
  printf 'run %d: while down /readyz %s, page %s; after pg_ctl start: /readyz 200 after %s s, logged-in page 200 after %s s\n' \
    "$run" "$down_ready" "$down_page" "$ready" "$page"
  sleep 5
done

# SIGINT: wrk stops and prints its summary.
kill -INT "$WRK" 2>/dev/null || true; wait "$WRK" 2>/dev/null || true; WRK=""
# «serverfeil» is the log line of every 500 page; a panic prints «panicked».
faults="$(grep -c 'serverfeil' bench/out/recovery-server.log || true)"
panics="$(grep -c 'panicked' bench/out/recovery-server.log || true)"
echo "wrk: $(awk '/requests in/ {print $1}' bench/out/recovery-wrk.txt) requests; server faults (500) logged: $faults, panics: $panics"
# Answers by status over the whole run, from the app's own /metrics (wrk only counts non-2xx).
echo "answers by status: $(curl -s -H "Authorization: Bearer $METRICS_TOKEN" "$BASE/metrics" \
  | awk '/^http_requests_total/ { match($0, /status="[0-9]+"/); s = substr($0, RSTART + 8, RLENGTH - 9); n[s] += $NF }
           END { for (s in n) printf "%s: %d  ", s, n[s] }')"
if kill -0 "$SERVER" 2>/dev/null; then echo "the app kept running throughout"; else echo "the app exited!"; exit 1; fi
