#!/usr/bin/env bash
# The whole suite, in two pytest processes: the browser journeys drive a live server from
# Playwright's own event loop, which does not mix with the async websocket tests in one session.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# The test settings, whatever the calling shell exported (make and .ci/run export the dev ones).
export DJANGO_SETTINGS_MODULE=website.settings.test

bash scripts/ensure-browser.sh || exit 1

run() {
  "$PY" -m pytest "$@"
  local rc=$?
  # 5 is pytest's "no tests collected": not a failure of the code under test.
  if [ "$rc" -eq 5 ]; then return 0; fi
  return "$rc"
}

echo "== unit, API and websocket tests =="
run -m "not browser" -q "${PYTEST_ARGS[@]+"${PYTEST_ARGS[@]}"}" || exit 1
echo "== browser journeys (Chromium) =="
DJANGO_ALLOW_ASYNC_UNSAFE=true run -m browser -q || exit 1
