/* view_item.c: one item: picture, title, facts, body, related items and QR codes.
 *
 * The QR codes never scroll: a visitor who wants the link should not have to find it. In
 * landscape they sit at the foot of a still column beside the scrolling text (under the
 * picture, or on their own when there is none); in portrait they are a strip just above the
 * bottom bar, within reach, and the text scrolls above it. An item without a picture is laid
 * out text first: its title on a panel of its own, no empty picture panel. A short page lets
 * its picture grow (or its title panel take the room), then settles low, so no band of
 * nothing opens between the content and the controls. */
#include <math.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Links that get the still QR panel (the first is usually the one that matters; two still
 * fit beside a picture); more are listed, as codes too, at the end of the text. */
enum { QR_FIXED = 2 };

/* How the text column shows the title: beside or under a picture, or not at all (the title
 * has its own panel). */
typedef enum { TITLE_NORMAL, TITLE_NONE } TitleKind;

/* Label-value rows on a panel (facts, an item's times and place); NULL labels leave the
 * label column empty. Returns the height. */
static float fact_rows(Ctx *c, float x, float y, float w, const char *const *labels,
                       const char *const *values, size_t n)
{
    const Theme *t = c->t;
    if (n == 0) return 0;
    float y0 = y, label_w = w * 0.34f, pad = U(c, 20);
    float box_h = 0;
    TextStyle ls = {FONT_REGULAR, PX(c, PX_SMALL), t->muted, 0, false, NULL};
    TextStyle vs = {FONT_BOLD, PX(c, PX_BODY), t->text, 0, false, NULL};
    /* Measure first so the panel behind the rows is drawn before them. */
    for (size_t i = 0; i < n; i++) {
        float lh = labels[i] ? w_text_height(c, label_w - pad, labels[i], ls) : 0;
        float vh = w_text_height(c, w - label_w - 2 * pad, values[i], vs);
        box_h += fmaxf(lh, vh) + U(c, 16);
    }
    dlist_rect(c->d, (Rect){x, y, w, box_h + 2 * pad - U(c, 16)}, t->surface, U(c, SZ_RADIUS));
    y += pad;
    for (size_t i = 0; i < n; i++) {
        float lh = labels[i] ? w_text(c, (Rect){x + pad, y + U(c, 3), label_w - pad, 0}, labels[i], ls)
                             : 0;
        float vh = w_text(c, (Rect){x + label_w, y, w - label_w - pad, 0}, values[i], vs);
        y += fmaxf(lh, vh) + U(c, 16);
    }
    return y - y0 + pad;
}

static float facts(Ctx *c, float x, float y, float w, const Item *it)
{
    enum { MAX_ROWS = 64 };
    const char *labels[MAX_ROWS], *values[MAX_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < it->n_facts && n < MAX_ROWS; i++, n++) {
        labels[n] = T(c, &it->facts[i].label);
        values[n] = T(c, &it->facts[i].value);
    }
    return fact_rows(c, x, y, w, labels, values, n);
}

/* When and where it takes place: one row per session, then the place. */
static float when_where(Ctx *c, float x, float y, float w, const Item *it)
{
    const char *labels[WHEN_MAX_SLOTS + 1], *values[WHEN_MAX_SLOTS + 1];
    size_t n = 0;
    for (size_t i = 0; i < it->n_when; i++, n++) {
        labels[n] = i == 0 ? S(c, STR_WHEN) : NULL;
        values[n] = w_session_text(c, &it->when[i]);
    }
    const char *where = T(c, &it->where);
    if (where && *where) {
        labels[n] = S(c, STR_WHERE);
        values[n++] = where;
    }
    return fact_rows(c, x, y, w, labels, values, n);
}

static float related(Ctx *c, float x, float y, float w, const Item *it)
{
    if (it->n_related == 0) return 0;
    float y0 = y;
    y += w_text(c, (Rect){x, y, w, 0}, S(c, STR_SEE_ALSO),
                (TextStyle){FONT_BOLD, PX(c, PX_SMALL), c->t->muted, 1, false, NULL}) + U(c, 12);
    float cx = x, h = U(c, SZ_TARGET), g = U(c, 16);
    for (size_t i = 0; i < it->n_related; i++) {
        const Item *r = it->related[i];
        const char *label = T(c, &r->title);
        float cw = fminf(w_chip_width(c, label), w);
        if (cx + cw > x + w && cx > x) {
            cx = x;
            y += h + g;
        }
        w_chip(c, (Rect){cx, y, cw, h}, label, false, (Action){.kind = ACT_ITEM, .item = r});
        cx += cw + g;
    }
    return y + h - y0;
}

