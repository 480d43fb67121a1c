#!/usr/bin/env bash
# window_video.sh KIOSK: a clip plays in the real window (Xvfb) and stops when its screen is left.
#   1. `--open lassen` on the test bundle: two screenshots 500 ms apart differ inside the
#      clip's rectangle (the kiosk logs where it is) and nowhere else;
#   2. Back (a real key press): the clip is stopped and the kiosk uses no CPU over 10 s;
#      a clip without loop plays to its end, and then its page uses no CPU either;
#   3. clips that cannot be played (truncated, 16384 x 16384, a ZIP named .mp4): the window
#      logs each once, shows the poster and keeps running, at rest.
# Skipped (77) without Xvfb, xdotool, xwd or ffmpeg.
set -euo pipefail
kiosk=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../ops/lib.sh"
need_x
command -v ffmpeg > /dev/null || { echo "skipped: ffmpeg is not installed"; exit 77; }
. "$here/make_clips.sh"
tmp=$(mktemp -d)
pid=''
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null || true
  stop_x
  rm -rf "$tmp"
}
trap cleanup EXIT
make_clips "$tmp/b"
start_x 1280x720 "$tmp"
log=$tmp/kiosk.log
: > "$log"

# cpu_s PID: user + system CPU seconds of the process so far
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

"${x_prio[@]}" "$kiosk" --config "$tmp/none.yaml" --open lassen "$tmp/b" 2>> "$log" &
pid=$!
expect_log "playing the video clips/lassen.mp4" 1 "the clip starts on its item's page"
sleep 1.5 # the page has slid in and the first frames are on screen
rect=$(grep 'video clips/lassen.mp4 in' "$log" | tail -n 1 | sed -E 's/.* in ([0-9]+)x([0-9]+) at ([0-9-]+),([0-9-]+).*/\3 \4 \1 \2/')
xwd -root -silent > "$tmp/a.xwd"
sleep 0.5
xwd -root -silent > "$tmp/b.xwd"
read -r inside outside < <(python3 "$here/xwd_diff.py" "$tmp/a.xwd" "$tmp/b.xwd" $rect | awk '{print $2, $4}')
if [ "$inside" -gt 100 ]; then ok "the clip moves: $inside pixels changed in its rectangle ($rect) in 500 ms"
else bad "the clip does not move: $inside pixels changed in its rectangle ($rect)"; fi
if [ "$outside" -eq 0 ]; then ok "nothing changed outside the clip's rectangle"
else bad "$outside pixels changed outside the clip's rectangle ($rect)"; fi

m=$(mark)
echo "mousemove 640 300" >&8
echo "key BackSpace" >&8
expect_log "stopped the video clips/lassen.mp4" "$m" "leaving the page stops the clip"
sleep 1
c0=$(cpu_s "$pid")
sleep 10
c1=$(cpu_s "$pid")
used=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
if awk -v u="$used" 'BEGIN { exit !(u <= 0.02) }'; then ok "at rest after the clip: $used CPU-s in 10 s"
else bad "the kiosk keeps working after the clip: $used CPU-s in 10 s"; fi
kill "$pid"; wait "$pid" 2> /dev/null || true; pid=''

# A clip without loop (zagen: 3 s of VP9) plays to its end; then the page is at rest.
m=$(mark)
"${x_prio[@]}" "$kiosk" --config "$tmp/none.yaml" --open zagen "$tmp/b" 2>> "$log" &
pid=$!
expect_log "the video clips/zagen.webm played to its end" "$m" "a clip without loop plays to its end"
sleep 1
c0=$(cpu_s "$pid"); sleep 5; c1=$(cpu_s "$pid")
used=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
if awk -v u="$used" 'BEGIN { exit !(u <= 0.02) }'; then ok "at rest on the page of an ended clip: $used CPU-s in 5 s"
else bad "the page of an ended clip keeps working: $used CPU-s in 5 s"; fi
kill "$pid"; wait "$pid" 2> /dev/null || true; pid=''

for f in truncated huge zip; do
  cp -r "$tmp/b" "$tmp/$f"
  sed -i "s#file: clips/lassen.mp4#file: bad/$f.mp4#" "$tmp/$f/bundle.yaml"
  m=$(mark)
  "${x_prio[@]}" "$kiosk" --config "$tmp/none.yaml" --open lassen "$tmp/$f" 2>> "$log" &
  pid=$!
  expect_log "the video bad/$f.mp4 cannot be played" "$m" "$f.mp4: logged in the window"
  sleep 1
  if kill -0 "$pid" 2> /dev/null; then ok "$f.mp4: the kiosk keeps running"
  else bad "$f.mp4: the kiosk is gone"; fi
  n=$(tail -n +"$m" "$log" | grep -c "cannot be played" || true)
  if [ "$n" -eq 1 ]; then ok "$f.mp4: logged once"; else bad "$f.mp4: logged $n times"; fi
  c0=$(cpu_s "$pid"); sleep 3; c1=$(cpu_s "$pid")
  used=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
  if awk -v u="$used" 'BEGIN { exit !(u <= 0.02) }'; then ok "$f.mp4: the poster's page is at rest ($used CPU-s in 3 s)"
  else bad "$f.mp4: the poster's page keeps working: $used CPU-s in 3 s"; fi
  kill "$pid"; wait "$pid" 2> /dev/null || true; pid=''
done
# under ./run.sh test the kiosk runs with AddressSanitizer and UBSan: nothing reported
never_log "Sanitizer\|runtime error" 1 "no sanitizer report from any of the kiosks"
finish
