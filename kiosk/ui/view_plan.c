/* view_plan.c: a floor plan: the organiser's picture with its places on it, and a list of them.
 *
 * The frame is the map's (w_map_frame): the plan left and the list right in landscape, the
 * plan on top and the list below in portrait, and like a map a plan is never mirrored for a
 * right-to-left language. Every place is a numbered marker in its own colour (a place drawn
 * as a shape is tinted as well); the list beside repeats number, colour and name, so nobody
 * has to hit a small marker on a busy plan. Names go on pills beside their markers where there
 * is room, tried right, left, below and above; a name that fits nowhere is left off (its number
 * and the list still say it) and comes back as the visitor zooms in, because markers and pills
 * keep their size on screen while the plan grows under them (ui/plan.h). Touch targets never
 * overlap: a marker and its pill are one target, at least view_min_target high, placed only
 * clear of the targets before it; the place the kiosk stands in ("you are here", the
 * settings' `here`) is placed first. Pinch, pan and double tap belong to the session
 * (ViewInfo.zoom_area, zoom_max); this file only draws through ui/zoom.h. */
#include <math.h>
#include <string.h>

#include "core/color.h"
#include "ui/plan.h"
#include "ui/widgets.h"
#include "ui/zoom.h"

/* Sizes in units (widgets.h). */
enum {
    PIN_D = 60,        /* a place's numbered marker */
    PIN_RING = 5,      /* the white ring around it, so it stands clear of any picture */
    LABEL_MAX_W = 340, /* a name on the plan; longer names use their short_title */
    LABEL_PAD_X = 16,
    LABEL_PAD_Y = 6,
    LABEL_GAP = 8,     /* between a marker and its pill */
    HERE_DOT = 14,
    TARGET_GAP = 16,   /* between touch targets (design brief) */
    ROW_MIN_W = 340,   /* a row of the list of places: a number and a name */
    ROW_WIDE_W = 440,  /* a row this wide has room for the place's subtitle too */
    ROW_PAD = 16,
    ROW_GAP = 16,
    BADGE_D = 56,      /* the number in a row */
    BADGE_MIN_D = 40,  /* smaller markers (a plan in a list row) carry no number */
    MAX_TAKEN = 2 * BUNDLE_MAX_PLACES + 2,
};

#define SHAPE_ALPHA 110
#define PLAN_DECODE_SIDE 4096.0f /* px: the largest the plan's picture is decoded at */ /* a place's area tinted over the picture, which stays readable */

