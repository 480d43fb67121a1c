/* retained.h: cards and tiles drawn once and kept as pictures (DL_GROUP, ui/dlist.h).
 *
 * The drawer's helper: a group whose key (dlist_group_key) is in the texture cache is one
 * opaque copy; a new one is drawn into a texture of its own, on its backdrop, through the
 * drawer's own function for single commands, and kept when it came out complete. */
#ifndef KIOSK_RETAINED_H
#define KIOSK_RETAINED_H

#include <SDL.h>
#include <stdbool.h>

#include "core/lru.h"
#include "ui/dlist.h"

/* Draws one command; false when what it drew is not final (a picture still on its way). */
typedef bool (*RetainedDrawFn)(void *ctx, const DlCmd *c);

enum {
    RETAINED_SEEN = 1024,          /* groups remembered as seen */
    RETAINED_AFTER_FRAMES = 3,     /* a group is kept once it was drawn in this many frames */
    RETAINED_PICTURES = 256,       /* kept pictures remembered for reuse */
    RETAINED_SPARES = 2,           /* blank textures made while the kiosk waits */
};

typedef struct RetainedSeen {
    uint64_t key;
    unsigned frames; /* frames it was drawn in, as it is */
} RetainedSeen;

/* A kept picture in the cache, and when it was last on screen. */
typedef struct RetainedPicture {
    char name[64]; /* its cache key; empty: a free record */
    int w, h;
    unsigned long last; /* the frame it was last drawn in */
} RetainedPicture;

typedef struct Retained {
    size_t kept, made, direct; /* groups copied from the cache, drawn and kept, drawn as is */
    size_t reused; /* of made: into a texture that left the screen, or a spare one */
    RetainedSeen seen[RETAINED_SEEN]; /* by key % RETAINED_SEEN */
    bool made_this_frame;         /* at most one new kept picture a frame */
    unsigned long frame;
    RetainedPicture pictures[RETAINED_PICTURES];
    SDL_Texture *spares[RETAINED_SPARES]; /* of the size last made, spare_w x spare_h */
    int spare_w, spare_h, n_spares;
} Retained;

/* A new frame begins (resets the per-frame budget). A new kept picture takes the texture of
 * a kept picture of its size that was drawn in neither this frame nor the one before (a card
 * that left the screen) when there is one: a fresh texture is fresh memory, whose page faults
 * cost 2 ms for a 438x400 card on the test machine, about what drawing the card costs. */
void retained_frame(Retained *rt);

/* Draws the group at l->cmds[at]. Returns how many of the commands after it were drawn (its
 * len), or 0 when the caller is to draw them one by one: the group cannot be kept, or it is
 * new. A group is kept only once it was drawn in RETAINED_AFTER_FRAMES frames, and only one
 * new one a frame, so that the first frame of a screen costs what it did without keeping
 * (making a picture is the drawing plus a copy) and the making is spread over the frames
 * after it. `clip` is the clip in force (NULL: none), set again after drawing into a texture. */
/* Work for when the kiosk waits between frames: makes one blank texture of the size of the
 * last new kept picture, for the next one to take instead of a fresh allocation (up to
 * RETAINED_SPARES). Returns true when it made one. */
bool retained_idle(Retained *rt, SDL_Renderer *r);
/* Frees the spare textures. */
void retained_free(Retained *rt);

size_t retained_draw(SDL_Renderer *r, Lru *cache, const DisplayList *l, size_t at,
                     const SDL_Rect *clip, RetainedDrawFn draw, void *ctx, Retained *rt);

#endif
