#!/usr/bin/env bash
# full_height.sh: `--render --full` draws a scrolled screen at its whole height (issue 11):
# the careers grid in portrait is taller than the screen, the home screen (no scrolling) is
# exactly the screen, and every picture is as wide as the screen.
# Usage: full_height.sh KIOSK OUT_DIR
set -u
kiosk=$1 out=$2
mkdir -p "$out"
fails=0 passes=0
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%d %d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'; }
check() { # SCREEN EXPECT(taller|equal)
    local f="$out/full-$1.png"
    if ! "$kiosk" --render "$1" --full --size 1080x1920 -o "$f" >/dev/null; then
        echo "FAIL $1: kiosk --render --full failed"; fails=$((fails + 1)); return
    fi
    read -r w h < <(png_size "$f")
    local ok=0
    [ "$w" -eq 1080 ] || ok=1
    if [ "$2" = taller ]; then [ "$h" -gt 1920 ] || ok=1; else [ "$h" -eq 1920 ] || ok=1; fi
    if [ $ok -eq 0 ]; then echo "ok   $1: ${w}x${h}"; passes=$((passes + 1))
    else echo "FAIL $1: ${w}x${h}, expected 1080 wide and $2 than 1920"; fails=$((fails + 1)); fi
}
check careers taller
check home equal
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
