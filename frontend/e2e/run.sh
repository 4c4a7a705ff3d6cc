#!/usr/bin/env bash
# End-to-end tests: a fresh backend (migrated, demo loaded), the built frontend
# (next build && next start) and Playwright driving Debian's Chromium. Everything
# started here is stopped on exit; the exit status is Playwright's.
set -euo pipefail
cd "$(dirname "$0")/.."
FRONTEND_DIR=$PWD
BACKEND_DIR=$(cd ../backend && pwd)
PY=$BACKEND_DIR/.venv/bin/python

BACKEND_PORT=${E2E_BACKEND_PORT:-8310}
FRONTEND_PORT=${E2E_FRONTEND_PORT:-3310}
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM_PATH" ] || { echo "e2e: no Chromium at $CHROMIUM_PATH (apt-get install chromium)"; exit 1; }

WORK=$(mktemp -d)
PIDS=()
E2E_DB=""
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$E2E_DB" ]; then psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS \"$E2E_DB\"" >/dev/null 2>&1 || true; fi
  if [ $status -ne 0 ]; then
    echo "e2e: failed; server logs follow"
    tail -n 40 "$WORK/backend.log" "$WORK/worker.log" "$WORK/frontend.log" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

# A fresh database: a new PostgreSQL database beside DATABASE_URL's, else SQLite.
if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  E2E_DB="codecampus_e2e_$(date +%s)_$$"
  PG_ADMIN_URL="${DATABASE_URL%/*}/postgres"
  psql "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$E2E_DB\"" >/dev/null
  export DATABASE_URL="${DATABASE_URL%/*}/$E2E_DB"
else
  unset DATABASE_URL
  export DATABASE_URL="sqlite:///$WORK/e2e.sqlite3"
fi
echo "==> e2e: backend on :$BACKEND_PORT (${DATABASE_URL%%:*}), frontend on :$FRONTEND_PORT"

export FRONTEND_URL="http://localhost:$FRONTEND_PORT"
export BACKEND_URL="http://localhost:$BACKEND_PORT"
export SITE_URL="$FRONTEND_URL"
export REVALIDATE_SECRET="e2e-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export FRONTEND_REVALIDATE_URL="$FRONTEND_URL/api/revalidate/"
export CSRF_TRUSTED_ORIGINS="$FRONTEND_URL" CORS_ALLOWED_ORIGINS="$FRONTEND_URL"
export MEDIA_ROOT="$WORK/media"
export CACHE_KEY_PREFIX="e2e-$$-$(date +%s)"
# Without REDIS_URL the processes below share a cache in files: this run's own.
export CACHE_DIR="$WORK/cache"
export E2E_BASE_URL="$FRONTEND_URL"
# The backend prints e-mails to its log in dev; the account specs follow their links.
export E2E_BACKEND_LOG="$WORK/backend.log"

(cd "$BACKEND_DIR" && "$PY" manage.py migrate --noinput -v0 &&
  REVALIDATE_SECRET= TASKS_BACKEND=immediate "$PY" manage.py load_demo >/dev/null 2>&1)
# On PostgreSQL grading runs on a real task worker, so submissions really pass through
# queued and running; SQLite would lock under two writers, so it grades in-request.
if [ -n "$E2E_DB" ]; then
  export TASKS_BACKEND=database E2E_TASK_WORKER=1
  (cd "$BACKEND_DIR" && exec "$PY" manage.py db_worker --interval 0.5 --no-startup-delay >"$WORK/worker.log" 2>&1) &
  PIDS+=($!)
fi
(cd "$BACKEND_DIR" && exec "$PY" manage.py runserver "127.0.0.1:$BACKEND_PORT" --noreload >"$WORK/backend.log" 2>&1) &
PIDS+=($!)
wait_for() {
  for _ in $(seq 90); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "e2e: $1 did not come up"; return 1
}
wait_for "$BACKEND_URL/healthz/"

echo "==> e2e: next build"
# Next keeps fetched data between builds; this run's backend is a new database.
rm -rf "$FRONTEND_DIR/.next/cache/fetch-cache"
"$FRONTEND_DIR/node_modules/.bin/next" build >"$WORK/build.log" 2>&1 || { tail -n 60 "$WORK/build.log"; exit 1; }
(exec "$FRONTEND_DIR/node_modules/.bin/next" start --port "$FRONTEND_PORT" >"$WORK/frontend.log" 2>&1) &
PIDS+=($!)
wait_for "$FRONTEND_URL/robots.txt"

echo "==> e2e: Playwright (Chromium at $CHROMIUM_PATH)"
mkdir -p e2e/artifacts/screenshots
"$FRONTEND_DIR/node_modules/.bin/playwright" test "$@"
