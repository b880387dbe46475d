#!/usr/bin/env bash
# `npm test`: every tier, every database. Never skips: a tier that cannot run fails.
#   small  — pure code (src/**/*.test.ts)
#   medium — use cases and HTTP with real repositories, on PGlite and on a real PostgreSQL
#   e2e    — the built web client in Debian's Chromium against a real server
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
bash scripts/check-migrations.sh
npx tsx scripts/openapi.ts --check

eval "$(bash scripts/pg-cluster.sh start)"
trap 'bash scripts/pg-cluster.sh stop "$PEERKRACHT_TEST_PG_DIR"' EXIT

mkdir -p .tmp
rm -f .tmp/results-*.json .tmp/exit-*
status=0
run_tier() {
  local label=$1; shift
  echo
  echo "=== $label ==="
  local code=0
  "$@" --reporter=default --reporter=json --outputFile=".tmp/results-$label.json" || code=$?
  # Vitest also fails a run for unhandled errors, which the JSON counts do not show.
  echo "$code" >".tmp/exit-$label"
  [ "$code" -eq 0 ] || status=1
}

run_tier small npx vitest run --project small
PEERKRACHT_TEST_DB=pglite run_tier medium-pglite npx vitest run --project medium --no-file-parallelism
PEERKRACHT_TEST_DB=postgres run_tier medium-postgres npx vitest run --project medium --no-file-parallelism
echo
echo "=== building the web client for the e2e tier ==="
npx vite build --logLevel warn || status=1
run_tier e2e npx vitest run --project e2e --no-file-parallelism

node scripts/summarise-tests.mjs || status=1
exit $status
