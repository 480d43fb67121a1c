/* health.h: the running kiosk's status files (fleet health), and when to write them.
 *
 * The supervisor tells it what happened (a load and its report, a touch) and, at each step,
 * what is on screen and whether the screen is dark; it writes status.json (and the
 * Prometheus textfile, when configured) at once when something changed (a load, the bundle
 * on screen, the display on or off) and otherwise once a minute (HEALTH_HEARTBEAT_MS), so
 * uptime and the last touch stay fresh and a file older than a few minutes means a kiosk
 * that stopped writing. A touch never causes a write of its own, and a heartbeat waits for a
 * quiet moment (no finger down, nobody deep in a screen; HEALTH_DEFER_MS at most): the write
 * and its fsyncs take tens of milliseconds on an SD card, which a scroll under a finger must
 * not feel. A kiosk at rest wakes once a minute for it, never more often. No clock is
 * read here: `now_ms` (monotonic) and `wall_s` (Unix seconds) are parameters, and the times
 * in the file are worked out from the monotonic clock at each write, so a wall clock set late
 * (a Raspberry Pi without a real-time clock, before NTP) is put right by the next write. */
#ifndef KIOSK_HEALTH_H
#define KIOSK_HEALTH_H

#include <stdbool.h>
#include <stdint.h>

#include "bundle/bundle.h"
#include "core/fileio.h"
#include "ops/config.h"
#include "ops/status.h"

enum {
    HEALTH_HEARTBEAT_MS = 60 * 1000,
    HEALTH_DEFER_MS = 5 * 60 * 1000, /* a heartbeat waits this long at most for a quiet moment */
    HEALTH_QUIET_LOOK_MS = 1000,     /* ... looking again this often */
};

typedef struct Health {
    char json_path[FILEIO_MAX_PATH]; /* STATUS_DIR/status.json; "" when off */
    char prom_path[FILEIO_MAX_PATH]; /* the Prometheus textfile; "" when none */
    KioskStatus st;       /* what the next write says */
    bool dirty;           /* something changed: write at the next step */
    int64_t started_ms;   /* when the kiosk started (monotonic) */
    int64_t touch_ms;     /* the last touch (monotonic); INT64_MIN: none yet */
    int64_t next_ms;      /* the next write without a change (monotonic) */
    bool failing[2];      /* the last write of json, prom failed (said once in the log) */
    unsigned long writes; /* files written (for tests) */
} Health;

/* Takes the paths from `cfg` (copied: cfg may change on SIGHUP; they apply after a restart)
 * and the host name (NULL: gethostname()). */
void health_init(Health *h, const KioskConfig *cfg, const char *hostname, int64_t now_ms);
/* The outcome of a load of the configured bundle and its report (one problem a line). */
void health_load(Health *h, bool ok, const char *report);
void health_touch(Health *h, int64_t now_ms);
/* Writes when due (a heartbeat only when `quiet`, or after waiting HEALTH_DEFER_MS); returns
 * when it next wants a step (INT64_MAX when off). */
int64_t health_step(Health *h, const Bundle *on_screen, bool display_on, bool quiet,
                    int64_t now_ms, int64_t wall_s);
/* The kiosk stops: the last write says it is not running. */
void health_stop(Health *h, int64_t now_ms, int64_t wall_s);

#endif
