/* reload.h: hot swap of the bundle while the kiosk runs.
 *
 * Changes to the bundle folder are debounced; then the bundle is loaded and checked on a
 * background thread. A valid bundle is offered to the main loop, which switches at a quiet
 * moment; an invalid one is reported (log and admin screen) and the old bundle stays. */
#ifndef KIOSK_RELOAD_H
#define KIOSK_RELOAD_H

#include <stdbool.h>
#include <stdint.h>

#include "bundle/bundle.h"

typedef struct Reloader Reloader;

/* Events the reloader pushes into SDL's queue (registered with SDL_RegisterEvents). */
typedef struct ReloadEvents {
    uint32_t changed; /* the folder changed: call reloader_changed() */
    uint32_t loaded;  /* a load finished: call reloader_take() */
} ReloadEvents;

enum { RELOAD_DEBOUNCE_MS = 1500 };

/* Starts watching `path`. NULL when it cannot be watched (the kiosk then runs without hot
 * swap, and says so). */
Reloader *reloader_start(const char *path, ReloadEvents ev);
void reloader_stop(Reloader *r);
/* Note a change at now_ms (from the `changed` event). */
void reloader_changed(Reloader *r, int64_t now_ms);
/* Starts a load when the folder has been quiet for RELOAD_DEBOUNCE_MS; returns the time the
 * main loop should next call it, or INT64_MAX. */
int64_t reloader_tick(Reloader *r, int64_t now_ms);
/* After the `loaded` event: the new bundle (owned by the caller) or NULL when it was invalid
 * or unchanged; `report` receives the diagnostics text (may be empty). */
Bundle *reloader_take(Reloader *r, char *report, size_t size);
/* Forces a reload now (the admin screen's "reload" button). */
void reloader_request(Reloader *r, int64_t now_ms);

#endif
