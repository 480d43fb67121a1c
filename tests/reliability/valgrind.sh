#!/usr/bin/env bash
# valgrind.sh SOURCE_DIR BUILD_DIR: the replay tests under valgrind (memcheck), on a build
# without sanitizers in BUILD_DIR (valgrind and ASan cannot share a process). Fails on any
# memory error or leak that valgrind calls definite. Exits 77 (skipped) without valgrind.
set -euo pipefail
src=$(cd "$1" && pwd)
if ! command -v valgrind >/dev/null; then
  echo "SKIP: valgrind is not installed (apt-get install valgrind)"; exit 77
fi
build=${2:?usage: valgrind.sh SOURCE_DIR BUILD_DIR}
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target kiosk -j "$(nproc)" >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0 fail=0
for script in visit idle; do
  if (cd "$src" && valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --suppressions="$src/tests/reliability/valgrind.supp" \
        "$build/kiosk" --replay "tests/replay/$script.txt" --size 1280x720 -o "$out" >"$out/$script.log" 2>&1); then
    echo "ok   $script.txt under valgrind: $(tail -1 "$out/$script.log")"; pass=$((pass + 1))
  else
    echo "FAIL $script.txt under valgrind"; sed 's/^/     | /' "$out/$script.log" | tail -40; fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
