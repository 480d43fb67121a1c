/* view_attract.c: the attract loop: one item at a time, full screen, and an invitation.
 *
 * Calm on purpose: a slide changes every few seconds and nothing else moves, so a hallway
 * kiosk costs almost no CPU while it waits. The invitation is shown in every language of the
 * bundle, because nobody has chosen one yet. */
#include <math.h>
#include <stdio.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Appends s to buf; with `keep`, its spaces become no-break spaces, so each language's
 * invitation stays whole on one line and the lines break only between languages. */
static void append(char *buf, size_t size, size_t *used, const char *s, bool keep)
{
    for (; *s && *used + 3 < size; s++) {
        if (keep && *s == ' ') {
            buf[(*used)++] = '\xC2';
            buf[(*used)++] = '\xA0';
        } else {
            buf[(*used)++] = *s;
        }
    }
    buf[*used] = '\0';
}

/* Sizes in units (widgets.h). */
enum {
    ATTRACT_MARGIN = 72,
    ATTRACT_GAP = 48,
    BAND_H = 200,           /* the invitation band, at least */
    BAND_PAD = 40,          /* above and below its lines */
    INVITE_PX = 56,
    INVITE_PX_MANY = 48,    /* three languages or more */
    INVITE_LINES = 3,       /* landscape; portrait has one line per language */
    SLIDE_TITLE_PX = 88,
    SLIDE_TEXT_PX = 40,
    SLIDE_LINE_GAP = 16,
};

void view_attract(Ctx *c, int64_t now_ms)
{
    const Bundle *b = c->b;
    const Theme *t = c->t;
    const Item *it = ui_attract_item(c->s, now_ms);
    float m = U(c, ATTRACT_MARGIN), g = U(c, ATTRACT_GAP);
    dlist_rect(c->d, (Rect){0, 0, c->w, c->h}, t->background, 0);
    /* The invitation, in every language of the bundle: a big accent band at the bottom, as
     * high as its lines (one per language in portrait, up to three in landscape). */
    char invite[1024] = "";
    size_t used = 0;
    for (size_t l = 0; l < b->n_languages && used < sizeof invite; l++) {
        if (l) append(invite, sizeof invite, &used, c->portrait ? "\n" : "  \xC2\xB7  ", false);
        append(invite, sizeof invite, &used, bundle_ui_text(b, l, STR_TOUCH_TO_START),
               b->n_languages > 1);
    }
    int lines = c->portrait ? (int)b->n_languages : INVITE_LINES;
    TextStyle inv = {FONT_BOLD, PX(c, b->n_languages > 2 ? INVITE_PX_MANY : INVITE_PX), t->on_accent,
                     lines, true, NULL};
    float ih = w_text_height(c, c->w - 2 * m, invite, inv);
    float band_h = fmaxf(U(c, BAND_H), ih + 2 * U(c, BAND_PAD));
    Rect band = {0, c->h - band_h, c->w, band_h};
    dlist_rect(c->d, band, t->accent, 0);
    c->bound = band;
    w_text(c, (Rect){m, band.y + (band_h - ih) / 2, c->w - 2 * m, 0}, dlist_strdup(c->d, invite), inv);
    c->bound = (Rect){0};
    if (!it) return;
    Rect area = {m, m, c->w - 2 * m, band.y - 2 * m};
    uint32_t tint = it->has_color ? color_mix(it->color, 0xFFFFFF, 0.8)
                                  : color_mix(t->accent, 0xFFFFFF, 0.9);
    TextStyle title = {FONT_BOLD, PX(c, SLIDE_TITLE_PX), t->text, 3, false, "attract title"};
    TextStyle sub = {FONT_REGULAR, PX(c, SLIDE_TEXT_PX), t->muted, 3, false, "attract subtitle"};
    const char *kind = T(c, &it->collection->title);
    /* A key figure shows its number, under its collection's icon. */
    const char *name = figure_or_title(c, it);
    const Image *pic = it->image ? it->image : it->figure ? it->collection->icon : NULL;
    if (!c->portrait) {
        float pw = fminf(area.h, area.w * 0.42f);
        w_picture(c, (Rect){area.x, area.y + (area.h - pw) / 2, pw, pw}, pic, &it->title, tint);
        float tx = area.x + pw + g, tw = area.w - pw - g;
        float th = w_text_height(c, tw, kind, sub) + U(c, SLIDE_LINE_GAP) + w_text_height(c, tw, name, title) +
                   U(c, SLIDE_LINE_GAP) + w_text_height(c, tw, T(c, &it->subtitle), sub);
        float y = area.y + fmaxf(0, (area.h - th) / 2);
        y += w_text(c, (Rect){tx, y, tw, 0}, kind, (TextStyle){FONT_BOLD, sub.px, t->accent, 1, false, NULL}) + U(c, SLIDE_LINE_GAP);
        y += w_text(c, (Rect){tx, y, tw, 0}, name, title) + U(c, SLIDE_LINE_GAP);
        w_text(c, (Rect){tx, y, tw, 0}, T(c, &it->subtitle), sub);
    } else {
        float pw = fminf(area.w, area.h * 0.55f);
        w_picture(c, (Rect){area.x + (area.w - pw) / 2, area.y, pw, pw}, pic, &it->title, tint);
        float y = area.y + pw + g;
        y += w_text(c, (Rect){area.x, y, area.w, 0}, kind, (TextStyle){FONT_BOLD, sub.px, t->accent, 1, false, NULL}) + U(c, SLIDE_LINE_GAP);
        y += w_text(c, (Rect){area.x, y, area.w, 0}, name, title) + U(c, SLIDE_LINE_GAP);
        w_text(c, (Rect){area.x, y, area.w, 0}, T(c, &it->subtitle), sub);
    }
}
