#!/bin/sh
# Installs what skiff needs on a Debian machine: system packages and the npm
# dependencies (which bring Node 24). Safe to run again; installs only what is missing.
#   scripts/setup.sh         what a server needs
#   scripts/setup.sh test    plus what the test suites need (etcd)
#   scripts/setup.sh bench   plus what the benchmarks need (etcd, wrk)
set -eu
cd "$(dirname "$0")/.."

want="iptables"
case "${1:-}" in
  test) want="$want etcd-server" ;;
  bench) want="$want etcd-server wrk" ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if ! command -v npm >/dev/null 2>&1; then missing="$missing nodejs npm"; fi
if [ -n "$missing" ]; then
  echo "setup: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  # Debian starts etcd as a service on install; the tests run their own.
  if echo "$missing" | grep -q etcd-server; then
    systemctl disable --now etcd >/dev/null 2>&1 || service etcd stop >/dev/null 2>&1 || true
  fi
fi

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  # `npm install` (not `npm ci`): it follows the lock file, and unlike `npm ci` it does not insist on
  # lock entries for other platforms' optional binaries, which registry mirrors may not list.
  npm install --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/node --version >/dev/null
