#!/usr/bin/env bash
# opendag_broken.sh KIOSK: broken variants of the open-day example (content/opendag, issue 17):
# a copy of the bundle with one thing an organiser could get wrong, each refused by --check
# with its exact file:line:col message and exit code 1, and the whole bundle refused (nothing
# of it shown); the settings' dates by bundle checked the same way. The unbroken copy passes.
set -euo pipefail
kiosk=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d /tmp/kiosk-opendag-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy
b=$tmp/opendag

# variant WHAT EDIT MESSAGE [ARGS...]: a fresh copy, EDIT run in it (a shell command), --check
# must exit 1 and print MESSAGE as a whole line (paths as they are in the copy).
variant() {
  local what=$1 edit=$2 msg=$3 rc=0
  shift 3
  rm -rf "$b"
  cp -r "$root/content/opendag" "$b"
  (cd "$b" && eval "$edit")
  "$kiosk" --check "$b" "$@" > "$tmp/out" 2>&1 || rc=$?
  if [ "$rc" -eq 1 ] && grep -q -x -F -- "$msg" "$tmp/out"; then
    ok "$what"
  else
    bad "$what: exit $rc, wanted 1 and the line: $msg"
    sed 's/^/     | /' "$tmp/out"
  fi
}

rm -rf "$b"; cp -r "$root/content/opendag" "$b"
if "$kiosk" --check "$b" > "$tmp/out" 2>&1 && grep -q -x "OK: 33 items, 0 warnings" "$tmp/out"; then
  ok "the unbroken copy passes with 0 warnings"
else
  bad "the unbroken copy does not pass cleanly"; sed 's/^/     | /' "$tmp/out"
fi

variant "a time that does not parse" \
  'sed -i "26s/from: \"09:30\"/from: \"9.30h\"/" programme.yaml' \
  "$b/programme.yaml:26:40: error: expected a time of day like \"10:30\" (hours 0-24, minutes 00-59), but found '9.30h'"
variant "a session that ends before it starts" \
  'sed -i "26s/to: \"09:50\"/to: \"09:20\"/" programme.yaml' \
  "$b/programme.yaml:26:53: error: this session ends at or before it starts (09:30); one that runs past midnight must be split into two, one on each day"
variant "a pin outside the floor plan" \
  'sed -i "24s/pin: \"650,770\"/pin: \"1650,770\"/" plan.yaml' \
  "$b/plan.yaml:24:14: error: the pin 1650,770 lies outside the plan (its picture is 1200 x 900)"
variant "a gallery picture missing" \
  'rm images/gallery/mecha-car.svg' \
  "$b/areas.yaml:53:22: error: the picture 'images/gallery/mecha-car.svg' does not exist in the bundle folder (check the spelling)"
variant "a table row with a cell too many" \
  'sed -i "39s/\"10:00–14:30\"\]/\"10:00–14:30\", \"gratis\"]/" info.yaml' \
  "$b/info.yaml:39:15: error: this row has 3 cells, but the table has 2 columns (as its 'columns' on line 36); give every row one cell per column, \"\" for an empty one"
printf 'stats: off\nbundles_by_date:\n  - {bundle: %s, from: 2027-03-08, to: 2027-03-13}\n  - {bundle: %s, from: 2027-03-13, to: 2027-03-14}\n' \
  "$b" "$b" > "$tmp/settings.yaml"
variant "overlapping dates of bundles in the settings" "true" \
  "$tmp/settings.yaml:4:5: error: these dates overlap those on line 3 (2027-03-08 to 2027-03-13); a day can show one bundle only" \
  --config "$tmp/settings.yaml"
finish
