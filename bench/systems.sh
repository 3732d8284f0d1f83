#!/usr/bin/env bash
# Register benchmark (issue 11): a release build against 10,000 systems in one municipality
# (bench/seed_synthetic.sql, then bench/seed_systems.sql), loaded with wrk: 64 connections for
# 30 s each on loopback, the list filtered and sorted, beside /healthz in the same run. Prints
# p50/p99, requests/s and the ratio to /healthz; raw wrk output in bench/out/.
#
#   bench/systems.sh        (DATABASE_URL: a superuser URL to use instead of a private cluster)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${BENCH_PORT:-3260}"
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
"$PSQL" -q "$(db_url postgres)" -c "drop database if exists ikt_bench_systems" -c "create database ikt_bench_systems"
APP_URL="$(db_url ikt_bench_systems)"

DATABASE_URL="$APP_URL" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=warn SEED_DEMO=true "$BIN" > bench/out/systems-server.log 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  if [[ "$STOP_CLUSTER" == 1 ]]; then $BIN dev-db --stop --data-dir data/bench || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.5; done

"$PSQL" -qtA "$APP_URL" -f bench/seed_synthetic.sql > /dev/null
"$PSQL" -qtA "$APP_URL" -f bench/seed_systems.sql > /dev/null
"$PSQL" -qtA "$APP_URL" -c "analyze"
COUNT="$("$PSQL" -qtA "$APP_URL" -c "select count(*) from system s join municipality m using (municipality_id) where m.org_number = '923456783'")"
JAR="$(mktemp)"
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "username=bench&password=ringebu-demo&next=/" "$BASE/login"
COOKIE="ikt_styring_sid=$(awk '$6 == "ikt_styring_sid" {print $7}' "$JAR")"
UNIT="$("$PSQL" -qtA "$APP_URL" -c "select min(unit_id) from unit u join municipality m using (municipality_id) where m.org_number = '923456783'")"

declare -A P50 P99 RPS
run() {
  local name="$1" path="$2"
  local code
  code="$(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{http_code} %{size_download}' "$BASE$path")"
  [[ "${code%% *}" == 200 ]] || { echo "$path answered ${code%% *}"; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$BASE$path" > "bench/out/$name.txt"
  P50[$name]="$(awk '$1 == "50%" {print $2}' "bench/out/$name.txt")"
  P99[$name]="$(awk '$1 == "99%" {print $2}' "bench/out/$name.txt")"
  RPS[$name]="$(awk '/Requests\/sec/ {print $2}' "bench/out/$name.txt")"
  printf '%-34s p50 %-9s p99 %-9s %10s req/s  (%s bytes)\n' "$name" "${P50[$name]}" "${P99[$name]}" "${RPS[$name]}" "${code#* }"
}
echo "== $COUNT systems, $CONNECTIONS connections, $DURATION each, release build, $(nproc) cores"
run "healthz" "/healthz"
run "systems-sorted-by-name" "/systems"
run "systems-filtered-sorted" "/systems?owner=$UNIT&lifecycle=in_use&overdue=1&sort=vendor&dir=desc"
run "systems-search-page-3" "/systems?q=System+01&sort=confirmed&page=3"
run "systems-unconfirmed-expiring" "/systems?unconfirmed=1&expiring=1&no_superuser=1&sort=evaluation"
for name in systems-sorted-by-name systems-filtered-sorted systems-search-page-3 systems-unconfirmed-expiring; do
  awk -v a="${RPS[healthz]}" -v b="${RPS[$name]}" -v n="$name" 'BEGIN { printf "%-34s %.1f%% of /healthz requests/s\n", n, 100 * b / a }'
done
echo "server memory after the runs: $(( $(ps -o rss= -p "$SERVER") / 1024 )) MiB resident"
