#!/usr/bin/env bash
# The production-topology journey (tests/topology/): nginx with the README's configuration in
# front of two production workers, on PostgreSQL and Redis. CI runs it as its own step; locally:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/spb REDIS_URL=redis://127.0.0.1:6379/0 \
#     bash scripts/topology.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# Here it must run, not skip: the test skips (with this same advice) only when asked without them.
if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  echo "The production-topology journey needs PostgreSQL and Redis: set DATABASE_URL=postgres://... and REDIS_URL=redis://..." >&2
  exit 1
fi
bash scripts/ensure-nginx.sh
bash scripts/ensure-browser.sh
export DJANGO_SETTINGS_MODULE=website.settings.test
# Playwright's sync API runs an event loop in the test's thread, which talks to the database too.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
exec .venv/bin/python -m pytest -m topology tests/topology -q -rs -p no:cacheprovider "$@"
