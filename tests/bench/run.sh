#!/usr/bin/env bash
# tests/bench/run.sh: the kiosk's benchmark. Prints a table of figures; never fails on them.
#
#   bash tests/bench/run.sh            (RUNS=5 by default: each figure is the median of RUNS runs)
#   PARTS="A B" bash tests/bench/run.sh   only some parts (load A B C D E F V T)
#   ONE_CORE=1 bash tests/bench/run.sh    every measured program pinned to one core (taskset
#                                         -c 0), the basis of the Raspberry Pi estimate in
#                                         docs/performance.md; run it beside a plain run
#
# Builds a Release kiosk and the helper programs of tests/bench/bench.cmake in build-bench/,
# installs what it needs with apt-get (through sudo when not root; a part whose packages cannot
# be installed is skipped with a message), and measures:
#   load  bundle load + check (bench_load)
#   A     start -> first frame: headless (in-process hook), and in a window under Xvfb judged
#         from outside by polling the X screen's pixels (xwait), next to a minimal SDL program
#   B     drawing time per frame over a scripted session, 1920x1080 and 3840x2160 (bench_session);
#         a figures screen: its settled frame, its count-up (bench_session figures)
#   C     memory (PSS): the window after start; kiosk --replay of 10,000 taps, start and end
#   D     CPU seconds in 30 s idle on the home screen; CPU, frames per second and worst frame of
#         30 s of attract loop (Xvfb, frame counts from the kiosk's SIGUSR1 status line)
#   E     a generated bundle of 2,000 items with 500 photos of 3000x2000: first frame, fling-
#         scrolling the whole grid (frame times), peak RSS against the cache budget; one detail
#         page with a 4000x3000 JPEG against a small PNG (wall time and peak RSS)
#   F     Chromium showing the same home screen (tests/bench/home.html): A, C and D
#   V     a 1080p30 H.264 clip on its item's page in a 1920x1080 window: CPU, dropped frames,
#         frames per second, memory while playing (ffmpeg makes the clip; skipped without it)
#   T     tap -> first changed pixel (xtap, XTest): pressed state, new screen; kiosk, tap_sdl, Chromium
# Progress goes to stderr; the table (stdout) can be pasted into docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${RUNS:-5}
[ "$runs" -ge 1 ] 2>/dev/null || runs=5
started=$SECONDS
work=$(mktemp -d /tmp/kiosk-bench.XXXXXX)
cache=/tmp/kiosk-bench-cache # generated photos, kept between runs
log=$work/log.txt
rows=()
notes=()
pids=()   # everything started here, ended on exit
# The kiosk keeps its first frame in the cache folder (ops/keptframe.h): the benchmark's own
# folder, so no file left by another kiosk on this machine counts (in part A the calibration's
# start is the one that keeps it), and nothing is left in the user's ~/.cache.
export XDG_CACHE_HOME=$work/xdg-cache

parts=" ${PARTS:-load A B C D E F V T} "
# ONE_CORE=1: the kiosk, the floor, Chromium and the helpers each get one core.
pin=()
[ "${ONE_CORE:-0}" = 1 ] && pin=(taskset -c 0)
want() { [[ "$parts" == *" $1 "* ]]; }
say() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*" >&2; }
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }
note() { notes+=("$*"); say "note: $*"; }

