# make_clips.sh DIR: copies the test bundle to DIR and makes its clips there with ffmpeg
# (sourced by the video tests; they exit 77 first when ffmpeg is missing). Also makes the bad
# files the tests feed the checker: a truncated MP4, a stream of 16384 x 16384 and a ZIP
# renamed .mp4, in DIR/bad/.
make_clips() {
  local dir=$1 src
  src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bundle
  mkdir -p "$dir" && cp -r "$src/." "$dir/"
  local ff=(ffmpeg -nostdin -v error -y)
  # 10 s, so the loop test sees the clip play before it loops; a moov at the end (no
  # faststart), so the truncated copy below loses it as a cut-short download does
  "${ff[@]}" -f lavfi -i testsrc=size=320x240:rate=25 -t 10 -c:v libx264 -preset ultrafast \
    -pix_fmt yuv420p "$dir/clips/lassen.mp4"
  "${ff[@]}" -f lavfi -i testsrc=size=320x240:rate=25 -t 3 -c:v libvpx-vp9 -deadline realtime \
    -cpu-used 8 -b:v 200k "$dir/clips/zagen.webm"
  mkdir -p "$dir/bad"
  head -c 20000 "$dir/clips/lassen.mp4" > "$dir/bad/truncated.mp4"
  # a clip whose stream declares 16384 x 16384 (ffmpeg will not encode that: huge_sps.py
  # rewrites the size in a small one)
  "${ff[@]}" -f lavfi -i testsrc=size=320x240:rate=25 -t 1 -c:v libx264 -preset ultrafast \
    -pix_fmt yuv420p "$dir/bad/small.mp4"
  python3 "$(dirname "$src")/huge_sps.py" "$dir/bad/small.mp4" "$dir/bad/huge.mp4" 16384 16384
  rm "$dir/bad/small.mp4"
  python3 - "$dir/bad/zip.mp4" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('readme.txt', 'not a video' * 100)
PY
}
