/* decodesize.c: the decode size of a shown picture (see decodesize.h).
 *
 * The shown size is computed as the drawer always did (the smaller of the two ratios, rounded,
 * at least one pixel), so a picture's cache entry and its look did not change with the scaled
 * decode; only the way there did. Sizes are computed in 64 bits: 8192 * 8 overflows nothing,
 * but a hostile box size must not either. */
#include "core/decodesize.h"

#include <math.h>

int decode_scaled(int side, ScaleFactor f)
{
    long long v = ((long long)side * f.num + f.denom - 1) / f.denom;
    return (int)v;
}

bool decode_size(int src_w, int src_h, int want_w, int want_h, const ScaleFactor *factors,
                 size_t n, DecodeSize *out)
{
    if (src_w <= 0 || src_h <= 0 || want_w <= 0 || want_h <= 0) return false;
    double scale = fmin((double)want_w / src_w, (double)want_h / src_h);
    *out = (DecodeSize){1, 1, src_w, src_h, src_w, src_h};
    if (scale < 1.0) {
        out->shown_w = (int)fmax(1, fmin(src_w, round(src_w * scale)));
        out->shown_h = (int)fmax(1, fmin(src_h, round(src_h * scale)));
    }
    for (size_t i = 0; i < n; i++) {
        ScaleFactor f = factors[i];
        if (f.num <= 0 || f.denom <= 0 || f.num > f.denom) continue; /* no enlarging decodes */
        int w = decode_scaled(src_w, f), h = decode_scaled(src_h, f);
        if (w < out->shown_w || h < out->shown_h) continue;
        if ((long long)w * h < (long long)out->decode_w * out->decode_h) {
            out->num = f.num;
            out->denom = f.denom;
            out->decode_w = w;
            out->decode_h = h;
        }
    }
    return true;
}
