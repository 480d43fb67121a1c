#!/usr/bin/env bash
# unit_verify.sh KIOSK: the example systemd unit passes `systemd-analyze verify` (with its
# ExecStart pointed at the binary just built). Skipped, with a message, without systemd.
set -euo pipefail
if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed (apt-get install systemd)"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unit="$(dirname "$0")/../../assets/kiosk.service"
sed "s|/usr/local/bin/kiosk|$(realpath "$1")|" "$unit" > "$tmp/kiosk.service"
out=$(systemd-analyze verify "$tmp/kiosk.service" 2>&1) || { echo "$out"; echo "1 passed, 1 failed"; exit 1; }
if [ -n "$out" ]; then echo "$out"; echo "0 passed, 1 failed (warnings)"; exit 1; fi
grep -q '^Restart=always' "$unit" && grep -q '^WatchdogSec=' "$unit" && grep -q '^Type=notify' "$unit" \
  || { echo "the unit must restart always, with a watchdog, as Type=notify"; exit 1; }
echo "2 passed, 0 failed"
