/* view_map.c: a collection of regions as a map, and the small map that stands for one region
 * in list rows and on its own page.
 *
 * Every region is drawn from its polygons with the triangles the loader made once (DlCmd.tris),
 * so nothing is triangulated per frame, and the same polygons are its hit area: what is drawn
 * is what is touchable. The map is fitted to the bounds of the shapes themselves, not to the
 * collection's map_size, so its margins do not steal room. In landscape the map takes the
 * left part of the screen at full height and the heading, intro and a list of the regions go
 * to the right of it; in portrait the map is on top and the list (the controls) below it.
 * Names sit on opaque pills at each region's label point (poly_label_point, computed by the
 * loader), which keeps them clear of the seams between regions. A map is never mirrored for a
 * right-to-left language (the sea stays west): its box goes to the other side, and what is
 * drawn in it is marked `placed` so that dlist_mirror leaves it. */
#include <math.h>
#include <string.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    LABEL_MAX_W = 300, /* a region's name on the map */
    LABEL_PAD_X = 14,
    LABEL_PAD_Y = 6,
    HERE_DOT = 14,     /* the "you are here" marker's dot */
    HERE_GAP = 8,      /* between a region's name and the marker below it */
    MAP_ROW_H = 130,   /* the list beside the map */
    HEADER_TOP = 40,   /* as w_header */
    INTRO_GAP = 8,
    BELOW_HEADER = 28,
    INTRO_LINES = 4,   /* the intro beside the map */
};

#define MAP_SHARE 0.56f /* of the width, in landscape */

/* Where map coordinates land on the screen: screen = origin + map * s. */
typedef struct MapFrame {
    float ox, oy, s;
} MapFrame;

uint32_t w_map_color(const Item *it)
{
    static const uint32_t palette[] = {0x30638E, 0x00798C, 0xB8860B, 0xC43D50, 0x6A4C93};
    return it->has_color ? it->color : palette[it->index % 5];
}

/* The bounds of every part of every region: the country, without the map_size's margins. */
static Rect shapes_bounds(const Collection *col)
{
    float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < col->n_items; i++)
        for (size_t p = 0; p < col->items[i].n_shape; p++) {
            Rect b = poly_bounds(col->items[i].shape[p].xy, col->items[i].shape[p].n_points);
            x0 = fminf(x0, b.x);
            y0 = fminf(y0, b.y);
            x1 = fmaxf(x1, b.x + b.w);
            y1 = fmaxf(y1, b.y + b.h);
        }
    if (x1 <= x0 || y1 <= y0) return (Rect){0, 0, col->map_w, col->map_h};
    return (Rect){x0, y0, x1 - x0, y1 - y0};
}

/* The map as large as fits in `box`, centred. */
static MapFrame fit(const Collection *col, Rect box)
{
    Rect b = shapes_bounds(col);
    float s = fminf(box.w / b.w, box.h / b.h);
    return (MapFrame){box.x + (box.w - b.w * s) / 2 - b.x * s, box.y + (box.h - b.h * s) / 2 - b.y * s, s};
}

static Rect region_bounds(const Item *it, MapFrame f)
{
    Rect r = {0};
    for (size_t p = 0; p < it->n_shape; p++) {
        Rect b = poly_bounds(it->shape[p].xy, it->shape[p].n_points);
        b = (Rect){f.ox + b.x * f.s, f.oy + b.y * f.s, b.w * f.s, b.h * f.s};
        if (p == 0) {
            r = b;
            continue;
        }
        float x1 = fmaxf(r.x + r.w, b.x + b.w), y1 = fmaxf(r.y + r.h, b.y + b.h);
        r.x = fminf(r.x, b.x);
        r.y = fminf(r.y, b.y);
        r.w = x1 - r.x;
        r.h = y1 - r.y;
    }
    return r;
}

void w_map_region(DisplayList *d, const Item *it, float ox, float oy, float s, uint32_t color,
                  uint8_t alpha)
{
    for (size_t p = 0; p < it->n_shape; p++) {
        const Polygon *pg = &it->shape[p];
        Rect b = poly_bounds(pg->xy, pg->n_points);
        DlCmd *cmd = dlist_push(d, DL_POLY, (Rect){ox + b.x * s, oy + b.y * s, b.w * s, b.h * s});
        cmd->xy = pg->xy;
        cmd->n_points = pg->n_points;
        cmd->tris = pg->tris; /* made once by the loader: no triangulation per frame */
        cmd->n_tris = pg->n_tris;
        cmd->ox = ox;
        cmd->oy = oy;
        cmd->sx = cmd->sy = s;
        cmd->color = color;
        cmd->alpha = alpha;
    }
}

