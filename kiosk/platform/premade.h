/* premade.h: textures made between frames for pictures the worker thread is still decoding.
 *
 * Turning an arrived picture into a texture was the slowest thing a 4K frame did: a detail
 * page's 943x707 picture took 7-20 ms, nearly all page faults of the texture's fresh memory,
 * and could not be split (docs/performance.md). When a large picture is sent to the worker
 * its size is known already (a photo's from its header, an SVG's from its root element), so
 * the window makes its texture while it waits between frames (drawer_idle), and the frame the
 * picture arrives in only copies its pixels into memory that is already there. A texture of
 * the wrong size or format (a guess that missed) is dropped and the picture made as before. */
#ifndef KIOSK_PREMADE_H
#define KIOSK_PREMADE_H

#include <SDL.h>
#include <stdbool.h>

#include "core/decodesize.h"
#include "platform/decoder.h"

/* PREMADE_MIN_BYTES: smaller pictures cost a few page faults; their textures are made as
 * they arrive (and a fling through small tiles keeps no textures ahead). */
enum { PREMADE_SLOTS = 4, PREMADE_MIN_BYTES = 256 * 1024 };

typedef struct PremadeSlot {
    char *key; /* the picture's cache key; NULL: a free slot */
    int w, h;
    Uint32 format;
    SDL_Texture *t; /* NULL until the window had time to make it */
} PremadeSlot;

typedef struct Premade {
    PremadeSlot slot[PREMADE_SLOTS];
    size_t used, missed; /* arrivals that took their texture; textures made but not used */
} Premade;

/* Sends a picture to the worker (decoder_request; false when its queue is full) and expects
 * it: a photo's size is ds's shown size, an SVG's is read from its file (path) for the w x h
 * box. Nothing is expected when it is small, its size cannot be told, or every slot waits. */
bool premade_request(Premade *p, Decoder *dec, const char *key, const char *path, bool svg,
                     const DecodeSize *ds, int w, int h);
/* Makes one expected texture; true when it did. */
bool premade_idle(Premade *p, SDL_Renderer *r);
/* The picture `key` arrived as s: its texture made ahead, holding s's pixels, or NULL (none
 * expected, not made yet, or unfit). Either way the slot is free again. s stays the caller's. */
SDL_Texture *premade_take(Premade *p, const char *key, SDL_Surface *s);
/* Frees every slot and its texture. */
void premade_free(Premade *p);

#endif