/* The item's own sources, small, under the body: "Bron: title (url)". Returns the height used. */
static float sources(Ctx *c, float x, float y, float w, const Item *it)
{
    if (it->n_sources == 0) return 0;
    float y0 = y;
    TextStyle small = {FONT_REGULAR, PX(c, PX_SMALL), c->t->muted, 0, false, NULL};
    y += w_text(c, (Rect){x, y, w, 0}, S(c, STR_SOURCES),
                (TextStyle){FONT_BOLD, PX(c, PX_SMALL), c->t->muted, 1, false, NULL}) + U(c, 4);
    for (size_t i = 0; i < it->n_sources; i++) {
        const Source *s = &it->sources[i];
        const char *line = s->url ? dlist_printf(c->d, "%s (%s)", T(c, &s->title), s->url)
                                  : T(c, &s->title);
        y += w_text(c, (Rect){x, y, w, 0}, line, small) + U(c, 4);
    }
    return y - y0;
}

/* The text column: title, subtitle, facts, body, sources, related, and any links beyond
 * the fixed panel's. Returns its height. */
static float text_column(Ctx *c, float x, float y, float w, const Item *it, TitleKind title)
{
    const Theme *t = c->t;
    float y0 = y;
    if (title != TITLE_NONE) {
        y += w_text(c, (Rect){x, y, w, 0}, T(c, &it->title),
                    (TextStyle){FONT_BOLD, PX(c, PX_TITLE), t->text,
                                0, false, "item title"});
        if (text_present(&it->subtitle))
            y += U(c, 8) + w_text(c, (Rect){x, y + U(c, 8), w, 0}, T(c, &it->subtitle),
                                  (TextStyle){FONT_REGULAR, PX(c, 34), t->muted, 0, false, NULL});
        y += U(c, 32);
    }
    float ww = when_where(c, x, y, w, it);
    if (ww > 0) y += ww + U(c, 32);
    float fh = facts(c, x, y, w, it);
    if (fh > 0) y += fh + U(c, 32);
    float tb = w_table(c, x, y, w, it->table); /* opening hours, prices: view_table.c */
    if (tb > 0) y += tb + U(c, 32);
    /* Lines of 45-75 characters: limit the measure on very wide columns. */
    float bw = fminf(w, (float)PX(c, PX_BODY) * 34);
    const Body *body = &it->body[c->lang];
    if (body->n_blocks) y += w_body(c, (Rect){x, y, bw, 0}, body, PX(c, PX_BODY), t->text) + U(c, 16);
    float sh = sources(c, x, y, bw, it);
    if (sh > 0) y += sh + U(c, 24);
    float rh = related(c, x, y, w, it);
    if (rh > 0) y += rh + U(c, 32);
    if (it->n_links > QR_FIXED) {
        Rect more = {x, y, fminf(w, U(c, 620)), 0};
        y += w_qr_panel(c, more, it->links + QR_FIXED, it->n_links - QR_FIXED, true) + U(c, 32);
    }
    return y - y0;
}

/* A region's page shows its place on the map where another item shows its picture, and a
 * key figure its number (and chart). */
static bool has_picture(const Item *it)
{
    return it->image != NULL || it->video || it->n_shape > 0 || it->has_pin || it->figure ||
           it->n_series || it->n_gallery;
}

/* The picture, the map or the figure panel in r; a figure panel fills r.h (0: only
 * measures) and returns the height it needs. */
static float lead_picture(Ctx *c, const Screen *sc, Rect r, bool draw)
{
    const Item *it = sc->item;
    if (it->figure || it->n_series) return figure_panel(c, r, it, sc->opened_ms, draw);
    if (it->n_gallery && !draw) return r.h + gallery_below(c, r.w, it);
    if (it->n_gallery) gallery_panel(c, r, sc);
    else if (draw && it->video) w_video(c, r, it, sc->opened_ms);
    else if (draw) w_item_picture(c, r, it, w_picture_tint(c, it));
    return r.h;
}

static size_t fixed_links(const Item *it)
{
    return it->n_links < QR_FIXED ? it->n_links : QR_FIXED;
}

/* The text scrolling in `area`, `above` below its top (unscrolled). Returns its height. */
static float scrolling_text(Ctx *c, const Screen *sc, Rect area, float above, Rect col,
                            TitleKind title)
{
    float m = U(c, SZ_MARGIN);
    dlist_clip(c->d, area);
    float th = text_column(c, col.x, area.y + m + above - sc->scroll, col.w, sc->item, title);
    dlist_unclip(c->d);
    c->info->scroll_area = area;
    c->info->scroll_viewport = area.h;
    c->info->scroll_content = above + th + 2 * m;
    return th;
}

/* Without a picture the title gets its own panel in the item's tint, set large at the
 * panel's foot so it leads into the text: the panel can grow where a short page would leave
 * a gap, and it is never empty. Returns the height it needs; draws only when `draw`. */
