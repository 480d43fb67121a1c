#!/usr/bin/env bash
# hostile_cli.sh KIOSK: files the kiosk writes or is pointed at that fail, each with its exact
# message and exit code, and never one message per screen or per line of someone's secrets:
#   -o /dev/full (and a folder, a missing folder) with --render, and with --replay's shot;
#   --render-all onto an existing file, into a folder it may not write, onto a full device;
#   --stats --csv into a folder where a CSV file is /dev/full, the report to a full stdout;
#   --config linked to a shadow-like or passwd-like file, or to a binary; --set-pin onto one;
#   a replay of 100,000 `wait 10000000` (31 years): refused within 1 s;
#   numbers with junk after them, a replay script that is a folder, 257 statistics files.
set -euo pipefail
kiosk=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
mini=$root/tests/good/mini
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d /tmp/kiosk-cli-XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy
printf 'stats: off\n' > "$tmp/quiet.yaml" # no statistics file, no message about it

# expect RC MESSAGE WHAT -- COMMAND...: exit code RC, MESSAGE a whole line of stderr, and no
# other "error"/"cannot" line.
expect() {
  local want_rc=$1 msg=$2 what=$3 rc=0
  shift 4
  "$@" > "$tmp/out" 2> "$tmp/err" || rc=$?
  local others
  others=$(grep -v -x -F -- "$msg" "$tmp/err" | grep -c -i "error\|cannot" || true)
  if [ "$rc" -eq "$want_rc" ] && grep -q -x -F -- "$msg" "$tmp/err" && [ "$others" -eq 0 ]; then
    ok "$what"
  else
    bad "$what: exit $rc (want $want_rc), stderr:"; sed 's/^/     | /' "$tmp/err"
  fi
}

# 1. PNG writes: every failure seen, the file named.
expect 1 "kiosk: cannot save /dev/full: No space left on device" "--render -o /dev/full" -- \
  "$kiosk" --render home -o /dev/full --size 640x360 "$mini"
expect 1 "kiosk: cannot save $tmp: Is a directory" "--render -o FOLDER" -- \
  "$kiosk" --render home -o "$tmp" --size 640x360 "$mini"
expect 1 "kiosk: cannot save $tmp/no/x.png: No such file or directory" "--render -o into a missing folder" -- \
  "$kiosk" --render home -o "$tmp/no/x.png" --size 640x360 "$mini"
mkdir "$tmp/shots" && ln -s /dev/full "$tmp/shots/home.png"
printf 'shot home\n' > "$tmp/shot.txt"
expect 1 "kiosk: cannot save $tmp/shots/home.png: No space left on device" "--replay's shot onto a full device" -- \
  "$kiosk" --replay "$tmp/shot.txt" -o "$tmp/shots" --size 640x360 "$mini"
expect 1 "kiosk: cannot save /dev/full: No space left on device" "--window-shot /dev/full" -- \
  "$kiosk" --windowed 640x360 --config "$tmp/quiet.yaml" --window-shot /dev/full "$mini"

# 4. --render-all: one message before anything is drawn; stop at the first file not written.
touch "$tmp/file"
expect 1 "kiosk: cannot write into $tmp/file: it is not a folder (a file has that name)" \
  "--render-all onto a file: one message" -- "$kiosk" --render-all "$tmp/file" --size 640x360 "$mini"
[ -s "$tmp/out" ] && bad "--render-all onto a file drew something: $(head -1 "$tmp/out")"
mkdir "$tmp/full" && ln -s /dev/full "$tmp/full/nl-about.png"
"$kiosk" --render-all "$tmp/full" --size 640x360 "$mini" > "$tmp/out" 2> "$tmp/err" && rc=0 || rc=$?
if [ "$rc" -eq 1 ] && [ "$(grep -c cannot "$tmp/err")" -eq 1 ] &&
   grep -q -x -F "kiosk: cannot save $tmp/full/nl-about.png: No space left on device" "$tmp/err" &&
   grep -q -x -F "kiosk: stopped after 2 screens: a file could not be written (see above)" "$tmp/err"; then
  ok "--render-all with a full device: one error, then it stops"
else bad "--render-all with a full device: exit $rc"; sed 's/^/     | /' "$tmp/err"; fi
if [ "$(id -u)" -eq 0 ]; then as=(setpriv --reuid=nobody --regid=nogroup --clear-groups); else as=(); fi
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ ${#as[@]} -gt 0 ] || [ "$(id -u)" -ne 0 ]; then
  expect 1 "kiosk: cannot write into the folder $tmp/ro: Permission denied" \
    "--render-all into a folder it may not write: one message" -- \
    "${as[@]}" "$kiosk" --render-all "$tmp/ro" --size 640x360 "$mini"
fi

# 1. CSV files and the report: write errors seen.
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read())' \
  "$tmp/stats.db" "$root/tests/ops/stats-known.sql"
mkdir "$tmp/csv" && ln -s /dev/full "$tmp/csv/top_items.csv"
expect 1 "stats: cannot write $tmp/csv/top_items.csv: No space left on device" "--csv onto a full device" -- \
  "$kiosk" --stats "$tmp/stats.db" --csv "$tmp/csv"