Rect plan_fit(const Collection *col, Rect box)
{
    if (!(col->map_w > 0 && col->map_h > 0)) return box;
    float s = fminf(box.w / col->map_w, box.h / col->map_h);
    float w = col->map_w * s, h = col->map_h * s;
    return (Rect){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

bool plan_place_point(const Item *it, float *x, float *y)
{
    if (it->has_pin) {
        *x = it->pin_x;
        *y = it->pin_y;
        return true;
    }
    const Polygon *part = w_map_main_part(it);
    if (!part) return false;
    *x = part->label_x;
    *y = part->label_y;
    return true;
}

bool plan_marker_centre(const Screen *sc, Rect area, Rect fitted, const Item *it, float *x,
                        float *y)
{
    const Collection *col = it->collection;
    float px, py;
    if (!plan_place_point(it, &px, &py) || !(col->map_w > 0)) return false;
    *x = fitted.x + px * fitted.w / col->map_w;
    *y = fitted.y + py * fitted.h / col->map_h;
    zoom_xy(sc, area, x, y);
    return true;
}

Rect plan_marker_rect(const Screen *sc, Rect area, Rect fitted, const Item *it, float side)
{
    float x = 0, y = 0;
    if (!plan_marker_centre(sc, area, fitted, it, &x, &y)) return (Rect){0};
    return (Rect){x - side / 2, y - side / 2, side, side};
}

/* What is on the plan so far: touch targets and pills, each with the place it belongs to
 * (a pill may touch its own place's target, not another's). */
typedef struct Taken {
    Rect r[MAX_TAKEN];
    const Item *owner[MAX_TAKEN];
    size_t n;
} Taken;

static bool clear_of(const Taken *t, Rect r, float gap, const Item *self)
{
    Rect grown = {r.x - gap, r.y - gap, r.w + 2 * gap, r.h + 2 * gap};
    for (size_t i = 0; i < t->n; i++)
        if (t->owner[i] != self && rect_overlaps(grown, t->r[i])) return false;
    return true;
}

static size_t take(Taken *t, Rect r, const Item *owner)
{
    if (t->n == MAX_TAKEN) return MAX_TAKEN;
    t->r[t->n] = r;
    t->owner[t->n] = owner;
    return t->n++;
}

static Rect unite(Rect a, Rect b)
{
    float x0 = fminf(a.x, b.x), y0 = fminf(a.y, b.y);
    return (Rect){x0, y0, fmaxf(a.x + a.w, b.x + b.w) - x0, fmaxf(a.y + a.h, b.y + b.h) - y0};
}

/* A place's number on a disc of its colour, in the colour that reads on it; `ring` puts a
 * white ring around it, which keeps it clear of a busy or dark plan. */
static void badge(Ctx *c, float x, float y, float d, const Item *it, bool ring)
{
    uint32_t fill = w_map_color(it);
    if (ring) {
        float r = U(c, PIN_RING);
        dlist_rect(c->d, (Rect){x - d / 2 - r, y - d / 2 - r, d + 2 * r, d + 2 * r}, 0xFFFFFF,
                   d / 2 + r);
    }
    dlist_rect(c->d, (Rect){x - d / 2, y - d / 2, d, d}, fill, d / 2);
    if (d < U(c, BADGE_MIN_D)) return; /* a small plan in a list row: the colour says it */
    uint32_t fg = color_contrast(0xFFFFFF, fill) >= 4.5 ? 0xFFFFFF : 0x111111;
    int px = PX(c, PX_SMALL) * 6 / 5;
    float lh = w_line_height(px);
    w_text(c, (Rect){x - d / 2, y - lh / 2, d, 0}, dlist_printf(c->d, "%zu", it->index + 1),
           (TextStyle){FONT_BOLD, px, fg, 1, true, NULL});
}

/* The size of a pill holding `text` (bold, small) after `lead` px of something else. */
static Rect pill_size(Ctx *c, const char *text, float lead)
{
    float tw = fminf(w_text_width(c, text, FONT_BOLD, PX(c, PX_SMALL)), U(c, LABEL_MAX_W));
    return (Rect){0, 0, tw + lead + 2 * U(c, LABEL_PAD_X),
                  w_line_height(PX(c, PX_SMALL)) + 2 * U(c, LABEL_PAD_Y)};
}

static void pill_draw(Ctx *c, Rect r, const char *text, uint32_t bg, uint32_t fg, float lead)
{
    dlist_rect(c->d, r, bg, r.h / 2);
    if (bg == c->t->surface) dlist_frame(c->d, r, c->t->edge, r.h / 2, fmaxf(1, U(c, 2)));
    w_text(c, (Rect){r.x + U(c, LABEL_PAD_X) + lead, r.y + U(c, LABEL_PAD_Y),
                     r.w - 2 * U(c, LABEL_PAD_X) - lead, 0},
           text, (TextStyle){FONT_BOLD, PX(c, PX_SMALL), fg, 1, false, "plan label"});
}

/* Where a pill of size `sz` goes beside a marker at (x, y) of radius `rad`: right, left,
 * below, above, the first inside `box` and clear of what is taken. False: nowhere. */
static bool pill_place(Ctx *c, const Taken *t, Rect box, float x, float y, float rad, Rect sz,
                       const Item *self, Rect *out)
{
    float g = U(c, LABEL_GAP);
    Rect at[4] = {{x + rad + g, y - sz.h / 2, sz.w, sz.h},
                  {x - rad - g - sz.w, y - sz.h / 2, sz.w, sz.h},
                  {x - sz.w / 2, y + rad + g, sz.w, sz.h},
                  {x - sz.w / 2, y - rad - g - sz.h, sz.w, sz.h}};
    for (int i = 0; i < 4; i++)
        if (rect_inside(at[i], box, 0) && clear_of(t, at[i], U(c, TARGET_GAP), self)) {
            *out = at[i];
            return true;
        }
    return false;
}

static bool is_here(const Ctx *c, const Item *it)
{
    return c->s->here && strcmp(c->s->here, it->id) == 0;
}

/* "You are here" on a dark pill with an accent dot, beside the kiosk's own place. */
static void here_pill(Ctx *c, Taken *t, Rect box, float x, float y, float rad, const Item *it)
{
    float dot = U(c, HERE_DOT), lead = dot + U(c, LABEL_PAD_X) / 2;
    const char *s = S(c, STR_YOU_ARE_HERE);
    Rect r;
    if (!pill_place(c, t, box, x, y, rad, pill_size(c, s, lead), it, &r)) return;
    pill_draw(c, r, s, c->t->text, c->t->background, lead);
    dlist_rect(c->d, (Rect){r.x + U(c, LABEL_PAD_X), r.y + (r.h - dot) / 2, dot, dot},
               c->t->accent, dot / 2);
    take(t, r, it);
}

/* The places in the order they claim room: the kiosk's own first, then as listed. */
static size_t place_order(const Ctx *c, const Collection *col, const Item **out)
{
    size_t n = 0;
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < col->n_items && n < BUNDLE_MAX_PLACES; i++)
            if (is_here(c, &col->items[i]) == (pass == 0)) out[n++] = &col->items[i];
    return n;
}

/* The markers, then the names where they fit, then one touch target per place: its marker and
 * its name together, kept clear of every other target. */
static void places(Ctx *c, const Screen *sc, Rect box, Rect fitted, const Item **order, size_t n)
{
    static Taken t; /* one frame at a time, built on the session's thread */
    size_t slot[BUNDLE_MAX_PLACES];
    float xs[BUNDLE_MAX_PLACES], ys[BUNDLE_MAX_PLACES];
    float d = U(c, PIN_D), rad = d / 2 + U(c, PIN_RING);
    float side = fmaxf(view_min_target(c->w, c->h), 2 * rad);
    t.n = 0;
    for (size_t i = 0; i < n; i++) {
        slot[i] = MAX_TAKEN;
        if (!plan_marker_centre(sc, box, fitted, order[i], &xs[i], &ys[i]) ||
            !rect_contains(box, xs[i], ys[i]))
            continue;
        Rect target = {xs[i] - side / 2, ys[i] - side / 2, side, side};
        /* A marker too close to one before it stays visible but leaves the tap to that one
         * (and to the list); zooming in moves them apart. */
        if (clear_of(&t, target, U(c, TARGET_GAP), NULL)) slot[i] = take(&t, target, order[i]);
        badge(c, xs[i], ys[i], d, order[i], true);
    }
    for (size_t i = 0; i < n; i++) {
        if (slot[i] == MAX_TAKEN) continue;
        const Item *it = order[i];
        if (is_here(c, it)) here_pill(c, &t, box, xs[i], ys[i], side / 2, it);
        TextStyle ts = {FONT_BOLD, PX(c, PX_SMALL), c->t->text, 1, false, NULL};
        const char *name = w_title_that_fits(c, U(c, LABEL_MAX_W), &it->title, &it->short_title, ts);
        Rect pill;
        if (!pill_place(c, &t, box, xs[i], ys[i], rad, pill_size(c, name, 0), it, &pill)) continue;
        Rect hit = unite(t.r[slot[i]], pill);
        if (!clear_of(&t, hit, U(c, TARGET_GAP), it)) continue;
        pill_draw(c, pill, name, c->t->surface, c->t->text, 0);
        t.r[slot[i]] = hit;
    }
    for (size_t i = 0; i < n; i++) { /* pressed, a target darkens as a pill around both */
        if (slot[i] == MAX_TAKEN) continue;
        Rect r = t.r[slot[i]];
        dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = order[i]}, fminf(r.w, r.h) / 2);
    }
}

