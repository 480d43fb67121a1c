"""xwd_diff.py A.xwd B.xwd X Y W H: counts the pixels that differ between two screenshots
(xwd -root), inside the rectangle and outside it; prints "inside N outside M"."""
import struct
import sys


def read(path):
    data = open(path, 'rb').read()
    header_size = struct.unpack('>I', data[0:4])[0]
    f = struct.unpack('>25I', data[:100])
    width, height, bpp, line = f[4], f[5], f[11], f[12]
    ncolors = f[19]
    assert bpp == 32, 'expected 32 bits per pixel, got %d' % bpp
    start = header_size + ncolors * 12
    return width, height, line, data[start:start + line * height]


def main():
    w, h, line, a = read(sys.argv[1])
    w2, h2, _, b = read(sys.argv[2])
    assert (w, h) == (w2, h2)
    x0, y0, rw, rh = (int(v) for v in sys.argv[3:7])
    inside = outside = 0
    for y in range(h):
        ra, rb = a[y * line:y * line + w * 4], b[y * line:y * line + w * 4]
        if ra == rb:
            continue
        for x in range(w):
            if ra[x * 4:x * 4 + 3] != rb[x * 4:x * 4 + 3]:
                if x0 <= x < x0 + rw and y0 <= y < y0 + rh:
                    inside += 1
                else:
                    outside += 1
    print('inside %d outside %d' % (inside, outside))


main()
