#!/usr/bin/env python3
"""gen_worst.py DIR: the worst bundle that still passes --check, for the memory test.

10,000 items (the limit); one shows a 7900 x 7900 PNG (under the 8192 limit), one the largest
SVG allowed (8 MB of paths); a map whose shapes have 20,000 points in all (the limit), each
shape two ragged 2,000-point parts. Written at test time into DIR, never into the source tree.
"""
import math
import os
import random
import struct
import sys
import zlib

MAX_SVG = 8 * 1024 * 1024


def png(path, w, h):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    row = b'\x00' + bytes((x * 7) & 255 for x in range(w * 4))
    z = zlib.compressobj(1)
    body = b''.join(z.compress(row) for _ in range(h)) + z.flush()
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
                + chunk(b'IDAT', body) + chunk(b'IEND', b''))


def svg(path):
    head = '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000">\n'
    parts, size, i = [head], len(head), 0
    while True:
        p = '<path d="M%d %d l10 0 l0 10 l-10 0 z" fill="#%06x"/>\n' % (
            i % 990, (i // 990) % 990, (i * 2654435761) & 0xFFFFFF)
        if size + len(p) + len('</svg>\n') > MAX_SVG:
            break
        parts.append(p)
        size += len(p)
        i += 1
    parts.append('</svg>\n')
    with open(path, 'w') as f:
        f.write(''.join(parts))


def ragged(cx, cy, seed):
    rnd = random.Random(seed)
    pts = []
    for k in range(2000):
        r = 300 + rnd.randrange(300)
        t = 2 * math.pi * k / 2000
        pts.append('%d,%d' % (cx + r * math.cos(t), cy + r * math.sin(t)))
    return '"' + ' '.join(pts) + '"'


def main(out):
    os.makedirs(os.path.join(out, 'images'), exist_ok=True)
    png(os.path.join(out, 'images', 'big.png'), 7900, 7900)
    svg(os.path.join(out, 'images', 'big.svg'))
    y = ["format: 1",
         "meta: {id: worst, title: Worst, version: '1', languages: [nl], default_language: nl}",
         "home:",
         "  tiles: [{target: things}, {target: map}]",
         "collections:",
         "  - id: map",
         "    title: Kaart",
         "    layout: map",
         "    map_size: [10000, 10000]",
         "    items:"]
    for i in range(5):
        y.append("      - id: region%d" % i)
        y.append("        title: Regio %d" % i)
        y.append("        shape: [%s, %s]" % (ragged(2500, 1000 + 1800 * i, i), ragged(7500, 1000 + 1800 * i, 100 + i)))
    y += ["  - id: things", "    title: Dingen", "    items:",
          "      - {id: png, title: Foto, image: images/big.png}",
          "      - {id: svg, title: Tekening, image: images/big.svg}"]
    for i in range(10000 - 5 - 2):
        y.append("      - {id: i%d, title: Ding %d}" % (i, i))
    with open(os.path.join(out, 'bundle.yaml'), 'w') as f:
        f.write('\n'.join(y) + '\n')


if __name__ == '__main__':
    main(sys.argv[1])
