/* dlist.c: appending to the display list, and hit testing it.
 *
 * Capacities are fixed so a frame never allocates; running out sets `overflow`, which the
 * layout tests treat as a failure, instead of silently dropping commands. */
#include "ui/dlist.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void dlist_reset(DisplayList *d, float width, float height)
{
    d->n_cmds = d->n_hits = d->text_used = d->n_issues = 0;
    d->overflow = false;
    d->clipping = false;
    d->placing = false;
    d->width = width;
    d->height = height;
    d->clip = (Rect){0, 0, width, height};
}

DlCmd *dlist_push(DisplayList *d, DlKind kind, Rect r)
{
    if (d->n_cmds == DLIST_MAX_CMDS) {
        d->overflow = true;
        static DlCmd sink;
        return &sink;
    }
    DlCmd *c = &d->cmds[d->n_cmds++];
    *c = (DlCmd){.kind = kind, .r = r, .alpha = 255, .clipped = d->clipping, .placed = d->placing};
    return c;
}

void dlist_rect(DisplayList *d, Rect r, uint32_t color, float radius)
{
    DlCmd *c = dlist_push(d, DL_RECT, r);
    c->color = color;
    c->radius = radius;
}

void dlist_frame(DisplayList *d, Rect r, uint32_t color, float radius, float stroke)
{
    DlCmd *c = dlist_push(d, DL_FRAME, r);
    c->color = color;
    c->radius = radius;
    c->stroke = stroke;
}

void dlist_clip(DisplayList *d, Rect r)
{
    dlist_push(d, DL_CLIP, r);
    d->clip = r;
    d->clipping = true;
}

void dlist_unclip(DisplayList *d)
{
    dlist_push(d, DL_CLIP, (Rect){0, 0, 0, 0});
    d->clip = (Rect){0, 0, d->width, d->height};
    d->clipping = false;
}

Hit *dlist_hit(DisplayList *d, Rect r, Action a, float radius)
{
    Rect visible = rect_intersect(r, d->clip);
    if (visible.w <= 0 || visible.h <= 0) return NULL; /* scrolled out of sight */
    if (d->n_hits == DLIST_MAX_HITS) {
        d->overflow = true;
        return NULL;
    }
    Hit *h = &d->hits[d->n_hits++];
    *h = (Hit){.r = r, .action = a, .radius = radius, .clip = visible, .placed = d->placing};
    return h;
}

void dlist_shift(DisplayList *d, size_t first_cmd, size_t first_hit, float dy)
{
    for (size_t i = first_cmd; i < d->n_cmds; i++) {
        DlCmd *cmd = &d->cmds[i];
        if (cmd->kind == DL_CLIP) continue;
        cmd->r.y += dy;
        cmd->box.y += dy;
        cmd->bound.y += dy;
        cmd->oy += dy;
    }
    for (size_t i = first_hit; i < d->n_hits; i++) {
        d->hits[i].r.y += dy;
        d->hits[i].clip.y += dy;
        d->hits[i].oy += dy;
    }
}

const char *dlist_strdup(DisplayList *d, const char *s)
{
    size_t n = strlen(s) + 1;
    if (d->text_used + n > DLIST_TEXT_BYTES) {
        d->overflow = true;
        return "";
    }
    char *p = d->text + d->text_used;
    memcpy(p, s, n);
    d->text_used += n;
    return p;
}

const char *dlist_printf(DisplayList *d, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return dlist_strdup(d, buf);
}

const Hit *dlist_hit_at(const DisplayList *d, float x, float y)
{
    for (size_t i = d->n_hits; i-- > 0;) {
        const Hit *h = &d->hits[i];
        if (!rect_contains(h->clip, x, y)) continue;
        if (!h->poly) return h;
        for (size_t p = 0; p < h->n_poly; p++) {
            float lx = (x - h->ox) / h->sx, ly = (y - h->oy) / h->sy;
            if (poly_contains(h->poly[p].xy, h->poly[p].n_points, lx, ly)) return h;
        }
    }
    return NULL;
}

static Rect mirror_rect(Rect r, float width)
{
    if (r.w <= 0) return r; /* "none" (a clip end, an unset bound) stays none */
    r.x = width - r.x - r.w;
    return r;
}

void dlist_mirror(DisplayList *d)
{
    float w = d->width;
    for (size_t i = 0; i < d->n_cmds; i++) {
        DlCmd *c = &d->cmds[i];
        if (c->placed) continue;
        c->r = mirror_rect(c->r, w);
        c->box = mirror_rect(c->box, w);
        c->bound = mirror_rect(c->bound, w);
        if (c->kind == DL_POLY) {
            c->ox = w - c->ox;
            c->sx = -c->sx;
        }
        if (c->kind == DL_ICON) c->flip = !c->flip;
        if (c->kind == DL_IMAGE) c->focus_x = 1 - c->focus_x;
    }
    for (size_t i = 0; i < d->n_hits; i++) {
        Hit *h = &d->hits[i];
        if (h->placed) continue;
        h->r = mirror_rect(h->r, w);
        h->clip = mirror_rect(h->clip, w);
        if (h->poly) {
            h->ox = w - h->ox;
            h->sx = -h->sx;
        }
    }
}
