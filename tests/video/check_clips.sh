#!/usr/bin/env bash
# check_clips.sh KIOSK: `--check` on clips made at test time (tests/video/make_clips.sh).
#   - the test bundle (H.264 in MP4, VP9 in WebM, captions) passes, and says how many clips;
#   - a truncated MP4, a stream declaring 16384 x 16384 and a ZIP renamed .mp4 are each
#     reported at the clip's `file:` (file:line:col) and `--check` exits 1, never crashes;
#     `--render` of their page still draws (the poster);
#   - what the loader sees without opening a clip: a missing file, a file over the size
#     limit (sparse), a wrong extension, a broken captions line, each at its place.
# Skipped (77) without ffmpeg.
set -euo pipefail
kiosk=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../ops/lib.sh"
command -v ffmpeg > /dev/null || { echo "skipped: ffmpeg is not installed"; exit 77; }
. "$here/make_clips.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make_clips "$tmp/b"

# check DIR WANT_RC PATTERN WHAT: runs --check, compares the exit code and looks for PATTERN
# (grep -E) in what it printed.
check() {
  local rc=0
  "$kiosk" --check "$1" > "$tmp/out" 2>&1 || rc=$?
  if [ "$rc" -ne "$2" ]; then bad "$4: exit code $rc, not $2"; sed 's/^/     | /' "$tmp/out"
  elif ! grep -qE -- "$3" "$tmp/out"; then bad "$4: no line matching '$3'"; sed 's/^/     | /' "$tmp/out"
  else ok "$4"; fi
}

# variant NAME SED: a copy of the good bundle with bundle.yaml edited by SED
variant() { rm -rf "$tmp/$1"; cp -r "$tmp/b" "$tmp/$1"; sed -i -E "$2" "$tmp/$1/bundle.yaml"; }

check "$tmp/b" 0 "videos: +2" "the test bundle's H.264 and VP9 clips pass"

for f in truncated huge zip; do
  variant "$f" "s#file: clips/lassen.mp4#file: bad/$f.mp4#"
  check "$tmp/$f" 1 "^$tmp/$f/bundle.yaml:22:17: error: the video 'bad/$f.mp4' " \
    "$f.mp4 is reported at its file: line"
  rc=0
  "$kiosk" --render lassen -o "$tmp/$f.png" --size 640x360 "$tmp/$f" > /dev/null 2>&1 || rc=$?
  if [ "$rc" -eq 0 ] && [ -s "$tmp/$f.png" ]; then ok "$f.mp4: --render draws the page"
  else bad "$f.mp4: --render exit code $rc"; fi
done

variant missing "s#file: clips/lassen.mp4#file: clips/weg.mp4#"
check "$tmp/missing" 1 "bundle.yaml:22:17: error: the video 'clips/weg.mp4' " "a missing clip"
variant big "s#file: clips/lassen.mp4#file: clips/groot.mp4#"
truncate -s 300M "$tmp/big/clips/groot.mp4"
check "$tmp/big" 1 "bundle.yaml:22:17: error: the video 'clips/groot.mp4' is 300 MB; the limit is 256 MB" \
  "a clip over the size limit"
variant ext "s#file: clips/lassen.mp4#file: clips/lassen.nl.vtt#"
check "$tmp/ext" 1 "bundle.yaml:22:17: error: the video 'clips/lassen.nl.vtt' is not an .mp4" \
  "a clip that is not a video file by name"
variant vtt ""
sed -i 's/00:05.000 --> 00:10.000/00:05.000 -> 00:10.000/' "$tmp/vtt/clips/lassen.en.vtt"
check "$tmp/vtt" 1 "clips/lassen.en.vtt:6:11: error: a time is written" "a broken captions line"
variant lang "s#captions: \{nl: #captions: {de: #"
check "$tmp/lang" 1 "bundle.yaml:24:22: error: .*de" "captions in a language the bundle does not have"
variant key "s#          loop: true#          lop: true#"
check "$tmp/key" 1 "bundle.yaml:25:11: error: .*'lop'.*loop" "a misspelt key under video"
finish
