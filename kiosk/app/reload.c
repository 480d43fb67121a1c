/* reload.c: debounce, background load, hand-over.
 *
 * A bundle being copied file by file must never be shown half. Three guards: the load starts
 * only after the folder has been quiet for RELOAD_DEBOUNCE_MS; the checker refuses a bundle
 * with missing files; and a fingerprint of all files (names, sizes, times) taken before and
 * after loading must match, otherwise the load is thrown away and retried after the next
 * quiet period. The loader thread never touches the screen: it hands the result over through
 * an SDL event, and the main loop decides when to switch. */
#include "app/reload.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/watch.h"

enum { REPORT_BYTES = 8192 };

struct Reloader {
    char path[4096];
    Watch *watch;
    ReloadEvents ev;
    SDL_mutex *lock;
    /* guarded by lock: */
    Bundle *result;
    char report[REPORT_BYTES];
    bool loading;
    unsigned long long loaded_fingerprint; /* of the files the last load read */
    /* main thread only: */
    int64_t changed_ms; /* last change not yet loaded; INT64_MAX for none */
    unsigned long long last_fingerprint;
    SDL_Thread *thread;
};

static void on_change(void *ctx)
{
    Reloader *r = ctx;
    SDL_Event e = {.type = r->ev.changed};
    SDL_PushEvent(&e);
}

Reloader *reloader_start(const char *path, ReloadEvents ev)
{
    Reloader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    snprintf(r->path, sizeof r->path, "%s", path);
    r->ev = ev;
    r->lock = SDL_CreateMutex();
    r->changed_ms = INT64_MAX;
    r->last_fingerprint = watch_fingerprint(path);
    r->watch = watch_start(path, on_change, r);
    if (!r->watch || !r->lock) {
        reloader_stop(r);
        return NULL;
    }
    return r;
}

void reloader_stop(Reloader *r)
{
    if (!r) return;
    watch_stop(r->watch);
    if (r->thread) SDL_WaitThread(r->thread, NULL);
    bundle_free(r->result);
    if (r->lock) SDL_DestroyMutex(r->lock);
    free(r);
}

void reloader_changed(Reloader *r, int64_t now_ms)
{
    r->changed_ms = now_ms;
}

void reloader_request(Reloader *r, int64_t now_ms)
{
    r->last_fingerprint = 0; /* load even if nothing seems to have changed */
    r->changed_ms = now_ms - RELOAD_DEBOUNCE_MS;
}

static int load_thread(void *arg)
{
    Reloader *r = arg;
    unsigned long long before = watch_fingerprint(r->path);
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(r->path, &d);
    unsigned long long after = watch_fingerprint(r->path);
    char report[REPORT_BYTES];
    size_t used = 0;
    report[0] = '\0';
    for (size_t i = 0; i < d.count && used < sizeof report - 1; i++) {
        char line[1024];
        used += (size_t)snprintf(report + used, sizeof report - used, "%s\n",
                                 diag_format(&d.items[i], line, sizeof line));
    }
    if (before != after) {
        /* Files changed while we read them: this may be half a copy. Try again later. */
        bundle_free(b);
        b = NULL;
        snprintf(report, sizeof report, "the bundle changed while it was being read; waiting "
                 "for the copy to finish\n");
    }
    diags_free(&d);
    SDL_LockMutex(r->lock);
    bundle_free(r->result);
    r->result = b;
    snprintf(r->report, sizeof r->report, "%s", report);
    r->loaded_fingerprint = before;
    r->loading = false;
    SDL_UnlockMutex(r->lock);
    SDL_Event e = {.type = r->ev.loaded};
    SDL_PushEvent(&e);
    return 0;
}

int64_t reloader_tick(Reloader *r, int64_t now_ms)
{
    if (r->changed_ms == INT64_MAX) return INT64_MAX;
    int64_t due = r->changed_ms + RELOAD_DEBOUNCE_MS;
    if (now_ms < due) return due;
    SDL_LockMutex(r->lock);
    bool busy = r->loading;
    SDL_UnlockMutex(r->lock);
    if (busy) return now_ms + 100;
    unsigned long long fp = watch_fingerprint(r->path);
    r->changed_ms = INT64_MAX;
    if (fp == r->last_fingerprint) return INT64_MAX; /* touched but not changed */
    if (r->thread) SDL_WaitThread(r->thread, NULL);
    r->loading = true;
    r->thread = SDL_CreateThread(load_thread, "bundle-load", r);
    if (!r->thread) {
        r->loading = false;
        fprintf(stderr, "kiosk: cannot start loading the new bundle: %s\n", SDL_GetError());
    }
    return INT64_MAX;
}

Bundle *reloader_take(Reloader *r, char *report, size_t size)
{
    SDL_LockMutex(r->lock);
    Bundle *b = r->result;
    r->result = NULL;
    snprintf(report, size, "%s", r->report);
    unsigned long long loaded = r->loaded_fingerprint;
    SDL_UnlockMutex(r->lock);
    /* Remember what was read, not what is there now: a change made after the load (and its
     * inotify event) must still lead to a new load. */
    if (strstr(report, "changed while")) r->changed_ms = SDL_GetTicks64(); /* retry */
    else r->last_fingerprint = loaded;
    if (watch_fingerprint(r->path) != loaded && r->changed_ms == INT64_MAX)
        r->changed_ms = SDL_GetTicks64(); /* changed since: look again */
    return b;
}
