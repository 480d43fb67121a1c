/* reload.c: debounce, background load, hand-over.
 *
 * A bundle being copied file by file must never be shown half. Three guards: the load starts
 * only after the folder has been quiet for RELOAD_DEBOUNCE_MS; the checker refuses a bundle
 * with missing files; and a fingerprint of all files (names, sizes, times) taken before and
 * after loading must match, otherwise the load is thrown away (RELOAD_MOVING) and retried
 * after the next quiet period. The loader thread never touches the screen: it stores its
 * outcome and wakes the owner, who decides when to switch. */
#include "app/reload.h"

#include "layout/hyphen.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "layout/hyphen.h"
#include "ops/watch.h"

enum { REPORT_BYTES = 8192 };

struct Reloader {
    char path[4096];
    Watch *watch;
    ReloadWake wake;
    void *ctx;
    atomic_bool changed; /* set by the watcher thread */
    pthread_mutex_t lock;
    /* guarded by lock: */
    Bundle *result;
    char report[REPORT_BYTES];
    ReloadOutcome outcome;
    bool loading;
    unsigned long long loaded_fingerprint; /* of the files the last load read */
    /* owner's thread only: */
    int64_t changed_ms; /* last change not yet loaded; INT64_MAX for none */
    unsigned long long last_fingerprint;
    bool thread_started;
    pthread_t thread;
};

static void on_change(void *ctx)
{
    Reloader *r = ctx;
    atomic_store(&r->changed, true);
    r->wake(r->ctx);
}

Reloader *reloader_start(const char *path, unsigned long long fingerprint, ReloadWake wake,
                         void *ctx)
{
    Reloader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    snprintf(r->path, sizeof r->path, "%s", path);
    r->wake = wake;
    r->ctx = ctx;
    pthread_mutex_init(&r->lock, NULL);
    r->changed_ms = INT64_MAX;
    r->last_fingerprint = fingerprint ? fingerprint : watch_fingerprint(path);
    r->watch = watch_start(path, on_change, r);
    if (!r->watch) {
        reloader_stop(r);
        return NULL;
    }
    /* Changed since it was loaded (a deploy during start-up): load it again. */
    if (watch_fingerprint(path) != r->last_fingerprint) atomic_store(&r->changed, true);
    return r;
}

void reloader_stop(Reloader *r)
{
    if (!r) return;
    watch_stop(r->watch);
    if (r->thread_started) pthread_join(r->thread, NULL);
    bundle_free(r->result);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

void reloader_request(Reloader *r, int64_t now_ms)
{
    r->last_fingerprint = 0; /* load even if nothing seems to have changed */
    r->changed_ms = now_ms - RELOAD_DEBOUNCE_MS;
}

static void *load_thread(void *arg)
{
    Reloader *r = arg;
    unsigned long long before = watch_fingerprint(r->path);
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(r->path, &d);
    /* Its languages' hyphenation ready before it is shown, not at a visitor's first tap. */
    if (b) hyphen_preload((const char *const *)b->languages, b->n_languages);
    unsigned long long after = watch_fingerprint(r->path);
    char report[REPORT_BYTES];
    diags_to_text(&d, report, sizeof report);
    diags_free(&d);
    ReloadOutcome outcome = b ? RELOAD_VALID : RELOAD_INVALID;
    if (before != after) {
        /* Files changed while we read them: this may be half a copy. Try again later. */
        bundle_free(b);
        b = NULL;
        outcome = RELOAD_MOVING;
        snprintf(report, sizeof report, "the bundle changed while it was being read; waiting "
                 "for the copy to finish\n");
    }
    pthread_mutex_lock(&r->lock);
    bundle_free(r->result);
    r->result = b;
    r->outcome = outcome;
    snprintf(r->report, sizeof r->report, "%s", report);
    r->loaded_fingerprint = before;
    r->loading = false;
    pthread_mutex_unlock(&r->lock);
    r->wake(r->ctx);
    return NULL;
}

int64_t reloader_tick(Reloader *r, int64_t now_ms)
{
    if (atomic_exchange(&r->changed, false)) r->changed_ms = now_ms;
    if (r->changed_ms == INT64_MAX) return INT64_MAX;
    int64_t due = r->changed_ms + RELOAD_DEBOUNCE_MS;
    if (now_ms < due) return due;
    pthread_mutex_lock(&r->lock);
    bool busy = r->loading;
    pthread_mutex_unlock(&r->lock);
    if (busy) return now_ms + 100;
    unsigned long long fp = watch_fingerprint(r->path);
    r->changed_ms = INT64_MAX;
    if (fp == r->last_fingerprint) return INT64_MAX; /* touched but not changed */
    if (r->thread_started) pthread_join(r->thread, NULL);
    r->loading = true;
    r->thread_started = pthread_create(&r->thread, NULL, load_thread, r) == 0;
    if (!r->thread_started) {
        r->loading = false;
        log_error("cannot start loading the new bundle: out of threads");
    }
    return INT64_MAX;
}

ReloadOutcome reloader_take(Reloader *r, int64_t now_ms, Bundle **out, char *report, size_t size)
{
    pthread_mutex_lock(&r->lock);
    ReloadOutcome outcome = r->outcome;
    *out = r->result;
    r->result = NULL;
    r->outcome = RELOAD_NOTHING;
    snprintf(report, size, "%s", r->report);
    unsigned long long loaded = r->loaded_fingerprint;
    pthread_mutex_unlock(&r->lock);
    if (outcome == RELOAD_NOTHING) return outcome;
    /* Remember what was read, not what is there now: a change made after the load (and its
     * inotify event) must still lead to a new load. */
    if (outcome == RELOAD_MOVING) r->changed_ms = now_ms; /* retry */
    else r->last_fingerprint = loaded;
    if (watch_fingerprint(r->path) != loaded && r->changed_ms == INT64_MAX)
        r->changed_ms = now_ms; /* changed since: look again */
    return outcome;
}
