/* damage.h: what changed on screen between two frames, from their display lists. Pure code.
 *
 * A tap that presses a tile changes one colour in the list; presenting the whole frame for it
 * costs a full-screen copy to the display (about 16 ms at 1920x1080 through X), drawing only
 * the tile's pixels and presenting only those costs a fraction of a millisecond. Comparing
 * the lists, not the pixels, tells where without reading back a frame: a command is the same
 * when everything of it that reaches the pixels is (dlist_cmd_sig), and a pixel whose
 * commands are all the same as last time has the same colour as last time. */
#ifndef KIOSK_DAMAGE_H
#define KIOSK_DAMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/dlist.h"

enum { DAMAGE_MAX_RECTS = 4 };

/* Whole pixels, in the list's coordinates. */
typedef struct DamageRect {
    int x, y, w, h;
} DamageRect;

typedef struct Damage {
    uint64_t *sig[2]; /* [0]: the last frame's commands; [1]: room for this frame's */
    Rect *box[2];     /* and the pixels each could touch (clipped) */
    size_t n, cap;
    float width, height;
    bool valid; /* false: the next frame is all new (first frame, resize, exposure...) */
} Damage;

/* The first frame (and any after damage_invalidate) is damaged everywhere. */
void damage_init(Damage *d);
void damage_free(Damage *d);
/* Whatever is on the display now is not what the last list drew. */
void damage_invalidate(Damage *d);

/* Compares `l` with the list of the last call and remembers it. Writes up to
 * DAMAGE_MAX_RECTS rectangles that cover every pixel that may differ and returns how many:
 * 0 when nothing changed, one rectangle of the whole viewport when everything may have (or
 * when most of it did, where one rectangle is cheaper than several). */
size_t damage_update(Damage *d, const DisplayList *l, DamageRect out[DAMAGE_MAX_RECTS]);

/* The pixels one command may touch, with the clip in force (clip.w == 0: none): beyond its
 * rectangle by what overhangs it (a glyph past its line box, a stroke, a zooming picture). */
Rect damage_box(const DlCmd *c, Rect clip);
/* True when nothing the command draws can land in `visible` (so it need not be drawn, nor
 * its text rendered); clips, groups, clips playing and pictures fetched ahead never are. */
bool damage_unseen(const DlCmd *c, Rect visible);

#endif
