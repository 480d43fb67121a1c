/* videoout.h: the window's video output: one player, driven by the display lists it draws.
 *
 * The lists say everything (ui/dlist.h, DL_VIDEO): a clip on the top screen plays, a clip of
 * a screen further down the stack waits paused (coming back resumes it), and a clip in no
 * list is stopped and let go, which is what the idle reset does. No policy of its own. */
#ifndef KIOSK_VIDEOOUT_H
#define KIOSK_VIDEOOUT_H

#include <stdint.h>

#include "ui/dlist.h"

struct SDL_Renderer;
typedef struct VideoOut VideoOut;

/* `wake` is called from another thread when the player has news (a clip opened, failed or
 * ended, which no frame request may be there to notice): the window draws again. */
VideoOut *videoout_create(struct SDL_Renderer *r, void (*wake)(void *ctx), void *ctx);
void videoout_destroy(VideoOut *v);
/* Before the list is drawn: starts, resumes, pauses or stops the clip it names and takes
 * the newest frame into the texture. */
void videoout_update(VideoOut *v, const DisplayList *list);
/* Draws a DL_VIDEO command (drawer_set_video's hook): the newest frame, contained in its
 * rectangle; nothing before the first frame or after a failure (the poster shows). */
void videoout_draw(void *ctx, const DlCmd *c);
/* Where the playing clip is (ms), or -1. */
int64_t videoout_time_ms(VideoOut *v);

#endif
