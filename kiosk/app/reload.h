/* reload.h: hot swap of the bundle while the kiosk runs.
 *
 * Changes to the bundle folder are debounced; then the bundle is loaded and checked on a
 * background thread. A valid bundle is offered to the supervisor, which switches at a quiet
 * moment; an invalid one is reported (log and admin screen) and the old bundle stays.
 * No SDL: the reloader wakes its owner through a callback, called from its own threads. */
#ifndef KIOSK_RELOAD_H
#define KIOSK_RELOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle/bundle.h"

typedef struct Reloader Reloader;

/* Called from the watcher or loader thread when the owner should call reloader_tick (a
 * change was noticed, or a load finished). Must be thread-safe and quick. */
typedef void (*ReloadWake)(void *ctx);

/* What a finished load came to. */
typedef enum {
    RELOAD_NOTHING,  /* no load finished since the last reloader_take */
    RELOAD_VALID,    /* a valid bundle: switch to it at a quiet moment */
    RELOAD_INVALID,  /* the bundle has errors: keep the one on screen (report says why) */
    RELOAD_MOVING,   /* files changed while they were read (a copy in progress): retried */
} ReloadOutcome;

enum { RELOAD_DEBOUNCE_MS = 1500 };

/* Starts watching `path`, whose bundle on screen was read when the folder had `fingerprint`
 * (watch_fingerprint taken before loading it; 0: take it now). A change between that load and
 * this start is then still noticed. NULL when it cannot be watched (the kiosk then runs without
 * hot swap, and says so). */
Reloader *reloader_start(const char *path, unsigned long long fingerprint, ReloadWake wake,
                         void *ctx);
void reloader_stop(Reloader *r);
/* Notes changes seen by the watcher and starts a load when the folder has been quiet for
 * RELOAD_DEBOUNCE_MS; returns when it should next be called, or INT64_MAX. */
int64_t reloader_tick(Reloader *r, int64_t now_ms);
/* The outcome of the last finished load, once: *out receives the bundle for RELOAD_VALID
 * (owned by the caller, else NULL) and `report` the diagnostics text (may be empty). */
ReloadOutcome reloader_take(Reloader *r, int64_t now_ms, Bundle **out, char *report, size_t size);
/* Forces a reload now (the admin screen's "reload" button, SIGHUP). */
void reloader_request(Reloader *r, int64_t now_ms);

#endif
