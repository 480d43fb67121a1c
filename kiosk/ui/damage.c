/* damage.c: the rectangles that changed between two display lists (damage.h).
 *
 * Two lists of the same length are compared command by command; otherwise (a chip appeared,
 * a screen changed) what lies between their common beginning and common end is damaged. Both
 * are exact in the sense that matters: a pixel outside every damaged box is touched, in both
 * frames, by the same commands in the same order, so it keeps its colour. A clip is part of
 * each command it applies to. A playing clip's frames are not in the list, so its box is
 * damaged in every frame. */
#include "ui/damage.h"

#include <math.h>
#include <stdlib.h>

#include "core/util.h"

enum { NEAR_PX = 24 }; /* boxes this close are one rectangle: fewer, larger copies */

void damage_init(Damage *d)
{
    *d = (Damage){0};
}

void damage_free(Damage *d)
{
    for (int k = 0; k < 2; k++) free(d->sig[k]), free(d->box[k]);
    *d = (Damage){0};
}

void damage_invalidate(Damage *d)
{
    d->valid = false;
}

static Rect grow(Rect r, float by)
{
    return (Rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by};
}

Rect damage_box(const DlCmd *c, Rect clip)
{
    Rect b;
    switch (c->kind) {
    case DL_CLIP: return (Rect){0};
    case DL_TEXT: b = grow(c->r, 2.0f + (float)c->px * 0.5f); break;
    case DL_FRAME: b = grow(c->r, 1.0f + c->stroke); break;
    case DL_POLY: b = grow(c->r, 2.0f + fmaxf(1.5f, c->sx * 3.0f) + c->stroke); break;
    case DL_IMAGE:
        b = c->r;
        if (c->zoom > 1.0f && !c->cover && c->decode_w <= 0) {
            float z = fminf(c->zoom, DL_ZOOM_MAX);
            float fx = b.x + b.w * c->focus_x, fy = b.y + b.h * c->focus_y;
            b = (Rect){fx - (fx - b.x) * z, fy - (fy - b.y) * z, b.w * z, b.h * z};
        }
        b = grow(b, 1.0f);
        break;
    default: b = grow(c->r, 1.0f); break;
    }
    if (!(b.w > 0 && b.h > 0)) return (Rect){0};
    if (clip.w > 0) {
        /* the drawer clips to whole pixels around the clip's rectangle */
        Rect px = {floorf(clip.x), floorf(clip.y), ceilf(clip.w) + 1, ceilf(clip.h) + 1};
        b = rect_intersect(b, px);
        if (!(b.w > 0 && b.h > 0)) return (Rect){0};
    }
    return b;
}

bool damage_unseen(const DlCmd *c, Rect visible)
{
    if (c->kind == DL_CLIP || c->kind == DL_GROUP || c->kind == DL_VIDEO) return false;
    if (c->kind == DL_IMAGE && c->alpha == 0) return false; /* fetched ahead on purpose */
    return !rect_overlaps(damage_box(c, (Rect){0}), visible);
}

static bool reserve(Damage *d, size_t n)
{
    if (n <= d->cap) return true;
    size_t cap = n < 256 ? 256 : n;
    for (int k = 0; k < 2; k++) {
        uint64_t *sig = realloc(d->sig[k], cap * sizeof *sig);
        if (sig) d->sig[k] = sig;
        Rect *box = realloc(d->box[k], cap * sizeof *box);
        if (box) d->box[k] = box;
        if (!sig || !box) return false;
    }
    d->cap = cap;
    return true;
}

static Rect unite(Rect a, Rect b)
{
    float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
    float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);
    return (Rect){x0, y0, x1 - x0, y1 - y0};
}

typedef struct Acc {
    Rect r[DAMAGE_MAX_RECTS];
    size_t n;
} Acc;

