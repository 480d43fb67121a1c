/* decoder.c: one worker thread, a small queue, and a list of finished surfaces.
 *
 * One thread is enough: decoding is the slow part and the second core keeps drawing. Requests
 * carry their cache key so the drawer can match results; duplicates are dropped while a key
 * is pending, so a picture that stays in view while it decodes is requested only once.
 *
 * A JPEG is decoded by libturbojpeg already scaled (1/8 to 1) to the smallest size at or above
 * the one it is shown at, then averaged the rest of the way: a 3000x2000 photo for a grid tile
 * decodes to 750x500 instead of 6 megapixels, in a sixth of the time. Its size comes from
 * libturbojpeg's own header read, refused there when absurd, before any pixel is decoded. PNGs
 * (and the JPEGs libturbojpeg cannot convert, CMYK) go through SDL_image at full size and are
 * scaled once. Whatever the thread, only one large decode runs at a time. */
#include "platform/decoder.h"

#include <SDL.h>
#include <SDL_image.h>
#include <pthread.h>
#include <sys/stat.h>
#include <turbojpeg.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <unistd.h>

#include "bundle/paths.h"
#include "core/decodesize.h"
#include "core/fileio.h"
#include "platform/resample.h"

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

/* One large decode at a time, whichever thread asks (the worker, or the drawer decoding in its
 * frame): two 3000x2000 decodes side by side were what pushed the scroll's peak RSS 76 MB past
 * the cache budget. Small decodes do not wait. */
static pthread_mutex_t big_decode = PTHREAD_MUTEX_INITIALIZER;

static void big_decode_begin(int w, int h)
{
    if ((long long)w * h > DECODER_LARGE_PIXELS) pthread_mutex_lock(&big_decode);
}

static void big_decode_end(int w, int h)
{
    if ((long long)w * h > DECODER_LARGE_PIXELS) pthread_mutex_unlock(&big_decode);
}

/* nanosvg builds a large SVG from many small allocations; once freed, glibc keeps them in the
 * heap, so RSS stayed at the SVG's peak while the next photo was decoded beside it (505 MB for
 * a big SVG then a 7900 x 7900 PNG). Hand the freed heap back. */
enum { SVG_TRIM_BYTES = 256 * 1024 }; /* nanosvg's heap grows with the file */
enum { TRIM_AFTER_PIXELS = 1000000 };   /* a photo of a megapixel or more (the worker only) */
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

/* ---- JPEG: scaled while decoding ------------------------------------------------------- */

/* libjpeg-turbo's factors, asked once (they are constants of the library). */
static const ScaleFactor *jpeg_factors(size_t *n)
{
    static ScaleFactor f[32];
    static size_t count;
    static SDL_SpinLock once;
    SDL_AtomicLock(&once);
    if (count == 0) {
        int k = 0;
        tjscalingfactor *sf = tjGetScalingFactors(&k);
        for (int i = 0; sf && i < k && count < SDL_arraysize(f); i++)
            f[count++] = (ScaleFactor){sf[i].num, sf[i].denom};
    }
    SDL_AtomicUnlock(&once);
    *n = count;
    return f;
}

/* The whole file, for libturbojpeg, which reads from memory. The size is checked on the open
 * descriptor: the file may have grown since the bundle was checked. */
static unsigned char *read_whole(const char *path, size_t *len)
{
    FILE *f;
    struct stat st;
    if (fileio_open(path, &f, &st) != FILEIO_OK) {
        SDL_SetError("cannot open %s as a regular file", path);
        return NULL;
    }
    unsigned char *buf = NULL;
    if (st.st_size <= 0 || st.st_size > BUNDLE_MAX_IMAGE_BYTES) {
        SDL_SetError("%s is empty or larger than 32 MB", path);
    } else if ((buf = SDL_malloc((size_t)st.st_size))) {
        *len = fread(buf, 1, (size_t)st.st_size, f);
        if (*len == 0) {
            SDL_free(buf);
            buf = NULL;
            SDL_SetError("cannot read %s", path);
        }
    }
    fclose(f);
    return buf;
}

bool decoder_plan(bool jpeg, int src_w, int src_h, int w, int h, DecodeSize *out)
{
    size_t n = 0;
    const ScaleFactor *f = jpeg ? jpeg_factors(&n) : NULL;
    return decode_size(src_w, src_h, w, h, f, n, out);
}

const char *decoder_source(const Image *img)
{
    if (!img->kept || access(img->path, R_OK) == 0) return img->path;
    return img->kept;
}

/* A photo is keyed by the size it is shown at (from its header, read at load): two boxes that
 * show it alike share one texture, and a box that shows it bigger (a detail page after a tile,
 * the attract loop's zoom) never finds the smaller texture. An SVG is rasterised for its box,
 * so the box is its key. */
void decoder_key(const Image *img, int w, int h, char *key, size_t size, DecodeSize *ds)
{
    *ds = (DecodeSize){0};
    if (img->type != IMAGE_SVG &&
        decoder_plan(img->type == IMAGE_JPEG, img->width, img->height, w, h, ds))
        snprintf(key, size, "p%dx%d/%s", ds->shown_w, ds->shown_h, img->path);
    else
        snprintf(key, size, "i%dx%d/%s", w, h, img->path);
}

bool decoder_too_large(int w, int h)
{
    return w > BUNDLE_MAX_IMAGE_SIDE || h > BUNDLE_MAX_IMAGE_SIDE ||
           (long long)w * h > BUNDLE_MAX_IMAGE_PIXELS;
}