/* The size the plan's picture is decoded at: its fitted size times the zoom rounded up to a
 * step of sqrt(2), at most PLAN_DECODE_SIDE a side; the drawer scales it the rest of the way
 * (DlCmd.decode_w). A pinch from 1x to 4x then rasterises an SVG four times instead of on
 * every frame, and 4x on a 4K screen is a 50 MB texture, not 200 MB (a 4K replay of two
 * pinches to 4x, decoded at every zoom: 3.7 s and 447 MB RSS; in steps: 1.9 s and 298 MB). */
static void decode_size(Rect fitted, float zoom, float *w, float *h)
{
    float step = zoom > 1 ? exp2f(ceilf(log2f(zoom) * 2 - 1e-3f) / 2) : 1;
    float s = fminf(step, PLAN_DECODE_SIDE / fmaxf(fmaxf(fitted.w, fitted.h), 1));
    *w = fitted.w * s;
    *h = fitted.h * s;
}

static Rect bounds_of(const Item *it)
{
    Rect b = poly_bounds(it->shape[0].xy, it->shape[0].n_points);
    for (size_t p = 1; p < it->n_shape; p++)
        b = unite(b, poly_bounds(it->shape[p].xy, it->shape[p].n_points));
    return b;
}

/* The panel, the picture and the places' areas, tinted (only `focus`'s, when given);
 * tappable by their outlines when `tap`. Returns where the picture is when not zoomed. */
