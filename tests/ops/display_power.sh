#!/usr/bin/env bash
# display_power.sh KIOSK [dpms]: outside opening hours the display is switched off, and a tap
# switches it on without pressing what is under the finger (app/supervisor.c decides,
# platform/display_power.c switches). A kiosk on an X display (Xvfb), opening hours closed
# every day, idle_timeout 10 s: 10 s after its start the screen goes off.
#   - display_power: dpms. With an X server that offers DPMS: `xset q` says "Monitor is Off",
#     and "On" after a tap. Xvfb (Debian 12) offers none: then the kiosk must say so once and
#     draw the screen black instead (every pixel of the X screen is 0).
#   - a tap on a tile of the dark screen: the screen comes on, on the home screen (the tile
#     stayed shut); the next tap on the same spot opens it.
#   - display_power: cec, with a fake cec-client on PATH: it gets "standby 0", then "on 0"
#     after a tap, with the arguments -s -d 1.
# With the argument `dpms` the test needs the X server's DPMS and is skipped (77) without it.
set -euo pipefail
kiosk=$(realpath "$1")
need_dpms=${2:-}
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
. "$(dirname "$0")/lib.sh"
need_x
scratch power
expect_wait=300 # 30 s: the screen goes off 10 s after the start, later on a loaded machine
start_x 640x360 "$tmp"
dpms=no
if command -v xset > /dev/null && xset q | grep -q '^DPMS (Energy Star):' && ! xset q | grep -q 'Server does not have the DPMS Extension'; then
  dpms=yes
fi
echo "X server: $(xset q 2> /dev/null | grep -A1 '^DPMS' | tail -n 1 | sed 's/^ *//' || echo 'xset not installed')"
if [ "$need_dpms" = dpms ] && [ "$dpms" = no ]; then
  echo "SKIP: the X server (Xvfb) offers no DPMS extension, so switching the display off cannot be seen here; the fallback is tested by display_power_x"
  exit 77
fi

mkdir -p "$tmp/b" && cp -r "$src/." "$tmp/b/"
sed -i 's/^  idle_timeout: .*/  idle_timeout: 10/' "$tmp/b/bundle.yaml"
mkdir "$tmp/bin"
cat > "$tmp/bin/cec-client" << EOF
#!/bin/sh
echo "\$* | \$(cat)" >> "$tmp/cec.log"
EOF
chmod +x "$tmp/bin/cec-client"

# the X server's screen, without its header: 640x360 pixels of 4 bytes
nonzero_bytes() { xwd -root -silent | tail -c $((640 * 360 * 4)) | tr -d '\000' | wc -c; }
monitor() { xset q | sed -n 's/^ *Monitor is \(.*\)$/\1/p'; }

# run_kiosk WAY: a kiosk with opening hours closed every day and display_power: WAY
run_kiosk() {
  printf 'opening_hours:\n  daily: closed\ndisplay_power: %s\n' "$1" > "$tmp/config.yaml"
  : > "$log"
  "${x_prio[@]}" env KIOSK_FRAME_LOG=1 PATH="$tmp/bin:$PATH" "$kiosk" --config "$tmp/config.yaml" "$tmp/b" 2>> "$log" &
  pid=$!
  expect_log "showing bundle mini" 1 "$1: the kiosk starts"
  expect_log "outside opening hours: screen off (display_power: $1)" 1 "$1: the screen goes off after the idle time"
  settle
}

stop_kiosk() {
  local m; m=$(mark)
  kill -TERM "$pid"
  expect_exit "$pid" 0 "$1: stops cleanly"
  pid=''
  never_log "ERROR\|AddressSanitizer\|runtime error" 1 "$1: nothing went wrong"
}

# ---- dpms --------------------------------------------------------------------------------
run_kiosk dpms
home=$(grep 'presented at' "$log" | head -n 1 | awk '{print $8}')
if [ "$dpms" = yes ]; then
  if [ "$(monitor)" = Off ]; then ok "dpms: xset q says the monitor is Off"; else bad "dpms: xset q says the monitor is '$(monitor)', not Off"; fi
else
  expect_log "display_power: dpms: the X server has no DPMS extension; the screen is drawn black instead" 1 \
    "dpms: a display without DPMS is said once"
  n=$(nonzero_bytes)
  if [ "$n" -eq 0 ]; then ok "dpms: without DPMS the X screen is black"; else bad "dpms: $n bytes of the X screen are not black"; fi
fi
m=$(mark)
echo "mousemove 510 337" >&8
echo "click 1" >&8
expect_log "screen on" "$m" "dpms: a tap switches the screen on"
settle
if [ "$dpms" = yes ]; then
  if [ "$(monitor)" = On ]; then ok "dpms: xset q says the monitor is On"; else bad "dpms: xset q says the monitor is '$(monitor)', not On"; fi
fi
if [ "$(last_pixels)" = "$home" ]; then ok "dpms: the tap woke the kiosk on its home screen and pressed nothing"
else bad "dpms: after the waking tap the screen is not the home screen (pixels $(last_pixels), home $home)"; fi
tap_limit=1000 # the wake is checked here, not the speed: tests/ops/signals.sh measures that
tap_changes_pixels 510 337 "dpms: the next tap on the same spot works"
stop_kiosk dpms
[ "$(grep -c 'display_power: dpms:' "$log")" -le 1 ] && ok "dpms: said at most once" || bad "dpms: the warning came more than once"

# ---- cec ---------------------------------------------------------------------------------
run_kiosk cec
for _ in $(seq 100); do grep -q standby "$tmp/cec.log" 2> /dev/null && break; sleep 0.1; done
if grep -qx -- '-s -d 1 | standby 0' "$tmp/cec.log" 2> /dev/null; then ok "cec: cec-client -s -d 1 got 'standby 0'"
else bad "cec: cec-client did not get 'standby 0' (its log: $(cat "$tmp/cec.log" 2> /dev/null))"; fi
m=$(mark)
echo "click 1" >&8
expect_log "screen on" "$m" "cec: a tap switches the screen on"
for _ in $(seq 100); do grep -q 'on 0' "$tmp/cec.log" && break; sleep 0.1; done
if [ "$(tail -n 1 "$tmp/cec.log")" = "-s -d 1 | on 0" ]; then ok "cec: then cec-client got 'on 0'"
else bad "cec: cec-client did not get 'on 0' last (its log: $(cat "$tmp/cec.log"))"; fi
stop_kiosk cec
finish
