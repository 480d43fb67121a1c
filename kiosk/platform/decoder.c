/* decoder.c: one worker thread, a small queue, and a list of finished surfaces.
 *
 * One thread is enough: decoding is the slow part and the second core keeps drawing. Requests
 * carry their cache key so the drawer can match results; duplicates are dropped while a key
 * is pending, so a picture that stays in view while it decodes is requested only once. */
#include "platform/decoder.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <string.h>

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

SDL_Surface *decoder_decode(const char *path, bool svg, int w, int h)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) return NULL;
    if (svg) {
        SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
        SDL_RWclose(rw);
        return s;
    }
    SDL_Surface *full = IMG_Load_RW(rw, 1);
    if (!full) return NULL;
    float scale = fminf((float)w / (float)full->w, (float)h / (float)full->h);
    if (scale >= 1.0f) return full;
    int sw = (int)fmaxf(1, roundf((float)full->w * scale)), sh = (int)fmaxf(1, roundf((float)full->h * scale));
    SDL_Surface *conv = SDL_ConvertSurfaceFormat(full, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(full);
    if (!conv) return NULL;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, sw, sh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out && SDL_SoftStretchLinear(conv, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        out = NULL;
    }
    SDL_FreeSurface(conv);
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