static float title_panel(Ctx *c, Rect r, const Item *it, bool draw)
{
    const Theme *t = c->t;
    float pad = U(c, 40), w = r.w - 2 * pad;
    TextStyle ts = {FONT_BOLD, PX(c, PX_HERO), t->text, 0, false, "item title"};
    TextStyle ss = {FONT_REGULAR, PX(c, 34), t->muted, 0, false, NULL};
    bool sub = text_present(&it->subtitle);
    float th = w_text_height(c, w, T(c, &it->title), ts);
    float sh = sub ? U(c, 8) + w_text_height(c, w, T(c, &it->subtitle), ss) : 0;
    if (draw) {
        dlist_rect(c->d, r, w_picture_tint(c, it), U(c, SZ_RADIUS));
        Rect saved = c->bound;
        c->bound = r;
        float y = r.y + r.h - pad - th - sh;
        w_text(c, (Rect){r.x + pad, y, w, 0}, T(c, &it->title), ts);
        if (sub) w_text(c, (Rect){r.x + pad, y + th + U(c, 8), w, 0}, T(c, &it->subtitle), ss);
        c->bound = saved;
    }
    return 2 * pad + th + sh;
}

/* The lead (picture, or title panel without one) and the text under it, scrolling together
 * in `area`, in the column x..x+w. A short page lets the picture grow (up to a square) or the
 * title panel take the room, and what is left settles low, next to the controls. */
static void lead_and_text(Ctx *c, const Screen *sc, Rect area, float x, float w)
{
    const Item *it = sc->item;
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP) * 2;
    bool pic = has_picture(it);
    float ph = !pic ? title_panel(c, (Rect){0, 0, w, 0}, it, false)
                    : lead_picture(c, sc, (Rect){0, 0, w, fminf(w * 0.6f, U(c, 520))}, false);
    size_t cmd0 = c->d->n_cmds, hit0 = c->d->n_hits;
    scrolling_text(c, sc, area, ph + g, (Rect){x, 0, w, 0}, pic ? TITLE_NORMAL : TITLE_NONE);
    float spare = area.h - c->info->scroll_content;
    float grow = spare > 0 ? fmaxf(0, pic ? fminf(spare, w - ph) : spare) : 0;
    float low = spare > grow ? spare - grow : 0;
    if (grow + low > 0) dlist_shift(c->d, cmd0, hit0, grow + low);
    Rect top = {x, area.y + m + low - sc->scroll, w, ph + grow};
    dlist_clip(c->d, area);
    if (pic) lead_picture(c, sc, top, true);
    else title_panel(c, top, it, true);
    dlist_unclip(c->d);
}

/* Portrait: the QR strip above the bottom bar; the lead and the text scroll above it. */
static void portrait(Ctx *c, const Screen *sc)
{
    const Item *it = sc->item;
    Rect area = c->content;
    float m = U(c, SZ_MARGIN), w = area.w - 2 * m;
    size_t nq = fixed_links(it);
    float qh = w_qr_panel(c, (Rect){m, 0, w, 0}, it->links, nq, false);
    float bottom = area.y + area.h;
    if (qh > 0) {
        bottom -= U(c, SZ_GAP) + qh;
        w_qr_panel(c, (Rect){area.x + m, bottom, w, 0}, it->links, nq, true);
    }
    /* the text stops a little above the strip instead of running into its edge */
    Rect scroll_area = {area.x, area.y, area.w, bottom - area.y - (qh > 0 ? U(c, 16) : 0)};
    lead_and_text(c, sc, scroll_area, area.x + m, w);
}

/* Landscape: a still column (picture on top, QR panel at its foot) and the text beside it.
 * Without a picture the title panel and the text come first and the codes stand at the
 * right. */
static void landscape(Ctx *c, const Screen *sc)
{
    const Item *it = sc->item;
    Rect area = c->content;
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP) * 2;
    float lw = fminf(area.w * 0.34f, U(c, 620));
    size_t nq = fixed_links(it);
    bool pic = has_picture(it);
    float sx = pic ? area.x + m : area.x + area.w - m - lw; /* the still column */
    float qh = w_qr_panel(c, (Rect){sx, 0, lw, 0}, it->links, nq, false);
    if (qh > 0) w_qr_panel(c, (Rect){sx, area.y + area.h - m - qh, lw, 0}, it->links, nq, true);
    if (!pic) {
        float tw = area.w - 2 * m - (nq > 0 ? lw + g : 0);
        lead_and_text(c, sc, (Rect){area.x, area.y, tw + m + g / 2, area.h}, area.x + m, tw);
        return;
    }
    float room = area.h - 2 * m - (qh > 0 ? qh + g : 0);
    /* a figure panel takes the column's height (its chart grows), a picture up to 4:3 */
    float below = it->n_gallery ? gallery_below(c, lw, it) : 0; /* its caption and credit */
    float ph = fmaxf(0, it->figure || it->n_series ? room : fminf(lw * 0.75f + below, room));
    lead_picture(c, sc, (Rect){sx, area.y + m, lw, ph}, true);
    float tx = area.x + m + lw + g;
    /* the scrolling part starts half a gap before the text, so its bar stays clear of it */
    Rect text_area = {tx - g / 2, area.y, area.x + area.w - tx + g / 2, area.h};
    scrolling_text(c, sc, text_area, 0, (Rect){tx, 0, area.x + area.w - m - tx, 0}, TITLE_NORMAL);
}

void view_item(Ctx *c, const Screen *sc)
{
    if (c->portrait) portrait(c, sc);
    else landscape(c, sc);
}
