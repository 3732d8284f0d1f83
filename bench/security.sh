#!/usr/bin/env bash
# Issue 9: sqlmap (from PyPI) over every form field, query parameter and path id the app has, as
# the logged-in demo users `ikt` (and `admin`, for the admin-only forms) and logged out (the login
# form). The targets are found by crawling the real pages (bench/security.py), so a new module's
# forms are tested without editing this script. Prints what was tested, how many parameters sqlmap
# found injectable (expected: 0) and the total time; exits non-zero if any is injectable (or if
# sqlmap could not test a target: that is no pass either).
#
#   bench/security.sh                  release build, a private PostgreSQL cluster under data/security
#   bench/security.sh --debug          a debug build (quicker to build, slower to answer)
#   DATABASE_URL=postgres://… bench/security.sh --allow-database-url
#                                      a server of your own; creates and fills database ikt_security
#   SECURITY_ONLY=/admin bench/security.sh   only the targets whose URL contains the text
#
# sqlmap's requests really write: strategies, plans, measures, status changes and users are
# created and changed, measures deleted. That is why the app runs against its own throwaway
# database, and a DATABASE_URL is refused unless you pass --allow-database-url (never give it a
# shared or production server). Logout and password changes are left out so the session lives.
#
# Level 2 (sqlmap's levels run 1–5) adds the Cookie header and more payloads per technique over
# level 1; 3 and up add User-Agent/Referer/Host and multiply the run time for headers the app never
# puts in SQL. Risk 1 keeps to payloads that cannot damage data: risk 2 adds heavy time-based
# queries and risk 3 OR-based payloads, which in an UPDATE's WHERE would rewrite every row — on an
# app whose every write is audited that would only bury the findings in noise. The backend is
# PostgreSQL only, so sqlmap is told so (--dbms) and sends no payloads for other databases.
# --threads applies where sqlmap allows it: not with --csrf-token (a token fetched before each
# request), so while forms carry a token, SQLMAP_JOBS sqlmap processes run side by side instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${BENCH_PORT:-3202}"
BASE="http://127.0.0.1:$PORT"
PROFILE=release
ALLOW_URL=0
for arg in "$@"; do
  case "$arg" in
    --debug) PROFILE=debug ;;
    --allow-database-url) ALLOW_URL=1 ;;
    *) echo "unknown argument: $arg (see the top of $0)"; exit 2 ;;
  esac
done
if [[ -n "${DATABASE_URL:-}" && "$ALLOW_URL" != 1 ]]; then
  echo "DATABASE_URL is set: sqlmap writes to the database it tests (creates, changes, deletes)."
  echo "Run against a server of your own with --allow-database-url, or unset DATABASE_URL to use a"
  echo "private throwaway cluster."
  exit 2
fi
OUT=bench/out/security
rm -rf "$OUT"
mkdir -p "$OUT" data
started=$(date +%s)

# sqlmap from PyPI in a venv of its own under target/ (Debian's python3 needs python3-venv).
VENV=target/sqlmap-venv
if [[ ! -x "$VENV/bin/sqlmap" ]]; then
  python3 -m venv "$VENV" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install -q --upgrade sqlmap
fi
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

if [[ "$PROFILE" == release ]]; then cargo build --release --locked; else cargo build --locked; fi
BIN="target/$PROFILE/ikt-styring"

STOP_CLUSTER=0
if [[ -z "${DATABASE_URL:-}" ]]; then
  DATABASE_URL="$($BIN dev-db --data-dir data/security | grep -E '^postgres' | tail -n1)"
  STOP_CLUSTER=1
fi
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -n1)"
db_url() { python3 -c 'import sys, urllib.parse as p; u = p.urlsplit(sys.argv[1]); print(p.urlunsplit(u._replace(path="/" + sys.argv[2])))' "$DATABASE_URL" "$1"; }
"$PSQL" -q "$(db_url postgres)" -c "drop database if exists ikt_security" -c "create database ikt_security"
APP_URL="$(db_url ikt_security)"

# info logs every request: the log is where a 500 sqlmap provoked would show.
DATABASE_URL="$APP_URL" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=info LOG_FORMAT=json SEED_DEMO=true "$BIN" > "$OUT/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  if [[ "$STOP_CLUSTER" == 1 ]]; then $BIN dev-db --stop --data-dir data/security >/dev/null || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 240); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/readyz" >/dev/null || { echo "the app did not become ready; see $OUT/server.log"; exit 1; }

echo "== sqlmap against a $PROFILE build on $BASE ($(nproc) cores); logs in $OUT/"
status=0
"$VENV/bin/python" bench/security.py --base "$BASE" --out "$OUT" --sqlmap "$VENV/bin/sqlmap" \
  --level "${SQLMAP_LEVEL:-2}" --risk "${SQLMAP_RISK:-1}" --threads "${SQLMAP_THREADS:-4}" \
  --jobs "${SQLMAP_JOBS:-2}" --only "${SECURITY_ONLY:-}" || status=$?
# Not sqlmap's verdict, but worth knowing: an answer of 5xx or a panic is a bug of its own.
errors="$(grep -E '"status":5[0-9]{2}|panicked' "$OUT/server.log" | grep -cv readyz || true)"
echo "answers 5xx or panics in the server log: $errors (see $OUT/server.log)"
echo "total time with build and setup: $(( ($(date +%s) - started) / 60 ))m$(( ($(date +%s) - started) % 60 ))s"
exit "$status"
