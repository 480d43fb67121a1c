#!/usr/bin/env bash
# deb.sh SOURCE_DIR WORK_DIR: the Debian package, installed as a school IT person would.
#
# Builds kiosk_VERSION_ARCH.deb (Release, prefix /usr) in WORK_DIR, makes a pristine Debian 12
# root with debootstrap (minbase + systemd, as on a real machine), installs the package there
# with `apt install ./kiosk_*.deb` in a chroot and checks what the maintainer scripts and the
# program promise: the user and its groups, who may read the settings, the state folder, the
# unit (systemd-analyze verify), --version, --check of the installed default bundle (also from
# a folder holding a broken content/), the udev rule for USB sticks (installed, and parsed by
# udevadm test), --set-pin leaving settings the service can read, a
# reinstall keeping them; then remove and purge, after which no file of the package is left.
#
# Skipped (77) unless run as root with debootstrap (./run.sh test installs it). The base root
# is kept as a tarball in KIOSK_DEB_CACHE (default /var/cache/kiosk-deb-test), and the .debs apt
# downloads into it, so a second run neither bootstraps nor downloads again.
set -euo pipefail
src=$(cd "$1" && pwd); work=$2
cache=${KIOSK_DEB_CACHE:-/var/cache/kiosk-deb-test}
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, chroot, mounts)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (./run.sh test installs it)"
command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps is not installed (package dpkg-dev)"
command -v file >/dev/null || skip "the file utility is not installed (CPack's DEB generator needs it; ./run.sh test installs it)"
# Inside a container or a chroot without the right to mount, a root cannot be set up at all.
probe=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-mount-probe.XXXXXX")
if ! mount --bind "$probe" "$probe" 2>/dev/null; then rmdir "$probe"; skip "cannot bind-mount here (no CAP_SYS_ADMIN: a container or chroot)"; fi
umount "$probe"; rmdir "$probe"
[ -r /proc/self/stat ] || skip "/proc is not mounted"

t0=$(date +%s); lap=$t0
phase() { local now; now=$(date +%s); echo "== $1 ($((now - lap)) s; total $((now - t0)) s)"; lap=$now; }
pass=0; fail=0
check() { # check WHAT COMMAND...: one assertion, printed with its result
  local what=$1; shift
  if out=$("$@" 2>&1); then pass=$((pass + 1)); echo "ok   $what"
  else fail=$((fail + 1)); echo "FAIL $what"; echo "$out" | sed 's/^/     /' | tail -n 20; fi
}

# ---- the package -------------------------------------------------------------------------
mkdir -p "$work"
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DBUILD_TESTING=OFF >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; exit 1; }
rm -f "$work"/build/kiosk_*.deb
cmake --build "$work/build" --target package -j "$(nproc)" >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log"; exit 1; }
deb=$(ls "$work"/build/kiosk_*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb -f "$deb" Depends | sed 's/^/  Depends: /'
phase "package built"

# ---- a pristine Debian 12 ------------------------------------------------------------------
# The mirror is this machine's own (as ../shared/tools/fresh-debian.sh does).
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
base=$cache/bookworm-minbase-systemd.tar
mkdir -p "$cache/archives/partial"
if [ ! -f "$base" ]; then
  boot=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-debootstrap.XXXXXX")
  # Without a reachable mirror the test cannot run: skipped, with debootstrap's last words.
  debootstrap --variant=minbase --include=systemd bookworm "$boot" "$mirror" \
    >"$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log"; rm -rf --one-file-system "$boot"; skip "debootstrap from $mirror failed (see above)"; }
  tar -C "$boot" -cf "$base.new" . && mv "$base.new" "$base"
  rm -rf --one-file-system "$boot"
  phase "debootstrap (cached as $base)"
fi
root=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-deb-root.XXXXXX")
mounts=(proc dev dev/pts sys var/cache/apt/archives)
cleanup() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "$root/${mounts[i]}" 2>/dev/null || true; done
  # never delete through a bind mount that is still there
  if findmnt -rn -o TARGET | grep -q "^$root/"; then echo "mounts remain under $root; not deleted"
  else rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
chmod 755 "$root" # it becomes /: users other than root must get through it (mktemp made 0700)
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
  rm -f "$root/etc/apt/sources.list"
fi
mount --bind /proc "$root/proc"; mount --bind /dev "$root/dev"; mount --bind /dev/pts "$root/dev/pts"
mount --bind /sys "$root/sys"; mount --bind "$cache/archives" "$root/var/cache/apt/archives"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/sh -c "$1"; }
# Keep what apt downloads (the bind-mounted cache) for the next run.
echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > "$root/etc/apt/apt.conf.d/01keep-debs"
in_root 'apt-get update -qq' >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
phase "Debian 12 root ready"

# Every file and link of the root but the kernel's, apt's and dpkg's own bookkeeping and logs.
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./tmp \
     -o -path ./var/cache/apt -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/log \
     -o -path ./var/cache/debconf -o -path ./run \) -prune -o -print | sort) > "$1"
}
snapshot "$work/files-before"

# ---- install ---------------------------------------------------------------------------------
cp "$deb" "$root/tmp/"
in_root "cd /tmp && apt-get install -y -q ./$(basename "$deb")" >"$work/install.log" 2>&1 \
  || { tail -n 30 "$work/install.log"; exit 1; }
grep -E '^(Need to get|After this operation|[0-9]+ upgraded)' "$work/install.log" | sed 's/^/  apt: /'
phase "installed with apt"

groups_ok() { id -nG kiosk | tr ' ' '\n' | sort | tr '\n' ' ' | grep -qx 'input kiosk render video '; }
check "user kiosk, a system user without a login shell" \
  in_root 'getent passwd kiosk | grep -Eq "^kiosk:x:[0-9]{1,3}:[0-9]+:.*:/var/lib/kiosk:/usr/sbin/nologin$"'