# ---- processes -----------------------------------------------------------------------------
descendants() { # PID: the PID and all its descendants
  local all
  all=$(ps -e -o pid=,ppid= 2>/dev/null)
  local list=("$1") i=0
  while [ $i -lt ${#list[@]} ]; do
    local p=${list[$i]}
    list+=($(awk -v p="$p" '$2 == p {print $1}' <<<"$all"))
    i=$((i + 1))
  done
  echo "${list[@]}"
}
stop_tree() { # PID...: TERM each tree, KILL what is left after 3 s
  local all=() p
  for p in "$@"; do all+=($(descendants "$p")); done
  [ ${#all[@]} -eq 0 ] && return 0
  kill -TERM "${all[@]}" 2>/dev/null
  for _ in $(seq 30); do
    local alive=0
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && [ "$(awk '{print $3}' /proc/$p/stat 2>/dev/null)" != Z ] && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.1
  done
  kill -KILL "${all[@]}" 2>/dev/null
  for p in "$@"; do wait "$p" 2>/dev/null; done
  return 0
}
cleanup() {
  [ ${#pids[@]} -gt 0 ] && stop_tree "${pids[@]}"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { local t=${EPOCHREALTIME/[.,]/}; echo "${t}000"; }
ticks() { # PID...: utime+stime of these processes (clock ticks)
  local p s=0
  for p in "$@"; do
    [ -r /proc/$p/stat ] && s=$((s + $(sed 's/.*) //' /proc/$p/stat | awk '{print $12 + $13}')))
  done
  echo $s
}
pss_mib() { # PID...: summed Pss (MiB)
  local p kb=0 v
  for p in "$@"; do
    v=$(awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null)
    kb=$((kb + ${v:-0}))
  done
  awk -v k="$kb" 'BEGIN{printf "%.1f", k / 1024}'
}

# ---- numbers ---------------------------------------------------------------------------------
# stdin: one number a line. Prints "median min max" (median of an even count: the mean of
# the two middle values), or nothing when there is no number.
stats() {
  sort -g | awk 'NF {a[n++] = $1} END {if (!n) exit; m = n % 2 ? a[(n-1)/2] : (a[n/2-1] + a[n/2]) / 2; print m, a[0], a[n-1]}'
}
# PREC UNIT < stats -> "median" and "min – max" cells
cell_m() { awk -v p="$1" -v u="$2" '{printf "%.*f%s", p, $1, u}'; }
cell_r() { awk -v p="$1" '{printf "%.*f – %.*f", p, $2, p, $3}'; }
median_of() { stats | awk '{print $1}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0 && a > 0) printf "%.1f", a / b; else print "n/a"}'; }
# ratio2 A B: the same to two places, where a target sits near (start ≤ 1.25× the floor)
ratio2() { awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0 && a > 0) printf "%.2f", a / b; else print "n/a"}'; }

# ---- packages ---------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
updated=0
have_pkgs() { # installs the missing packages; false when that fails
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} with apt-get"
  if [ $updated -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$log" 2>&1
    updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >>"$log" 2>&1
}

build_pkgs=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libyaml-dev libcmark-dev libfontconfig-dev libqrencode-dev fonts-inter fonts-dejavu-core
  libsqlite3-dev libcrypt-dev libsystemd-dev libjansson-dev procps python3 libmpv-dev time)
if ! have_pkgs "${build_pkgs[@]}"; then
  echo "bench: cannot install the build packages (${build_pkgs[*]}); see $log" >&2
  tail -5 "$log" >&2
  exit 1
fi
have_x=1
have_pkgs xvfb libx11-dev || { have_x=0; note "A (window), C (window), D and F skipped: xvfb or libx11-dev could not be installed (apt-get install xvfb libx11-dev)"; }
have_chromium=0
if [ $have_x -eq 1 ]; then
  if have_pkgs chromium; then have_chromium=1
  else note "F skipped: chromium could not be installed (apt-get install chromium)"; fi
  want T && { have_pkgs libxtst-dev || note "T skipped: libxtst-dev could not be installed (apt-get install libxtst-dev)"; }
fi

say "building build-bench/ (Release)"
if ! { cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >>"$log" 2>&1 &&
       cmake --build build-bench -j "$(nproc)" >>"$log" 2>&1; }; then
  echo "bench: the build failed; see below" >&2
  grep -E "error|Error" "$log" | head -20 >&2
  exit 1
fi
k=$root/build-bench/kiosk
bs=$root/build-bench/bench_session
xw=$root/build-bench/xwait
[ -x "$xw" ] || { [ $have_x -eq 1 ] && note "xwait was not built (no Xlib headers?): window parts skipped"; have_x=0; have_chromium=0; }

sdl_version=$(pkg-config --modversion sdl2 2>/dev/null)
commit=$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo "+uncommitted changes")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- generated bundles -----------------------------------------------------------------------
c40=$work/careers40
python3 tests/bench/gen_bundles.py careers40 content/techniekpact "$c40"
attract=$work/attract
python3 tests/bench/gen_bundles.py attract content/techniekpact "$attract"

# ---- load + check ------------------------------------------------------------------------------
if want load; then
say "load + check"
"$root/build-bench/bench_load" content/techniekpact > "$work/load.txt" 2>>"$log"
while IFS='|' read -r _ what items med mn mx _; do
  what=$(echo "$what" | sed 's/^ *load+check *//; s/ *$//')
  items=$(echo "$items" | tr -s ' ' | sed 's/^ //; s/ $//')
  m=$(echo "$med" | awk '{printf "%.1f ms", $2}')
  r=$(awk -v a="$(echo "$mn" | awk '{print $2}')" -v b="$(echo "$mx" | awk '{print $2}')" 'BEGIN{printf "%.1f – %.1f", a, b}')
  [[ "$what" == *items* ]] || what="$what ($items)"
  row load "load + check, $what" "$m" "$r" ""
done < <(grep '^| load' "$work/load.txt")
fi

# ---- A: headless -----------------------------------------------------------------------------
if want A; then
say "A: start -> first frame, headless"
for _ in $(seq "$runs"); do
  KIOSK_BENCH_T0=$(now_ns) KIOSK_BENCH_EXIT=1 "${pin[@]}" "$k" --render home --size 1920x1080 -o "$work/home.png" 2>&1 >/dev/null |
    awk '/first-frame-ms/{print $2}'
done | stats > "$work/a_headless"
row A "start → first frame, headless 1920x1080 (\`--render home\`, in-process hook)" \
  "$(cell_m 1 ' ms' < "$work/a_headless")" "$(cell_r 1 < "$work/a_headless")" ""
fi

# ---- X servers ------------------------------------------------------------------------------
next_display=90
start_xvfb() { # prints the display number; the server is in pids
  local n=$next_display
  while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
  next_display=$((n + 1))
  Xvfb :$n -screen 0 1920x1080x24 -nolisten tcp >>"$log" 2>&1 &
  local p=$!
  pids+=($p)
  for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.05; done
  XVFB_PID=$p
  XVFB_DISPLAY=$n
}

# What "the home screen is there" means, for the kiosk and for Chromium alike: the title's
# ink, the title mark's yellow, the last tile's red bar and the accent of the language button,
# each somewhere in its region (x y w h at 1920x1080). xwait find picks one pixel of each on a
# settled screen; the timed runs then poll those pixels.
home_regions=(14213D 500 40 1000 190  EDAE49 60 60 440 140  D1495B 980 680 260 230  C43D50 1300 940 560 140)
minimal_regions=(14213D 500 40 1000 190  EDAE49 60 60 440 140)

chromium_cmd() { # USER_DATA_DIR [PAGE, default home.html]
  echo chromium --kiosk --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --window-position=0,0 \
    --window-size=1920,1080 --user-data-dir="$1" "file://$root/tests/bench/${2:-home.html}"
}

# calibrate NAME REGIONS... -- COMMAND...: prints the pixels to watch, or nothing.
calibrate() {
  local name=$1; shift
  local regions=()
  while [ "$1" != -- ]; do regions+=("$1"); shift; done
  shift
  DISPLAY=:$disp "$@" >>"$log" 2>&1 &
  local p=$!
  pids+=($p)
  [ "$name" = chromium ] && disown $p # see the idle Chromiums below
  DISPLAY=:$disp "$xw" find 30000 "${regions[@]}" 2>>"$log"
  local rc=$?
  [ $rc -ne 0 ] && DISPLAY=:$disp "$xw" shot "$work/$name-calibration.ppm" 2>/dev/null
  stop_tree $p
  sleep 0.3
  return $rc
}

# outside NAME SETTLE_S PIXELS -- COMMAND...: LAUNCHES launches (default RUNS); per run
# "OUTSIDE_MS HOOK_MS PSS_MIB" (PSS summed over the process tree SETTLE_S seconds after the
# screen was there). An argument @UD@ becomes a new empty folder for each launch (Chromium's
# --user-data-dir).
launch_no=0
outside() {
  local name=$1 settle=$2 pixels=$3; shift 4
  local i
  for i in $(seq "${LAUNCHES:-$runs}"); do
    launch_no=$((launch_no + 1))
    local err=$work/$name-$launch_no.err t0 p ms hook pss cmd=() a ud
    ud=$(mktemp -d "$work/ud.XXXXXX")
    for a in "$@"; do cmd+=("${a//@UD@/$ud}"); done
    t0=$(now_ns)
    KIOSK_KEPT_FRAME=${KEPT_FRAME:-} KIOSK_BENCH_T0=$t0 DISPLAY=:$disp "${pin[@]}" "${cmd[@]}" >/dev/null 2>"$err" &
    p=$!
    pids+=($p)
    [ "$name" = chromium ] && disown $p # see the idle Chromiums below
    ms=$(DISPLAY=:$disp "$xw" wait "$t0" 30000 $pixels 2>>"$log")
    if [ "$name" != chromium ]; then
      for _ in $(seq 50); do grep -q first-frame-ms "$err" && break; sleep 0.1; done
    fi
    hook=$(awk '/first-frame-ms/{print $2; exit}' "$err")
    sleep "$settle"
    pss=$(pss_mib $(descendants $p))
    echo "${ms:-nan} ${hook:-nan} $pss"
    stop_tree $p
    sleep 0.5
  done
}

if [ $have_x -eq 1 ] && { want A || want C || want F; }; then
  start_xvfb
  disp=$XVFB_DISPLAY
  say "A: the window under Xvfb :$disp, judged from outside"
  # Every program starts with the same session bus. Without one (here, CI, a systemd unit)
  # SDL_Init makes libdbus fork to start dbus-launch; the kiosk skips that itself
  # (window_no_bus_autolaunch), so the floor and Chromium are given the same dead address:
  # the ratio then measures the kiosk's own work, not a fork only the floor pays.
  export DBUS_SESSION_BUS_ADDRESS=${DBUS_SESSION_BUS_ADDRESS:-unix:path=/dev/null}
  # The minimal SDL program's picture: the bundle's title mark as a PNG.
  "$bs" svg2png content/techniekpact/images/logo.svg "$work/logo.png" 416 2>>"$log"
  font_r=$(fc-match -f '%{file}' Inter:regular)
  font_b=$(fc-match -f '%{file}' Inter:bold)
  minimal=("$root/build-bench/minimal_sdl" "$font_r" "$font_b" "$work/logo.png")

  kpix=$(calibrate kiosk "${home_regions[@]}" -- "$k")
  echo "kiosk: watching the pixels $kpix" >>"$log"
  [ -n "$kpix" ] || note "A (window): the kiosk's home screen did not appear on the X screen (see $log)"
  mpix=$(calibrate minimal "${minimal_regions[@]}" -- "${minimal[@]}")
  echo "minimal_sdl: watching the pixels $mpix" >>"$log"
  [ -n "$mpix" ] || note "A (window): the minimal SDL program did not appear on the X screen"
  # Kiosk and floor launches alternate (kiosk, floor, kiosk, ...): this machine drifts between
  # a faster and a slower state over minutes, and two blocks would put each program in one.
  # The kiosk twice: as it starts again (the first frame kept by the calibration's start,
  # ops/keptframe.h), and as the first start after a change (no kept frame: KIOSK_KEPT_FRAME=0).
  : > "$work/a_kiosk"
  : > "$work/a_minimal"
  : > "$work/a_cold"
  for _ in $(seq "$runs"); do
    [ -n "$kpix" ] && LAUNCHES=1 outside kiosk 2 "$kpix" -- "$k" >> "$work/a_kiosk"
    [ -n "$mpix" ] && LAUNCHES=1 outside minimal 2 "$mpix" -- "${minimal[@]}" >> "$work/a_minimal"
    [ -n "$kpix" ] && KEPT_FRAME=0 LAUNCHES=1 outside kiosk 2 "$kpix" -- "$k" >> "$work/a_cold"
  done
  [ -s "$work/a_cold" ] && awk '{print $1}' "$work/a_cold" | stats > "$work/a_c_out"
  if [ -s "$work/a_kiosk" ]; then
    awk '{print $1}' "$work/a_kiosk" | stats > "$work/a_k_out"
    awk '{print $2}' "$work/a_kiosk" | stats > "$work/a_k_hook"
    awk '{print $3}' "$work/a_kiosk" | stats > "$work/c_k_pss"
  fi
  if [ -s "$work/a_minimal" ]; then
    awk '{print $1}' "$work/a_minimal" | stats > "$work/a_m_out"
    awk '{print $2}' "$work/a_minimal" | stats > "$work/a_m_hook"
    awk '{print $3}' "$work/a_minimal" | stats > "$work/c_m_pss"
  fi
  if [ -s "$work/a_k_out" ]; then
    floor=""
    [ -s "$work/a_m_out" ] && floor="$(ratio2 "$(median_of < "$work/a_k_out")" "$(awk '{print $1}' "$work/a_m_out")")× the floor (target ≤ 1.25×)"
    row A "start → home screen on the X screen, window 1920x1080 (Xvfb), judged from outside (the first frame kept by the last start)" \
      "$(cell_m 1 ' ms' < "$work/a_k_out")" "$(cell_r 1 < "$work/a_k_out")" "$floor"
    row A "same runs, the kiosk's own hook (after its own first frame, drawn from the bundle, is presented)" \
      "$(cell_m 1 ' ms' < "$work/a_k_hook")" "$(cell_r 1 < "$work/a_k_hook")" ""
    if [ -s "$work/a_c_out" ]; then
      cold=""
      [ -s "$work/a_m_out" ] && cold="$(ratio2 "$(median_of < "$work/a_c_out")" "$(awk '{print $1}' "$work/a_m_out")")× the floor"
      row A "the same start with no kept frame (\`KIOSK_KEPT_FRAME=0\`: the first start after a change), judged from outside" \
        "$(cell_m 1 ' ms' < "$work/a_c_out")" "$(cell_r 1 < "$work/a_c_out")" "$cold"
    fi
  fi
  if [ -s "$work/a_m_out" ]; then
    row A "floor: minimal SDL program (\`minimal_sdl.c\`), judged from outside" \
      "$(cell_m 1 ' ms' < "$work/a_m_out")" "$(cell_r 1 < "$work/a_m_out")" ""
    row A "floor: minimal SDL program, its own hook" \
      "$(cell_m 1 ' ms' < "$work/a_m_hook")" "$(cell_r 1 < "$work/a_m_hook")" ""
  fi
fi

# ---- B: frame times --------------------------------------------------------------------------
want B && for size in 1920x1080 3840x2160; do
  say "B: frame times, $size ($runs runs)"
  "${pin[@]}" "$bs" frames --runs "$runs" "$c40" "$size" tests/bench/session.txt > "$work/b_$size" 2>>"$log" ||
    { note "B $size failed (see $log)"; continue; }
  target=6; [ $size = 3840x2160 ] && target=16 # issue 16: 60 fps at 4K in software
  col=2
  for p in p50 p95 p99 max; do
    awk -v c=$col '/^run/{print $c}' "$work/b_$size" | stats > "$work/b_${size}_$p"
    t=""; [ $p = p99 ] && t="target ≤ $target ms"
    row B "drawing time per frame (display list into the frame), $size, $p" \
      "$(cell_m 1 ' ms' < "$work/b_${size}_$p")" "$(cell_r 1 < "$work/b_${size}_$p")" "$t"
    col=$((col + 1))
  done
  frames=$(awk '/^run/{print $6; exit}' "$work/b_$size")
  vp50=$(awk '/^run/{print $7}' "$work/b_$size" | median_of)
  vp99=$(awk '/^run/{print $8}' "$work/b_$size" | median_of)
  dp50=$(awk '/^run/{print $9}' "$work/b_$size" | median_of)
  dp99=$(awk '/^run/{print $10}' "$work/b_$size" | median_of)
  busy=$(awk '/^run/{print $11}' "$work/b_$size" | median_of)
  cp50=$(awk '/^run/{print $12}' "$work/b_$size" | median_of)
  cp99=$(awk '/^run/{print $13}' "$work/b_$size" | median_of)
  row B "$size: of which input + view_build / drawer_draw (p50; p99)" \
    "$vp50 / $dp50 ms" "p99: $vp99 / $dp99 ms" "$frames frames a run"
  row B "$size: CPU time of the frame (p50; p99), not stretched by other programs" \
    "$cp50 ms" "p99: $cp99 ms" ""
  # Where the drawing time goes: one settled careers-grid frame, drawn by kind of command.
  if "${pin[@]}" "$bs" kinds "$c40" "$size" careers > "$work/b_kinds_$size" 2>>"$log"; then
    all=$(awk '/^all/{print $4}' "$work/b_kinds_$size")
    rect=$(awk '$1 == "rect" && $2 ~ /^x/ {print $(NF-1)}' "$work/b_kinds_$size")
    rmpx=$(awk '$1 == "rect" && $2 ~ /^x/ {print $3}' "$work/b_kinds_$size")
    text=$(awk '$1 == "text" {print $(NF-1)}' "$work/b_kinds_$size")
    square=$(awk '/square corners/{print $(NF-1)}' "$work/b_kinds_$size")
    bands=$(awk '/three wide bands/{print $(NF-1)}' "$work/b_kinds_$size")
    row B "$size: one settled careers-grid frame: all / its filled rounded rectangles ($rmpx Mpx) / text" \
      "$all / $rect / $text ms" "1 run of 20 frames" "the same rectangles with square corners: $square ms; their insides as three wide bands: $bands ms"
  fi
  # A figures screen ("In cijfers" of the default bundle): opened from home, its count-up, and
  # the settled screen built and drawn again.
  if "${pin[@]}" "$bs" figures --runs "$runs" content/techniekpact "$size" numbers > "$work/b_fig_$size" 2>>"$log"; then
    awk '/^figures/{print $8}' "$work/b_fig_$size" | stats > "$work/b_fig_${size}_all"
    fb=$(awk '/^figures/{print $6}' "$work/b_fig_$size" | median_of)
    fd=$(awk '/^figures/{print $7}' "$work/b_fig_$size" | median_of)
    cp50=$(awk '/^figures/{print $3}' "$work/b_fig_$size" | median_of)
    cmax=$(awk '/^figures/{print $4}' "$work/b_fig_$size" | median_of)
    cn=$(awk '/^figures/{print $5; exit}' "$work/b_fig_$size")
    first=$(awk '/^figures/{print $2}' "$work/b_fig_$size" | median_of)
    fcpu=$(awk '/^figures/{print $9}' "$work/b_fig_$size" | median_of)
    row B "$size: drawing time of a figures screen (In cijfers, settled): view_build + drawer_draw" \
      "$(cell_m 2 ' ms' < "$work/b_fig_${size}_all")" "$(cell_r 2 < "$work/b_fig_${size}_all")" \
      "build $fb / draw $fd ms (CPU time of both: $fcpu ms); count-up: $cn frames, p50 $cp50 ms, max $cmax ms; first frame $first ms"
  else
    note "B $size: figures screen failed (see $log)"
  fi
  awk -v b="$busy" 'BEGIN{exit !(b > 1.15)}' &&
    note "B $size: the frames took ${busy}× their CPU time in wall time: other programs were using the CPU"
done

# ---- C: memory over 10,000 taps (kiosk --replay) -----------------------------------------------
if want C; then
say "C: kiosk --replay of 10,000 taps (one run, PSS at checkpoints)"
cdir=$work/replay
mkdir -p "$cdir"
{
  echo "# 10,000 taps on the default bundle: careers, a career, language, back, back, goals,"
  echo "# goal 7, home, info, home; again and again. 'shot pss-N' lines are FIFOs the bench reads"
  echo "# PSS at; 'shot draw' draws the screen every 100 taps, each time after another tap of the"
  echo "# cycle, so every screen in both languages goes through the drawer and its cache."
  echo "wait 500"
  echo "shot pss-0"
  cycle=(@careers @career-elektromonteur @language @back @back @goals @goal-7 @home @about @home)
  for i in $(seq 1000); do
    for j in $(seq 0 9); do
      echo "tap ${cycle[$j]}"
      [ $((i % 10)) -eq 0 ] && [ $(((i / 10) % 10)) -eq $j ] && echo "shot draw"
    done
    [ $((i % 200)) -eq 0 ] && echo "shot pss-$((i * 10))"
  done
} > "$cdir/taps.txt"
for n in 0 2000 4000 6000 8000 10000; do mkfifo "$cdir/pss-$n.png"; done
c_t0=$SECONDS
"$k" --replay "$cdir/taps.txt" -o "$cdir" content/techniekpact > "$cdir/out.txt" 2>>"$log" &
rp=$!
pids+=($rp)
c_ok=1
for n in 0 2000 4000 6000 8000 10000; do
  # Opening the FIFO waits for the kiosk to reach this line; it then blocks writing the
  # picture until we read it: a still moment to read its memory.
  exec 3<"$cdir/pss-$n.png"
  echo "$n $(pss_mib $rp) $(awk '/^Pss_Anon:/{printf "%.1f", $2 / 1024}' /proc/$rp/smaps_rollup)" >> "$cdir/pss.txt"
  cat <&3 >/dev/null
  exec 3<&-
done
wait $rp || c_ok=0
c_secs=$((SECONDS - c_t0))
if [ $c_ok -eq 1 ] && [ -s "$cdir/pss.txt" ]; then
  c0=$(awk '$1 == 0 {print $2}' "$cdir/pss.txt")
  c1=$(awk '$1 == 10000 {print $2}' "$cdir/pss.txt")
  a0=$(awk '$1 == 0 {print $3}' "$cdir/pss.txt")
  a1=$(awk '$1 == 10000 {print $3}' "$cdir/pss.txt")
  curve=$(awk '{printf "%s%s", (NR > 1 ? ", " : ""), $3}' "$cdir/pss.txt")
  if [ -s "$work/c_k_pss" ]; then
    row C "PSS after start, window 1920x1080 (Xvfb), 2 s after the home screen" \
      "$(cell_m 1 ' MiB' < "$work/c_k_pss")" "$(cell_r 1 < "$work/c_k_pss")" ""
  fi
  if [ -s "$work/c_m_pss" ]; then
    row C "PSS after start, minimal SDL program (floor)" \
      "$(cell_m 1 ' MiB' < "$work/c_m_pss")" "$(cell_r 1 < "$work/c_m_pss")" ""
  fi
  row C "PSS, \`kiosk --replay\` (headless), after start → after 10,000 taps" \
    "$c0 → $c1 MiB" "1 run" "growth $(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%+.1f MiB", b - a}'); ${c_secs} s"
  row C "of which private (Pss_Anon), after start → after 10,000 taps" \
    "$a0 → $a1 MiB" "1 run" "growth $(awk -v a="$a0" -v b="$a1" 'BEGIN{printf "%+.1f MiB", b - a}'); every 2,000 taps: $curve MiB"
else
  note "C: the replay of 10,000 taps failed (see $log)"
fi
fi

# ---- D: CPU at rest and in the attract loop -------------------------------------------------
hz=$(getconf CLK_TCK)
if [ $have_x -eq 1 ] && want D; then
  say "D: $runs idle kiosks and $runs in the attract loop, side by side, 40 s"
  idle=() att=() attlog=()
  for i in $(seq "$runs"); do
    start_xvfb; DISPLAY=:$XVFB_DISPLAY "${pin[@]}" "$k" >>"$log" 2>&1 & idle+=($!); pids+=($!)
    start_xvfb; DISPLAY=:$XVFB_DISPLAY "${pin[@]}" "$k" "$attract" >"$work/att$i.log" 2>&1 & att+=($!); pids+=($!)
    attlog+=("$work/att$i.log")
  done
  sleep 13 # the attract copy's loop starts 10 s after its first frame
  declare -A t0s
  for p in "${idle[@]}" "${att[@]}"; do t0s[$p]=$(ticks $p); done
  kill -USR1 "${att[@]}" # status: starts the frame counts over
  sleep 30
  kill -USR1 "${att[@]}"
  for p in "${idle[@]}"; do awk -v a="${t0s[$p]}" -v b="$(ticks $p)" -v hz=$hz 'BEGIN{print (b - a) / hz}'; done | stats > "$work/d_idle"
  for p in "${att[@]}"; do awk -v a="${t0s[$p]}" -v b="$(ticks $p)" -v hz=$hz 'BEGIN{print (b - a) / hz * 100 / 30}'; done | stats > "$work/d_att"
  sleep 0.5
  # "status: frames N in S s (F per second), slowest draw D ms, longest gap between frames G ms"
  for f in "${attlog[@]}"; do grep 'status: frames' "$f" | tail -1; done > "$work/d_frames"
  stop_tree "${idle[@]}" "${att[@]}"
  row D "CPU in 30 s idle on the home screen (window, Xvfb)" \
    "$(cell_m 2 ' CPU-s' < "$work/d_idle")" "$(cell_r 2 < "$work/d_idle")" ""
  row D "CPU of the attract loop, 1920x1080 window (Xvfb), % of one core over 30 s (bundle copy: idle_timeout 10, attract_delay 0, attract_slide 8)" \
    "$(cell_m 1 ' %' < "$work/d_att")" "$(cell_r 1 < "$work/d_att")" ""
  sed -n 's/.*(\([0-9.]*\) per second).*/\1/p' "$work/d_frames" | stats > "$work/d_fps"
  sed -n 's/.*slowest draw \([0-9]*\) ms.*/\1/p' "$work/d_frames" | stats > "$work/d_draw"
  sed -n 's/.*between frames \([0-9]*\) ms.*/\1/p' "$work/d_frames" | stats > "$work/d_gap"
  if [ -s "$work/d_fps" ]; then
    row D "attract loop: frames per second (10 while a slide drifts, 30 in a cross-fade)" \
      "$(cell_m 1 ' fps' < "$work/d_fps")" "$(cell_r 1 < "$work/d_fps")" ""
    row D "attract loop: slowest frame to draw and show / longest gap between frames" \
      "$(cell_m 0 ' ms' < "$work/d_draw") / $(cell_m 0 ' ms' < "$work/d_gap")" \
      "$(cell_r 0 < "$work/d_draw") / $(cell_r 0 < "$work/d_gap")" ""
  else
    note "D: no frame status from the attract kiosks (see $log)"
  fi
fi

# ---- E: 2,000 items, 500 photos of 3000x2000 --------------------------------------------------
if want E; then
say "E: the big bundle (photos are made once into $cache)"
big=$cache/bundle-2000
mkdir -p "$big/images"
if "$bs" photos "$big/images" 500 3000 2000 2>>"$log" && python3 tests/bench/gen_bundles.py big "$big" 2000 500; then
  photos_mb=$(du -sm "$big/images" | cut -f1)
  for _ in $(seq "$runs"); do
    KIOSK_BENCH_T0=$(now_ns) KIOSK_BENCH_EXIT=1 "${pin[@]}" "$k" --render home --size 1920x1080 -o "$work/big.png" "$big" 2>&1 >/dev/null |
      awk '/first-frame-ms/{print $2}'
  done | stats > "$work/e_first"
  row E "start → first frame, headless 1920x1080 (2,000 items, 500 photos, ${photos_mb} MB)" \
    "$(cell_m 1 ' ms' < "$work/e_first")" "$(cell_r 1 < "$work/e_first")" ""
  mode=--async
  say "E: fling-scrolling the 2,000-item grid to its end ($runs runs, ${mode:-synchronous decoding})"
  for _ in $(seq "$runs"); do
    "${pin[@]}" "$bs" scroll $mode --cache-mb 96 "$big" 1920x1080 archief 2>>"$log"
  done > "$work/e_scroll"
  if [ -s "$work/e_scroll" ]; then
    how="pictures decoded on the drawer's worker thread, as in the window"
    [ -z "$mode" ] && how="pictures decoded in the frame (this kiosk has no decoding thread)"
    awk '{print $2}' "$work/e_scroll" | stats > "$work/e_wall"
    awk '{print $3 / $2}' "$work/e_scroll" | stats > "$work/e_fps"
    awk '{print $4}' "$work/e_scroll" | stats > "$work/e_max"
    awk '{print $5}' "$work/e_scroll" | stats > "$work/e_over"
    awk '{print $6}' "$work/e_scroll" | stats > "$work/e_hwm"
    row E "fling-scroll through all 2,000 items (a flick every 200 ms, real clock, 1920x1080)" \
      "$(cell_m 1 ' s' < "$work/e_wall")" "$(cell_r 1 < "$work/e_wall")" "$(cell_m 0 ' frames/s' < "$work/e_fps"); $how"
    awk '{print $10}' "$work/e_scroll" | stats > "$work/e_p50"
    awk '{print $11}' "$work/e_scroll" | stats > "$work/e_open"
    row E "max frame time while scrolling" \
      "$(cell_m 1 ' ms' < "$work/e_max")" "$(cell_r 1 < "$work/e_max")" "p50 $(cell_m 1 ' ms' < "$work/e_p50"); the frame opening the grid: $(cell_m 1 ' ms' < "$work/e_open")"
    row E "frames over 33 ms while scrolling" \
      "$(cell_m 0 '' < "$work/e_over")" "$(cell_r 0 < "$work/e_over")" \
      "of $(awk '{print $3}' "$work/e_scroll" | median_of) frames"
    row E "peak RSS (VmHWM) of the scrolling session, cache budget 96 MB" \
      "$(cell_m 1 ' MiB' < "$work/e_hwm")" "$(cell_r 1 < "$work/e_hwm")" "target ≤ 136 MiB (budget + 40)"
    busy=$(awk '{print $9}' "$work/e_scroll" | median_of)
    awk -v b="$busy" 'BEGIN{exit !(b > 1.15)}' &&
      note "E: the frames took ${busy}× their CPU time in wall time: other programs were using the CPU"
  else
    note "E: the scroll bench failed (see $log)"
  fi
else
  note "E skipped: the photos or the bundle could not be generated (see $log)"
fi
# One detail page showing a 4000x3000 JPEG against the same page showing a small PNG: the whole
# headless process (start, page, PNG written), wall time and peak RSS; the difference is what
# the photo costs (issue 16: at most 150 ms and 50 MB).
say "E: a detail page with a 4000x3000 photo, and with a small picture ($runs runs each)"
mkdir -p "$work/ph"
if "$bs" photos "$work/ph" 1 4000 3000 2>>"$log" &&
   "$bs" svg2png content/techniekpact/images/logo.svg "$work/ph/small.png" 400 2>>"$log" &&
   python3 tests/bench/gen_bundles.py photo content/techniekpact "$work/ph-big" "$work/ph/photo-000.jpg" &&
   python3 tests/bench/gen_bundles.py photo content/techniekpact "$work/ph-small" "$work/ph/small.png"; then
  for i in $(seq "$runs"); do
    for v in big small; do
      /usr/bin/time -f "$v %e %M" "${pin[@]}" "$k" --render pact-wat-is-het --size 1920x1080 \
        -o "$work/ph-$v.png" "$work/ph-$v" 2>&1 >/dev/null | awk -v v=$v '$1 == v {print $2 * 1000, $3 / 1024}'
    done > "$work/ph_$i"
    awk 'NR==1{t=$1; m=$2} NR==2{print t - $1, m - $2}' "$work/ph_$i" >> "$work/ph_diff"
    sed -n 1p "$work/ph_$i" >> "$work/ph_big"
    sed -n 2p "$work/ph_$i" >> "$work/ph_small"
  done
  for v in big small; do
    what="a detail page with a 4000x3000 JPEG"; [ $v = small ] && what="the same page with a 400 px PNG"
    awk '{print $1}' "$work/ph_$v" | stats > "$work/ph_${v}_t"
    awk '{print $2}' "$work/ph_$v" | stats > "$work/ph_${v}_m"
    row E "$what: headless start → PNG written, wall time / peak RSS" \
      "$(cell_m 0 ' ms' < "$work/ph_${v}_t") / $(cell_m 1 ' MiB' < "$work/ph_${v}_m")" \
      "$(cell_r 0 < "$work/ph_${v}_t") / $(cell_r 1 < "$work/ph_${v}_m")" ""
  done
  awk '{print $1}' "$work/ph_diff" | stats > "$work/ph_dt"
  awk '{print $2}' "$work/ph_diff" | stats > "$work/ph_dm"
  row E "what the 4000x3000 JPEG costs the page (difference of the two, run by run)" \
    "$(cell_m 0 ' ms' < "$work/ph_dt") / $(cell_m 1 ' MiB' < "$work/ph_dm")" \
    "$(cell_r 0 < "$work/ph_dt") / $(cell_r 1 < "$work/ph_dm")" "target ≤ 150 ms and ≤ 50 MB"
else
  note "E: the photo page could not be made (see $log)"
fi
fi

# ---- F: Chromium -------------------------------------------------------------------------------
if [ $have_chromium -eq 1 ] && want F; then
  say "F: Chromium on the same home screen"
  chr_version=$(chromium --version 2>/dev/null | head -1)
  cpix=$(calibrate chromium "${home_regions[@]}" -- $(chromium_cmd "$(mktemp -d "$work/chr.XXXX")"))
  echo "chromium: watching the pixels $cpix" >>"$log"
  [ -n "$cpix" ] && outside chromium 5 "$cpix" -- $(chromium_cmd @UD@) > "$work/f_a"
  if [ -s "$work/f_a" ]; then
    awk '{print $1}' "$work/f_a" | stats > "$work/f_out"
    awk '{print $3}' "$work/f_a" | stats > "$work/f_pss"
    r=""
    [ -s "$work/a_k_out" ] && r="kiosk $(ratio "$(median_of < "$work/f_out")" "$(median_of < "$work/a_k_out")")× faster"
    row F "Chromium: start → home screen on the X screen (\`home.html\`), judged from outside" \
      "$(cell_m 1 ' ms' < "$work/f_out")" "$(cell_r 1 < "$work/f_out")" "$r"
    r=""
    [ -s "$work/c_k_pss" ] && r="kiosk uses $(ratio "$(median_of < "$work/f_pss")" "$(median_of < "$work/c_k_pss")")× less"
    row F "Chromium: PSS summed over all its processes, 5 s after the home screen" \
      "$(cell_m 1 ' MiB' < "$work/f_pss")" "$(cell_r 1 < "$work/f_pss")" "$r"
  else
    note "F: Chromium's page did not appear on the X screen (see $log)"
  fi
  say "F: $runs Chromiums idle, side by side, 30 s"
  chr=()
  for _ in $(seq "$runs"); do
    start_xvfb
    DISPLAY=:$XVFB_DISPLAY $(chromium_cmd "$(mktemp -d "$work/chr.XXXX")") >>"$log" 2>&1 &
    chr+=($!); pids+=($!)
    disown $! # Chromium sometimes dies of a trap when stopped; bash need not report that
  done
  sleep 15 # started and settled
  declare -A c0s
  for p in "${chr[@]}"; do for q in $(descendants $p); do c0s[$q]=$(ticks $q); done; done
  sleep 30
  for p in "${chr[@]}"; do
    s=0
    for q in $(descendants $p); do s=$((s + $(ticks $q) - ${c0s[$q]:-0})); done
    awk -v s=$s -v hz=$hz 'BEGIN{print s / hz}'
  done | stats > "$work/f_idle"
  stop_tree "${chr[@]}"
  r=""
  [ -s "$work/d_idle" ] && r="kiosk: $(cell_m 2 ' CPU-s' < "$work/d_idle")"
  row F "Chromium: CPU in 30 s idle on the page, all processes" \
    "$(cell_m 2 ' CPU-s' < "$work/f_idle")" "$(cell_r 2 < "$work/f_idle")" "$r"
fi

# ---- V: a 1080p30 clip on an item's page (issue 18) ---------------------------------------------
if [ $have_x -eq 1 ] && want V; then
  if ! command -v ffmpeg >/dev/null; then note "V: skipped, ffmpeg is not installed"
  else
    say "V: a 10 s 1080p30 H.264 clip on its page, $runs runs, one after another"
    . tests/video/make_clips.sh
    make_clips "$work/video" 2>>"$log"
    ffmpeg -nostdin -v error -y -f lavfi -i testsrc=size=1920x1080:rate=30 -t 10 -c:v libx264 \
      -preset veryfast -pix_fmt yuv420p "$work/video/clips/lassen.mp4" 2>>"$log"
    sed -i 's/          loop: true/          loop: false/' "$work/video/bundle.yaml"
    for i in $(seq "$runs"); do
      start_xvfb
      vlog=$work/video$i.log
      DISPLAY=:$XVFB_DISPLAY "$k" --open lassen "$work/video" >"$vlog" 2>&1 & p=$!; pids+=($p)
      for _ in $(seq 100); do grep -q "playing the video" "$vlog" && break; sleep 0.05; done
      t0=$(ticks $p); kill -USR1 $p
      mem=""
      for _ in $(seq 300); do
        grep -q "played to its end" "$vlog" && break
        [ -z "$mem" ] && grep -q "video clips/lassen.mp4 in" "$vlog" && sleep 3 && mem=$(pss_mib $p)
        sleep 0.05
      done
      t1=$(ticks $p); kill -USR1 $p; sleep 0.3
      echo "$(awk -v a=$t0 -v b=$t1 -v hz=$hz 'BEGIN{print (b - a) / hz}') ${mem:-nan}" \
        "$(sed -n 's/.*played to its end (\([0-9]*\) frames dropped).*/\1/p' "$vlog")" \
        "$(grep 'status: frames' "$vlog" | tail -1 | sed -n 's/.*(\([0-9.]*\) per second).*/\1/p')" \
        >>"$work/v_runs"
      stop_tree $p $XVFB_PID
    done
    awk '{print $1}' "$work/v_runs" | stats >"$work/v_cpu"
    awk '{print $2}' "$work/v_runs" | stats >"$work/v_mem"
    awk '{print $3}' "$work/v_runs" | stats >"$work/v_drop"
    awk '{print $4}' "$work/v_runs" | stats >"$work/v_fps"
    row V "1080p30 clip (10 s, 300 frames) in its panel, 1920x1080 window, software renderer: CPU over the clip" \
      "$(cell_m 2 ' CPU-s' <"$work/v_cpu")" "$(cell_r 2 <"$work/v_cpu")" "the clip's 10 s"
    row V "  frames dropped (late or skipped by the decoder) / kiosk frames per second" \
      "$(cell_m 0 '' <"$work/v_drop") / $(cell_m 1 ' fps' <"$work/v_fps")" \
      "$(cell_r 0 <"$work/v_drop") / $(cell_r 1 <"$work/v_fps")" "of 300 / 30"
    row V "  memory (PSS) while the clip plays" "$(cell_m 1 ' MiB' <"$work/v_mem")" \
      "$(cell_r 1 <"$work/v_mem")" "C: the window at home"
  fi
fi

# ---- T: tap -> the screen answers (issue 16, part 3) --------------------------------------------
# xtap taps through XTest and polls one pixel of the X screen. The places are the kiosk's at
# 1920x1080 (default bundle), which tap_sdl.c and tap.html copy: the "Beroepen" tile (tapped
# at 1150,300, away from its text), a white pixel inside it that the pressed state darkens,
# the title mark's yellow (which a new screen replaces; the tile's own pressed state does not
# reach it), and the "Terug" button of the opened screen, tapped to come back.
tap_at=(1150 300)
tap_back=tap:200,1012
tap_n=${TAPS:-50}
# tap_cells FILE: "p50 / p95 ms" "min – max" of one time a line
tap_p() { sort -g "$1" | awk -v q="$2" '{a[n++] = $1} END {k = int(q * n + 0.999999); if (k < 1) k = 1; if (n) printf "%.1f", a[k-1]}'; }
tap_row() { # FILE FIGURE TARGET
  [ -s "$1" ] || { note "T: no times for \"$2\" (see $log)"; return; }
  row T "$2 ($(wc -l < "$1") taps)" "$(tap_p "$1" 0.5) / $(tap_p "$1" 0.95) ms" \
    "$(sort -g "$1" | awk 'NR == 1 {a = $1} {b = $1} END {printf "%.1f – %.1f", a, b}')" "$3"
}
if want T && [ $have_x -eq 1 ] && [ ! -x "$root/build-bench/xtap" ]; then
  note "T skipped: xtap was not built (no XTest headers: apt-get install libxtst-dev)"
elif want T && [ $have_x -eq 1 ]; then
  xt=$root/build-bench/xtap
  start_xvfb
  disp=$XVFB_DISPLAY
  t_load=$(cut -d' ' -f1-3 /proc/loadavg)
  tap_progs=(kiosk floor)
  [ $have_chromium -eq 1 ] && tap_progs+=(chromium) || note "T: Chromium not measured (not installed)"
  for prog in "${tap_progs[@]}"; do
    case $prog in
      kiosk) cmd=("$k") ;;
      floor) cmd=("$root/build-bench/tap_sdl") ;;
      chromium) cmd=($(chromium_cmd "$(mktemp -d "$work/chr.XXXX")" tap.html)) ;;
    esac
    say "T: $prog, $tap_n taps for the pressed state and $tap_n for a new screen (Xvfb :$disp)"
    DISPLAY=:$disp "${pin[@]}" "${cmd[@]}" >>"$log" 2>&1 &
    tap_pid=$!
    pids+=($tap_pid)
    [ "$prog" = chromium ] && disown $tap_pid # see the idle Chromiums above
    # its home is there: the tile's white inside and the title mark's yellow
    px=$(DISPLAY=:$disp "$xw" find 30000 FFFFFF 1180 385 40 30  EDAE49 60 60 440 140 2>>"$log")
    if [ -z "$px" ]; then
      DISPLAY=:$disp "$xw" shot "$work/t-$prog.ppm" 2>/dev/null
      note "T: $prog's home did not appear on the X screen (see $log)"
      stop_tree $tap_pid; sleep 0.5; continue
    fi
    echo "T $prog: watching $px" >>"$log"
    sleep 2 # settled (Chromium: its first paints)
    read -r press_px mark_px <<<"$px"
    DISPLAY=:$disp "$xt" press --back "$tap_back" "${tap_at[@]}" "${press_px%,*}" "$tap_n" \
      > "$work/t_${prog}_press" 2>>"$log"
    DISPLAY=:$disp "$xt" screen --back "$tap_back" "${tap_at[@]}" "${mark_px%,*}" "$tap_n" \
      > "$work/t_${prog}_screen" 2>>"$log"
    stop_tree $tap_pid
    sleep 0.5
  done
  stop_tree $XVFB_PID
  p95() { [ -s "$work/t_$1" ] && tap_p "$work/t_$1" 0.95; }
  kp=$(p95 kiosk_press) fp=$(p95 floor_press) cp=$(p95 chromium_press)
  ks=$(p95 kiosk_screen) fs=$(p95 floor_screen) cs=$(p95 chromium_screen)
  verdict() { awk -v a="$1" -v b="$2" 'BEGIN{if (a == "" || b == "") print "n/a"; else print (a + 0 <= b + 0 ? "met" : "missed")}'; }
  better() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN{printf "; Chromium p95 %.1f ms: %s", b, (a < b ? "better" : "not better")}'; }
  goal=""; [ -n "$fs" ] && goal=$(awk -v f="$fs" 'BEGIN{printf "%.1f", f + 2}')
  tap_row "$work/t_kiosk_press" "kiosk: tap → pressed state (first changed pixel of the tile), Xvfb 1920x1080, p50 / p95" \
    "target p95 ≤ 8 ms: $(verdict "$kp" 8)$(better "$kp" "$cp")"
  tap_row "$work/t_floor_press" "floor: bare SDL program (\`tap_sdl.c\`, full-frame present), tap → pressed state" ""
  tap_row "$work/t_chromium_press" "Chromium (\`tap.html\`, :active), tap → pressed state" ""
  tap_row "$work/t_kiosk_screen" "kiosk: tap (lift) → new screen (first changed pixel of the title mark), p50 / p95" \
    "target p95 ≤ floor + 2 ms${goal:+ = $goal ms}: $(verdict "$ks" "$goal")$(better "$ks" "$cs")"
  tap_row "$work/t_floor_screen" "floor: bare SDL program, tap (lift) → new screen" ""
  tap_row "$work/t_chromium_screen" "Chromium, tap (lift) → click → new screen" ""
  note "T: load average before part T $t_load, after $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# ---- the table ---------------------------------------------------------------------------------
total=$((SECONDS - started))
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(. /etc/os-release; echo "$PRETTY_NAME"), SDL $sdl_version${chr_version:+, $chr_version}"
echo "command: ${ONE_CORE:+ONE_CORE=$ONE_CORE }bash tests/bench/run.sh   (RUNS=$runs; ${pin[*]:+every measured program under ${pin[*]}; }kiosk $commit, Release; $((total / 60)) min $((total % 60)) s; load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| part | figure | median | min – max | target / comparison |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
if [ ${#notes[@]} -gt 0 ]; then
  echo
  for n in "${notes[@]}"; do echo "- $n"; done
fi
exit 0