static Rect plan_picture(Ctx *c, const Screen *sc, const Collection *col, Rect box, bool tap,
                         const Item *focus)
{
    dlist_rect(c->d, box, c->t->picture_panel, U(c, SZ_RADIUS));
    float pad = U(c, SZ_GAP);
    Rect fitted = plan_fit(col, (Rect){box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad});
    Rect pr = zoom_rect(sc, box, fitted);
    DlCmd *img = col->plan ? dlist_push(c->d, DL_IMAGE, pr) : NULL;
    if (img) img->image = col->plan;
    if (img && tap) /* the screen's plan zooms; a page's small plan does not */
        decode_size(fitted, zoom_active(sc) ? sc->zoom : 1, &img->decode_w, &img->decode_h);
    float s = pr.w / col->map_w;
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        if (!it->n_shape || (focus && it != focus)) continue;
        w_map_region(c->d, it, pr.x, pr.y, s, w_map_color(it), SHAPE_ALPHA);
        Rect b = bounds_of(it);
        Hit *h = tap ? dlist_hit(c->d, (Rect){pr.x + b.x * s, pr.y + b.y * s, b.w * s, b.h * s},
                                 (Action){.kind = ACT_ITEM, .item = it}, 0)
                     : NULL;
        if (!h) continue;
        h->poly = it->shape;
        h->n_poly = it->n_shape;
        h->ox = pr.x;
        h->oy = pr.y;
        h->sx = h->sy = s;
    }
    return fitted;
}

/* A row of the list: the place's number and colour as on the plan, its name, and its
 * subtitle or "You are here". */
static void place_row(Ctx *c, Rect r, const Item *it)
{
    const Theme *t = c->t;
    float pad = U(c, ROW_PAD), d = U(c, BADGE_D);
    Rect saved = c->bound;
    c->bound = r;
    w_surface(c, r, t->surface, U(c, SZ_RADIUS));
    badge(c, r.x + pad + d / 2, r.y + r.h / 2, d, it, false);
    float x = r.x + 2 * pad + d, w = r.x + r.w - pad - x;
    bool here = is_here(c, it);
    /* a narrow row (two columns beside the plan) gives the name two lines, not the subtitle */
    const char *sub = here ? S(c, STR_YOU_ARE_HERE) : r.w >= U(c, ROW_WIDE_W) ? T(c, &it->subtitle) : "";
    bool has_sub = sub && *sub;
    TextStyle ts = {FONT_BOLD, PX(c, PX_BODY), t->text, has_sub ? 1 : 2, false, "list title"};
    float th = has_sub ? w_line_height(ts.px) + w_line_height(PX(c, PX_SMALL))
                       : w_text_height(c, w, w_title_that_fits(c, w, &it->title, &it->short_title, ts), ts);
    float y = r.y + (r.h - th) / 2;
    y += w_text(c, (Rect){x, y, w, 0}, w_title_that_fits(c, w, &it->title, &it->short_title, ts), ts);
    if (has_sub)
        w_text(c, (Rect){x, y, w, 0}, sub, (TextStyle){here ? FONT_BOLD : FONT_REGULAR,
               PX(c, PX_SMALL), here ? t->text : t->muted, 1, false, "list subtitle"});
    c->bound = saved;
    dlist_hit(c->d, r, (Action){.kind = ACT_ITEM, .item = it}, U(c, SZ_RADIUS));
}

