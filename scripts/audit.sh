#!/usr/bin/env bash
# Known-vulnerability audit of every pinned dependency in requirements.lock (pip-audit).
#
# Fails on any known vulnerability that is not accepted in scripts/pip-audit-ignore.txt (each
# accepted id needs a written reason there). Uses PyPI's vulnerability data (the JSON API of each
# pinned release); AUDIT_SERVICE=osv uses osv.dev instead. Audits in strict mode: a dependency
# that could not be looked up fails the run rather than being skipped in silence.
#
# When the vulnerability data cannot be reached at all (a registry mirror that serves packages but
# not PyPI's per-release JSON, or no network), the audit cannot say anything: it says so loudly and
# fails if AUDIT_REQUIRED=1, otherwise it exits 0 so an offline CI run still tests the code.
set -uo pipefail
cd "$(dirname "$0")/.."
AUDIT=.venv/bin/pip-audit
SERVICE=${AUDIT_SERVICE:-pypi}
IGNORE_FILE=scripts/pip-audit-ignore.txt

ignore_args=()
while IFS= read -r line; do
  line="${line%%#*}"
  [ -z "${line// /}" ] && continue
  read -r id rest <<<"$line"
  if [ -z "${rest// /}" ]; then
    echo "pip-audit: '$id' in $IGNORE_FILE has no reason; write why it is accepted." >&2
    exit 2
  fi
  ignore_args+=(--ignore-vuln "$id")
done <"$IGNORE_FILE"

# Can the chosen service answer for a pinned release? pip-audit itself is in the lock.
probe_version=$(sed -n 's/^pip-audit==\([^ ]*\).*/\1/p' requirements.lock)
if [ "$SERVICE" = "pypi" ]; then
  probe="https://pypi.org/pypi/pip-audit/${probe_version}/json"
  status=$(curl -s -m 15 -o /dev/null -w '%{http_code}' "$probe" || true)
else
  probe="https://api.osv.dev/v1/query"
  status=$(curl -s -m 15 -o /dev/null -w '%{http_code}' -d '{"package":{"name":"pip-audit","ecosystem":"PyPI"},"version":"'"$probe_version"'"}' "$probe" || true)
fi
if [ "$status" != "200" ]; then
  echo "pip-audit: NOT AUDITED: the vulnerability data is unreachable ($probe answered ${status:-nothing})." >&2
  echo "pip-audit: run 'AUDIT_REQUIRED=1 bash scripts/audit.sh' where PyPI (or osv.dev, AUDIT_SERVICE=osv) is reachable." >&2
  if [ "${AUDIT_REQUIRED:-0}" = "1" ]; then exit 3; fi
  exit 0
fi

exec "$AUDIT" --requirement requirements.lock --require-hashes --disable-pip --strict \
  --vulnerability-service "$SERVICE" --progress-spinner off --desc on \
  ${ignore_args[@]+"${ignore_args[@]}"}
