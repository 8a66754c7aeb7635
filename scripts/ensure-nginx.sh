#!/usr/bin/env bash
# The production-topology journey (tests/topology/) runs Debian's nginx in front of the workers.
# Installs it when missing (nginx-light is enough: proxy, websockets, TLS). The package's own
# service is never started: the journey starts its own nginx, on a free port, with the
# README's configuration (deploy/nginx/saferplaces.conf.template).
set -euo pipefail
NGINX=${NGINX_PATH:-/usr/sbin/nginx}
if [ -x "$NGINX" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "nginx is needed for the topology journey: install it (apt-get install nginx-light) or set NGINX_PATH." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Debian starts a package's service on install unless policy-rc.d says no (101: "action not
# allowed"). Ours is put in place for the install only, and only if there is none already.
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  own_policy=1
fi
cleanup() { if [ "$own_policy" -eq 1 ]; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT

echo "Installing Debian's nginx for the topology journey ..."
$SUDO apt-get update -qq >/dev/null 2>&1 || true
for package in nginx-light nginx; do
  if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null; then
    break
  fi
done
if [ ! -x "$NGINX" ]; then
  echo "Could not install nginx (apt-get install nginx-light, or nginx)." >&2
  exit 1
fi
# Left stopped whatever the install did (an init system without policy-rc.d, say).
$SUDO "$NGINX" -s stop >/dev/null 2>&1 || true
