#!/usr/bin/env bash
# partial_present.sh KIOSK BUNDLE ITEM X Y: presenting only what changed (ui/damage.c,
# platform/window.c) leaves on the X server exactly what presenting whole frames would. A kiosk
# on an X display (Xvfb, 1280x720) shows ITEM, a gallery page; a tap at X,Y (its "next
# picture" arrow) changes the picture, its count, dots and caption, and nothing else, so the
# kiosk presents only those rectangles. After each tap, once the kiosk settled, the X screen is
# saved; then every window is made to redraw (xrefresh: an exposure, which the kiosk answers
# with a whole frame) and the X screen must be the same, pixel for pixel. The kiosk's frame
# log (KIOSK_FRAME_LOG=1) says how each frame was presented: the compared rounds must have been
# presented in part, or this test would prove nothing (a kiosk that presented only half of each
# rectangle fails it; the pressed state alone would not do: a long press takes it back).
# Then taps that rest on the glass for 250 ms, as a finger does: the screen they open is drawn
# ahead into the window surface while the pressed state shows (window_stage), and the lift
# presents it whole; and a press that slides away opens nothing, and the page must be back as
# it was. Coordinates below are those of content/opendag's item page at 1280x720.
set -euo pipefail
kiosk=$(realpath "$1")
bundle=$(realpath "$2")
item=$3 ax=$4 ay=$5
. "$(dirname "$0")/lib.sh"
need_x
command -v xrefresh > /dev/null || { echo "skipped: xrefresh (x11-xserver-utils) is not installed"; exit 77; }
scratch partial
start_x 1280x720 "$tmp"
"${x_prio[@]}" env KIOSK_FRAME_LOG=1 "$kiosk" --open "$item" "$bundle" 2>> "$log" &
pid=$!
expect_log 'frame 1 presented' 1 "the kiosk shows its first frame"
settle
echo "mousemove $ax $ay" >&8
for _ in 1 2 3; do # each picture once: later turns find it decoded and draw in part
  echo "click 1" >&8
  settle
done
# compare NAME: the X screen now is the one a whole frame gives (an exposure redraws all).
compare() {
  local before n
  # The screen as presented, once the kiosk is still: on a slow machine (a sanitizer build
  # beside other tests) one frame of a motion can take longer than settle's 400 ms, and a shot
  # taken then is followed by more frames; it is taken again.
  for _ in 1 2 3 4 5; do
    n=$(frame_count)
    before=$(screen_sum)
    sleep 0.5
    [ "$(frame_count)" = "$n" ] && break
    settle
  done
  xrefresh
  for _ in $(seq 100); do [ "$(frame_count)" -gt "$n" ] && break; sleep 0.05; done
  settle
  if ! tail -n +"$((n + 1))" <(grep 'presented at' "$log") | grep -q 'whole$'; then
    bad "$1: no whole frame after the exposure"
  elif [ "$(screen_sum)" = "$before" ]; then
    ok "$1: the screen as presented is the whole frame"
  else
    bad "$1: the screen differs from the whole frame drawn after it"
    grep 'presented at' "$log" | tail -n 12 | sed 's/^/    /' # how the last frames were presented
  fi
}
in_part=0
for round in 1 2 3 4 5 6; do
  n=$(frame_count)
  echo "click 1" >&8
  settle
  if ! tail -n +"$((n + 1))" <(grep 'presented at' "$log") | grep -q 'whole$'; then
    in_part=$((in_part + 1))
  fi
  compare "round $round"
done
ahead=0
hold_tap() { # NAME X Y: a finger resting 250 ms, then lifted
  local n
  n=$(frame_count)
  printf 'mousemove %s %s\nmousedown 1\nsleep 0.25\nmouseup 1\n' "$2" "$3" >&8
  settle
  if tail -n +"$((n + 1))" <(grep 'presented at' "$log") | grep -q 'drawn ahead'; then ahead=$((ahead + 1)); fi
  compare "$1"
}
hold_tap "English" 939 674
hold_tap "a see-also chip" 590 442
hold_tap "back" 108 674
hold_tap "Nederlands" 939 674
printf 'mousemove 1066 442\nmousedown 1\nsleep 0.25\nmousemove 1066 300\nsleep 0.1\nmousemove 1066 200\nmouseup 1\n' >&8
settle
compare "a press that slid away"
hold_tap "home" 277 674
echo "lifts presented over the frame drawn ahead: $ahead of 5"
if [ "$ahead" -ge 4 ]; then ok "the screens opened by a tap were drawn ahead ($ahead of 5)"
else bad "only $ahead of 5 taps showed a screen drawn ahead: the comparisons prove little"; fi
echo "rounds presented only in part: $in_part of 6"
grep 'presented at' "$log" | awk '{print $3 ": " $NF}' | tr '\n' ' '
echo
if [ "$in_part" -ge 4 ]; then ok "the turns were presented in part ($in_part of 6 rounds)"
else bad "only $in_part of 6 turns were presented in part: the comparison proves little"; fi
finish
