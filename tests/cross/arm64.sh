#!/usr/bin/env bash
# arm64.sh: the Raspberry Pi build (arm64) proven on this amd64 machine, not assumed.
#   arm64.sh fetch WORK          unpack libunibreak's arm64 package into WORK/unibreak (no root)
#   arm64.sh SOURCE_DIR WORK     cross-build in WORK/build with -Werror, run the quick tests
#                                under qemu-user, print a summary
#
# The cross build uses Debian's multiarch packages (cmake/toolchain-aarch64.cmake): the cross
# compiler of crossbuild-essential-arm64, the :arm64 twins of the -dev packages and
# qemu-aarch64-static as ctest's emulator. `KIOSK_CROSS=arm64 ./run.sh test` (what .ci/run
# runs) installs them, then runs `fetch`; a plain `./run.sh test` does not, and this test is
# skipped (77). libunibreak-dev is the one library that is not multiarch in Debian 12 (its
# files are in /usr/lib, not /usr/lib/<triplet>), so its :arm64 package would replace the
# machine's own: `fetch` unpacks it aside instead, and the build links it from there.
#
# What runs under qemu: every quick test whose command is a program of the build (ctest runs
# it through the emulator): the unit tests, the settings/PIN/hours/statistics programs, the
# replays. Not the scripts that start the kiosk themselves (they exec an arm64 binary, which
# needs binfmt_misc), nor what is labelled slow (goldens, monkey, soak), the fuzzers, valgrind
# or the package.
set -euo pipefail
skip() { echo "SKIP: $*"; exit 77; }

if [ "${1:-}" = fetch ]; then
  work=$2 dir=$2/unibreak
  [ -f "$dir/usr/lib/pkgconfig/libunibreak.pc" ] && exit 0
  mkdir -p "$work/debs" && rm -rf "$dir"
  # (as root apt would download as its user _apt, which cannot write here)
  (cd "$work/debs" && apt-get download -q -o APT::Sandbox::User=root \
    libunibreak-dev:arm64 libunibreak1:arm64 >/dev/null)
  for deb in "$work"/debs/libunibreak*_arm64.deb; do dpkg-deb -x "$deb" "$dir"; done
  # The .pc names prefix=/usr: point it at the unpacked copy.
  sed -i "s|^prefix=.*|prefix=$(cd "$dir" && pwd)/usr|" "$dir/usr/lib/pkgconfig/libunibreak.pc"
  echo "arm64.sh: libunibreak for arm64 unpacked into $dir"
  exit 0
fi

src=$(cd "$1" && pwd); work=$2
command -v aarch64-linux-gnu-gcc >/dev/null \
  || skip "no arm64 cross compiler (KIOSK_CROSS=arm64 ./run.sh test installs crossbuild-essential-arm64)"
command -v qemu-aarch64-static >/dev/null || command -v qemu-aarch64 >/dev/null \
  || skip "no qemu-aarch64 (KIOSK_CROSS=arm64 ./run.sh test installs qemu-user-static)"
[ -f /usr/lib/aarch64-linux-gnu/pkgconfig/sdl2.pc ] \
  || skip "no arm64 libraries (KIOSK_CROSS=arm64 ./run.sh test installs the :arm64 -dev packages)"
command -v python3 >/dev/null || skip "python3 is not installed (./run.sh test installs it)"
command -v file >/dev/null || skip "the file utility is not installed (./run.sh test installs it)"
[ -f "$work/unibreak/usr/lib/pkgconfig/libunibreak.pc" ] \
  || skip "no arm64 libunibreak in $work/unibreak (run: bash tests/cross/arm64.sh fetch $work)"

mkdir -p "$work" && work=$(cd "$work" && pwd)
t0=$(date +%s); lap=$t0
phase() { local now; now=$(date +%s); echo "== $1 ($((now - lap)) s; total $((now - t0)) s)"; lap=$now; }
build=$work/build
# -j: this runs inside ctest -j beside the other tests; KIOSK_CROSS_JOBS overrides.
jobs=${KIOSK_CROSS_JOBS:-1}

# Release: the configuration the package ships (and the optimiser's warnings, which -O0 lacks).
PKG_CONFIG_PATH=$work/unibreak/usr/lib/pkgconfig cmake -S "$src" -B "$build" \
  -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain-aarch64.cmake" -DCMAKE_BUILD_TYPE=Release \
  -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=OFF >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; exit 1; }
phase "configured for aarch64"

# The quick tests that ctest runs through the emulator (a program of the build as their
# command): labels unit and ops, and the replays; not what is labelled slow. The build makes
# their programs only (and what they depend on), not the benchmark's or the soak's.
(cd "$build" && ctest --show-only=json-v1) >"$work/tests.json"
mapfile -t sel < <(python3 - "$work/tests.json" "$build" <<'PY'
import json, os, sys
tests, build = json.load(open(sys.argv[1]))["tests"], sys.argv[2]
def labels(t):
    return next((p["value"] for p in t.get("properties", []) if p["name"] == "LABELS"), [])
# Checks that qemu-user itself cannot pass: glibc's posix_spawn reports a failed exec through
# memory it shares with the child (CLONE_VM), and qemu-user runs that clone as a fork, so a
# missing program starts "successfully" and exits 127 (a real arm64 CPU reports ENOENT).
not_under_qemu = {"test_cec"}  # "cannot start /nonexistent/cec-client: No such file..."
names, targets = [], set()
for t in tests:
    cmd, ls = t["command"], labels(t)
    if "qemu-aarch64" not in os.path.basename(cmd[0]) or "slow" in ls:
        continue
    if t["name"] in not_under_qemu:
        print(f"not under qemu: {t['name']}", file=sys.stderr)
        continue
    if "unit" in ls or "ops" in ls or t["name"].startswith("replay_"):
        names.append(t["name"])
        targets.add(os.path.basename(next(a for a in cmd[1:] if a.startswith(build))))
print("|".join(names))
print(" ".join(sorted(targets)))
PY
)
[ -n "${sel[0]:-}" ] || { echo "no test runs through the emulator: is qemu in the toolchain file?"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" --target ${sel[1]} >"$work/build.log" 2>&1 \
  || { grep -E -A5 'error|warning' "$work/build.log" | head -n 60; exit 1; }
warnings=$(grep -c 'warning:' "$work/build.log" || true)
phase "built with -Werror ($warnings warnings): ${sel[1]}"
# The binary is an arm64 one (not the build machine's by mistake).
file -b "$build/kiosk" 2>/dev/null | grep -q 'ARM aarch64' \
  || { echo "build/kiosk is not an arm64 binary: $(file -b "$build/kiosk" 2>&1)"; exit 1; }

set +e
(cd "$build" && ctest -R "^(${sel[0]})\$" --output-on-failure -j "$jobs" 2>&1) | tee "$work/ctest.out"
rc=${PIPESTATUS[0]}
set -e
phase "tests under $(basename "$(command -v qemu-aarch64-static || command -v qemu-aarch64)")"
echo "arm64: $(grep -E 'tests passed|tests failed out of' "$work/ctest.out" | tail -n 1)"
exit "$rc"
