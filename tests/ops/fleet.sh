#!/usr/bin/env bash
# fleet.sh KIOSK: fleet health end to end. A running kiosk (SDL's dummy video driver) writes
# status.json and the Prometheus textfile into the folders its settings name; `kiosk --fleet`
# reads them: ok while the bundle is fine, FAILED once a broken edit is refused (written at
# once, not at the next heartbeat), STOPPED after SIGTERM. No temporary file is left behind.
# Where promtool is installed (Debian package prometheus) it checks the textfile too.
set -euo pipefail
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
tmp=$(mktemp -d /tmp/kiosk-fleet-XXXXXX)
log=$tmp/log
. "$(dirname "$0")/lib.sh"
pid=''
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

mkdir -p "$tmp/bundle" "$tmp/fleet/k1" "$tmp/prom" && cp -r "$src/." "$tmp/bundle/"
printf 'stats: off\nstatus_dir: %s\nprometheus_textfile: %s\n' "$tmp/fleet/k1" \
  "$tmp/prom/kiosk.prom" > "$tmp/config.yaml"
SDL_VIDEODRIVER=dummy "$kiosk" --config "$tmp/config.yaml" --windowed 640x360 "$tmp/bundle" 2> "$log" &
pid=$!
expect_log "showing bundle mini" 1 "the kiosk starts"
for _ in $(seq 50); do [ -s "$tmp/fleet/k1/status.json" ] && [ -s "$tmp/prom/kiosk.prom" ] && break; sleep 0.1; done
fleet() { "$kiosk" --fleet "$tmp/fleet" > "$tmp/out" 2>&1 && rc=0 || rc=$?; }
fleet
if [ "$rc" -eq 0 ] && grep -q "^$(hostname | cut -c1-24) .*mini 0.1 .* on .* ok *[0-9-]* [0-9:]* *[0-9-]* [0-9:]* *ok$" "$tmp/out"; then
  ok "--fleet: the running kiosk is ok (exit 0)"
else bad "--fleet on a running kiosk: exit $rc"; sed 's/^/     | /' "$tmp/out"; fi
if grep -q '^kiosk_up 1$' "$tmp/prom/kiosk.prom" && grep -q '^kiosk_bundle_info{id="mini",version="0.1"} 1$' "$tmp/prom/kiosk.prom"; then
  ok "the Prometheus textfile says up, and which bundle"
else bad "the Prometheus textfile:"; sed 's/^/     | /' "$tmp/prom/kiosk.prom"; fi
if command -v "${PROMTOOL:-promtool}" > /dev/null; then
  if "${PROMTOOL:-promtool}" check metrics < "$tmp/prom/kiosk.prom" > "$tmp/promtool" 2>&1; then
    ok "promtool check metrics accepts the textfile"
  else bad "promtool check metrics:"; sed 's/^/     | /' "$tmp/promtool"; fi
else echo "     (promtool not installed: the textfile's format is checked by test_status)"; fi

m=$(mark); sed -i 's/title: Workshops/titel: Workshops/' "$tmp/bundle/bundle.yaml"
expect_log "kept the bundle on screen" "$m" "a broken edit is refused"
for _ in $(seq 30); do grep -q '"ok": false' "$tmp/fleet/k1/status.json" && break; sleep 0.1; done
fleet
if [ "$rc" -eq 1 ] && grep -q " FAILED: bundle.yaml:[0-9]*:[0-9]*: error: unknown key" "$tmp/out" &&
   grep -q "^  $tmp/bundle/bundle.yaml:[0-9]*:[0-9]*: error: unknown key 'titel'" "$tmp/out" &&
   grep -q "FAILED load$" "$tmp/out" && grep -q '^kiosk_bundle_load_ok 0$' "$tmp/prom/kiosk.prom"; then
  ok "--fleet: the failed load at once, with its message (exit 1)"
else bad "--fleet after a failed load: exit $rc"; sed 's/^/     | /' "$tmp/out"; fi

kill -TERM "$pid"; expect_exit "$pid" 0 "stops cleanly on SIGTERM"
fleet
if [ "$rc" -eq 1 ] && grep -q "STOPPED" "$tmp/out" && grep -q '^kiosk_up 0$' "$tmp/prom/kiosk.prom"; then
  ok "--fleet and the textfile: STOPPED after SIGTERM"
else bad "--fleet after SIGTERM: exit $rc"; sed 's/^/     | /' "$tmp/out"; fi
left=$(find "$tmp/fleet" "$tmp/prom" -name '.*' -type f | wc -l)
if [ "$left" -eq 0 ]; then ok "no temporary file left"; else bad "$left temporary files left"; fi
finish
