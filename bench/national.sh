#!/usr/bin/env bash
# National-scale benchmark (issue 14): a release build against bench/seed_national.sql (357
# municipalities, ~300,000 measures, 10,000 systems, 10,000 lines, 30,000 risks, 20,000
# acquisition requests, five years of report rounds), logged in as `storby` (leder and ikt) of
# the large «Storby kommune». In the same run, 64 connections for 30 s each on loopback: /healthz,
# the dashboard, the search, the progress plan of Storby's 1,000-measure plan (first page) and
# the system list. Prints p50/p99, requests/s and the ratio to /healthz; raw wrk output in
# bench/out/national-*.txt. Then EXPLAIN (ANALYZE, BUFFERS) of the dashboard's queries
# (bench/national_explain.sql, custom and generic plans) to bench/out/national-explain.txt, with
# a summary of each query's time and the indexes it uses.
#
#   bench/national.sh       (DATABASE_URL: a superuser URL to use instead of a private cluster;
#                            BENCH_DURATION, BENCH_CONNECTIONS, BENCH_PORT, BENCH_SEARCH override)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${BENCH_PORT:-3280}"
BASE="http://127.0.0.1:$PORT"
DURATION="${BENCH_DURATION:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
# A word in Storby's system names, measure titles, requests and risk assessments.
SEARCH="${BENCH_SEARCH:-gerica}"
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
"$PSQL" -q "$(db_url postgres)" -c "drop database if exists ikt_bench_national" -c "create database ikt_bench_national"
APP_URL="$(db_url ikt_bench_national)"

# Started once to migrate and seed the demo municipalities; the national set goes in beside them.
DATABASE_URL="$APP_URL" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=warn SEED_DEMO=true "$BIN" > bench/out/national-server.log 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  if [[ "$STOP_CLUSTER" == 1 ]]; then $BIN dev-db --stop --data-dir data/bench || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/readyz" >/dev/null || { echo "the server did not get ready; see bench/out/national-server.log"; exit 1; }

START=$(date +%s)
IDS="$("$PSQL" -X -qtA "$APP_URL" -f bench/seed_national.sql | tail -n1)"
LOAD_SECONDS=$(( $(date +%s) - START ))
IFS='|' read -r MUNICIPALITY PLAN_ID USERNAME <<< "$IDS"
[[ -n "$PLAN_ID" && "$USERNAME" == storby ]] || { echo "seed_national.sql printed «$IDS», not «municipality|plan|storby»"; exit 1; }
COUNTS="$("$PSQL" -X -qtA "$APP_URL" -c "select (select count(*) from municipality) || ' municipalities, ' ||
  (select count(*) from measure) || ' measures, ' || (select count(*) from system) || ' systems, ' ||
  (select count(*) from line) || ' lines, ' || (select count(*) from risk) || ' risks, ' ||
  (select count(*) from acquisition) || ' requests, ' || (select count(*) from report_round) || ' report rounds'")"

JAR="$(mktemp)"
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=$USERNAME&password=ringebu-demo&next=/" "$BASE/login"
COOKIE="ikt_styring_sid=$(awk '$6 == "ikt_styring_sid" {print $7}' "$JAR")"
rm -f "$JAR"
[[ "$COOKIE" != "ikt_styring_sid=" ]] || { echo "could not log in as $USERNAME"; exit 1; }

declare -A P50 P99 RPS SIZE
NAMES=()
run() {
  local name="$1" path="$2"
  local code
  code="$(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{http_code} %{size_download}' "$BASE$path")"
  [[ "${code%% *}" == 200 ]] || { echo "$path answered ${code%% *}"; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$BASE$path" > "bench/out/national-$name.txt"
  P50[$name]="$(awk '$1 == "50%" {print $2}' "bench/out/national-$name.txt")"
  P99[$name]="$(awk '$1 == "99%" {print $2}' "bench/out/national-$name.txt")"
  RPS[$name]="$(awk '/Requests\/sec/ {print $2}' "bench/out/national-$name.txt")"
  SIZE[$name]="${code#* }"
  NAMES+=("$name")
}
echo "== $COUNTS (seed_national.sql loaded in ${LOAD_SECONDS} s)"
echo "== Storby: municipality $MUNICIPALITY, plan $PLAN_ID; $CONNECTIONS connections, $DURATION each, release build, $(nproc) cores"
run "healthz" "/healthz"
run "dashboard" "/dashboard"
run "search" "/search?q=$SEARCH"
run "progress-plan" "/plan/$PLAN_ID"
run "systems" "/systems"
for name in "${NAMES[@]}"; do
  awk -v n="$name" -v p50="${P50[$name]}" -v p99="${P99[$name]}" -v a="${RPS[healthz]}" -v b="${RPS[$name]}" -v s="${SIZE[$name]}" \
    'BEGIN { printf "%-14s p50 %-9s p99 %-9s %10s req/s  %6.1f%% of /healthz  (%s bytes)\n", n, p50, p99, b, 100 * b / a, s }'
done
echo "server memory after the runs: $(( $(ps -o rss= -p "$SERVER") / 1024 )) MiB resident"

# The dashboard's queries with Storby's ids bound: custom plans, then generic ones.
{
  "$PSQL" -X -q "$APP_URL" -v m="$MUNICIPALITY" -v plan="$PLAN_ID" -v generic=0 -f bench/national_explain.sql
  "$PSQL" -X -q "$APP_URL" -v m="$MUNICIPALITY" -v plan="$PLAN_ID" -v generic=1 -f bench/national_explain.sql
} > bench/out/national-explain.txt
echo "== the dashboard's queries (bench/out/national-explain.txt): execution time, indexes used"
awk '
  function flush() { if (label != "") printf "  %-58s %9s ms  %s%s\n", label, t, (idx == "" ? "-" : substr(idx, 3)), (seq == "" ? "" : "; seq scan: " substr(seq, 3)) }
  /^####/ { flush(); label = ""; print "  " $0; next }
  /^== / { flush(); label = substr($0, 4); idx = ""; seq = ""; t = ""; next }
  /Index Only Scan using|Index Scan using|Index Scan Backward using/ {
    match($0, /using [^ ]+/); n = substr($0, RSTART + 6, RLENGTH - 6); if (index(idx ", ", ", " n ", ") == 0) idx = idx ", " n }
  /Bitmap Index Scan on/ {
    match($0, /on [^ ]+/); n = substr($0, RSTART + 3, RLENGTH - 3); if (index(idx ", ", ", " n ", ") == 0) idx = idx ", " n }
  /Seq Scan on/ {
    match($0, /on [^ ]+/); n = substr($0, RSTART + 3, RLENGTH - 3); if (index(seq ", ", ", " n ", ") == 0) seq = seq ", " n }
  /Execution Time/ { t = $3 }
  END { flush() }
' bench/out/national-explain.txt
