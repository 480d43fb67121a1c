/* resample.c: scaling decoded pictures down to the size they are shown at.
 *
 * Two filters, both averages (a bilinear stretch skips source pixels once the ratio passes
 * 2, and showed moiré on fine lines below that): exact area averages for what libturbojpeg
 * decodes (opaque ARGB8888, 1 to 2 times the shown size after its scaled decode), and
 * alpha-weighted whole-pixel boxes for PNGs in whatever format SDL_image gives them. */
#include "platform/resample.h"

#include <SDL.h>
#include <math.h>
#include <string.h>

/* One source pixel as 8-bit RGBA, whatever the surface's format (palette, 24 or 32 bit). */
static void source_rgba(const SDL_Surface *src, const Uint8 *p, Uint8 *r, Uint8 *g, Uint8 *b,
                        Uint8 *a)
{
    Uint32 v;
    switch (src->format->BytesPerPixel) {
    case 1: v = p[0]; break;
    case 2: v = (Uint32)p[0] | (Uint32)p[1] << 8; break;
    case 3:
#if SDL_BYTEORDER == SDL_LIL_ENDIAN
        v = (Uint32)p[0] | (Uint32)p[1] << 8 | (Uint32)p[2] << 16;
#else
        v = (Uint32)p[0] << 16 | (Uint32)p[1] << 8 | (Uint32)p[2];
#endif
        break;
    default: memcpy(&v, p, sizeof v); break;
    }
    SDL_GetRGBA(v, src->format, r, g, b, a);
}

/* Shrinks `src` (any format) to sw x sh ARGB8888 by averaging each box of source pixels,
 * weighted by alpha. It reads the source in place, one row at a time, so a 7900 x 7900 photo
 * costs its decoded surface and a row of sums: no full-size converted copy beside it (which
 * doubled the peak to ~500 MB). Averaging also keeps fine detail from aliasing, where a
 * bilinear stretch over a 100:1 reduction would skip most pixels. */
static SDL_Surface *shrink(SDL_Surface *src, int sw, int sh)
{
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, sw, sh, 32, SDL_PIXELFORMAT_ARGB8888);
    Uint64 *sum = SDL_calloc((size_t)sw * 5, sizeof *sum); /* r*a, g*a, b*a, a, count */
    int *col = SDL_malloc((size_t)src->w * sizeof *col);
    if (!out || !sum || !col || SDL_LockSurface(src) != 0) {
        if (out) SDL_FreeSurface(out);
        SDL_free(sum);
        SDL_free(col);
        return NULL;
    }
    for (int x = 0; x < src->w; x++) col[x] = (int)((Sint64)x * sw / src->w);
    int bpp = src->format->BytesPerPixel;
    bool argb = src->format->format == SDL_PIXELFORMAT_ARGB8888;
    int y = 0;
    for (int oy = 0; oy < sh; oy++) {
        int y_end = (int)((Sint64)(oy + 1) * src->h / sh);
        if (y_end <= y) y_end = y + 1 <= src->h ? y + 1 : src->h;
        SDL_memset(sum, 0, (size_t)sw * 5 * sizeof *sum);
        for (; y < y_end; y++) {
            const Uint8 *row = (const Uint8 *)src->pixels + (size_t)y * (size_t)src->pitch;
            for (int x = 0; x < src->w; x++) {
                Uint8 r, g, b, a;
                if (argb) { /* what libturbojpeg writes: no per-pixel format lookup */
                    Uint32 v;
                    memcpy(&v, row + (size_t)x * 4, 4);
                    a = (Uint8)(v >> 24), r = (Uint8)(v >> 16), g = (Uint8)(v >> 8), b = (Uint8)v;
                } else {
                    source_rgba(src, row + (size_t)x * (size_t)bpp, &r, &g, &b, &a);
                }
                Uint64 *acc = sum + (size_t)col[x] * 5;
                acc[0] += (Uint64)r * a;
                acc[1] += (Uint64)g * a;
                acc[2] += (Uint64)b * a;
                acc[3] += a;
                acc[4] += 1;
            }
        }
        Uint32 *dst = (Uint32 *)((Uint8 *)out->pixels + (size_t)oy * (size_t)out->pitch);
        for (int ox = 0; ox < sw; ox++) {
            const Uint64 *acc = sum + (size_t)ox * 5;
            Uint32 px = 0;
            if (acc[3] > 0 && acc[4] > 0) {
                Uint32 r = (Uint32)(acc[0] / acc[3]), g = (Uint32)(acc[1] / acc[3]),
                       b = (Uint32)(acc[2] / acc[3]), a = (Uint32)(acc[3] / acc[4]);
                px = a << 24 | r << 16 | g << 8 | b;
            }
            dst[ox] = px;
        }
    }
    SDL_UnlockSurface(src);
    SDL_free(sum);
    SDL_free(col);
    return out;
}

