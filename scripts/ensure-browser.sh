#!/usr/bin/env bash
# Browser journeys need Debian's Chromium (Playwright's own browser download does not work here).
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing Debian's chromium for the browser journeys ..."
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; then exit 0; fi
fi
echo "Chromium is needed for the browser journeys: install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
