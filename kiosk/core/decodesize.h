/* decodesize.h: how big to decode a picture that is shown in a box of want_w x want_h pixels.
 *
 * A photo is shown fitted into its box (keeping its aspect ratio, never enlarged). A JPEG
 * decoder can scale while it decodes (libjpeg-turbo: num/denom, 1/8 to 1), which costs a
 * fraction of the time and memory of a full decode; the rest of the way is a downscale of a
 * picture that is at most about twice the shown size. Pure: the decoder's factors are passed
 * in, so the choice is tested without a decoder. */
#ifndef KIOSK_DECODESIZE_H
#define KIOSK_DECODESIZE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ScaleFactor {
    int num, denom;
} ScaleFactor;

typedef struct DecodeSize {
    int num, denom;           /* the decoder's factor: 1/1 when it cannot scale */
    int decode_w, decode_h;   /* what the decoder writes: ceil(src * num / denom) */
    int shown_w, shown_h;     /* the picture fitted into the box, at most the source's size */
} DecodeSize;

/* The source scaled by num/denom, rounded up, as libjpeg-turbo's TJSCALED does. */
int decode_scaled(int side, ScaleFactor f);

/* Fills *out for a src_w x src_h picture shown in want_w x want_h, choosing among `factors`
 * (n may be 0: no scaling decoder) the smallest that still decodes at or above the shown size.
 * Factors above 1 or not positive are ignored. False when a size is zero or negative. */
bool decode_size(int src_w, int src_h, int want_w, int want_h, const ScaleFactor *factors,
                 size_t n, DecodeSize *out);

#endif
