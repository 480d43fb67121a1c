#!/usr/bin/env bash
# usb.sh KIOSK: a USB stick with a valid bundle replaces the built-in one while it is plugged
# in; a stick with a broken bundle changes nothing; pulling the stick out brings the built-in
# bundle back. The "stick" is a folder appearing in a simulated mount folder.
set -euo pipefail
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
tmp=$(mktemp -d /tmp/kiosk-usb-XXXXXX)
log=$tmp/log
. "$(dirname "$0")/lib.sh"
pid=''
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
# 30 s per expectation: a stick is looked at 2 s after it settles, slower on a loaded machine.
expect_wait=300

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

# Made broken beside the mount folder and moved in whole: copied in place, the kiosk could
# (on a loaded machine) look at the stick between the copy and the breaking edit.
mkdir "$tmp/BROKEN"; cp -r "$src/." "$tmp/BROKEN/"; echo "nonsense: [" >> "$tmp/BROKEN/bundle.yaml"
m=$(mark); mv "$tmp/BROKEN" "$tmp/media/user/BROKEN"
expect_log "kept the bundle on screen" "$m" "a stick with a broken bundle is refused"
never_log "switched" "$m" "the broken stick is not shown"
finish