check "kiosk is in the groups kiosk, video, input, render (and no other)" \
  in_root "$(declare -f groups_ok); groups_ok"
check "/etc/kiosk/config.yaml is root:kiosk 0640" \
  in_root 'test "$(stat -c %U:%G:%a /etc/kiosk/config.yaml)" = root:kiosk:640'
check "/var/lib/kiosk belongs to kiosk" in_root 'test "$(stat -c %U:%G /var/lib/kiosk)" = kiosk:kiosk'
check "/srv/kiosk/current points at the default bundle" \
  in_root 'test "$(readlink /srv/kiosk/current)" = /usr/share/kiosk/bundles/techniekpact'
check "the unit passes systemd-analyze verify" \
  in_root 'out=$(systemd-analyze verify /lib/systemd/system/kiosk.service 2>&1); echo "$out"; test -z "$out"'
check "the unit runs /usr/bin/kiosk as user kiosk" \
  in_root 'grep -qx "ExecStart=/usr/bin/kiosk --config /etc/kiosk/config.yaml" /lib/systemd/system/kiosk.service && grep -qx User=kiosk /lib/systemd/system/kiosk.service'
check "the USB rule is installed: /lib/udev/rules.d/90-kiosk-usb.rules, root 0644" \
  in_root 'test "$(stat -c %U:%a /lib/udev/rules.d/90-kiosk-usb.rules)" = root:644'
# Parsed and applied by the udevadm of this machine (the root has no udev; udev 252 everywhere).
rc=0; out=$(bash "$src/tests/ops/udev_rule.sh" "$root/lib/udev/rules.d/90-kiosk-usb.rules" 2>&1) || rc=$?
if [ "$rc" -eq 0 ]; then pass=$((pass + 1)); echo "ok   the installed USB rule is parsed and mounts a stick read-only (udevadm test)"
elif [ "$rc" -eq 77 ]; then echo "skip the installed USB rule through udevadm test: $(echo "$out" | tail -n 1)"
else fail=$((fail + 1)); echo "FAIL the installed USB rule through udevadm test"; echo "$out" | sed 's/^/     /' | tail -n 20; fi
check "kiosk --version" in_root 'kiosk --version | grep -q .'
check "kiosk --check on the installed default bundle" in_root 'cd / && kiosk --check | tail -n 1 | grep -q "^OK:"'
check "kiosk --check of /srv/kiosk/current, as user kiosk" \
  in_root 'cd / && runuser -u kiosk -- kiosk --check /srv/kiosk/current | tail -n 1 | grep -q "^OK:"'
check "the installed kiosk ignores assets/ and content/ of its working folder" \
  in_root 'mkdir -p /tmp/w/content/techniekpact /tmp/w/assets/icons && echo "{" > /tmp/w/content/techniekpact/bundle.yaml && touch /tmp/w/assets/icons/back.svg && cd /tmp/w && kiosk --check | tail -n 1 | grep -q "^OK:"; rc=$?; rm -rf /tmp/w; exit $rc'
check "no path of the build machine in the binary" sh -c "! grep -q '$src' '$root/usr/bin/kiosk'"
check "kiosk --set-pin (PIN on stdin) leaves root:kiosk 0640" \
  in_root 'echo 24680 | kiosk --set-pin >/dev/null && test "$(stat -c %U:%G:%a /etc/kiosk/config.yaml)" = root:kiosk:640'
check "user kiosk can read the PIN hash" in_root 'runuser -u kiosk -- cat /etc/kiosk/config.yaml | grep -q "^admin_pin: \"\\\$y\\\$"'
check "other users cannot read the settings (but can read /etc/hostname)" \
  in_root 'runuser -u nobody -- cat /etc/hostname >/dev/null && ! runuser -u nobody -- cat /etc/kiosk/config.yaml'
in_root "cd /tmp && apt-get install -y -q --reinstall ./$(basename "$deb")" >>"$work/install.log" 2>&1
check "a reinstall keeps the settings (conffile) and their owner" \
  in_root 'grep -q "^admin_pin:" /etc/kiosk/config.yaml && test "$(stat -c %U:%G:%a /etc/kiosk/config.yaml)" = root:kiosk:640'
# enabled by hand, as docs/operating.md says (no systemd runs in the chroot: links only)
in_root 'systemctl enable kiosk.service' >/dev/null 2>&1
check "systemctl enable kiosk (offline) works" in_root 'test -L /etc/systemd/system/multi-user.target.wants/kiosk.service'
phase "checks of the installed package"

# ---- remove, purge -------------------------------------------------------------------------
in_root 'apt-get remove -y -q kiosk' >"$work/remove.log" 2>&1 || { tail -n 20 "$work/remove.log"; exit 1; }
check "remove: the program is gone, the settings stay" \
  in_root '! test -e /usr/bin/kiosk && test -f /etc/kiosk/config.yaml'
# then the packages it brought in: also those that a package of the base only recommends or
# suggests (systemd: dbus, libqrencode4), which apt otherwise keeps
in_root 'apt-get purge -y -q kiosk && apt-get autoremove --purge -y -q -o APT::AutoRemove::RecommendsImportant=false -o APT::AutoRemove::SuggestsImportant=false' >"$work/purge.log" 2>&1 \
  || { tail -n 20 "$work/purge.log"; exit 1; }
snapshot "$work/files-after"
check "purge: no file of the package is left (the user kiosk stays, by policy)" \
  diff "$work/files-before" "$work/files-after"
check "purge: no stat override is left" in_root '! dpkg-statoverride --list /etc/kiosk/config.yaml'
phase "removed and purged"

echo "package test took $(( $(date +%s) - t0 )) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
