#!/usr/bin/env bash
# run.sh: the two quick-start commands of the README.
#   ./run.sh [BUNDLE] [kiosk options]   install what is missing, build, start the kiosk
#   ./run.sh test                       install what is missing, build with sanitizers, run every test
#   KIOSK_CROSS=arm64 ./run.sh test     the same, and the arm64 cross build under qemu (.ci/run)
# It installs Debian packages with apt-get (through sudo when not root), then drives CMake.
set -euo pipefail
cd "$(dirname "$0")"

# What building and running need; the tests need more (TEST_PACKAGES), installed only for them.
PACKAGES=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libyaml-dev libcmark-dev libjpeg-dev libturbojpeg0-dev libpng-dev libfontconfig-dev libqrencode-dev fonts-inter
  fonts-dejavu-core libsqlite3-dev libcrypt-dev libsystemd-dev
  libunibreak-dev libhyphen-dev hyphen-nl hyphen-de hyphen-en-us hyphen-fr hyphen-es hyphen-uk
  libfribidi-dev libjansson-dev liblz4-dev libxext-dev libdrm-dev libmpv-dev
  fonts-noto-color-emoji fonts-symbola)
# rsync (hot swap test), valgrind (replays under memcheck), clang (libFuzzer), python3 and
# time (the render_rss and hostile_files tests: /usr/bin/time reads peak memory), systemd (the unit check uses systemd-analyze where
# systemd is installed, else it is skipped), xvfb, xdotool and x11-apps (xwd): the signals and
# hostile_files tests tap a kiosk on an X display and read its screen back; debootstrap: the
# package test installs the .deb into a fresh Debian 12 (as root only, else skipped);
# x11-xserver-utils (xset: the display power test reads the X server's DPMS state), udev
# (udevadm test checks the USB rule), e2fsprogs (mkfs.ext4: a USB stick on a loop device);
# ffmpeg: the video tests make their clips at test time (tests/video/make_clips.sh).
TEST_PACKAGES=(rsync valgrind clang libclang-rt-14-dev python3 time xvfb xdotool x11-apps debootstrap file
  x11-xserver-utils udev e2fsprogs ffmpeg strace)

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
apt_extra=() # more apt-get options (the cross packages, below)
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "run.sh: installing ${missing[*]} (apt-get; this can take a few minutes)"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${apt_extra[@]}" "${missing[@]}" >/dev/null
}

jobs=$(nproc 2>/dev/null || echo 2)
install_missing "${PACKAGES[@]}"
if [ "${1:-}" = "test" ]; then
  shift
  install_missing "${TEST_PACKAGES[@]}"
  # The Raspberry Pi build (ctest cross_arm64, tests/cross/arm64.sh): only when asked, because
  # it adds a foreign architecture to dpkg. The :arm64 twins of the libraries above, a cross
  # compiler and qemu; libunibreak-dev is not multiarch (its :arm64 package would replace this
  # machine's), so the script fetches that one into the build tree instead.
  if [ "${KIOSK_CROSS:-}" = arm64 ]; then
    cross=(crossbuild-essential-arm64 qemu-user-static)
    for p in "${PACKAGES[@]}"; do
      # libmpv-dev: only its headers are used, the same for every architecture (and its
      # :arm64 package cannot be installed beside the amd64 one: libjack is not multiarch)
      [[ $p == lib*-dev && $p != libunibreak-dev && $p != libmpv-dev ]] && cross+=("$p:arm64")
    done
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
      echo "run.sh: adding the arm64 architecture to dpkg (KIOSK_CROSS=arm64)"
      "${sudo[@]}" dpkg --add-architecture arm64
    fi
    # About 260 packages (400 MB): without an fsync per file dpkg takes a fraction of the time.
    # For a build machine (CI) only: a power cut during this install could leave them damaged.
    apt_extra=(-o Dpkg::Options::=--force-unsafe-io)
    install_missing "${cross[@]}"
    apt_extra=()
    bash tests/cross/arm64.sh fetch build-test/cross-arm64
  fi
  # The whole suite runs under AddressSanitizer and UndefinedBehaviorSanitizer.
  cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON >/dev/null
  cmake --build build-test -j "$jobs"
  cd build-test
  set +e
  ctest --output-on-failure -j "$jobs" "$@" 2>&1 | tee ctest.out
  rc=${PIPESTATUS[0]}
  # The reliability figures (monkey, soak, fuzzers) for the log, then ctest's summary again.
  echo "== reliability figures"
  grep -h -E '^(monkey|soak|fuzz_[a-z]+):' Testing/Temporary/LastTest.log || true
  grep -E 'tests passed|tests failed out of' ctest.out | tail -n 1
  exit "$rc"
else
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j "$jobs"
  exec ./build/kiosk "$@"
fi
