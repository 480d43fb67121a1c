"""huge_sps.py IN.mp4 OUT.mp4 W H: an MP4 whose H.264 stream declares W x H pixels.

ffmpeg refuses to encode (or even mux) 16384 x 16384, so tests/video makes a small clip and
rewrites it: the sequence parameter set in the avcC box (x264's Constrained Baseline, as
-preset ultrafast writes it) gets the new size, and so do the track header and the sample
entry. The slices stay as they were: the file claims a size it never decodes to, as a
hostile file does. The boxes around avcC grow with it; the clip must have its moov after
the media data (ffmpeg's default), so no chunk offset moves."""
import struct
import sys


class Bits:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def u(self, n):
        v = 0
        for _ in range(n):
            v = (v << 1) | ((self.data[self.pos >> 3] >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return v

    def ue(self):
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
        return (1 << zeros) - 1 + self.u(zeros)

    def rest(self):
        return [self.u(1) for _ in range(len(self.data) * 8 - self.pos)]


class Out:
    def __init__(self):
        self.bits = []

    def u(self, n, v):
        self.bits += [(v >> (n - 1 - i)) & 1 for i in range(n)]

    def ue(self, v):
        v += 1
        n = v.bit_length()
        self.u(n - 1, 0)
        self.u(n, v)

    def bytes(self):
        b = self.bits + [0] * (-len(self.bits) % 8)
        return bytes(int(''.join(map(str, b[i:i + 8])), 2) for i in range(0, len(b), 8))


def unescape(p):
    return p.replace(b'\x00\x00\x03', b'\x00\x00')


def escape(p):
    out, zeros = bytearray(), 0
    for c in p:
        if zeros >= 2 and c <= 3:
            out.append(3)
            zeros = 0
        out.append(c)
        zeros = zeros + 1 if c == 0 else 0
    return bytes(out)


def patch_sps(nal, w, h):
    r, o = Bits(unescape(nal[1:])), Out()
    profile = r.u(8)
    assert profile == 66, 'expected Constrained Baseline (x264 -preset ultrafast)'
    o.u(8, profile)
    o.u(8, r.u(8))
    o.u(8, r.u(8))
    o.ue(r.ue())                      # seq_parameter_set_id
    o.ue(r.ue())                      # log2_max_frame_num_minus4
    poc = r.ue()
    o.ue(poc)
    assert poc in (0, 2)
    if poc == 0:
        o.ue(r.ue())
    o.ue(r.ue())                      # max_num_ref_frames
    o.u(1, r.u(1))                    # gaps_in_frame_num_allowed
    r.ue(), r.ue()                    # the real size, replaced
    o.ue(w // 16 - 1)
    o.ue(h // 16 - 1)
    frame_mbs_only = r.u(1)
    o.u(1, frame_mbs_only)
    if not frame_mbs_only:
        o.u(1, r.u(1))
    o.u(1, r.u(1))                    # direct_8x8_inference
    if r.u(1):                        # frame cropping: dropped
        for _ in range(4):
            r.ue()
    o.u(1, 0)
    o.bits += r.rest()                # VUI and the stop bit, as they were
    return nal[:1] + escape(o.bytes())


def boxes(data, start, end):
    """(type, offset, size) of the boxes in data[start:end]."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack('>I4s', data[pos:pos + 8])
        yield kind.decode('latin-1'), pos, size
        pos += size


def find(data, start, end, path):
    """Offsets of the boxes along path (the last one's children start after `skip`)."""
    chain = []
    for name, skip in path:
        hit = next((o for k, o, _ in boxes(data, start, end) if k == name), None)
        assert hit is not None, name
        size = struct.unpack('>I', data[hit:hit + 4])[0]
        chain.append(hit)
        start, end = hit + 8 + skip, hit + size
    return chain


def main():
    data = bytearray(open(sys.argv[1], 'rb').read())
    w, h = int(sys.argv[3]), int(sys.argv[4])
    # stsd: 8 bytes of version, flags and count; avc1: 78 bytes of sample entry fields
    path = [('moov', 0), ('trak', 0), ('mdia', 0), ('minf', 0), ('stbl', 0), ('stsd', 8),
            ('avc1', 78), ('avcC', 0)]
    chain = find(data, 0, len(data), path)
    tkhd = find(data, chain[1] + 8, chain[1] + struct.unpack('>I', data[chain[1]:chain[1] + 4])[0],
                [('tkhd', 0)])[0]
    version = data[tkhd + 8]
    dims = tkhd + 8 + (92 if version == 1 else 80)
    data[dims:dims + 8] = struct.pack('>II', w << 16, h << 16)
    avc1 = chain[6]
    data[avc1 + 32:avc1 + 36] = struct.pack('>HH', w, h)
    avcc = chain[7]
    sps_len = struct.unpack('>H', data[avcc + 14:avcc + 16])[0]
    sps = bytes(data[avcc + 16:avcc + 16 + sps_len])
    new = patch_sps(sps, w, h)
    data[avcc + 14:avcc + 16 + sps_len] = struct.pack('>H', len(new)) + new
    grow = len(new) - sps_len
    for off in chain:
        size = struct.unpack('>I', data[off:off + 4])[0]
        data[off:off + 4] = struct.pack('>I', size + grow)
    moov_end = chain[0] + struct.unpack('>I', data[chain[0]:chain[0] + 4])[0]
    assert not any(k == 'mdat' and o > moov_end - 1 for k, o, _ in boxes(data, 0, len(data))), \
        'the moov must come after the media data'
    open(sys.argv[2], 'wb').write(data)


main()
