# lib.sh: helpers for the ops scripts that drive a running kiosk (sourced, not run).
#
# A script sets `log` (the kiosk's stderr) before calling the log helpers, counts with ok/bad,
# and ends with `finish`. For a kiosk on a real X display (taps, pixels): start_x, then
# start_kiosk with KIOSK_FRAME_LOG=1 in its environment, then tap_changes_pixels. stop_x in the
# script's cleanup.

pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }

# The line number after the log's last line: expect_log and never_log look from there.
mark() { echo $(($(wc -l < "$log") + 1)); }

# expect_log PATTERN FROM WHAT: waits up to expect_wait tenths of a second (15 s unless the
# script sets it) for a log line matching PATTERN (grep) after line FROM. A failure is counted and the script goes on (every helper returns 0 under set -e).
expect_wait=150
expect_log() {
  for _ in $(seq "$expect_wait"); do
    if tail -n +"$2" "$log" | grep -q -- "$1"; then ok "$3"; return 0; fi
    sleep 0.1
  done
  bad "$3: no log line matching '$1' after line $2"
  sed 's/^/     | /' "$log"
}

never_log() {
  if tail -n +"$2" "$log" | grep -q -- "$1"; then
    bad "$3: unexpected '$1' after line $2"
    sed 's/^/     | /' "$log"
  else ok "$3"; fi
}

# version DIR V: sets the bundle's meta version.
version() { sed -i "s/^  version: .*/  version: \"$2\"/" "$1/bundle.yaml"; }

# expect_exit PID CODE WHAT: waits (up to 15 s, then kill -9) for the kiosk and checks its exit
# code. A signal the kiosk lost must fail the test, not hang it: a SIGINT that came before the
# kiosk blocked its signals was simply ignored (a background job starts with SIGINT ignored).
expect_exit() {
  local rc=0
  for _ in $(seq 150); do kill -0 "$1" 2> /dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2> /dev/null; then
    kill -KILL "$1" 2> /dev/null || true
    bad "$3: still running 15 s later (killed)"
    wait "$1" 2> /dev/null || true
    return 0
  fi
  wait "$1" || rc=$?
  if [ "$rc" -eq "$2" ]; then ok "$3"; else bad "$3: exit code $rc, not $2"; fi
}

# scratch NAME: a folder $tmp (/tmp/kiosk-NAME-*) with the kiosk's log $log in it, and $pid
# (the kiosk, once the script starts it) ended, the X server stopped and $tmp removed on exit.
scratch() {
  tmp=$(mktemp -d "/tmp/kiosk-$1-XXXXXX")
  log=$tmp/log
  pid=''
  trap scratch_cleanup EXIT
}
scratch_cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
  stop_x
  rm -rf "$tmp"
}

# ---- a real X display (Xvfb) and taps on it (xdotool) -------------------------------------

xvfb_pid='' tapper_fifo=''
# As root, the X server, xdotool and the kiosk run at a higher priority (nice -10): on a machine
# shared with builds and other tests, each of the three hops of a tap otherwise waits for a
# time slice (up to ~25 ms each), which measures the neighbours, not the kiosk. A kiosk on its
# own machine has the CPU to itself.
x_prio=()
if [ "$(id -u)" -eq 0 ]; then x_prio=(nice -n -10); fi

# need_x: exits 77 (skipped) when Xvfb or xdotool is missing; run.sh test installs them.
need_x() {
  for tool in Xvfb xdotool xwd; do
    command -v "$tool" > /dev/null || { echo "skipped: $tool is not installed"; exit 77; }
  done
}

