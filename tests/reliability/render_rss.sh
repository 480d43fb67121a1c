#!/usr/bin/env bash
# render_rss.sh SOURCE_DIR WORK_DIR: --render-all of any bundle that passes --check stays under
# 512 MB peak RSS at any --size up to 3840x2160.
#
# Peak RSS is measured (GNU time's %M) on a Release build without sanitizers, made here in
# WORK_DIR (ASan's shadow memory and quarantine would measure ASan). The worst passing bundle
# (tests/reliability/gen_worst.py: 10,000 items, a 7900x7900 PNG, the largest allowed SVG, a
# map of 20,000 points) is generated into WORK_DIR at test time. Rendering all 10,000 screens
# at 4K would take half an hour, so: every screen of it at 320x180 (all pages of contact sheets
# included), its heaviest screens one by one at 3840x2160, and every screen of the default
# bundle at 3840x2160 and at 64x16384 (which once reached 24 GB through the contact sheet).
set -euo pipefail
if [ ! -x /usr/bin/time ] || ! command -v python3 >/dev/null; then
  echo "SKIP: needs GNU time and python3 (apt-get install time python3)"; exit 77
fi
src=$(cd "$1" && pwd)
work=$2
limit_kb=$((512 * 1024))
mkdir -p "$work"
build=$work/release
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKIOSK_SANITIZE=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target kiosk -j "$(nproc)" >/dev/null
kiosk=$build/kiosk
worst=$work/worst
rm -rf "$worst"
python3 "$src/tests/reliability/gen_worst.py" "$worst"

pass=0 fail=0
measure() { # name, then the kiosk's arguments
  local name=$1; shift
  local out=$work/out-$name
  rm -rf "$out" "$out.png"
  local start=$SECONDS
  if ! /usr/bin/time -f '%M' -o "$work/rss.txt" "$kiosk" "$@" >"$work/$name.log" 2>&1; then
    echo "FAIL $name: the kiosk failed"; tail -5 "$work/$name.log" | sed 's/^/     | /'
    fail=$((fail + 1)); return
  fi
  local kb; kb=$(tail -1 "$work/rss.txt")
  local line; line=$(printf '%-34s peak RSS %4d MB, %3d s' "$name" $((kb / 1024)) $((SECONDS - start)))
  if [ "$kb" -lt "$limit_kb" ]; then echo "ok   $line"; pass=$((pass + 1))
  else echo "FAIL $line (limit 512 MB)"; fail=$((fail + 1)); fi
}

"$kiosk" --check "$worst" | tail -1
measure check-worst --check "$worst"
measure worst-all-320x180 "$worst" --render-all "$work/out-worst-all" --size 320x180
pages=$(ls "$work/out-worst-all"/contact-sheet-nl*.png | wc -l)
echo "     (contact sheets: $pages pages in nl)"
for screen in png svg map things home; do
  measure "worst-$screen-3840x2160" "$worst" --render "$screen" -o "$work/out-$screen.png" --size 3840x2160
done
measure default-all-3840x2160 "$src/content/techniekpact" --render-all "$work/out-default-4k" --size 3840x2160
measure default-all-64x16384 "$src/content/techniekpact" --render-all "$work/out-default-tall" --size 64x16384
echo "render_rss: $pass passed, $fail failed"
[ $fail -eq 0 ]
