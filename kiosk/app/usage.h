/* usage.h: turns what happens in a Session into anonymous statistics (ops/stats).
 *
 * Called once per main-loop turn; it notices screen changes, visits beginning (first input
 * after the kiosk was idle) and ending (the idle reset), and quiz results. */
#ifndef KIOSK_USAGE_H
#define KIOSK_USAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "ops/stats.h"
#include "ui/session.h"

typedef struct Usage {
    Stats *stats;             /* borrowed; NULL: statistics off */
    bool visit_open;
    ScreenKind kind;          /* the screen being looked at */
    bool attract;
    char id[128];             /* its collection or item id (copied: the bundle may be swapped) */
    char lang[16];
    int64_t screen_ms;        /* when it appeared (monotonic) */
    int64_t screen_wall;      /* ... and in Unix seconds */
    int64_t last_input_ms;    /* session's input clock at the last look */
    int64_t last_input_wall;
    unsigned long idle_resets;
    bool result_recorded;
} Usage;

void usage_init(Usage *u, Stats *stats, const Session *s, int64_t now_ms, int64_t wall_s);
/* Call after handling input and timers. */
void usage_update(Usage *u, const Session *s, int64_t now_ms, int64_t wall_s);
/* Ends the visit in progress (before quitting or swapping the bundle). */
void usage_end_visit(Usage *u, const Session *s, int64_t now_ms, int64_t wall_s);

#endif
