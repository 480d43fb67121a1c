#!/usr/bin/env bash
# udev_rule.sh RULE: the package's USB rule as udev reads it (udevadm test: the rules are
# parsed and applied to a device without running anything; systemd 252 has no udevadm
# verify). In a mount namespace of its own, the rule is put in /etc/udev/rules.d with a rule
# before it that gives a loop device the properties udev's own rules give a USB stick
# (ID_BUS=usb, ID_FS_USAGE=filesystem); the system's rules stay as they are for everyone else.
#   - no line of the rule is refused;
#   - a USB file system that says it is removable: systemd-mount with the options, at
#     /media/kiosk/NAME; removed: systemd-mount --umount of the same folder;
#   - one that says it is fixed (the loop device does: removable 0; a USB SSD the system runs
#     from) and anything not on USB or without a file system: nothing.
# Skipped (77) without root, udevadm, unshare, a private mount namespace (a chroot) or a block
# device in /sys.
set -euo pipefail
rule=$(realpath "$1")
. "$(dirname "$0")/lib.sh"
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root (a private mount namespace)"
command -v udevadm > /dev/null || skip "udevadm is not installed (package udev; ./run.sh test installs it)"
command -v unshare > /dev/null || skip "unshare is not installed"
dev=$(ls -d /sys/class/block/loop* 2> /dev/null | head -n 1 || true)
[ -n "$dev" ] || skip "no loop device in /sys/class/block to test the rule on"
name=$(basename "$dev")
[ "$(cat "$dev/removable")" = 0 ] || skip "$name says it is removable; the test needs one that does not"
tmp=$(mktemp -d /tmp/kiosk-udev-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# The rule goes in with a bind mount that only this namespace sees. Where / is not a mount
# of its own (a chroot, as in fresh-debian.sh), unshare cannot make the namespace private,
# and without that the bind mount could reach the whole system: skipped then.
probe=$(unshare -m sh -c 'true' 2>&1) || skip "no private mount namespace here: $probe"
echo "udevadm $(udevadm --version), device $name"

# udev_test ACTION FAKE-PROPERTIES: the output of udevadm test for the device with the rule
# installed and a rule before it that sets FAKE-PROPERTIES on it.
udev_test() {
  mkdir -p "$tmp/rules"
  rm -f "$tmp/rules/"*
  cp "$rule" "$tmp/rules/90-kiosk-usb.rules"
  [ -z "$2" ] || echo "KERNEL==\"$name\", $2" > "$tmp/rules/89-test.rules"
  unshare -m sh -c "mount --bind '$tmp/rules' /etc/udev/rules.d && udevadm test --action=$1 '$dev' 2>&1"
}
usb='ENV{ID_BUS}="usb", ENV{ID_FS_USAGE}="filesystem"'
mount_line="run: '/usr/bin/systemd-mount --no-block --collect --fsck=no --property=LazyUnmount=yes --options=ro,nosuid,nodev,noexec /dev/$name /media/kiosk/$name'"

out=$(udev_test add "$usb, ENV{KIOSK_USB}=\"1\"")
if echo "$out" | grep -q 'Reading rules file: /etc/udev/rules.d/90-kiosk-usb.rules'; then ok "udev reads the rule"
else bad "udev did not read the rule"; echo "$out" | tail -n 20; fi
complaints=$(echo "$out" | grep -E '^/etc/udev/rules.d/90-kiosk-usb.rules:[0-9]+ ' || true)
[ -z "$complaints" ] && ok "no line of the rule is refused" || bad "udev refuses lines: $complaints"
echo "$out" | grep -qxF "$mount_line" && ok "a removable USB file system is mounted read-only at /media/kiosk/$name" \
  || { bad "no '$mount_line'"; echo "$out" | grep -E 'run:|kiosk' || true; }

out=$(udev_test remove "$usb")
echo "$out" | grep -qxF "run: '/usr/bin/systemd-mount --umount /media/kiosk/$name'" \
  && ok "removed: it is unmounted" || { bad "removed: no systemd-mount --umount"; echo "$out" | grep -E 'run:|kiosk' || true; }

out=$(udev_test add "$usb")
echo "$out" | grep -q 'systemd-mount' && bad "a USB disk that says it is fixed is mounted" \
  || ok "a USB disk that says it is fixed (a system disk) is left alone"
out=$(udev_test add 'ENV{ID_FS_USAGE}="filesystem", ENV{KIOSK_USB}="1"')
echo "$out" | grep -q 'systemd-mount' && bad "a disk not on USB is mounted" || ok "a disk not on USB is left alone"
out=$(udev_test add 'ENV{ID_BUS}="usb", ENV{ID_FS_USAGE}="raid", ENV{KIOSK_USB}="1"')
echo "$out" | grep -q 'systemd-mount' && bad "a USB device without a file system is mounted" \
  || ok "a USB device without a file system is left alone"
finish
