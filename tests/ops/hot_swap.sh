#!/usr/bin/env bash
# hot_swap.sh KIOSK: a running kiosk (SDL's dummy video driver, no display) picks up new
# bundles without a restart, and never shows a broken or half-copied one.
#   1. a deploy flips the `current` symlink to a new version: switched;
#   2. an edit breaks the bundle in place: refused, the old one stays, the error is logged;
#   3. the fix: switched again;
#   4. a slow copy, file by file with pauses longer than the debounce: never switched while
#      incomplete (the missing include is reported), switched once complete;
#   5. rsync of a new version into the watched folder (as a sync tool would): switched;
#   6. rsync of a broken version: refused.
set -euo pipefail
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/../good/mini" && pwd)
tmp=$(mktemp -d /tmp/kiosk-swap-XXXXXX)
log=$tmp/log
. "$(dirname "$0")/lib.sh"
pid=''
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

mkdir -p "$tmp/v1" && cp -r "$src/." "$tmp/v1/" && ln -s v1 "$tmp/current"
SDL_VIDEODRIVER=dummy "$kiosk" --windowed 640x360 "$tmp/current" 2> "$log" &
pid=$!
expect_log "showing bundle mini version 0.1" 1 "starts on version 0.1"

m=$(mark); cp -r "$tmp/v1" "$tmp/v2"; version "$tmp/v2" 0.2
ln -sfn v2 "$tmp/current.new" && mv -T "$tmp/current.new" "$tmp/current"
expect_log "switched to bundle mini version 0.2" "$m" "symlink flip to 0.2 is shown"

m=$(mark); sed -i 's/title: Workshops/titel: Workshops/' "$tmp/v2/bundle.yaml"
expect_log "bundle.yaml:[0-9]*:[0-9]*: error: unknown key 'titel'" "$m" "a broken edit is reported with its place"
never_log "switched" "$m" "the broken bundle is not shown"

m=$(mark); sed -i 's/titel: Workshops/title: Workshops/' "$tmp/v2/bundle.yaml"; version "$tmp/v2" 0.3
expect_log "switched to bundle mini version 0.3" "$m" "the fixed bundle is shown"

# A slow copy into a fresh folder that the symlink already points at.
m=$(mark); mkdir "$tmp/v4"; ln -sfn v4 "$tmp/current.new" && mv -T "$tmp/current.new" "$tmp/current"
cp "$src/bundle.yaml" "$tmp/v4/"; version "$tmp/v4" 0.4; sleep 2.5
mkdir "$tmp/v4/images"; cp "$src/images/dot.svg" "$tmp/v4/images/"; sleep 2.5
expect_log "parts/people.yaml' does not exist" "$m" "a half-copied bundle is reported as incomplete"
mkdir "$tmp/v4/parts"; cp "$src/parts/people.yaml" "$tmp/v4/parts/"
expect_log "switched to bundle mini version 0.4" "$m" "the completed copy is shown"

# rsync into the watched folder, as a sync tool would (files appear under temporary names and
# are renamed at the end with --delay-updates).
m=$(mark); mkdir -p "$tmp/staging" && cp -r "$src/." "$tmp/staging/"; version "$tmp/staging" 0.5
rsync -a --delay-updates "$tmp/staging/" "$tmp/current/"
expect_log "switched to bundle mini version 0.5" "$m" "rsync of a new version is shown"
m=$(mark); printf 'format: 1\nmeta: [\n' > "$tmp/staging/bundle.yaml"
rsync -a --delay-updates "$tmp/staging/" "$tmp/current/"
expect_log "kept the bundle on screen" "$m" "rsync of a broken version is refused"
never_log "switched" "$m" "the broken rsync is not shown"

kill -TERM "$pid"; expect_exit "$pid" 0 "stops cleanly on SIGTERM"

# 7. Started on a broken bundle: a notice instead of a black screen or a restart loop, and
#    the bundle appears as soon as it is fixed.
mkdir -p "$tmp/broken" && cp -r "$src/." "$tmp/broken/"
sed -i 's/title: Workshops/titel: Workshops/' "$tmp/broken/bundle.yaml"
: > "$log"
SDL_VIDEODRIVER=dummy "$kiosk" --windowed 640x360 "$tmp/broken" 2> "$log" &
pid=$!
expect_log "showing a notice and waiting for a valid bundle" 1 "a broken bundle at start shows the notice"
m=$(mark); sed -i 's/titel: Workshops/title: Workshops/' "$tmp/broken/bundle.yaml"
expect_log "switched to bundle mini version 0.1" "$m" "the fixed bundle replaces the notice"
kill -TERM "$pid"; expect_exit "$pid" 0 "stops cleanly on SIGTERM"
# 8. A flip while the kiosk is still starting (before its watcher runs) is not missed: it ends
#    on the new version, shown at start or switched to soon after.
rm -rf "$tmp/v1" "$tmp/v2" "$tmp/current"
mkdir -p "$tmp/v1" && cp -r "$src/." "$tmp/v1/" && ln -s v1 "$tmp/current"
cp -r "$tmp/v1" "$tmp/v2"; version "$tmp/v2" 0.2
: > "$log"
SDL_VIDEODRIVER=dummy "$kiosk" --windowed 640x360 "$tmp/current" 2> "$log" &
pid=$!
ln -sfn v2 "$tmp/current.new" && mv -T "$tmp/current.new" "$tmp/current"
expect_log "\(showing\|switched to\) bundle mini version 0.2" 1 "a flip during start-up is shown"
kill -TERM "$pid"; wait "$pid" || true

finish