# start_x WxH DIR: an Xvfb screen of that size (no window manager), DISPLAY exported, and an
# xdotool reading commands from a FIFO in DIR, already connected: starting xdotool takes
# 50-170 ms on a loaded machine, which must not count in a tap's latency.
start_x() {
  local fd_file=$2/display
  "${x_prio[@]}" Xvfb -displayfd 9 -screen 0 "$1x24" -nolisten tcp -ac 9> "$fd_file" 2> "$2/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$fd_file" ] && break; sleep 0.1; done
  [ -s "$fd_file" ] || { echo "FAIL Xvfb did not start"; cat "$2/xvfb.log"; exit 1; }
  export DISPLAY=:$(head -n 1 "$fd_file")
  tapper_fifo=$2/xdotool.fifo
  mkfifo "$tapper_fifo"
  "${x_prio[@]}" xdotool - < "$tapper_fifo" > "$2/xdotool.log" 2>&1 &
  exec 8> "$tapper_fifo"
}

stop_x() {
  if [ -n "$tapper_fifo" ]; then exec 8>&-; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2> /dev/null && wait "$xvfb_pid" 2> /dev/null || true; fi
  xvfb_pid='' tapper_fifo=''
}

# Frame lines of KIOSK_FRAME_LOG=1: "kiosk: frame N presented at SECONDS, pixels HASH".
last_pixels() { { grep 'presented at' "$log" || true; } | tail -n 1 | awk '{print $8}'; }
frame_count() { grep -c 'presented at' "$log" || true; }

# screen_sum: a checksum of the X screen's pixels. Not of xwd's whole output: its colour map
# entries carry a pad byte xwd leaves uninitialised, which differed between two shots of the
# same screen on one machine (so "the screen is the same" failed, and "it changed" could pass
# with no change at all).
screen_sum() {
  xwd -root -silent | python3 -c 'import hashlib, struct, sys
d = sys.stdin.buffer.read()
h = struct.unpack(">25I", d[:100])  # XWDFileHeader: header_size first, ncolors 20th
print(hashlib.md5(d[h[0] + 12 * h[19]:]).hexdigest())'
}

# settle: waits until no frame has been presented for 400 ms (a transition has ended).
settle() {
  local n
  for _ in $(seq 50); do
    n=$(frame_count)
    sleep 0.4
    [ "$(frame_count)" = "$n" ] && return 0
  done
}

# tap_changes_pixels X Y WHAT: a tap (button down and up, a real X event) at (X, Y) must give
# a frame with other pixels within $tap_limit ms, and the X server's screen must differ after
# it. The time is from just before the tap is handed to the waiting xdotool to just after the
# first new frame was presented (the kiosk's clock and ours are the same wall clock).
# The limit is 100 ms; a kiosk built with AddressSanitizer (as ./run.sh test builds it: a
# Debug build, ~3x slower, beside other tests on two cores) gets 200 ms, as test_bad_bundles
# gives its CPU budgets slack under ASan. Every measured time is printed either way.
tap_limit_ms() {
  if grep -q -a __asan_init "$1" 2> /dev/null; then echo 200; else echo 100; fi
}
tap_changes_pixels() {
  local before shot m t0 line ms
  echo "mousemove $1 $2" >&8
  settle
  before=$(last_pixels)
  shot=$(screen_sum)
  m=$(mark)
  t0=$EPOCHREALTIME
  echo "click 1" >&8
  for _ in $(seq 100); do
    line=$(tail -n +"$m" "$log" | awk -v b="$before" '/presented at/ && $8 != b' | head -n 1)
    [ -n "$line" ] && break
    sleep 0.05
  done
  if [ -z "$line" ]; then bad "$3: no new pixels within 5 s of a tap"; return 0; fi
  ms=$(echo "$line" | awk -v t0="${t0/,/.}" '{ t = $6; sub(",", "", t); printf "%.0f", (t - t0) * 1000 }')
  tap_ms+=("$ms")
  settle
  if [ "$(screen_sum)" = "$shot" ]; then
    bad "$3: the kiosk logged new pixels but the X screen did not change"
  elif [ "$ms" -lt "$tap_limit" ]; then ok "$3: a tap changed the pixels in $ms ms (limit $tap_limit)"
  else bad "$3: a tap changed the pixels only after $ms ms (limit $tap_limit)"; fi
}
tap_ms=() tap_limit=100
