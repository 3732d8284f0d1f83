#!/usr/bin/env bash
# Issue 9: the fuzz test at ten times its CI sample size (1000 requests per form and per query
# parameter). Run it before a release or after touching form parsing; it takes several minutes.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres bash bench/fuzz.sh
#   FUZZ_SEED=1234 bash bench/fuzz.sh    # replay a failing run with the seed it printed
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server the tests may create databases on}"
export FUZZ_SAMPLES="${FUZZ_SAMPLES:-1000}"
exec cargo test --test fuzz -- --nocapture