static float row_height(Ctx *c)
{
    float text = fmaxf(2 * w_line_height(PX(c, PX_BODY)),
                       w_line_height(PX(c, PX_BODY)) + w_line_height(PX(c, PX_SMALL)));
    return fmaxf(U(c, SZ_TARGET), text + 2 * U(c, ROW_PAD));
}

/* The list in `box`, numbers reading down the columns; it scrolls when it is longer. */
static void place_list(Ctx *c, const Screen *sc, const Collection *col, Rect box, size_t cols)
{
    float g = U(c, ROW_GAP), rh = row_height(c);
    size_t n = col->n_items;
    if (!c->portrait) /* two columns beside the plan, where they fit, rather than scrolling */
        cols = box.w >= 2 * U(c, ROW_MIN_W) + g && n > 4 ? 2 : 1;
    size_t rows = (n + cols - 1) / cols;
    float content = (float)rows * (rh + g) - g, rw = (box.w - g * (float)(cols - 1)) / (float)cols;
    if (content > box.h) {
        c->info->scroll_area = box;
        c->info->scroll_viewport = box.h;
        c->info->scroll_content = content;
    }
    float top = box.y - fminf(sc->scroll, fmaxf(0, content - box.h));
    dlist_clip(c->d, box);
    for (size_t i = 0; i < n; i++) {
        Rect r = {box.x + (float)(i / rows) * (rw + g), top + (float)(i % rows) * (rh + g), rw, rh};
        if (r.y + r.h >= box.y && r.y <= box.y + box.h) place_row(c, r, &col->items[i]);
    }
    dlist_unclip(c->d);
}

void view_plan(Ctx *c, const Screen *sc)
{
    const Collection *col = sc->collection;
    Rect box, list;
    /* landscape: room for the intro above two columns of the list (place_list) */
    size_t n = col->n_items, n_rows = c->portrait || n <= 4 ? n : (n + 1) / 2;
    size_t cols = w_map_frame(c, col, n_rows, &box, &list);
    if (c->portrait) { /* the list whole below where the plan keeps 45 % of the height */
        size_t rows = (col->n_items + cols - 1) / cols;
        float g = U(c, SZ_GAP), bottom = list.y + list.h, total = bottom - box.y;
        float need = (float)rows * (row_height(c) + U(c, ROW_GAP)) - U(c, ROW_GAP);
        box.h = fmaxf(total * 0.45f, fminf(box.h, total - need - g));
        list.y = box.y + box.h + g;
        list.h = bottom - list.y;
    }
    box = w_map_begin(c, box);
    c->info->zoom_area = box;
    c->info->zoom_max = PLAN_ZOOM_MAX;
    dlist_clip(c->d, box);
    Rect fitted = plan_picture(c, sc, col, box, true, NULL);
    const Item *order[BUNDLE_MAX_PLACES];
    places(c, sc, box, fitted, order, place_order(c, col, order));
    dlist_unclip(c->d);
    w_map_end(c);
    place_list(c, sc, col, list, cols);
}

void w_plan(Ctx *c, Rect box, const Item *place)
{
    const Collection *col = place->collection;
    const Screen still = {0}; /* not zoomed */
    box = w_map_begin(c, box);
    Rect fitted = plan_picture(c, &still, col, box, false, place);
    float d = fminf(U(c, PIN_D), fmaxf(box.h * 0.12f, U(c, 12))), x, y;
    static Taken t;
    t.n = 0;
    if (plan_marker_centre(&still, box, fitted, place, &x, &y)) {
        badge(c, x, y, d, place, true);
        take(&t, (Rect){x - d / 2, y - d / 2, d, d}, place);
    }
    /* Where the kiosk stands, so the page answers "how do I get there from here". */
    const Item *here = c->s->here ? bundle_find_item(c->b, c->s->here) : NULL;
    if (here && here != place && here->collection == col && d >= U(c, BADGE_MIN_D) &&
        plan_marker_centre(&still, box, fitted, here, &x, &y)) {
        float hd = d * 0.6f;
        dlist_rect(c->d, (Rect){x - hd / 2, y - hd / 2, hd, hd}, c->t->text, hd / 2);
        dlist_rect(c->d, (Rect){x - hd / 4, y - hd / 4, hd / 2, hd / 2}, c->t->accent, hd / 4);
        here_pill(c, &t, box, x, y, hd / 2, here);
    }
    w_map_end(c);
}