/* Adds a box: into a rectangle it touches, else a new one, else the one it grows least. */
static void add(Acc *a, Rect b)
{
    if (!(b.w > 0 && b.h > 0)) return;
    for (size_t i = 0; i < a->n; i++) {
        if (!rect_overlaps(grow(a->r[i], NEAR_PX), b)) continue;
        Rect u = unite(a->r[i], b);
        a->r[i] = a->r[--a->n]; /* the union may now touch another: add it again */
        add(a, u);
        return;
    }
    if (a->n < DAMAGE_MAX_RECTS) {
        a->r[a->n++] = b;
        return;
    }
    size_t best = 0;
    float least = INFINITY;
    for (size_t i = 0; i < a->n; i++) {
        Rect u = unite(a->r[i], b);
        float growth = u.w * u.h - a->r[i].w * a->r[i].h;
        if (growth < least) least = growth, best = i;
    }
    Rect u = unite(a->r[best], b);
    a->r[best] = a->r[--a->n];
    add(a, u);
}

static uint64_t with_clip(uint64_t sig, Rect clip)
{
    float f[4] = {clip.x, clip.y, clip.w, clip.h};
    return hash_bytes(hash_u64(hash_start(5), sig), f, sizeof f);
}

/* This frame's signatures and boxes (into the spare buffers, which then become the last
 * frame's); the boxes that differ from the last frame's into a. */
static void compare(Damage *d, const DisplayList *l, Acc *a)
{
    size_t n = l->n_cmds, old = d->valid ? d->n : 0;
    const uint64_t *was = d->sig[0];
    const Rect *was_box = d->box[0];
    uint64_t *sig = d->sig[1];
    Rect *box = d->box[1];
    Rect clip = {0};
    for (size_t i = 0; i < n; i++) {
        const DlCmd *c = &l->cmds[i];
        if (c->kind == DL_CLIP) clip = c->r.w > 0 ? c->r : (Rect){0};
        sig[i] = with_clip(dlist_cmd_sig(c), clip);
        box[i] = damage_box(c, clip);
        if (c->kind == DL_VIDEO && c->alpha) add(a, box[i]); /* its frames are not in the list */
    }
    if (n == old) {
        for (size_t i = 0; i < n; i++)
            if (sig[i] != was[i]) add(a, was_box[i]), add(a, box[i]);
    } else {
        size_t prefix = 0, suffix = 0;
        while (prefix < n && prefix < old && sig[prefix] == was[prefix]) prefix++;
        while (suffix < n - prefix && suffix < old - prefix && sig[n - 1 - suffix] == was[old - 1 - suffix])
            suffix++;
        for (size_t i = prefix; i < old - suffix; i++) add(a, was_box[i]);
        for (size_t i = prefix; i < n - suffix; i++) add(a, box[i]);
    }
    d->sig[1] = d->sig[0], d->sig[0] = sig;
    d->box[1] = d->box[0], d->box[0] = box;
    d->n = n;
}

size_t damage_update(Damage *d, const DisplayList *l, DamageRect out[DAMAGE_MAX_RECTS])
{
    int W = (int)ceilf(l->width), H = (int)ceilf(l->height);
    DamageRect all = {0, 0, W, H};
    bool was_valid = d->valid && d->width == l->width && d->height == l->height;
    if (!reserve(d, l->n_cmds > 0 ? l->n_cmds : 1)) {
        d->valid = false;
        out[0] = all;
        return 1;
    }
    d->valid = was_valid;
    Acc a = {.n = 0};
    compare(d, l, &a);
    d->valid = true;
    d->width = l->width;
    d->height = l->height;
    if (!was_valid) {
        out[0] = all;
        return 1;
    }
    size_t n = 0;
    long area = 0;
    for (size_t i = 0; i < a.n; i++) {
        Rect r = a.r[i];
        int x0 = (int)floorf(r.x) - 1, y0 = (int)floorf(r.y) - 1;
        int x1 = (int)ceilf(r.x + r.w) + 1, y1 = (int)ceilf(r.y + r.h) + 1;
        x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
        x1 = x1 > W ? W : x1, y1 = y1 > H ? H : y1;
        if (x1 <= x0 || y1 <= y0) continue;
        out[n++] = (DamageRect){x0, y0, x1 - x0, y1 - y0};
        area += (long)(x1 - x0) * (y1 - y0);
    }
    if (area * 2 > (long)W * H) {
        out[0] = all;
        return 1;
    }
    return n;
}
