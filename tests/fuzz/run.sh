#!/usr/bin/env bash
# tests/fuzz/run.sh: build the libFuzzer targets and run each for SECONDS (default 60).
#   bash tests/fuzz/run.sh [SECONDS] [BUILD_DIR]
# Needs clang and its sanitizer runtimes (./run.sh test installs them; this script installs
# nothing and exits 77, "skipped", without them). Builds the libraries with clang into
# BUILD_DIR (default build-fuzz/; ctest passes a folder in its build tree), links fuzz_bundle,
# fuzz_script, fuzz_config, fuzz_image and fuzz_shape, and runs each on a copy of its seed
# corpus in BUILD_DIR/work/
# (the repository is never written). Prints one line per target and "N passed, N failed";
# exits non-zero when any target found a crash, leak, timeout or out-of-memory (the
# reproducer's path is printed: run the target on that file to see the report again).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET=${1:-60}
case "$SECONDS_PER_TARGET" in
'' | *[!0-9]*) echo "usage: $0 [SECONDS] [BUILD_DIR]" >&2; exit 2 ;;
esac
TARGETS=(bundle script config image shape)
BUILD=${2:-build-fuzz}
FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

probe='int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return (int)(d && n); }'
if ! command -v clang >/dev/null || ! printf '%s\n' "$probe" | clang -fsanitize=fuzzer -x c - -o /dev/null 2>/dev/null; then
  echo "SKIP: clang with libFuzzer is not installed (apt-get install clang libclang-rt-14-dev)"
  exit 77
fi
jobs=$(nproc 2>/dev/null || echo 2)

# -O1: a Debug build at -O0 runs several times fewer inputs per second; the sanitizers and
# the debug information work the same.
CC=clang cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DKIOSK_WERROR=OFF -DBUILD_TESTING=OFF \
  -DCMAKE_C_FLAGS="-O1 -fsanitize=fuzzer-no-link $FLAGS" >/dev/null
cmake --build "$BUILD" --target kiosk_ui kiosk_ops -j "$jobs" >/dev/null
# The libraries from the top of the layering down, so each finds what it uses after it.
libs=()
for l in ui layout input ops bundle lang core; do
  f=$(find "$BUILD" -name "libkiosk_$l.a" -print -quit)
  [ -n "$f" ] || { echo "run.sh: libkiosk_$l.a not found under $BUILD" >&2; exit 1; }
  libs+=("$f")
done
sys=$(pkg-config --libs yaml-0.1 libcmark libjpeg libpng sqlite3)
for t in "${TARGETS[@]}"; do
  extra=()
  [ "$t" = script ] && extra=(kiosk/app/script.c) # the replay script reader (pure C)
  # shellcheck disable=SC2086 # FLAGS and sys are lists of words
  clang -std=c11 -g -O1 -fsanitize=fuzzer $FLAGS -Ikiosk -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    "tests/fuzz/fuzz_$t.c" "${extra[@]}" "${libs[@]}" $sys -lcrypt -lm -lpthread -o "$BUILD/fuzz_$t"
done

# A UBSan report stops the run (as does every ASan report), with a stack to read.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
# The targets write their input to a file on every run: in memory that costs microseconds, on
# ext4 milliseconds. A target that crashes cannot remove its folder, so this script does.
tmp=$(mktemp -d -p /dev/shm kiosk-fuzz.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TMPDIR=$tmp

passed=0
failed=0
for t in "${TARGETS[@]}"; do
  name=fuzz_$t
  work=$BUILD/work/$name
  rm -rf "$work"
  mkdir -p "$work/corpus"
  cp tests/fuzz/corpus/"$t"/* "$work/corpus/"
  before=$(find "$work/corpus" -type f | wc -l)
  start=$(date +%s)
  rc=0
  "$BUILD/$name" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" \
    >"$work/log" 2>&1 || rc=$?
  took=$(($(date +%s) - start))
  after=$(find "$work/corpus" -type f | wc -l)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
  if [ -z "$runs" ]; then
    # No final statistics (the run stopped at a crash): take the last status line.
    runs=$(grep -oE '^#[0-9]+' "$work/log" | tail -n 1 | tr -d '#')
  fi
  mapfile -t found < <(find "$work" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
  echo "$name: ${runs:-0} runs in $took s, ${#found[@]} crashes, corpus $before -> $after"
  if [ "$rc" -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    failed=$((failed + 1))
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$work/log" | head -n 5 | sed 's/^/  /'
    for f in "${found[@]}"; do echo "  reproducer: $f (run: $BUILD/$name $f)"; done
    echo "  exit status $rc; full log: $work/log"
  else
    passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
