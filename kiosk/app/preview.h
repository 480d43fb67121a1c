/* preview.h: the admin screen's preview of every screen, rendered by a child process.
 *
 * Rendering every screen of a bundle takes seconds to minutes (17 s for the default bundle on
 * a 2-core machine); on the UI thread that would stop touch and the watchdog. A child process
 * (the kiosk itself with --render-all) does it instead: its memory is its own, a crash in it
 * cannot take the kiosk down, and the loop only looks whether it has finished. */
#ifndef KIOSK_PREVIEW_H
#define KIOSK_PREVIEW_H

#include <stdbool.h>
#include <sys/types.h>

typedef struct Preview {
    pid_t pid; /* 0: none running */
} Preview;

/* Starts `program --render-all dir --size WxH bundle`. False (logged) when it cannot start. */
bool preview_start(Preview *p, const char *program, const char *dir, int w, int h,
                   const char *bundle);
/* Without waiting: true once the child has ended; *ok says whether it succeeded. */
bool preview_finished(Preview *p, bool *ok);
/* Ends a running preview (on quit). */
void preview_stop(Preview *p);

#endif
