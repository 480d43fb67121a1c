#!/usr/bin/env bash
# hostile_files.sh KIOSK: a running kiosk on an X display (Xvfb) is given, in turn, a FIFO as
# bundle.yaml, a deleted bundle folder, an unreadable bundle.yaml, and the fixed bundle. It
# keeps the last good bundle on screen with a logged reason each time; after each step a tap
# (a real X button event, from xdotool) changes the pixels within 100 ms (the kiosk logs each
# frame it presents with its time and a hash of its pixels: KIOSK_FRAME_LOG=1), and the
# systemd watchdog pings it sends every 100 ms never stop for long (the reload thread cannot
# block the loop); it ends on the fixed bundle without a `touch`, and it exits 0 on SIGTERM.
# As root, the kiosk runs as `nobody` so that chmod 000 really makes a file unreadable.
set -euo pipefail
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
. "$(dirname "$0")/lib.sh"
need_x
tmp=$(mktemp -d /tmp/kiosk-hostile-XXXXXX)
chmod 755 "$tmp"
log=$tmp/log
pings=$tmp/pings
pid='' listener=''
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$pid" ] && wait "$pid" 2>/dev/null
  [ -n "$listener" ] && kill "$listener" 2>/dev/null
  stop_x
  rm -rf "$tmp"
}
trap cleanup EXIT
start_x 640x360 "$tmp"
tap_limit=$(tap_limit_ms "$kiosk")
# The language button of the bottom bar, on every screen: each tap switches nl <-> en.
tap() { tap_changes_pixels 510 337 "$1"; }

# The watchdog listener: one line "seconds" per WATCHDOG=1 datagram on the notify socket.
python3 - "$tmp/notify.sock" "$pings" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
import os; os.chmod(sys.argv[1], 0o777)
with open(sys.argv[2], 'w', buffering=1) as out:
    while True:
        if b'WATCHDOG=1' in s.recv(4096):
            out.write('%.3f\n' % time.monotonic())
PY
listener=$!
for _ in $(seq 50); do [ -S "$tmp/notify.sock" ] && break; sleep 0.1; done

as_user=()
if [ "$(id -u)" -eq 0 ]; then as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi
mkdir -p "$tmp/b" && cp -r "$src/." "$tmp/b/" && chmod -R a+rX "$tmp/b"
: > "$log"
NOTIFY_SOCKET=$tmp/notify.sock WATCHDOG_USEC=200000 KIOSK_FRAME_LOG=1 \
  "${x_prio[@]}" "${as_user[@]}" "$kiosk" --config "$tmp/none.yaml" "$tmp/b" 2>> "$log" &
pid=$!
expect_log "showing bundle mini version 0.1" 1 "starts on version 0.1"
tap "at start"

# 1. A FIFO as bundle.yaml: refused at once (it used to hang the reload thread for good).
m=$(mark); rm "$tmp/b/bundle.yaml"; mkfifo -m 644 "$tmp/b/bundle.yaml"
expect_log "bundle.yaml: error: is not a regular file (it is a FIFO, a named pipe)" "$m" \
  "a FIFO as bundle.yaml is refused with its reason"
expect_log "kept the bundle on screen" "$m" "the good bundle stays on screen"
tap "after the FIFO"

# 2. The bundle folder deleted: the kept bundle stays (its pictures are held open).
m=$(mark); rm -rf "$tmp/b"
expect_log "kept the bundle on screen" "$m" "a deleted bundle folder is refused"
tap "after the folder was deleted"

# 3. The bundle back, but bundle.yaml unreadable.
m=$(mark); mkdir -p "$tmp/b.new" && cp -r "$src/." "$tmp/b.new/" && version "$tmp/b.new" 0.9
chmod -R a+rX "$tmp/b.new"; chmod 000 "$tmp/b.new/bundle.yaml"; mv -T "$tmp/b.new" "$tmp/b"
if [ ${#as_user[@]} -gt 0 ] || [ "$(id -u)" -ne 0 ]; then
  expect_log "cannot open the file: Permission denied" "$m" "an unreadable bundle.yaml is refused"
fi
tap "with bundle.yaml unreadable"
never_log "switched" "$m" "nothing broken was shown"

# 4. The fix is only a chmod: no new content, no new time. It is noticed and shown.
m=$(mark); chmod 644 "$tmp/b/bundle.yaml"
expect_log "switched to bundle mini version 0.9" "$m" "chmod 644 alone brings the fixed bundle"
tap "on the fixed bundle"
echo "tap latencies (ms): ${tap_ms[*]}"

# The main loop answered all along: watchdog pings never paused for more than 1 s.
sleep 1
gap=$(awk 'NR > 1 { g = $1 - prev; if (g > max) max = g } { prev = $1 } END { printf "%.0f", max * 1000 }' "$pings")
n=$(wc -l < "$pings")
if [ "$n" -gt 20 ] && [ "$gap" -lt 1000 ]; then ok "the main loop kept answering: $n watchdog pings, longest gap $gap ms"
else bad "the main loop stalled: $n watchdog pings, longest gap $gap ms"; fi

kill -TERM "$pid"
expect_exit "$pid" 0 "stops cleanly on SIGTERM"
pid=''

# An unreadable settings file is a clear error, not silently the defaults.
if [ ${#as_user[@]} -gt 0 ] || [ "$(id -u)" -ne 0 ]; then
  user=$(id -un); [ ${#as_user[@]} -gt 0 ] && user=nobody
  printf 'rotate: 90\n' > "$tmp/secret.yaml"; chmod 600 "$tmp/secret.yaml"
  out=$(SDL_VIDEODRIVER=dummy timeout 20 "${as_user[@]}" "$kiosk" --config "$tmp/secret.yaml" \
    --windowed 640x360 --window-shot "$tmp/shot.png" "$src" 2>&1 || true)
  if echo "$out" | grep -q "secret.yaml: error: cannot read the settings file: Permission denied (the kiosk runs as user $user)" &&
     echo "$out" | grep -q "not using the settings file $tmp/secret.yaml (see above); every setting has its default"; then
    ok "an unreadable settings file is a clear error"
  else bad "an unreadable settings file: $out"; fi
fi

# 5. --check, --replay and --config on a FIFO answer at once instead of waiting for a writer.
mkfifo "$tmp/fifo.yaml" "$tmp/fifo.txt"
mkdir -p "$tmp/c" && mkfifo "$tmp/c/bundle.yaml"
for what in "--check $tmp/c" "--replay $tmp/fifo.txt $src" \
    "--config $tmp/fifo.yaml --windowed 640x360 --window-shot $tmp/shot.png $src"; do
  rc=0; out=$(SDL_VIDEODRIVER=dummy timeout 20 "$kiosk" $what 2>&1) || rc=$?
  if [ $rc -ne 124 ] && echo "$out" | grep -q "FIFO"; then ok "kiosk $what answers: $(echo "$out" | grep FIFO | head -1)"
  else bad "kiosk $what: rc $rc: $out"; fi
done
finish
