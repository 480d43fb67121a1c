#!/usr/bin/env bash
# usb_mount.sh KIOSK RULE: a real file system on a loop device, mounted the way the package's
# udev rule (packaging/udev/90-kiosk-usb.rules) has systemd-mount mount a USB stick: with the
# rule's options, at MEDIA/kiosk/NAME below the kiosk's usb_dir. The kiosk shows the bundle
# on it; unmounted (the stick pulled out), its own bundle comes back; mounted again on the
# folder that is still there (systemd-mount leaves it; no inotify event comes), it is shown
# again. The stick is read-only: the kiosk writes nothing to it. Unmounted as systemd does with
# the rule's LazyUnmount=yes (umount -l): the kiosk holds the pictures on screen open.
# udev and systemd themselves do not run here (a container): tests/ops/udev_rule.sh checks
# what the rule asks systemd-mount to do; docs/operating.md has the steps on a real machine.
# Skipped (77) without root, losetup or mkfs.ext4, or where loop devices cannot be used.
set -euo pipefail
kiosk=$(realpath "$1")
rule=$(realpath "$2")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
. "$(dirname "$0")/lib.sh"
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root (losetup, mount)"
for tool in losetup mkfs.ext4 mount umount; do command -v "$tool" > /dev/null || skip "$tool is not installed"; done
tmp=$(mktemp -d /tmp/kiosk-usb-mount-XXXXXX)
log=$tmp/log
pid='' loop=''
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
  if [ -n "$loop" ]; then
    # every mount on it (a failed step may leave two stacked), then the loop device
    while mountpoint -q "$tmp/media/kiosk/$(basename "$loop")"; do
      umount -l "$tmp/media/kiosk/$(basename "$loop")" || break
    done
    losetup -d "$loop" 2> /dev/null || true
  fi
  rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT
expect_wait=300 # 30 s: a stick is looked at 2 s after it settles, slower on a loaded machine

# The mount options, read from the rule itself, so the test mounts as the package does.
options=$(sed -n 's/.*systemd-mount .*--options=\([^ ]*\) .*/\1/p' "$rule")
[ "$options" = "ro,nosuid,nodev,noexec" ] && ok "the rule mounts with ro,nosuid,nodev,noexec" \
  || bad "the rule's mount options are '$options'"
grep -q 'systemd-mount .*--property=LazyUnmount=yes' "$rule" && ok "the rule unmounts lazily (umount -l)" \
  || bad "the rule does not unmount lazily: a stick whose pictures the kiosk holds open stays mounted"
mount_point=$(sed -n 's/.*systemd-mount .*\$devnode \([^ "]*\)".*/\1/p' "$rule")
[ "$mount_point" = "/media/kiosk/%k" ] && ok "the rule mounts at /media/kiosk/%k (below usb_dir /media)" \
  || bad "the rule mounts at '$mount_point'"

# A "stick": an ext4 image holding a bundle at its top, made without mounting it.
mkdir -p "$tmp/stick" "$tmp/builtin" "$tmp/media"
cp -r "$src/." "$tmp/stick/" && cp -r "$src/." "$tmp/builtin/"
version "$tmp/stick" usb-loop
mkfs.ext4 -q -d "$tmp/stick" "$tmp/stick.img" 16M
loop=$(losetup -f --show "$tmp/stick.img" 2> "$tmp/losetup.err") || { loop=''; skip "no loop device here: $(cat "$tmp/losetup.err")"; }
dir=$tmp/media/kiosk/$(basename "$loop")
mkdir -p "$dir"

SDL_VIDEODRIVER=dummy "$kiosk" --windowed 640x360 --config "$tmp/none.yaml" --usb-dir "$tmp/media" "$tmp/builtin" 2> "$log" &
pid=$!
expect_log "showing bundle mini version 0.1" 1 "starts on the built-in bundle"

m=$(mark); mount -o "$options" "$loop" "$dir"
expect_log "switched to bundle mini version usb-loop" "$m" "the mounted stick's bundle is shown"
if touch "$dir/written" 2> /dev/null; then bad "the stick can be written to"; else ok "the stick is read-only"; fi

# LazyUnmount=yes: systemd stops the mount with umount -l
m=$(mark); umount -l "$dir"
expect_log "switched to bundle mini version 0.1" "$m" "unmounted (pulled out): the built-in bundle is back"

m=$(mark); mount -o "$options" "$loop" "$dir"
expect_log "switched to bundle mini version usb-loop" "$m" \
  "mounted again on the folder still there (no inotify event): shown again"
m=$(mark); umount -l "$dir"
expect_log "switched to bundle mini version 0.1" "$m" "and unmounted again: back"
kill -TERM "$pid"; expect_exit "$pid" 0 "stops cleanly"; pid=''
never_log "ERROR\|AddressSanitizer\|runtime error" 1 "nothing went wrong"
finish
