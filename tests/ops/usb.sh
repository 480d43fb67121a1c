#!/usr/bin/env bash
# usb.sh KIOSK: a USB stick with a valid bundle replaces the built-in one while it is plugged
# in; a stick with a broken bundle changes nothing; pulling the stick out brings the built-in
# bundle back. The "stick" is a folder appearing in a simulated mount folder.
set -euo pipefail
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
tmp=$(mktemp -d /tmp/kiosk-usb-XXXXXX)
log=$tmp/log
pass=0 fail=0
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
expect_log() {
  for _ in $(seq 300); do
    if tail -n +"$2" "$log" | grep -q -- "$1"; then echo "ok   $3"; pass=$((pass + 1)); return 0; fi
    sleep 0.1
  done
  echo "FAIL $3: no log line matching '$1'"; fail=$((fail + 1)); sed 's/^/     | /' "$log"
}
mark() { echo $(($(wc -l < "$log") + 1)); }

mkdir -p "$tmp/builtin" "$tmp/media/user" && cp -r "$src/." "$tmp/builtin/"
SDL_VIDEODRIVER=dummy "$kiosk" --windowed 640x360 --usb-dir "$tmp/media" "$tmp/builtin" 2> "$log" &
pid=$!
expect_log "showing bundle mini version 0.1" 1 "starts on the built-in bundle"

# A stick appears whole (it is mounted), so each is made beside the mount folder and moved in.
m=$(mark); mkdir "$tmp/STICK"; cp -r "$src/." "$tmp/STICK/"
sed -i 's/^  version: .*/  version: "usb-1"/' "$tmp/STICK/bundle.yaml"
mv "$tmp/STICK" "$tmp/media/user/STICK"
expect_log "switched to bundle mini version usb-1" "$m" "a stick with a valid bundle is shown"

m=$(mark); rm -rf "$tmp/media/user/STICK"
expect_log "switched to bundle mini version 0.1" "$m" "pulling the stick out brings the built-in bundle back"

m=$(mark); mkdir "$tmp/BROKEN"; cp -r "$src/." "$tmp/BROKEN/"
echo "nonsense: [" >> "$tmp/BROKEN/bundle.yaml"
mv "$tmp/BROKEN" "$tmp/media/user/BROKEN"
expect_log "kept the bundle on screen" "$m" "a stick with a broken bundle is refused"
if tail -n +"$m" "$log" | grep -q "switched"; then echo "FAIL the broken stick was shown"; fail=$((fail + 1));
else echo "ok   the broken stick is not shown"; pass=$((pass + 1)); fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
