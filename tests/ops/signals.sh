#!/usr/bin/env bash
# signals.sh KIOSK: the signals a service manager or an admin sends to a running kiosk, sent
# to a real process on an X display (Xvfb; SDL's dummy driver when Xvfb is not installed):
#   SIGUSR1  a status line is logged, the kiosk goes on;
#   SIGHUP   the bundle is read again even when nothing seems to have changed (systemctl
#            reload), and a change is picked up;
#   SIGUSR2, SIGTERM, SIGINT  a clean exit with code 0.
# (app/signals.c takes them in one sigwait thread; app/supervisor.c decides what they mean.)
set -euo pipefail
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
. "$(dirname "$0")/lib.sh"
scratch signals
if command -v Xvfb > /dev/null && command -v xdotool > /dev/null && command -v xwd > /dev/null; then
  start_x 640x360 "$tmp"
  tap_limit=$(tap_limit_ms "$kiosk")
  run=("${x_prio[@]}" env KIOSK_FRAME_LOG=1 "$kiosk" --config "$tmp/none.yaml")
else
  echo "(no Xvfb/xdotool: SDL's dummy video driver)"
  run=(env SDL_VIDEODRIVER=dummy "$kiosk" --windowed 640x360 --config "$tmp/none.yaml")
fi
mkdir -p "$tmp/b" && cp -r "$src/." "$tmp/b/"

start() {
  : > "$log"
  "${run[@]}" "$tmp/b" 2>> "$log" &
  pid=$!
  expect_log "showing bundle mini version $1" 1 "starts on version $1"
}

start 0.1
if [ -n "$xvfb_pid" ]; then tap_changes_pixels 510 337 "the kiosk answers taps"; fi

m=$(mark); kill -USR1 "$pid"
expect_log "status: bundle mini version 0.1 (2 items), showing, up [0-9]*s" "$m" \
  "SIGUSR1 logs a status line"

m=$(mark); kill -HUP "$pid"
expect_log "SIGHUP: reloading the bundle $tmp/b" "$m" "SIGHUP is logged"
expect_log "switched to bundle mini version 0.1" "$m" \
  "SIGHUP reads the bundle again though nothing changed"

m=$(mark); version "$tmp/b" 0.2; kill -HUP "$pid"
expect_log "switched to bundle mini version 0.2" "$m" "a change and SIGHUP: the new version is shown"
m=$(mark); kill -USR1 "$pid"
expect_log "status: bundle mini version 0.2 (2 items)" "$m" "the status names the new version"
if [ -n "$xvfb_pid" ]; then tap_changes_pixels 510 337 "the kiosk still answers taps"; fi

for sig in USR2 TERM INT; do
  [ -n "$pid" ] || start 0.2
  m=$(mark); kill -"$sig" "$pid"
  expect_exit "$pid" 0 "SIG$sig: exit code 0"
  pid=''
  never_log "ERROR\|AddressSanitizer\|runtime error" "$m" "SIG$sig: nothing went wrong on the way out"
  expect_log "stopping (signal" "$m" "SIG$sig: the stop is logged"
done
finish