/* Where each output column (or row) takes its source pixels from: output i covers source
 * [i * r, (i + 1) * r) with r = src / out, each source pixel weighted by the part of it that
 * lies inside, so the weights of one output sum to 1. */
typedef struct Spans {
    int *first, *count; /* per output: first source pixel and how many */
    float *weight;      /* all weights, output after output */
} Spans;

static bool spans_make(Spans *sp, int src, int out)
{
    sp->first = SDL_malloc((size_t)out * sizeof *sp->first);
    sp->count = SDL_malloc((size_t)out * sizeof *sp->count);
    sp->weight = SDL_malloc(((size_t)src + 2 * (size_t)out) * sizeof *sp->weight);
    if (!sp->first || !sp->count || !sp->weight) return false;
    double r = (double)src / out;
    size_t k = 0;
    for (int i = 0; i < out; i++) {
        double a = i * r, b = fmin(src, (i + 1) * r);
        int x0 = (int)a, x1 = (int)ceil(b);
        sp->first[i] = x0;
        sp->count[i] = x1 - x0;
        for (int x = x0; x < x1; x++)
            sp->weight[k++] = (float)((fmin(b, x + 1) - fmax(a, x)) / r);
    }
    return true;
}

static void spans_free(Spans *sp)
{
    SDL_free(sp->first);
    SDL_free(sp->count);
    SDL_free(sp->weight);
}

/* Source row y of an ARGB8888 surface averaged across into out_w RGB triples. */
static void reduce_row(const SDL_Surface *src, int y, const Spans *sx, int out_w, float *dst)
{
    const Uint32 *row = (const Uint32 *)((const Uint8 *)src->pixels + (size_t)y * (size_t)src->pitch);
    const float *w = sx->weight;
    for (int i = 0; i < out_w; i++) {
        float r = 0, g = 0, b = 0;
        const Uint32 *p = row + sx->first[i];
        for (int k = 0; k < sx->count[i]; k++, w++) {
            r += *w * (float)(p[k] >> 16 & 0xFF);
            g += *w * (float)(p[k] >> 8 & 0xFF);
            b += *w * (float)(p[k] & 0xFF);
        }
        dst[3 * i] = r, dst[3 * i + 1] = g, dst[3 * i + 2] = b;
    }
}

/* An opaque ARGB8888 surface at sw x sh, each output pixel the exact average of the source
 * area it covers (partial pixels by their covered part). A scaled JPEG decode is 1 to 2 times
 * the shown size; a bilinear stretch at such ratios drops part of the pixels and showed moiré
 * on fine lines, a whole-pixel box makes uneven columns. Separable: one row at a time. */
static SDL_Surface *area_average(SDL_Surface *src, int sw, int sh)
{
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, sw, sh, 32, SDL_PIXELFORMAT_ARGB8888);
    Spans sx = {0}, sy = {0};
    float *row = SDL_malloc((size_t)sw * 3 * sizeof *row);
    float *acc = SDL_malloc((size_t)sw * 3 * sizeof *acc);
    bool ok = out && row && acc && spans_make(&sx, src->w, sw) && spans_make(&sy, src->h, sh);
    const float *wy = sy.weight;
    for (int oy = 0; ok && oy < sh; oy++) {
        SDL_memset(acc, 0, (size_t)sw * 3 * sizeof *acc);
        for (int k = 0; k < sy.count[oy]; k++, wy++) {
            /* A row on the border of two output rows is reduced twice: cheaper than keeping it. */
            reduce_row(src, sy.first[oy] + k, &sx, sw, row);
            for (int i = 0; i < 3 * sw; i++) acc[i] += *wy * row[i];
        }
        Uint32 *dst = (Uint32 *)((Uint8 *)out->pixels + (size_t)oy * (size_t)out->pitch);
        for (int i = 0; i < sw; i++) {
            Uint32 r = (Uint32)fminf(255, acc[3 * i] + 0.5f), g = (Uint32)fminf(255, acc[3 * i + 1] + 0.5f),
                   b = (Uint32)fminf(255, acc[3 * i + 2] + 0.5f);
            dst[i] = 0xFF000000u | r << 16 | g << 8 | b;
        }
    }
    spans_free(&sx);
    spans_free(&sy);
    SDL_free(row);
    SDL_free(acc);
    if (!ok && out) {
        SDL_FreeSurface(out);
        out = NULL;
    }
    return out;
}

/* `s` at sw x sh (s is consumed): an opaque decode by exact area averages, anything else
 * (PNG, with alpha, in any format) by whole-pixel boxes weighted by alpha. */
SDL_Surface *resample_fit(SDL_Surface *s, int sw, int sh, bool opaque_argb)
{
    if (s->w == sw && s->h == sh) return s;
    SDL_Surface *out = NULL;
    if (opaque_argb) {
        out = area_average(s, sw, sh);
    } else {
        out = shrink(s, sw, sh);
    }
    SDL_FreeSurface(s);
    return out;
}

