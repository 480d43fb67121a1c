/* retained.c: a group of commands as one kept picture (see retained.h).
 *
 * Why it pays: SDL's software renderer fills and blends row by row, and a card is a rounded
 * surface, a frame, a picture panel, a picture and a few lines of text blended over each
 * other; the kept card is one opaque copy of the same pixels (memcpy per row). The picture
 * is made on the group's backdrop colour, so it needs no alpha; the page under a card is that
 * colour, which is what the view promised when it made the group. */
#include "platform/retained.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Draws the group's commands into t, each moved to the group's corner. -1: t cannot be drawn
 * into; 0: drawn, but a picture in it is still on its way; 1: drawn complete. */
static int draw_into(SDL_Renderer *r, SDL_Texture *t, const DisplayList *l, size_t at,
                     RetainedDrawFn draw, void *ctx)
{
    const DlCmd *g = &l->cmds[at];
    SDL_Texture *before = SDL_GetRenderTarget(r);
    if (SDL_SetRenderTarget(r, t) != 0) return -1;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, (Uint8)(g->color >> 16), (Uint8)(g->color >> 8), (Uint8)g->color, 255);
    SDL_RenderClear(r);
    bool complete = true;
    /* moved by whole pixels, so every command lands on the pixels it would have on screen */
    float x0 = floorf(g->r.x), y0 = floorf(g->r.y);
    for (size_t i = at + 1; i <= at + g->len; i++) {
        DlCmd c = l->cmds[i];
        c.r.x -= x0;
        c.r.y -= y0;
        c.box.x -= x0;
        c.box.y -= y0;
        c.bound.x -= x0;
        c.bound.y -= y0;
        c.ox -= x0;
        c.oy -= y0;
        complete &= draw(ctx, &c);
    }
    SDL_SetRenderTarget(r, before);
    return complete ? 1 : 0;
}

void retained_frame(Retained *rt)
{
    rt->made_this_frame = false;
    rt->frame++;
}

static RetainedPicture *record_of(Retained *rt, const char *name)
{
    for (size_t i = 0; i < RETAINED_PICTURES; i++)
        if (strcmp(rt->pictures[i].name, name) == 0) return &rt->pictures[i];
    return NULL;
}

/* For a new picture: a free record, else the one unseen longest. */
static bool better_record(const RetainedPicture *p, const RetainedPicture *best)
{
    if (!best->name[0]) return false;
    return !p->name[0] || p->last < best->last;
}

/* The texture of a w x h kept picture off screen, taken out of the cache, and its record
 * (*slot); or NULL, and *slot the record to fill: a free one or the longest unseen. */
static SDL_Texture *reusable(Retained *rt, Lru *cache, int w, int h, RetainedPicture **slot)
{
    *slot = &rt->pictures[0];
    for (size_t i = 0; i < RETAINED_PICTURES; i++) {
        RetainedPicture *p = &rt->pictures[i];
        if (p->name[0] && p->w == w && p->h == h && p->last + 1 < rt->frame) {
            SDL_Texture *t = lru_take(cache, p->name);
            *slot = p;
            if (t) return t;
            p->name[0] = '\0'; /* the cache dropped it */
        }
        if (better_record(p, *slot)) *slot = p;
    }
    return NULL;
}

/* True when the group may be made into a kept picture in this frame. */
static bool may_make(Retained *rt, uint64_t key)
{
    RetainedSeen *slot = &rt->seen[key % RETAINED_SEEN];
    if (slot->key != key) { /* first seen: drawn as it is; it may be gone next frame */
        *slot = (RetainedSeen){key, 1};
        return false;
    }
    if (slot->frames < RETAINED_AFTER_FRAMES) {
        slot->frames++;
        return false;
    }
    if (rt->made_this_frame) return false; /* one new picture a frame */
    rt->made_this_frame = true;
    return true;
}

static void drop_spares(Retained *rt)
{
    while (rt->n_spares > 0) SDL_DestroyTexture(rt->spares[--rt->n_spares]);
}

void retained_free(Retained *rt)
{
    drop_spares(rt);
}

bool retained_idle(Retained *rt, SDL_Renderer *r)
{
    if (rt->spare_w <= 0 || rt->n_spares >= RETAINED_SPARES) return false;
    SDL_Texture *t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       rt->spare_w, rt->spare_h);
    if (!t) {
        rt->spare_w = 0; /* not again */
        return false;
    }
    rt->spares[rt->n_spares++] = t;
    return true;
}

/* A texture for a new w x h picture: one that left the screen (and its record), a spare, or
 * a fresh one. Spares follow the size of the last picture made. */
static SDL_Texture *texture_for(Retained *rt, SDL_Renderer *r, Lru *cache, int w, int h,
                                RetainedPicture **slot, bool *reused)
{
    SDL_Texture *t = reusable(rt, cache, w, h, slot);
    *reused = t != NULL;
    if (t) return t;
    if (rt->spare_w != w || rt->spare_h != h) {
        drop_spares(rt);
        rt->spare_w = w;
        rt->spare_h = h;
    } else if (rt->n_spares > 0) {
        *reused = true;
        return rt->spares[--rt->n_spares];
    }
    return SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
}

size_t retained_draw(SDL_Renderer *r, Lru *cache, const DisplayList *l, size_t at,
                     const SDL_Rect *clip, RetainedDrawFn draw, void *ctx, Retained *rt)
{
    uint64_t key[2];
    const DlCmd *g = &l->cmds[at];
    int x0 = (int)floorf(g->r.x), y0 = (int)floorf(g->r.y);
    int w = (int)ceilf(g->r.x + g->r.w) - x0, h = (int)ceilf(g->r.y + g->r.h) - y0;
    if (!dlist_group_key(l, at, key) || w <= 0 || h <= 0) {
        rt->direct++;
        return 0;
    }
    char name[64];
    snprintf(name, sizeof name, "g:%016llx%016llx:%dx%d", (unsigned long long)key[0],
             (unsigned long long)key[1], w, h);
    SDL_Rect dst = {x0, y0, w, h};
    SDL_Texture *t = lru_get(cache, name);
    if (t) {
        rt->kept++;
        RetainedPicture *rec = record_of(rt, name);
        if (rec) rec->last = rt->frame;
        SDL_RenderCopy(r, t, NULL, &dst);
        return g->len;
    }
    if (!may_make(rt, key[0])) {
        rt->direct++;
        return 0;
    }
    RetainedPicture *slot;
    bool reused; /* draw_into clears it first: nothing of an old card shows */
    t = texture_for(rt, r, cache, w, h, &slot, &reused);
    int made = t ? draw_into(r, t, l, at, draw, ctx) : -1;
    /* the target switch dropped the clip (SDL keeps it only for the default target) */
    if (t) SDL_RenderSetClipRect(r, clip);
    if (made < 0) { /* no drawing into textures here: the commands as they are */
        if (t) SDL_DestroyTexture(t);
        rt->direct++;
        return 0;
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    SDL_RenderCopy(r, t, NULL, &dst);
    if (made == 1) {
        lru_put(cache, name, t, (size_t)w * (size_t)h * 4);
        rt->made++;
        rt->reused += reused;
        snprintf(slot->name, sizeof slot->name, "%s", name);
        slot->w = w;
        slot->h = h;
        slot->last = rt->frame;
    } else { /* a picture in it is on its way: drawn this once, made again when it is there */
        SDL_DestroyTexture(t);
        rt->direct++;
    }
    return g->len;
}
