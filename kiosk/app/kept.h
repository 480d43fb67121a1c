/* kept.h: the first frame kept between starts, for the window's loop (ops/keptframe.h has
 * the file, platform/window.c the showing). */
#ifndef KIOSK_KEPT_H
#define KIOSK_KEPT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/options.h"
#include "ops/config.h"
#include "platform/window.h"

typedef struct Kept {
    bool on;    /* there is a place for the file, and this start may keep its first frame */
    char path[4200];
    uint64_t key;
} Kept;

/* Once the window is open (before the bundle is needed): the key of this start's first frame,
 * and the kept one shown when it matches. Not outside opening hours (the first frame may be
 * dark), nor for --window-shot. `fingerprint`: watch_fingerprint of the bundle's folder. */
void kept_open(Kept *kp, const Options *o, const KioskConfig *cfg, const char *bundle_path,
               unsigned long long fingerprint, const char *assets, Window *w);
/* After a frame was shown: the first complete one is kept (once); a dark one ends it. */
void kept_after_frame(Kept *kp, Window *w, bool dark);

#endif