/* The decoded pixels of a JPEG, already scaled down by libjpeg-turbo as far as the shown size
 * allows, or NULL with *unsupported set when SDL_image should try (a CMYK JPEG: libturbojpeg
 * does not convert CMYK to RGB). The size comes from libturbojpeg's own header read, before
 * any pixel is decoded, and is refused there when absurd. */
static SDL_Surface *jpeg_decode(const unsigned char *buf, size_t len, int w, int h,
                                bool *unsupported)
{
    *unsupported = false;
    tjhandle tj = tjInitDecompress();
    if (!tj) {
        *unsupported = true;
        return NULL;
    }
    int sw, sh, subsamp, colorspace;
    SDL_Surface *s = NULL;
    DecodeSize ds;
    size_t nf;
    const ScaleFactor *f = jpeg_factors(&nf);
    if (tjDecompressHeader3(tj, buf, (unsigned long)len, &sw, &sh, &subsamp, &colorspace) != 0) {
        SDL_SetError("is a damaged JPEG file (%s)", tjGetErrorStr2(tj));
    } else if (decoder_too_large(sw, sh) || sw <= 0 || sh <= 0) {
        SDL_SetError("is %d x %d pixels; the limit is 8192 x 8192", sw, sh);
    } else if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK) {
        *unsupported = true;
    } else if (decode_size(sw, sh, w, h, f, nf, &ds)) {
        big_decode_begin(ds.decode_w, ds.decode_h);
        s = SDL_CreateRGBSurfaceWithFormat(0, ds.decode_w, ds.decode_h, 32,
                                           SDL_PIXELFORMAT_ARGB8888);
#if SDL_BYTEORDER == SDL_LIL_ENDIAN
        int pf = TJPF_BGRA; /* ARGB8888 in memory, little end first */
#else
        int pf = TJPF_ARGB;
#endif
        /* A warning (a truncated file) still leaves a picture, as SDL_image showed one. */
        if (s && tjDecompress2(tj, buf, (unsigned long)len, s->pixels, ds.decode_w, s->pitch,
                               ds.decode_h, pf, 0) != 0 && tjGetErrorCode(tj) != TJERR_WARNING) {
            SDL_SetError("is a damaged JPEG file (%s)", tjGetErrorStr2(tj));
            SDL_FreeSurface(s);
            s = NULL;
        }
        if (s) s = resample_fit(s, ds.shown_w, ds.shown_h, true);
        big_decode_end(ds.decode_w, ds.decode_h);
    }
    tjDestroy(tj);
    return s;
}

/* ---- any picture ------------------------------------------------------------------------ */

static SDL_Surface *decode_jpeg_file(const char *path, int w, int h, bool *unsupported)
{
    size_t len = 0;
    unsigned char *buf = read_whole(path, &len);
    if (!buf) return NULL;
    SDL_Surface *s = jpeg_decode(buf, len, w, h, unsupported);
    SDL_free(buf);
    if (!s && !*unsupported) {
        char why[256];
        snprintf(why, sizeof why, "%s", SDL_GetError());
        SDL_SetError("%s %s", path, why);
    }
    return s;
}

/* PNG (and what libturbojpeg leaves to SDL_image): decoded at full size, then scaled once. */
static SDL_Surface *decode_full(const char *path, int pw, int ph, int w, int h)
{
    SDL_RWops *rw = open_regular(path);
    if (!rw) return NULL;
    big_decode_begin(pw, ph);
    SDL_Surface *full = IMG_Load_RW(rw, 1);
    DecodeSize ds;
    if (full && decode_size(full->w, full->h, w, h, NULL, 0, &ds))
        full = resample_fit(full, ds.shown_w, ds.shown_h, false);
    big_decode_end(pw, ph);
    return full;
}

/* *photo_pixels: the photo's size in its header (0 for an SVG), for the worker's trim. */
static SDL_Surface *decode(const char *path, bool svg, int w, int h, long long *photo_pixels)
{
    *photo_pixels = 0;
    if (svg) {
        SDL_RWops *rw = open_regular(path);
        if (!rw) return NULL;
        Sint64 bytes = SDL_RWsize(rw);
        SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
        SDL_RWclose(rw);
        /* Only after a large file: trimming walks the whole heap, and after each of the home
         * screen's small pictures it was 4 % of the start's CPU, on the main thread. */
        if (bytes < 0 || bytes > SVG_TRIM_BYTES) release_heap();
        return s;
    }
    /* The pixel budget, from the header read right before decoding: the file may have been
     * replaced since the bundle was checked. */
    ImageType type;
    int pw, ph;
    const char *why = image_probe(path, NULL, &type, &pw, &ph);
    if (why) {
        SDL_SetError("%s %s", path, why);
        return NULL;
    }
    *photo_pixels = (long long)pw * ph;
    if (type == IMAGE_JPEG) {
        bool unsupported;
        SDL_Surface *s = decode_jpeg_file(path, w, h, &unsupported);
        if (s || !unsupported) return s;
    }
    return decode_full(path, pw, ph, w, h);
}

SDL_Surface *decoder_decode(const char *path, bool svg, int w, int h)
{
    long long pixels;
    return decode(path, svg, w, h, &pixels);
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
        long long pixels;
        SDL_Surface *s = decode(r.path, r.svg, r.w, r.h, &pixels);
        /* A photo's decode leaves megabyte holes in this thread's heap, and the cache's freed
         * textures leave them in the main one; glibc keeps both. Handing them back after each
         * large photo kept the 500-photo scroll's peak RSS 3 MB lower, for 1.3 ms (median) of
         * this thread's time per photo and no change in frame times (docs/performance.md).
         * Not in the frame's own decodes: the first frame of a screen would pay it per photo. */
        if (pixels >= TRIM_AFTER_PIXELS) release_heap();
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
