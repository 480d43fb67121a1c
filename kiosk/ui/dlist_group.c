/* dlist_group.c: groups of display-list commands that a drawer may keep as one picture.
 *
 * A grid frame is mostly cards that did not change since the last frame: the same rounded
 * surface, picture panel, picture and two lines of text, only somewhere else while the grid
 * scrolls. The key below says when a kept picture of a card is still right: it covers every
 * field of every command that reaches the pixels, with positions taken relative to the
 * group's corner and the corner's place inside its pixel (so a card keeps its key while it
 * scrolls or slides by whole pixels, which the views do, and its kept picture has exactly the
 * pixels its commands would have had) and strings, pictures and
 * polygons by content, not by address (a bundle swapped in may reuse an address). Two
 * independent 64-bit hashes make a collision as likely as a cosmic ray. */
#include <math.h>
#include <string.h>

#include "core/util.h"
#include "ui/dlist.h"

size_t dlist_group_begin(DisplayList *d, Rect r, uint32_t backdrop)
{
    size_t at = d->n_cmds;
    DlCmd *g = dlist_push(d, DL_GROUP, r);
    if (g) g->color = backdrop;
    return g ? at : (size_t)-1;
}

void dlist_group_end(DisplayList *d, size_t at)
{
    if (at >= d->n_cmds || d->cmds[at].kind != DL_GROUP) return;
    d->cmds[at].len = d->n_cmds - at - 1;
}

typedef struct Keyer {
    uint64_t a, b;
} Keyer;

static void mix(Keyer *k, const void *p, size_t n)
{
    k->a = hash_bytes(k->a, p, n);
    /* the second hash sees the bytes in another frame: its own seed and the length first */
    k->b = hash_bytes(hash_u64(k->b, n), p, n);
}

static void mix_f(Keyer *k, float v)
{
    /* to 1/64 px: a float's last bits differ between two ways of adding up the same layout */
    int64_t q = isfinite(v) ? (int64_t)lroundf(v * 64.0f) : INT64_MIN;
    mix(k, &q, sizeof q);
}

static void mix_rect(Keyer *k, Rect r, float ox, float oy)
{
    mix_f(k, r.x - ox);
    mix_f(k, r.y - oy);
    mix_f(k, r.w);
    mix_f(k, r.h);
}

static void mix_str(Keyer *k, const char *s, size_t n)
{
    mix(k, &n, sizeof n);
    if (s && n) mix(k, s, n);
}

static void mix_image(Keyer *k, const DlCmd *c)
{
    const Image *img = c->image;
    mix_str(k, img ? img->path : "", img ? strlen(img->path) : 0);
    int wh[2] = {img ? img->width : 0, img ? img->height : 0};
    mix(k, wh, sizeof wh);
    float f[7] = {c->zoom, c->focus_x, c->focus_y, c->crop_x, c->crop_y, c->decode_w, c->decode_h};
    for (int i = 0; i < 7; i++) mix_f(k, f[i]);
    mix(k, &c->cover, sizeof c->cover);
}

static bool inside(Rect a, Rect g)
{
    return rect_inside(a, g, 1.0f);
}

/* Every field of a command that reaches the pixels, positions relative to (ox, oy). */
static void mix_fields(Keyer *k, const DlCmd *c, float ox, float oy)
{
    uint32_t kind = c->kind, color = c->color;
    mix(k, &kind, sizeof kind);
    mix_rect(k, c->r, ox, oy);
    mix(k, &color, sizeof color);
    mix(k, &c->alpha, sizeof c->alpha);
    mix_f(k, c->radius);
    mix_f(k, c->stroke);
    switch (c->kind) {
    case DL_TEXT: {
        int fp[2] = {(int)c->font, c->px};
        mix(k, fp, sizeof fp);
        mix_str(k, c->text, c->len);
        break;
    }
    case DL_QR: mix_str(k, c->text, c->text ? strlen(c->text) : 0); break;
    case DL_IMAGE: mix_image(k, c); break;
    case DL_ICON:
        mix_str(k, c->icon, c->icon ? strlen(c->icon) : 0);
        mix(k, &c->flip, sizeof c->flip);
        break;
    case DL_POLY: {
        /* its points land at o + p * s: the origin relative to the group, the rest as given */
        Rect b = {c->ox, c->oy, c->sx, c->sy};
        mix_rect(k, b, ox, oy);
        mix(k, &c->n_points, sizeof c->n_points);
        if (c->xy && c->n_points) mix(k, c->xy, c->n_points * 2 * sizeof *c->xy);
        break;
    }
    case DL_GROUP: mix(k, &c->len, sizeof c->len); break;
    case DL_VIDEO: {
        const void *v = c->video; /* the clip's frames are not in the list: see damage.c */
        mix(k, &v, sizeof v);
        mix(k, &c->stamp, sizeof c->stamp);
        mix(k, &c->muted, sizeof c->muted);
        break;
    }
    default: break;
    }
}

/* One command into the key; false when the group cannot be kept. */
static bool mix_cmd(Keyer *k, const DlCmd *c, Rect g)
{
    if (c->kind == DL_CLIP || c->kind == DL_VIDEO || c->kind == DL_GROUP) return false;
    if (c->kind == DL_IMAGE && c->alpha == 0) return false; /* fetched ahead, drawn elsewhere */
    if (c->kind != DL_POLY && !inside(c->r, g)) return false;
    mix_fields(k, c, g.x, g.y);
    for (size_t i = 0; c->kind == DL_POLY && i < c->n_points && c->xy; i++) {
        float x = c->ox + c->xy[2 * i] * c->sx, y = c->oy + c->xy[2 * i + 1] * c->sy;
        if (!rect_contains((Rect){g.x - 1, g.y - 1, g.w + 2, g.h + 2}, x, y)) return false;
    }
    return true;
}

uint64_t dlist_cmd_sig(const DlCmd *c)
{
    Keyer k = {hash_start(3), hash_start(4)};
    mix_fields(&k, c, 0, 0);
    return k.a ^ (k.b << 1);
}

bool dlist_group_key(const DisplayList *d, size_t at, uint64_t key[2])
{
    if (at >= d->n_cmds || d->cmds[at].kind != DL_GROUP) return false;
    const DlCmd *g = &d->cmds[at];
    if (g->len == 0 || g->len > d->n_cmds - at - 1 || !(g->r.w >= 1 && g->r.h >= 1)) return false;
    Keyer k = {hash_start(1), hash_start(2)};
    mix_f(&k, g->r.w);
    mix_f(&k, g->r.h);
    mix(&k, &g->color, sizeof g->color);
    /* where the group's corner falls inside its pixel: the drawer draws it at that offset, so
     * the kept picture has exactly the pixels of the commands drawn one by one */
    mix_f(&k, g->r.x - floorf(g->r.x));
    mix_f(&k, g->r.y - floorf(g->r.y));
    for (size_t i = at + 1; i <= at + g->len; i++)
        if (!mix_cmd(&k, &d->cmds[i], g->r)) return false;
    key[0] = k.a;
    key[1] = k.b;
    return true;
}
