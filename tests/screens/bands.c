/* bands.c: empty bands on a display list; see bands.h. */
#include "bands.h"

#include <stdlib.h>

typedef struct Extent {
    float y0, y1;
} Extent;

static int by_top(const void *pa, const void *pb)
{
    const Extent *a = pa, *b = pb;
    return (a->y0 > b->y0) - (a->y0 < b->y0);
}

Rect band_visible(const DisplayList *d, size_t i)
{
    bool clipping = false;
    Rect clip = {0, 0, 0, 0};
    for (size_t j = 0; j < i; j++)
        if (d->cmds[j].kind == DL_CLIP) {
            clip = d->cmds[j].r;
            clipping = clip.w > 0;
        }
    Rect r = d->cmds[i].r;
    if (!clipping) return r;
    Rect v = rect_intersect(r, clip);
    if (v.w < 0) v.w = 0;
    if (v.h < 0) v.h = 0;
    return v;
}

static bool is_background(const DisplayList *d, const DlCmd *c)
{
    return c->kind == DL_RECT && c->r.x <= 0 && c->r.y <= 0 && c->r.x + c->r.w >= d->width &&
           c->r.y + c->r.h >= d->height;
}

float band_largest_empty(const DisplayList *d, float top, float bottom, float min_w, float *at)
{
    Extent *extents = malloc((d->n_cmds + 1) * sizeof *extents);
    size_t n = 0;
    bool clipping = false;
    Rect clip = {0, 0, 0, 0};
    for (size_t i = 0; extents && i < d->n_cmds; i++) {
        const DlCmd *c = &d->cmds[i];
        if (c->kind == DL_CLIP) {
            clip = c->r;
            clipping = clip.w > 0;
            continue;
        }
        if (is_background(d, c) || c->alpha == 0) continue;
        Rect r = clipping ? rect_intersect(c->r, clip) : c->r;
        if (r.w < min_w || r.h <= 0) continue;
        float y0 = r.y < top ? top : r.y, y1 = r.y + r.h > bottom ? bottom : r.y + r.h;
        if (y1 > y0) extents[n++] = (Extent){y0, y1};
    }
    float best = 0, best_at = top;
    if (extents) {
        qsort(extents, n, sizeof *extents, by_top);
        float reached = top; /* everything above is covered or already measured */
        for (size_t i = 0; i <= n; i++) {
            float next = i < n ? extents[i].y0 : bottom;
            if (next - reached > best) {
                best = next - reached;
                best_at = reached;
            }
            if (i < n && extents[i].y1 > reached) reached = extents[i].y1;
        }
    }
    free(extents);
    if (at) *at = best_at;
    return best;
}
