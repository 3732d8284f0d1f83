#!/usr/bin/env bash
# Report-page benchmark (issue 10): a release build against the synthetic municipality of
# run.sh (1,000 measures) with two submitted status reports of 1,000+ frozen rows each
# (seed_reports.sql), loaded with wrk: 64 connections for 30 s on loopback, in one run against
#   - the later report (June 2026): its frozen rows, the comparison with October 2025 (changed,
#     completed, new, removed, delayed) and the trail over both rounds,
#   - the earlier report (October 2025): the plan's first, nothing to compare with,
#   - /healthz for comparison;
# then each report page with one connection (10 s), for the time a request takes unqueued.
# Prints p50/p99 latency, requests/s, each as a ratio to /healthz, the page sizes and the
# server's memory after the runs. Writes the raw wrk output to bench/out/report-*.txt.
#
#   bench/report.sh         (DATABASE_URL: a superuser URL to use instead of a private cluster;
#                            BENCH_PORT, BENCH_DURATION, BENCH_CONNECTIONS as for run.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${BENCH_PORT:-3210}"
BASE="http://127.0.0.1:$PORT"
DURATION="${BENCH_DURATION:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
# wrk's default 2 s timeout leaves slower requests out of its latency figures: a page that
# queues behind 63 others would look faster than it is. 30 s counts them all.
TIMEOUT="${BENCH_TIMEOUT:-30s}"
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
# Its own database, so that run.sh (ikt_bench) can run against the same server.
"$PSQL" -q "$(db_url postgres)" -c "drop database if exists ikt_bench_reports" -c "create database ikt_bench_reports"
APP_URL="$(db_url ikt_bench_reports)"

# Request logging at info would measure the logger; warn keeps errors visible.
DATABASE_URL="$APP_URL" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=warn SEED_DEMO=true "$BIN" > bench/out/report-server.log 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  if [[ "$STOP_CLUSTER" == 1 ]]; then $BIN dev-db --stop --data-dir data/bench || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.5; done

"$PSQL" -qtA "$APP_URL" -f bench/seed_synthetic.sql > /dev/null
IFS='|' read -r EARLIER LATER < <("$PSQL" -qtA "$APP_URL" -f bench/seed_reports.sql | tail -n1)
[[ -n "$EARLIER" && -n "$LATER" ]] || { echo "seed_reports.sql printed no round ids"; exit 1; }
ROWS="$("$PSQL" -qtA "$APP_URL" -c "select string_agg(count::text, ' and ' order by report_round_id) from (select report_round_id, count(*) from report_row where report_round_id in ($EARLIER, $LATER) group by 1) c")"

JAR="$(mktemp)"
# No CSRF token: the guard goes by Origin/Sec-Fetch-Site (src/web/csrf.rs), which curl sends none of.
curl -s -c "$JAR" -o /dev/null -d "username=bench&password=ringebu-demo&next=/" "$BASE/login"
COOKIE="ikt_styring_sid=$(awk '$6 == "ikt_styring_sid" {print $7}' "$JAR")"
[[ "$COOKIE" != "ikt_styring_sid=" ]] || { echo "the login as bench gave no session cookie"; exit 1; }

# Each page once, checked: it answers 200 and shows every frozen row.
check() {
  local name="$1" path="$2"
  curl -s -H "Cookie: $COOKIE" -o "bench/out/report-$name.html" -w '%{http_code} %{size_download} %{time_total}\n' "$BASE$path" > "bench/out/report-$name.code"
  local code size
  read -r code size _ < "bench/out/report-$name.code"
  [[ "$code" == 200 ]] || { echo "$path answered $code"; exit 1; }
  printf '%s: %s bytes, %s measure rows, %s trail rows\n' "$path" "$size" \
    "$(grep -c 'class="measure-row' "bench/out/report-$name.html")" \
    "$(grep -o '<tr><th scope="row" lang=' "bench/out/report-$name.html" | wc -l)"
}

# wrk prints latencies as 812.00us, 45.67ms or 1.20s: in milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
declare -A P50 P99 RPS
run() {
  local name="$1" path="$2"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -H "Cookie: $COOKIE" "$BASE$path" > "bench/out/report-$name.txt"
  P50[$name]="$(ms "$(awk '$1 == "50%" {print $2}' "bench/out/report-$name.txt")")"
  P99[$name]="$(ms "$(awk '$1 == "99%" {print $2}' "bench/out/report-$name.txt")")"
  RPS[$name]="$(awk '/Requests\/sec/ {print $2}' "bench/out/report-$name.txt")"
  local errors
  errors="$(awk '/Non-2xx|Socket errors/' "bench/out/report-$name.txt")"
  [[ -z "$errors" ]] || echo "$name: $errors"
}

echo "== $CONNECTIONS connections, $DURATION each, release build, $(nproc) cores"
echo "rounds: earlier $EARLIER (October 2025), later $LATER (June 2026); frozen rows: $ROWS"
check "later" "/reports/$LATER"
check "earlier" "/reports/$EARLIER"
run "later" "/reports/$LATER"
run "earlier" "/reports/$EARLIER"
run "healthz" "/healthz"
printf '%-40s %10s %10s %10s %12s %12s %12s\n' "" "p50 ms" "p99 ms" "req/s" "p50 ×healthz" "p99 ×healthz" "req/s ÷healthz"
for name in later earlier healthz; do
  case "$name" in
    later) label="/reports/$LATER (diff + trail)" ;;
    earlier) label="/reports/$EARLIER (first report)" ;;
    healthz) label="/healthz" ;;
  esac
  awk -v l="$label" -v a="${P50[$name]}" -v b="${P99[$name]}" -v r="${RPS[$name]}" \
      -v ha="${P50[healthz]}" -v hb="${P99[healthz]}" -v hr="${RPS[healthz]}" \
      'BEGIN { printf "%-40s %10.2f %10.2f %10.1f %12.1f %12.1f %12.4f\n", l, a, b, r, a / ha, b / hb, r / hr }'
done
# One client at a time: the time a request takes when it does not queue behind 63 others.
SERIAL="${BENCH_SERIAL_DURATION:-10s}"
for name in later earlier; do
  path="/reports/$([[ $name == later ]] && echo "$LATER" || echo "$EARLIER")"
  wrk -t1 -c1 -d"$SERIAL" --timeout "$TIMEOUT" --latency -H "Cookie: $COOKIE" "$BASE$path" > "bench/out/report-$name-serial.txt"
  printf '%-40s p50 %s ms, p99 %s ms, %s req/s (1 connection, %s)\n' "$path" \
    "$(ms "$(awk '$1 == "50%" {print $2}' "bench/out/report-$name-serial.txt")")" \
    "$(ms "$(awk '$1 == "99%" {print $2}' "bench/out/report-$name-serial.txt")")" \
    "$(awk '/Requests\/sec/ {print $2}' "bench/out/report-$name-serial.txt")" "$SERIAL"
done
echo "server memory after the runs: $(( $(ps -o rss= -p "$SERVER") / 1024 )) MiB resident, peak $(( $(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status") / 1024 )) MiB (VmHWM)"
