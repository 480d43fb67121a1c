#!/usr/bin/env bash
# shape.sh: the shape rules of kiosk/ that a reviewer would otherwise check by eye.
#   - no function body longer than 80 lines (from its opening brace to its closing one),
#   - no source file longer than 600 lines,
#   - no file under kiosk/ outside kiosk/platform/ includes SDL, except kiosk/app/main.c
#     (which only needs SDL_main's declaration when a platform wants it).
# Functions are found the way the project writes them: the body's braces in column 0.
# Usage: shape.sh [SOURCE_ROOT]; prints each breach as file:line: reason, exits 1 if any.
set -u
root=${1:-.}
cd "$root" || exit 2
max_fn=80 max_file=600
bad=0
while IFS= read -r f; do
    n=$(wc -l <"$f")
    if [ "$n" -gt "$max_file" ]; then
        echo "$f:1: file has $n lines (at most $max_file): split it by what it holds"; bad=1
    fi
    out=$(awk -v max="$max_fn" -v file="$f" '
        /^\{/ { start = FNR; next }
        /^\}/ && start { len = FNR - start + 1
                         if (len > max) printf "%s:%d: function body has %d lines (at most %d)\n", file, start, len, max
                         start = 0 }' "$f")
    if [ -n "$out" ]; then echo "$out"; bad=1; fi
done < <(find kiosk -name '*.c' -o -name '*.h' | sort)
while IFS= read -r hit; do
    case "$hit" in
        kiosk/platform/*|kiosk/app/main.c:*) ;;
        *) echo "$hit: only kiosk/platform/ may include SDL"; bad=1 ;;
    esac
done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]SDL' -r kiosk --include='*.c' --include='*.h')
if [ "$bad" -eq 0 ]; then echo "shape: every function <= $max_fn lines, every file <= $max_file lines, SDL only in kiosk/platform/"; fi
exit "$bad"
