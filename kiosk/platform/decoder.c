/* decoder.c: one worker thread, a small queue, and a list of finished surfaces.
 *
 * One thread is enough: decoding is the slow part and the second core keeps drawing. Requests
 * carry their cache key so the drawer can match results; duplicates are dropped while a key
 * is pending, so a picture that stays in view while it decodes is requested only once. */
#include "platform/decoder.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#include "bundle/paths.h"
#include "core/fileio.h"

typedef struct Request {
    char key[DECODER_KEY_BYTES];
    char path[DECODER_KEY_BYTES];
    bool svg;
    int w, h;
} Request;

struct Decoder {
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake;
    bool stop;
    Request queue[DECODER_MAX_PENDING];
    size_t n_queue;
    char working[DECODER_KEY_BYTES]; /* key being decoded now, "" when idle */
    DecodeResult *done;              /* growable */
    size_t n_done, cap_done;
    void (*notify)(void *);
    void *ctx;
};

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
    int y = 0;
    for (int oy = 0; oy < sh; oy++) {
        int y_end = (int)((Sint64)(oy + 1) * src->h / sh);
        if (y_end <= y) y_end = y + 1 <= src->h ? y + 1 : src->h;
        SDL_memset(sum, 0, (size_t)sw * 5 * sizeof *sum);
        for (; y < y_end; y++) {
            const Uint8 *row = (const Uint8 *)src->pixels + (size_t)y * (size_t)src->pitch;
            for (int x = 0; x < src->w; x++) {
                Uint8 r, g, b, a;
                source_rgba(src, row + (size_t)x * (size_t)bpp, &r, &g, &b, &a);
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

/* nanosvg builds a large SVG from many small allocations; once freed, glibc keeps them in the
 * heap, so RSS stayed at the SVG's peak while the next photo was decoded beside it (505 MB for
 * a big SVG then a 7900 x 7900 PNG). Hand the freed heap back. */
static void release_heap(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* Opens without blocking (a FIFO swapped in after the check must not hang the worker). */
static SDL_RWops *open_regular(const char *path)
{
    FILE *f;
    if (fileio_open(path, &f, NULL) != FILEIO_OK) {
        SDL_SetError("cannot open %s as a regular file", path);
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_TRUE);
    if (!rw) fclose(f);
    return rw;
}

SDL_Surface *decoder_decode(const char *path, bool svg, int w, int h)
{
    if (!svg) {
        /* The pixel budget, from the decoder's own header read, right before decoding: the
         * file may have been replaced since the bundle was checked. */
        ImageType type;
        int pw, ph;
        const char *why = image_probe(path, NULL, &type, &pw, &ph);
        if (why) {
            SDL_SetError("%s %s", path, why);
            return NULL;
        }
    }
    SDL_RWops *rw = open_regular(path);
    if (!rw) return NULL;
    if (svg) {
        SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
        SDL_RWclose(rw);
        release_heap();
        return s;
    }
    SDL_Surface *full = IMG_Load_RW(rw, 1);
    if (!full) return NULL;
    float scale = fminf((float)w / (float)full->w, (float)h / (float)full->h);
    if (scale >= 1.0f) return full;
    int sw = (int)fmaxf(1, roundf((float)full->w * scale)), sh = (int)fmaxf(1, roundf((float)full->h * scale));
    SDL_Surface *out = shrink(full, sw, sh);
    SDL_FreeSurface(full);
    return out;
}

static int worker(void *arg)
{
    Decoder *d = arg;
    SDL_LockMutex(d->lock);
    for (;;) {
        while (!d->stop && d->n_queue == 0) SDL_CondWait(d->wake, d->lock);
        if (d->stop) break;
        Request r = d->queue[0];
        memmove(d->queue, d->queue + 1, (d->n_queue - 1) * sizeof *d->queue);
        d->n_queue--;
        memcpy(d->working, r.key, sizeof d->working);
        SDL_UnlockMutex(d->lock);
        SDL_Surface *s = decoder_decode(r.path, r.svg, r.w, r.h);
        SDL_LockMutex(d->lock);
        d->working[0] = '\0';
        if (d->n_done == d->cap_done) {
            size_t cap = d->cap_done ? d->cap_done * 2 : 16;
            DecodeResult *nd = SDL_realloc(d->done, cap * sizeof *nd);
            if (!nd) {
                if (s) SDL_FreeSurface(s);
                continue;
            }
            d->done = nd;
            d->cap_done = cap;
        }
        DecodeResult *res = &d->done[d->n_done++];
        memcpy(res->key, r.key, sizeof res->key);
        memcpy(res->path, r.path, sizeof res->path);
        res->surface = s;
        if (d->notify) d->notify(d->ctx);
    }
    SDL_UnlockMutex(d->lock);
    return 0;
}

Decoder *decoder_start(void (*notify)(void *ctx), void *ctx)
{
    Decoder *d = SDL_calloc(1, sizeof *d);
    if (!d) return NULL;
    d->notify = notify;
    d->ctx = ctx;
    d->lock = SDL_CreateMutex();
    d->wake = SDL_CreateCond();
    d->thread = d->lock && d->wake ? SDL_CreateThread(worker, "decode", d) : NULL;
    if (!d->thread) {
        decoder_stop(d);
        return NULL;
    }
    return d;
}

void decoder_stop(Decoder *d)
{
    if (!d) return;
    if (d->thread) {
        SDL_LockMutex(d->lock);
        d->stop = true;
        SDL_CondSignal(d->wake);
        SDL_UnlockMutex(d->lock);
        SDL_WaitThread(d->thread, NULL);
    }
    for (size_t i = 0; i < d->n_done; i++)
        if (d->done[i].surface) SDL_FreeSurface(d->done[i].surface);
    SDL_free(d->done);
    if (d->wake) SDL_DestroyCond(d->wake);
    if (d->lock) SDL_DestroyMutex(d->lock);
    SDL_free(d);
}

static bool pending_locked(const Decoder *d, const char *key)
{
    if (strcmp(d->working, key) == 0) return true;
    for (size_t i = 0; i < d->n_queue; i++)
        if (strcmp(d->queue[i].key, key) == 0) return true;
    for (size_t i = 0; i < d->n_done; i++)
        if (strcmp(d->done[i].key, key) == 0) return true;
    return false;
}

bool decoder_pending(Decoder *d, const char *key)
{
    SDL_LockMutex(d->lock);
    bool p = pending_locked(d, key);
    SDL_UnlockMutex(d->lock);
    return p;
}

bool decoder_request(Decoder *d, const char *key, const char *path, bool svg, int w, int h)
{
    if (strlen(key) >= DECODER_KEY_BYTES || strlen(path) >= DECODER_KEY_BYTES) return false;
    SDL_LockMutex(d->lock);
    bool ok = true;
    if (!pending_locked(d, key)) {
        if (d->n_queue == DECODER_MAX_PENDING) {
            ok = false;
        } else {
            Request *r = &d->queue[d->n_queue++];
            snprintf(r->key, sizeof r->key, "%s", key);
            snprintf(r->path, sizeof r->path, "%s", path);
            r->svg = svg;
            r->w = w;
            r->h = h;
            SDL_CondSignal(d->wake);
        }
    }
    SDL_UnlockMutex(d->lock);
    return ok;
}

size_t decoder_take(Decoder *d, DecodeResult *out, size_t max)
{
    SDL_LockMutex(d->lock);
    size_t n = d->n_done < max ? d->n_done : max;
    if (n == 0) { /* also: `done` may still be NULL */
        SDL_UnlockMutex(d->lock);
        return 0;
    }
    memcpy(out, d->done, n * sizeof *out);
    memmove(d->done, d->done + n, (d->n_done - n) * sizeof *d->done);
    d->n_done -= n;
    SDL_UnlockMutex(d->lock);
    return n;
}
