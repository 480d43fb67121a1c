/* view_item.c: one item: picture, title, facts, body, related items and QR codes.
 *
 * Landscape keeps the picture and the QR codes still on the left while the text column on the
 * right scrolls; portrait stacks everything in one scrolling column, picture first. */
#include <math.h>

#include "core/color.h"
#include "ui/widgets.h"

static float facts(Ctx *c, float x, float y, float w, const Item *it)
{
    const Theme *t = c->t;
    if (it->n_facts == 0) return 0;
    float y0 = y, label_w = w * 0.34f, pad = U(c, 20);
    float box_h = 0;
    /* Measure first so the panel behind the facts is drawn before them. */
    for (size_t i = 0; i < it->n_facts; i++) {
        float lh = w_text_height(c, label_w - pad, T(c, &it->facts[i].label),
                                 (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), 0, 0, false, NULL});
        float vh = w_text_height(c, w - label_w - 2 * pad, T(c, &it->facts[i].value),
                                 (TextStyle){FONT_BOLD, PX(c, PX_BODY), 0, 0, false, NULL});
        box_h += fmaxf(lh, vh) + U(c, 16);
    }
    dlist_rect(c->d, (Rect){x, y, w, box_h + 2 * pad - U(c, 16)}, t->surface, U(c, SZ_RADIUS));
    y += pad;
    for (size_t i = 0; i < it->n_facts; i++) {
        float lh = w_text(c, (Rect){x + pad, y + U(c, 3), label_w - pad, 0}, T(c, &it->facts[i].label),
                          (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->muted, 0, false, NULL});
        float vh = w_text(c, (Rect){x + label_w, y, w - label_w - pad, 0}, T(c, &it->facts[i].value),
                          (TextStyle){FONT_BOLD, PX(c, PX_BODY), t->text, 0, false, NULL});
        y += fmaxf(lh, vh) + U(c, 16);
    }
    return y - y0 + pad;
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

/* QR codes side by side (wrapping), each with its caption; returns the height used. */
static const char *qr_caption(Ctx *c, const Link *link)
{
    return text_present(&link->caption) ? T(c, &link->caption) : S(c, STR_SCAN);
}

/* Captions take the lines the longest one needs (two at least, four at most): the cells are
 * in the scrolling text column, so a longer caption costs height, not words. */
enum { QR_CAPTION_MIN_LINES = 2, QR_CAPTION_MAX_LINES = 4 };

static float qr_codes(Ctx *c, float x, float y, float w, const Item *it)
{
    if (it->n_links == 0) return 0;
    const Theme *t = c->t;
    float side = fminf(U(c, 230), w), g = U(c, SZ_GAP), pad = U(c, 16);
    size_t per_row = (size_t)fmaxf(1, floorf((w + g) / (side + 2 * pad + g)));
    TextStyle cs = {FONT_BOLD, PX(c, PX_SMALL), t->text, QR_CAPTION_MAX_LINES, true, "QR caption"};
    float cap_h = w_line_height(cs.px) * QR_CAPTION_MIN_LINES;
    for (size_t i = 0; i < it->n_links; i++)
        cap_h = fmaxf(cap_h, w_text_height(c, side + 2 * pad, qr_caption(c, &it->links[i]), cs));
    float cell_h = side + 2 * pad + U(c, 8) + cap_h;
    for (size_t i = 0; i < it->n_links; i++) {
        float cx = x + (float)(i % per_row) * (side + 2 * pad + g);
        float cy = y + (float)(i / per_row) * (cell_h + g);
        dlist_rect(c->d, (Rect){cx, cy, side + 2 * pad, side + 2 * pad}, 0xFFFFFF, U(c, 16));
        DlCmd *q = dlist_push(c->d, DL_QR, (Rect){cx + pad, cy + pad, side, side});
        q->text = it->links[i].url;
        w_text(c, (Rect){cx, cy + side + 2 * pad + U(c, 8), side + 2 * pad, 0},
               qr_caption(c, &it->links[i]), cs);
    }
    size_t rows = (it->n_links + per_row - 1) / per_row;
    return (float)rows * (cell_h + g);
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

/* Title, subtitle, facts, body, sources, related: the text column. Returns its height. */
static float text_column(Ctx *c, float x, float y, float w, const Item *it, bool with_related)
{
    const Theme *t = c->t;
    float y0 = y;
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &it->title),
                (TextStyle){FONT_BOLD, PX(c, PX_TITLE), t->text, 0, false, "item title"});
    if (text_present(&it->subtitle))
        y += U(c, 8) + w_text(c, (Rect){x, y + U(c, 8), w, 0}, T(c, &it->subtitle),
                              (TextStyle){FONT_REGULAR, PX(c, 34), t->muted, 0, false, NULL});
    y += U(c, 32);
    float fh = facts(c, x, y, w, it);
    if (fh > 0) y += fh + U(c, 32);
    const Body *body = &it->body[c->lang];
    if (body->n_blocks) {
        /* Lines of 45-75 characters: limit the measure on very wide columns. */
        float bw = fminf(w, (float)PX(c, PX_BODY) * 34);
        y += w_body(c, (Rect){x, y, bw, 0}, body, PX(c, PX_BODY), t->text) + U(c, 16);
    }
    float sh = sources(c, x, y, fminf(w, (float)PX(c, PX_BODY) * 34), it);
    if (sh > 0) y += sh + U(c, 24);
    if (with_related) {
        float rh = related(c, x, y, w, it);
        if (rh > 0) y += rh + U(c, 32);
    }
    return y - y0;
}

void view_item(Ctx *c, const Screen *sc)
{
    const Item *it = sc->item;
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP) * 2;
    Rect area = {c->content.x, c->content.y, c->content.w, c->content.h};
    uint32_t tint = it->has_color ? color_mix(it->color, 0xFFFFFF, 0.8)
                                  : color_mix(c->t->accent, 0xFFFFFF, 0.9);
    float scroll = sc->scroll;
    if (!c->portrait) {
        /* Two columns that scroll together: picture, QR codes and related items on the left,
         * the text on the right. */
        float lw = fminf(area.w * 0.34f, U(c, 620));
        float ph = fminf(lw * 0.75f, area.h * 0.45f);
        c->info->scroll_area = area;
        c->info->scroll_viewport = area.h;
        dlist_clip(c->d, area);
        float top = m - scroll, ly = top;
        w_item_picture(c, (Rect){m, ly, lw, ph}, it, tint);
        ly += ph + g;
        float qh = qr_codes(c, m, ly, lw, it);
        if (qh > 0) ly += qh;
        float rh = related(c, m, ly, lw, it);
        if (rh > 0) ly += rh + g;
        float tx = m + lw + g;
        float th = text_column(c, tx, top, area.w - tx - m, it, false);
        dlist_unclip(c->d);
        c->info->scroll_content = fmaxf(ly - g - top, th) + 2 * m; /* ly ends with a gap */
    } else {
        c->info->scroll_area = area;
        c->info->scroll_viewport = area.h;
        dlist_clip(c->d, area);
        float y = m - scroll, w = area.w - 2 * m;
        float ph = fminf(w * 0.6f, U(c, 520));
        w_item_picture(c, (Rect){m, y, w, ph}, it, tint);
        y += ph + g;
        y += text_column(c, m, y, w, it, true);
        y += qr_codes(c, m, y, w, it);
        dlist_unclip(c->d);
        c->info->scroll_content = y + scroll + m;
    }
}
