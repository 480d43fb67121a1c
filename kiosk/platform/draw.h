/* draw.h: draws a display list with an SDL renderer (window or software surface alike).
 *
 * The Drawer owns the fonts and a texture cache with a byte budget. It is the only place that
 * turns text, pictures and QR codes into pixels, so the window and the PNG output can never
 * disagree. */
#ifndef KIOSK_DRAW_H
#define KIOSK_DRAW_H

#include <stddef.h>

#include "bundle/bundle.h"
#include "ui/damage.h"
#include "ui/dlist.h"
#include "ui/view.h"

struct SDL_Renderer;
typedef struct Drawer Drawer;

typedef struct DrawStats {
    size_t cache_bytes, cache_count, cache_evictions;
    size_t decodes, decode_failures;
    size_t groups_kept, groups_made, groups_direct; /* retained drawing (retained.h) */
    size_t groups_reused; /* of groups_made: into a texture that left the screen */
    size_t premade_used, premade_missed; /* arrived pictures whose texture was made ahead */
} DrawStats;

/* `assets` is the folder holding icons/ (borrowed). Returns NULL when no font can be found. */
Drawer *drawer_create(struct SDL_Renderer *r, const Theme *theme, const char *assets,
                      size_t budget_bytes);
void drawer_destroy(Drawer *d);
/* Call when the bundle (and so its images and theme) changes. Measurers from drawer_measure
 * stay valid. */
void drawer_set_theme(Drawer *d, const Theme *theme);
TextMeasure drawer_measure(Drawer *d);
void drawer_draw(Drawer *d, const DisplayList *list);
/* Draws the list only inside these rectangles (damage.h; n == 0: everywhere): the pixels
 * outside keep what the last frame drew there. */
void drawer_draw_in(Drawer *d, const DisplayList *list, const DamageRect *rects, size_t n);
/* True when the last frame drew a picture that was still on its way (a placeholder where it
 * will be), or left texts for the next frame (with a worker, a frame makes new textures for
 * about 1.5 ms per 1920x1080 and then calls notify): the next frame must draw them although
 * their commands did not change. Always false without a worker. */
bool drawer_pending(const Drawer *d);
/* Who draws DL_VIDEO commands (the window's video output); none: they are skipped, and the
 * poster the view put under them shows. */
void drawer_set_video(Drawer *d, void (*draw)(void *ctx, const DlCmd *c), void *ctx);
DrawStats drawer_stats(const Drawer *d);
/* Renders the texts and icons of a list not drawn yet, and fetches its pictures, for about
 * budget_ms: its first frame then only copies them. True when all of it is ready. */
bool drawer_prepare(Drawer *d, const DisplayList *list, int budget_ms);
/* Retained drawing (retained.h): cards and tiles kept as pictures. Off by default; the
 * environment's KIOSK_RETAIN=1 turns it on. */
void drawer_set_retain(Drawer *d, bool on);
/* Decode pictures on a worker thread: every picture above a small size (an icon's) from the
 * first frame on, and small ones once this frame has spent budget_ms decoding; they are not
 * drawn until they arrive. `notify` runs on the worker when a picture is ready. */
void drawer_set_async(Drawer *d, void (*notify)(void *ctx), void *ctx, int budget_ms);
/* Work for the time between frames (after a frame is shown, while the kiosk waits): one
 * texture for a large picture the worker is decoding (premade.h), else for the next kept
 * picture (retained.h). True when it did something. */
bool drawer_idle(Drawer *d);

#endif
