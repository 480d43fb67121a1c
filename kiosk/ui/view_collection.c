/* view_collection.c: a collection as a grid, list, profile cards or a map of regions.
 *
 * Grids are laid out arithmetically, so only the rows in view are added to the display list:
 * a 5,000-item collection costs no more per frame than a 12-item one. The map draws each
 * region from its polygon and registers the same polygon as its hit area. */
#include <math.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    CHIP_GAP = 16,
    BELOW_CHIPS = 28,
    ROW_MIN_W = 700,      /* list layout: a column at least this wide */
    ROW_H = 150,
    PERSON_MIN_W = 440,   /* cards layout (people): portrait pictures */
    TILE_MIN_W = 390,     /* grid layout */
    TILE_H = 400,
    LABEL_MAX_W = 300,    /* a region's name on the map */
    LABEL_PAD_X = 14,
    LABEL_PAD_Y = 6,
    MAP_ROW_H = 130,      /* the list beside the map */
};

/* Filter chips in rows from y; returns the height they take. Draws only when `draw`. */
static float chips(Ctx *c, const Screen *sc, float y, bool draw)
{
    const Collection *col = sc->collection;
    if (col->n_categories == 0) return 0;
    float x0 = c->content.x + U(c, SZ_MARGIN), x = x0, right = c->content.w - U(c, SZ_MARGIN);
    float h = U(c, SZ_TARGET), g = U(c, CHIP_GAP), y0 = y;
    for (int i = -1; i < (int)col->n_categories; i++) {
        const char *label = i < 0 ? S(c, STR_ALL) : T(c, &col->categories[i].title);
        float w = w_chip_width(c, label);
        if (x + w > right && x > x0) {
            x = x0;
            y += h + g;
        }
        if (draw)
            w_chip(c, (Rect){x, y, w, h}, label, sc->filter == i,
                   (Action){.kind = ACT_FILTER, .arg = i});
        x += w + g;
    }
    return y + h - y0;
}

static bool in_filter(const Item *it, int filter)
{
    if (filter < 0) return true;
    for (size_t k = 0; k < it->n_categories; k++)
        if (it->categories[k] == filter) return true;
    return false;
}

static void grid(Ctx *c, const Screen *sc, Rect area)
{
    const Collection *col = sc->collection;
    bool list = col->layout == LAYOUT_LIST, people = col->layout == LAYOUT_CARDS;
    float g = U(c, SZ_GAP), m = U(c, SZ_MARGIN);
    float avail = area.w - 2 * m;
    float min_w = U(c, list ? ROW_MIN_W : people ? PERSON_MIN_W : TILE_MIN_W);
    size_t cols = (size_t)fmaxf(1.0f, floorf((avail + g) / (min_w + g)));
    /* Matching items, in bundle order; positions are computed, not stored. */
    size_t n = 0;
    for (size_t i = 0; i < col->n_items; i++) n += in_filter(&col->items[i], sc->filter);
    if (list && cols > 1 && n < 2 * cols) cols = n > 3 ? 2 : 1; /* a short list reads down */
    float cw = (avail - g * (float)(cols - 1)) / (float)cols;
    float ch = list ? U(c, ROW_H) : people ? cw * 0.62f + U(c, SZ_PERSON_TEXT) : U(c, TILE_H);
    size_t rows = (n + cols - 1) / cols;
    /* Few items: taller cards (rows up to twice, cards half again) rather than a band of
     * nothing between the items and the controls below them. */
    if (rows > 0 && (float)rows * (ch + g) + m < area.h)
        ch = fminf(ch * (list ? 2.0f : 1.5f), (area.h - m) / (float)rows - g);
    float content = (float)rows * (ch + g) + m;
    c->info->scroll_area = area;
    c->info->scroll_viewport = area.h;
    c->info->scroll_content = content;
    float scroll = fminf(sc->scroll, fmaxf(0, content - area.h));
    dlist_clip(c->d, area);
    size_t k = 0;
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        if (!in_filter(it, sc->filter)) continue;
        size_t r = k / cols, cc = k % cols;
        k++;
        float y = area.y + (float)r * (ch + g) - scroll;
        if (y + ch < area.y || y > area.y + area.h) continue; /* not in view */
        Rect card = {area.x + m + (float)cc * (cw + g), y, cw, ch};
        if (list) w_item_row(c, card, it);
        else w_item_card(c, card, it);
    }
    dlist_unclip(c->d);
}

/* Names on the shapes, on a white pill so they read on any colour. */
static void map_labels(Ctx *c, const Collection *col, float ox, float oy, float s)
{
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        if (it->n_shape == 0) continue;
        float cx, cy;
        poly_centroid(it->shape[0].xy, it->shape[0].n_points, &cx, &cy);
        int px = PX(c, PX_SMALL);
        const char *name = T(c, &it->title);
        float tw = fminf(w_text_width(c, name, FONT_BOLD, px), U(c, LABEL_MAX_W));
        Rect pill = {ox + cx * s - tw / 2 - U(c, LABEL_PAD_X), oy + cy * s - px * 0.65f - U(c, LABEL_PAD_Y),
                     tw + 2 * U(c, LABEL_PAD_X), px * 1.3f + 2 * U(c, LABEL_PAD_Y)};
        DlCmd *bg = dlist_push(c->d, DL_RECT, pill);
        bg->color = 0xFFFFFF;
        bg->alpha = 230;
        bg->radius = pill.h / 2;
        w_text(c, (Rect){pill.x + U(c, LABEL_PAD_X), pill.y + U(c, LABEL_PAD_Y), tw, 0}, name,
               (TextStyle){FONT_BOLD, px, c->t->text, 1, false, "map label"});
    }
}

