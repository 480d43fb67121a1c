/* view_collection.c: a collection as a grid, list or profile cards (a map: view_map.c).
 *
 * Grids are laid out arithmetically, so only the rows in view are added to the display list:
 * a 5,000-item collection costs no more per frame than a 12-item one. A map is view_map.c. */
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
    /* whole pixels: a card then keeps its place inside a pixel, and its kept picture
     * (retained drawing, ui/dlist.h DL_GROUP), while the grid scrolls */
    float scroll = roundf(fminf(sc->scroll, fmaxf(0, content - area.h)));
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

/* The chips go above the items in landscape, where the whole screen is within reach; on a
 * tall portrait screen they sit just above the bottom bar, in the lower two thirds where
 * children and wheelchair users reach them (design brief), and the items scroll above. */
void view_collection(Ctx *c, const Screen *sc)
{
    const Collection *col = sc->collection;
    if (col->layout == LAYOUT_MAP) {
        view_map(c, sc);
        return;
    }
    if (col->layout == LAYOUT_PLAN) {
        view_plan(c, sc);
        return;
    }
    float y = w_header(c, T(c, &col->title), T(c, &col->intro));
    float bottom = c->content.y + c->content.h;
    float ch = chips(c, sc, 0, false);
    if (ch > 0 && c->portrait) {
        bottom -= U(c, SZ_GAP) + ch;
        chips(c, sc, bottom, true);
        bottom -= U(c, SZ_GAP);
    } else if (ch > 0) {
        y += chips(c, sc, y, true) + U(c, BELOW_CHIPS);
    }
    Rect area = {c->content.x, y, c->content.w, bottom - y};
    if (col->layout == LAYOUT_FIGURES) view_figures(c, sc, area);
    else if (col->layout == LAYOUT_SCHEDULE) view_schedule(c, sc, area);
    else grid(c, sc, area);
}
