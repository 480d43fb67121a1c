#!/usr/bin/env bash
# start_launches.sh KIOSK [N]: the kiosk's threaded start (app/loop.c reads the first bundle on
# a second thread while SDL_Init runs) on a real X display with no D-Bus session bus, as the
# tests and a kiosk without a desktop session have it.
#   1. No process is forked before the first frame (strace -f): with no session bus, libdbus
#      forked in SDL_Init to start dbus-launch, and that child ran malloc before exec; forked
#      while the second thread held an allocator lock, it waited forever, and the kiosk with it
#      (under AddressSanitizer 2 of 3 launches hung so: window_no_bus_autolaunch).
#   2. N launches (10 unless given), each must present its first frame within 20 s.
# Skipped (77) without Xvfb, xdotool or xwd; part 1 also without strace.
set -euo pipefail
kiosk=$(realpath "$1")
n=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../good/mini
. "$here/lib.sh"
need_x
scratch start
start_x 640x360 "$tmp"
# no session bus to be found, as under ctest in CI and a kiosk started by systemd
nobus=(env -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR KIOSK_FRAME_LOG=1)

# first_frame WHAT: waits up to 20 s for frame 1, then stops $pid (a kiosk, or strace and its
# kiosk); kill -9 if it never comes (its signals are blocked until the window is open).
first_frame() {
  for _ in $(seq 200); do
    if grep -q 'frame 1 presented' "$log"; then
      pkill -TERM -P "$pid" 2> /dev/null || true # the kiosk under strace
      kill "$pid" 2> /dev/null || true
      wait "$pid" 2> /dev/null || true
      pid=''
      ok "$1"
      return 0
    fi
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  bad "$1: no first frame within 20 s"
  sed 's/^/     | /' "$log"
  pkill -KILL -P "$pid" 2> /dev/null || true
  kill -KILL "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  pid=''
}

if command -v strace > /dev/null; then
  : > "$log"
  "${nobus[@]}" strace -f -qq -ttt -e trace=fork,vfork,clone,clone3 -o "$tmp/strace" \
    "$kiosk" --config "$tmp/none.yaml" "$src" 2>> "$log" &
  pid=$!
  first_frame "under strace: the first frame"
  # Threads are clone/clone3 with CLONE_THREAD; anything else is a new process. Only what
  # came before the first frame counts (at exit, LeakSanitizer clones a tracer).
  t1=$(grep -m 1 'frame 1 presented' "$log" | sed -E 's/.* at ([0-9.]+),.*/\1/')
  forks=$(awk -v t1="$t1" '$2 < t1' "$tmp/strace" | grep -E 'fork\(|clone3?\(' | grep -v CLONE_THREAD || true)
  if [ -z "$forks" ]; then ok "no process forked before the first frame ($(grep -c CLONE_THREAD "$tmp/strace" || true) threads)"
  else bad "a process was forked at start: $forks"; fi
else
  echo "strace is not installed: part 1 skipped"
fi

for i in $(seq "$n"); do
  : > "$log"
  "${x_prio[@]}" "${nobus[@]}" "$kiosk" --config "$tmp/none.yaml" "$src" 2>> "$log" &
  pid=$!
  first_frame "launch $i of $n: the first frame"
done
finish
