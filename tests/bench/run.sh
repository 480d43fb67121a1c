#!/usr/bin/env bash
# tests/bench/run.sh: the kiosk's benchmark. Prints a table of figures; never fails on them.
#   bash tests/bench/run.sh
# Builds a Release binary in build-bench/, installs Xvfb if missing (for the window figures),
# and measures: bundle load+check, start -> first frame (headless and in a window), idle CPU
# and memory (PSS) of a running kiosk.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-7}
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
if [ ${#need[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
k=./build-bench/kiosk

median() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "median %7.1f | min %7.1f | max %7.1f", m, a[1], a[NR]}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: bash tests/bench/run.sh   (RUNS=$runs)"
echo
./build-bench/bench_load content/techniekpact

first_frame() { # args: env... -- command...
  for _ in $(seq "$runs"); do
    KIOSK_BENCH_T0=$(date +%s%N) KIOSK_BENCH_EXIT=1 "$@" 2>&1 >/dev/null | awk '/first-frame-ms/{print $2}'
  done
}
printf "| start -> first frame, headless 1920x1080  | %s ms |\n" \
  "$(first_frame $k --render home --size 1920x1080 -o /tmp/kiosk-bench.png | median)"

Xvfb :77 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
printf "| start -> first frame, window (Xvfb) 1080p | %s ms |\n" \
  "$(DISPLAY=:77 first_frame $k | median)"

# A running kiosk at rest: CPU seconds over 10 s and proportional memory (PSS).
DISPLAY=:77 $k >/dev/null 2>&1 &
pid=$!
sleep 2
ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
t0=$(ticks); sleep 10; t1=$(ticks)
hz=$(getconf CLK_TCK)
pss=$(awk '/^Pss:/{print $2}' /proc/$pid/smaps_rollup)
printf "| idle on the home screen, CPU in 10 s      | %.2f CPU-s |\n" "$(echo "($t1 - $t0) / $hz" | bc -l)"
printf "| memory after start (PSS)                  | %.1f MiB |\n" "$(echo "$pss / 1024" | bc -l)"
kill $pid