Rect w_map_begin(Ctx *c, Rect box)
{
    if (!view_rtl(c->code)) return box;
    c->d->placing = true;
    box.x = c->w - box.x - box.w;
    return box;
}

void w_map_end(Ctx *c)
{
    c->d->placing = false;
}

void w_map(Ctx *c, Rect box, const Item *focus)
{
    const Collection *col = focus->collection;
    box = w_map_begin(c, box);
    dlist_rect(c->d, box, color_mix(c->t->surface, c->t->text, 0.06), U(c, SZ_RADIUS));
    float pad = box.h * 0.06f;
    MapFrame f = fit(col, (Rect){box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad});
    uint32_t rest = color_mix(c->t->surface, c->t->text, 0.2);
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        w_map_region(c->d, it, f.ox, f.oy, f.s, it == focus ? w_map_color(it) : rest, 255);
    }
    w_map_end(c);
}

const Polygon *w_map_main_part(const Item *it)
{
    const Polygon *best = NULL;
    for (size_t p = 0; p < it->n_shape; p++)
        if (!best || it->shape[p].area > best->area) best = &it->shape[p];
    return best;
}

/* A pill with one line of text centred on (cx, cy); returns it. */
static Rect pill(Ctx *c, float cx, float cy, const char *text, uint32_t bg, uint32_t fg,
                 float lead, const char *what)
{
    int px = PX(c, PX_SMALL);
    float tw = fminf(w_text_width(c, text, FONT_BOLD, px), U(c, LABEL_MAX_W));
    float h = w_line_height(px) + 2 * U(c, LABEL_PAD_Y), w = tw + lead + 2 * U(c, LABEL_PAD_X);
    Rect r = {cx - w / 2, cy - h / 2, w, h};
    dlist_rect(c->d, r, bg, h / 2);
    w_text(c, (Rect){r.x + U(c, LABEL_PAD_X) + lead, r.y + U(c, LABEL_PAD_Y), tw, 0}, text,
           (TextStyle){FONT_BOLD, px, fg, 1, false, what});
    return r;
}

/* Names on opaque pills, and the "you are here" marker under the kiosk's own region. */
static void labels(Ctx *c, const Collection *col, MapFrame f)
{
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        const Polygon *part = w_map_main_part(it);
        if (!part) continue;
        float x = f.ox + part->label_x * f.s, y = f.oy + part->label_y * f.s;
        bool here = c->s->here && strcmp(c->s->here, it->id) == 0;
        if (here) y -= (w_line_height(PX(c, PX_SMALL)) + U(c, HERE_GAP)) / 2;
        Rect r = pill(c, x, y, T(c, &it->title), c->t->surface, c->t->text, 0, "map label");
        if (!here) continue;
        float dot = U(c, HERE_DOT), lead = dot + U(c, LABEL_PAD_X) / 2;
        Rect m = pill(c, x, r.y + r.h + U(c, HERE_GAP) + r.h / 2, S(c, STR_YOU_ARE_HERE), c->t->text,
                      c->t->background, lead, "you are here");
        dlist_rect(c->d, (Rect){m.x + U(c, LABEL_PAD_X), m.y + (m.h - dot) / 2, dot, dot},
                   c->t->accent, dot / 2);
    }
}

/* Landscape: the map left at full height, at least 55 % of the width; heading and list right.
 * Portrait: heading, map, then the list, one column of full-width rows when that leaves the map
 * 45 % of the height, else two columns. Returns the list's number of columns. */
static size_t split(Ctx *c, Rect area, size_t n, Rect *map_box, Rect *list_box)
{
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP);
    if (c->portrait) {
        float one_column = (float)n * U(c, SZ_TARGET) + (float)(n ? n - 1 : 0) * g + m;
        bool single = area.h - one_column - g >= area.h * 0.45f;
        float mh = single ? fminf(area.h - one_column - g, area.h * 0.6f) : area.h * 0.6f;
        *map_box = (Rect){area.x + m, area.y, area.w - 2 * m, mh};
        *list_box = (Rect){area.x + m, area.y + mh + g, area.w - 2 * m, area.h - mh - g - m};
        return single ? 1 : 2;
    }
    /* the map's share, a little over the 55 % the design asks for; the list gets the rest */
    float lw = area.w * (1 - MAP_SHARE) - 2 * m - g;
    *map_box = (Rect){area.x + m, area.y + m / 2, area.w - lw - 2 * m - g, area.h - m};
    *list_box = (Rect){area.x + area.w - lw - m, area.y, lw, area.h - m};
    return 1;
}