rc=0; "$kiosk" --stats "$tmp/stats.db" > /dev/full 2> "$tmp/err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q -x -F "stats: cannot write the report: No space left on device" "$tmp/err"; then
  ok "--stats to a full stdout"; else bad "--stats to a full stdout: exit $rc"; cat "$tmp/err"; fi

# 2. A config that is not a settings file: one message, none of its content.
for f in shadow-like passwd-like many-unknown; do
  ln -s "$root/tests/ops/config/$f.yaml" "$tmp/$f.yaml"
  "$kiosk" --config "$tmp/$f.yaml" --windowed 640x360 --window-shot "$tmp/s.png" "$mini" > /dev/null 2> "$tmp/err" || true
  n=$(grep -c "^$tmp/$f.yaml" "$tmp/err" || true)
  if [ "$n" -eq 1 ] && grep -q "^$tmp/$f.yaml:[0-9]*:[0-9]*: error: not a settings file (" "$tmp/err" &&
     ! grep -q -i "secret\|root\|daemon\|unknown key" "$tmp/err" &&
     grep -q -x -F "kiosk: not using the settings file $tmp/$f.yaml (see above); every setting has its default" "$tmp/err"; then
    ok "--config linked to $f.yaml: $(grep "^$tmp/$f.yaml" "$tmp/err" | sed "s|$tmp/||")"
  else bad "--config linked to $f.yaml:"; sed 's/^/     | /' "$tmp/err"; fi
done
cp "$root/tests/ops/config/shadow-like.yaml" "$tmp/shadow" && ln -s "$tmp/shadow" "$tmp/pin.yaml"
expect 1 "kiosk: $tmp/shadow:1:1: not a settings file (none of its 3 keys is a kiosk setting); it was not changed" \
  "--set-pin --config linked to a shadow-like file: refused" -- \
  sh -c 'echo 123456 | "$1" --set-pin --config "$2"' sh "$kiosk" "$tmp/pin.yaml"
if cmp -s "$tmp/shadow" "$root/tests/ops/config/shadow-like.yaml"; then ok "... and the file is unchanged"
else bad "--set-pin changed the shadow-like file"; fi
head -c 65536 "$kiosk" > "$tmp/program" && ln -s "$tmp/program" "$tmp/binary.yaml" # an ELF file
"$kiosk" --config "$tmp/binary.yaml" --windowed 640x360 --window-shot "$tmp/s.png" "$mini" > /dev/null 2> "$tmp/err" || true
if [ "$(grep -c "^$tmp/binary.yaml" "$tmp/err")" -eq 1 ] &&
   grep -q -x -F "$tmp/binary.yaml:1:1: error: the file contains binary data or control characters; is it really a YAML text file? (YAML says: control characters are not allowed)" "$tmp/err"; then
  ok "--config linked to a binary: one message"; else bad "--config linked to a binary:"; sed 's/^/     | /' "$tmp/err"; fi

# 3. 100,000 lines of `wait 10000000`: refused when read, at the line past 24 hours, in < 1 s.
python3 -c 'import sys; open(sys.argv[1], "w").write("wait 10000000\n" * 100000)' "$tmp/years.txt"
# The time is the process's CPU time (user + system, from /usr/bin/time when installed): the
# wall time on a shared machine measures the neighbours.
timer=(); [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$tmp/time" -f "%e %U %S")
expect 1 "$tmp/years.txt:9:1: the script runs past 24 hours of simulated time here; a replay may simulate at most 24 hours (86400000 ms)" \
  "a replay of 31 years is refused at line 9" -- "${timer[@]}" "$kiosk" --replay "$tmp/years.txt" -o "$tmp" "$mini"
if [ ${#timer[@]} -gt 0 ]; then
  read -r wall user sys < <(tail -n 1 "$tmp/time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }')
  if [ "$cpu" -lt 1000 ]; then ok "refused in $cpu ms CPU ($wall s wall, process included)"
  else bad "refused only after $cpu ms CPU"; fi
fi
# 11. The command line: every number strict, a folder is not a script, at most 256 databases.
expect 2 "kiosk: --size needs a size like 1920x1080" "--size 1920x1080junk" -- \
  "$kiosk" --size 1920x1080junk --check "$mini"
expect 2 "kiosk: --rotate needs 0, 90, 180 or 270" "--rotate 90abc" -- "$kiosk" --rotate 90abc --check "$mini"
expect 2 "kiosk: --cache-mb needs a number from 8 to 4096" "--cache-mb 96junk" -- \
  "$kiosk" --cache-mb 96junk --check "$mini"
expect 1 "kiosk: cannot read the replay script $tmp: it is a folder, not a text file" \
  "--replay FOLDER" -- "$kiosk" --replay "$tmp" "$mini"
dbs=(); for i in $(seq 257); do dbs+=("$tmp/stats.db"); done
expect 2 "kiosk: --stats takes at most 256 databases at once (257 given)" "--stats with 257 files" -- \
  "$kiosk" --stats "${dbs[@]}"
finish