/* Map on the left (landscape) or top (portrait); a list of the same regions beside it, as
 * big buttons for those who prefer reading to pointing. In portrait the list is one column of
 * full-width rows (room for the subtitles) when that leaves the map 45 % of the height, else
 * two columns. Returns the list's number of columns. */
static size_t map_split(Ctx *c, Rect area, size_t n, Rect *map_box, Rect *list_box)
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
    float mw = area.w * 0.55f;
    *map_box = (Rect){area.x + m, area.y, mw, area.h - m};
    *list_box = (Rect){area.x + m + mw + g * 2, area.y, area.w - mw - 2 * m - g * 2, area.h - m};
    return 1;
}

static void map(Ctx *c, const Screen *sc, Rect area)
{
    const Collection *col = sc->collection;
    float g = U(c, SZ_GAP);
    Rect map_box, list_box;
    size_t cols = map_split(c, area, col->n_items, &map_box, &list_box);
    float s = fminf(map_box.w / col->map_w, map_box.h / col->map_h);
    float ox = map_box.x + (map_box.w - col->map_w * s) / 2;
    float oy = map_box.y + (map_box.h - col->map_h * s) / 2;
    static const uint32_t palette[] = {0x30638E, 0x00798C, 0xB8860B, 0xC43D50, 0x6A4C93};
    for (size_t i = 0; i < col->n_items; i++) {
        const Item *it = &col->items[i];
        uint32_t fill = it->has_color ? it->color : palette[i % 5];
        Rect bounds = {0};
        for (size_t p = 0; p < it->n_shape; p++) {
            Rect pb = poly_bounds(it->shape[p].xy, it->shape[p].n_points);
            pb = (Rect){ox + pb.x * s, oy + pb.y * s, pb.w * s, pb.h * s};
            if (p == 0) bounds = pb;
            else {
                float x1 = fmaxf(bounds.x + bounds.w, pb.x + pb.w), y1 = fmaxf(bounds.y + bounds.h, pb.y + pb.h);
                bounds.x = fminf(bounds.x, pb.x);
                bounds.y = fminf(bounds.y, pb.y);
                bounds.w = x1 - bounds.x;
                bounds.h = y1 - bounds.y;
            }
            DlCmd *cmd = dlist_push(c->d, DL_POLY, pb);
            cmd->xy = it->shape[p].xy;
            cmd->n_points = it->shape[p].n_points;
            cmd->tris = it->shape[p].tris;
            cmd->n_tris = it->shape[p].n_tris;
            cmd->ox = ox;
            cmd->oy = oy;
            cmd->sx = cmd->sy = s;
            cmd->color = fill;
        }
        Hit *h = dlist_hit(c->d, bounds, (Action){.kind = ACT_ITEM, .item = it}, 0);
        if (h) {
            h->poly = it->shape;
            h->n_poly = it->n_shape;
            h->ox = ox;
            h->oy = oy;
            h->sx = h->sy = s;
        }
    }
    map_labels(c, col, ox, oy, s);
    /* The list beside the map. */
    float rh = fminf(U(c, MAP_ROW_H), (list_box.h - g * (float)(col->n_items - 1)) / (float)col->n_items);
    if (rh < U(c, SZ_TARGET)) rh = U(c, SZ_TARGET);
    float rw = (list_box.w - g * (float)(cols - 1)) / (float)cols;
    for (size_t i = 0; i < col->n_items; i++) {
        Rect r = {list_box.x + (float)(i % cols) * (rw + g),
                  list_box.y + (float)(i / cols) * (rh + g), rw, rh};
        if (r.y + r.h > list_box.y + list_box.h + 1) break;
        w_item_row(c, r, &col->items[i]);
    }
}

/* The chips go above the items in landscape, where the whole screen is within reach; on a
 * tall portrait screen they sit just above the bottom bar, in the lower two thirds where
 * children and wheelchair users reach them (design brief), and the items scroll above. */
void view_collection(Ctx *c, const Screen *sc)
{
    const Collection *col = sc->collection;
    float y = w_header(c, T(c, &col->title), T(c, &col->intro));
    float bottom = c->content.y + c->content.h;
    float ch = chips(c, sc, 0, false);
    if (ch > 0 && c->portrait && col->layout != LAYOUT_MAP) {
        bottom -= U(c, SZ_GAP) + ch;
        chips(c, sc, bottom, true);
        bottom -= U(c, SZ_GAP);
    } else if (ch > 0) {
        y += chips(c, sc, y, true) + U(c, BELOW_CHIPS);
    }
    Rect area = {c->content.x, y, c->content.w, bottom - y};
    if (col->layout == LAYOUT_MAP) map(c, sc, area);
    else grid(c, sc, area);
}