static void region_list(Ctx *c, const Collection *col, Rect box, size_t cols)
{
    float g = U(c, SZ_GAP);
    float rh = fminf(U(c, MAP_ROW_H), (box.h - g * (float)(col->n_items - 1)) / (float)col->n_items);
    if (rh < U(c, SZ_TARGET)) rh = U(c, SZ_TARGET);
    float rw = (box.w - g * (float)(cols - 1)) / (float)cols;
    for (size_t i = 0; i < col->n_items; i++) {
        Rect r = {box.x + (float)(i % cols) * (rw + g), box.y + (float)(i / cols) * (rh + g), rw, rh};
        if (r.y + r.h > box.y + box.h + 1) break;
        w_item_row(c, r, &col->items[i]);
    }
}

/* The heading over the list column only (landscape), so the map keeps the full height. The
 * column is narrow, so the intro may take more lines than under a full-width heading, as many
 * as leave room for `n` rows of the list below (at least one). Returns the y below it. */
static float side_header(Ctx *c, const Collection *col, Rect column, size_t n)
{
    const Theme *t = c->t;
    float y = column.y;
    y += w_text(c, (Rect){column.x, y, column.w, 0}, T(c, &col->title),
                (TextStyle){FONT_BOLD, PX(c, PX_TITLE), t->text, 2, false, "heading"});
    const char *intro = T(c, &col->intro);
    if (intro && *intro) {
        y += U(c, INTRO_GAP);
        float list = (float)n * U(c, SZ_TARGET) + (float)(n ? n - 1 : 0) * U(c, SZ_GAP);
        float room = column.y + column.h - y - U(c, BELOW_HEADER) - list;
        int lines = (int)(room / w_line_height(PX(c, PX_BODY)));
        lines = lines < 1 ? 1 : lines > INTRO_LINES ? INTRO_LINES : lines;
        y += w_text(c, (Rect){column.x, y, column.w, 0}, intro,
                    (TextStyle){FONT_REGULAR, PX(c, PX_BODY), t->muted, lines, false, "intro"});
    }
    return y + U(c, BELOW_HEADER);
}

size_t w_map_frame(Ctx *c, const Collection *col, size_t n_rows, Rect *map_box, Rect *list_box)
{
    size_t cols;
    if (c->portrait) {
        float y = w_header(c, T(c, &col->title), T(c, &col->intro));
        Rect area = {c->content.x, y, c->content.w, c->content.y + c->content.h - y};
        cols = split(c, area, n_rows, map_box, list_box);
    } else {
        cols = split(c, c->content, n_rows, map_box, list_box);
        float top = c->content.y + U(c, HEADER_TOP);
        list_box->y = side_header(c, col, (Rect){list_box->x, top, list_box->w,
                                                 list_box->y + list_box->h - top}, n_rows);
        list_box->h = c->content.y + c->content.h - U(c, SZ_MARGIN) - list_box->y;
    }
    return cols;
}

void view_map(Ctx *c, const Screen *sc)
{
    const Collection *col = sc->collection;
    Rect map_box, list_box;
    size_t cols = w_map_frame(c, col, col->n_items, &map_box, &list_box);
    map_box = w_map_begin(c, map_box);
    /* The sea behind the map: the panel shows the map's extent, the country fills its height. */
    dlist_rect(c->d, map_box, color_mix(c->t->background, 0x2F80C0, 0.10), U(c, SZ_RADIUS));
    float pad = U(c, SZ_GAP);
    MapFrame f = fit(col, (Rect){map_box.x + pad, map_box.y + pad, map_box.w - 2 * pad, map_box.h - 2 * pad});
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        w_map_region(c->d, it, f.ox, f.oy, f.s, w_map_color(it), 255);
        Hit *h = dlist_hit(c->d, region_bounds(it, f), (Action){.kind = ACT_ITEM, .item = it}, 0);
        if (h) {
            h->poly = it->shape;
            h->n_poly = it->n_shape;
            h->ox = f.ox;
            h->oy = f.oy;
            h->sx = h->sy = f.s;
        }
    }
    labels(c, col, f);
    w_map_end(c);
    region_list(c, col, list_box, cols);
}
