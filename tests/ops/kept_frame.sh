#!/usr/bin/env bash
# kept_frame.sh KIOSK: the first frame kept between starts (ops/keptframe.h) on a real X
# display, with KIOSK_FRAME_LOG=1 (a kept frame shown logs "kept first frame presented,
# pixels HASH"; a drawn one "frame N presented at T, pixels HASH").
#   1. A first start keeps its first frame in $XDG_CACHE_HOME/kiosk/first-frame.
#   2. The next start shows it before it draws its own first frame, whose pixels are the
#      same; it keeps nothing again.
#   3. A bundle edited since (one title): the kept frame is not shown; the new one is kept.
#   4. A damaged file: not shown (the reason logged), kept anew, the kiosk runs.
#   5. A change the key does not cover (the fonts, by FONTCONFIG_FILE): the kept frame shows,
#      the drawn one differs, the kiosk says so and keeps its own; the next start then shows
#      one that matches.
#   6. KIOSK_KEPT_FRAME=0: nothing shown, nothing kept.
# Skipped (77) without Xvfb, xdotool or xwd.
set -euo pipefail
kiosk=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
need_x
scratch kept
start_x 640x360 "$tmp"
cp -r "$here/../good/mini" "$tmp/bundle"
export XDG_CACHE_HOME=$tmp/cache KIOSK_LOG=debug
unset KIOSK_KEPT_FRAME CACHE_DIRECTORY
kept=$tmp/cache/kiosk/first-frame

# start WHAT [env...]: one start in a window; waits for its first drawn frame and for what it
# does right after (keeping the frame), then stops it. The log is $log.
start() {
  local what=$1
  shift
  : > "$log"
  env "$@" KIOSK_FRAME_LOG=1 "${x_prio[@]}" "$kiosk" --config "$tmp/none.yaml" --windowed 640x360 \
    "$tmp/bundle" 2>> "$log" &
  pid=$!
  local n=0
  until grep -q 'frame 1 presented at' "$log"; do
    n=$((n + 1))
    if [ $n -gt 300 ] || ! kill -0 "$pid" 2> /dev/null; then
      bad "$what: no first frame"
      sed 's/^/     | /' "$log"
      break
    fi
    sleep 0.1
  done
  sleep 1.5 # the frame is kept after it is shown (a few ms; under ASan more)
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  pid=''
}
kept_hash() { grep 'kept first frame presented' "$log" | sed -E 's/.*pixels ([0-9a-f]+).*/\1/'; }
first_hash() { grep -m 1 'frame 1 presented at' "$log" | sed -E 's/.*pixels ([0-9a-f]+).*/\1/'; }
shown() { grep -q 'kept first frame presented' "$log"; }
keeps() { grep -q 'kept the first frame for the next start' "$log"; }

start "1. first start"
if ! shown && keeps && [ -s "$kept" ]; then ok "1. the first start keeps its first frame ($(stat -c %s "$kept") bytes)"
else bad "1. first start: shown=$(shown && echo yes || echo no) kept=$(keeps && echo yes || echo no)"; sed 's/^/     | /' "$log"; fi
drawn1=$(first_hash)

start "2. second start"
if shown && [ "$(kept_hash)" = "$(first_hash)" ] && [ "$(first_hash)" = "$drawn1" ]; then
  ok "2. the next start shows the kept frame first, the same pixels as its own ($(kept_hash))"
else bad "2. kept $(kept_hash || true), drawn $(first_hash), first start drew $drawn1"; sed 's/^/     | /' "$log"; fi
if shown && [ "$(grep -n 'kept first frame presented' "$log" | cut -d: -f1)" -lt "$(grep -n 'frame 1 presented at' "$log" | cut -d: -f1)" ]; then
  ok "2. ... before its own first frame"
else bad "2. the kept frame did not come before the first drawn frame"; fi
if keeps || grep -q 'differed' "$log"; then bad "2. kept again although nothing changed"; else ok "2. nothing kept again"; fi

sed -i 's/title: {nl: Mini-bundel, en: Mini bundle}/title: {nl: Mini-bundel twee, en: Mini bundle two}/' "$tmp/bundle/bundle.yaml"
start "3. bundle edited"
if ! shown && keeps; then ok "3. after the bundle was edited: not shown, kept anew"
else bad "3. bundle edited: shown=$(shown && echo yes || echo no) kept=$(keeps && echo yes || echo no)"; sed 's/^/     | /' "$log"; fi

size=$(stat -c %s "$kept")
printf '\x00\x00\x00\x00' | dd of="$kept" bs=1 seek=$((size / 2)) conv=notrunc status=none
start "4. damaged file"
if ! shown && keeps && grep -q 'no kept first frame shown: it is damaged' "$log"; then
  ok "4. a damaged file: not shown, reason logged, kept anew"
else bad "4. damaged: shown=$(shown && echo yes || echo no) kept=$(keeps && echo yes || echo no)"; sed 's/^/     | /' "$log"; fi

# Only DejaVu Sans Condensed to be found: it answers to "DejaVu Sans" too, narrower.
dejavu=/usr/share/fonts/truetype/dejavu
mkdir -p "$tmp/fc" "$tmp/fonts"
cat > "$tmp/fonts.conf" << CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>$tmp/fonts</dir><cachedir>$tmp/fc</cachedir></fontconfig>
CONF
if ls "$dejavu"/DejaVuSansCondensed*.ttf > /dev/null 2>&1; then
  cp "$dejavu"/DejaVuSansCondensed*.ttf "$tmp/fonts/"
  start "5. other fonts" FONTCONFIG_FILE="$tmp/fonts.conf"
  if shown && grep -q 'differed from this one' "$log" && keeps && [ "$(kept_hash)" != "$(first_hash)" ]; then
    ok "5. other fonts (not in the key): the kept frame showed, differed, and was replaced"
  else bad "5. other fonts: shown=$(shown && echo yes || echo no), kept=$(keeps && echo yes || echo no)"; sed 's/^/     | /' "$log"; fi
  start "5b. other fonts again" FONTCONFIG_FILE="$tmp/fonts.conf"
  if shown && [ "$(kept_hash)" = "$(first_hash)" ] && ! keeps; then ok "5. ... and the next start's kept frame matches"
  else bad "5b. again: shown=$(shown && echo yes || echo no), kept=$(keeps && echo yes || echo no)"; sed 's/^/     | /' "$log"; fi
else
  echo "fonts-dejavu-core has no DejaVu Sans Condensed here: part 5 skipped"
fi

rm -f "$kept"
start "6. switched off" KIOSK_KEPT_FRAME=0
if ! shown && ! keeps && [ ! -e "$kept" ]; then ok "6. KIOSK_KEPT_FRAME=0: nothing shown, nothing kept"
else bad "6. switched off: shown=$(shown && echo yes || echo no) kept=$(keeps && echo yes || echo no)"; fi
finish
