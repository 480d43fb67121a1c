/* view_about.c: the bundle's title, version, description, credits and sources. */
#include <math.h>

#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    NAME_PX = 40,       /* the bundle's name */
    BELOW_NAME = 8,
    BELOW_SECTION = 24,
    BELOW_HEADING = 8,
    BETWEEN_SOURCES = 14,
};

void view_about(Ctx *c, const Screen *sc)
{
    const Bundle *b = c->b;
    const Theme *t = c->t;
    float y = w_header(c, S(c, STR_ABOUT_TITLE), NULL);
    Rect area = {c->content.x, y, c->content.w, c->content.h - y};
    float m = U(c, SZ_MARGIN), x = m, w = fminf(area.w - 2 * m, (float)PX(c, PX_BODY) * 40);
    c->info->scroll_area = area;
    c->info->scroll_viewport = area.h;
    dlist_clip(c->d, area);
    float top = area.y - sc->scroll, yy = top;
    TextStyle h2 = {FONT_BOLD, PX(c, NAME_PX), t->text, 0, false, NULL};
    TextStyle body = {FONT_REGULAR, PX(c, PX_BODY), t->text, 0, false, NULL};
    TextStyle small = {FONT_REGULAR, PX(c, PX_SMALL), t->muted, 0, false, NULL};
    yy += w_text(c, (Rect){x, yy, w, 0}, T(c, &b->title), h2) + U(c, BELOW_NAME);
    const char *ver = dlist_printf(c->d, "%s %s", S(c, STR_VERSION), b->version);
    yy += w_text(c, (Rect){x, yy, w, 0}, ver, small) + U(c, BELOW_SECTION);
    if (text_present(&b->description))
        yy += w_text(c, (Rect){x, yy, w, 0}, T(c, &b->description), body) + U(c, BELOW_SECTION);
    if (text_present(&b->credits)) {
        yy += w_text(c, (Rect){x, yy, w, 0}, S(c, STR_CREDITS),
                     (TextStyle){FONT_BOLD, PX(c, PX_BODY), t->text, 0, false, NULL});
        yy += w_text(c, (Rect){x, yy, w, 0}, T(c, &b->credits), body) + U(c, BELOW_SECTION);
    }
    if (b->n_sources) {
        yy += w_text(c, (Rect){x, yy, w, 0}, S(c, STR_SOURCES),
                     (TextStyle){FONT_BOLD, PX(c, PX_BODY), t->text, 0, false, NULL}) + U(c, BELOW_HEADING);
        for (size_t i = 0; i < b->n_sources; i++) {
            yy += w_text(c, (Rect){x, yy, w, 0}, T(c, &b->sources[i].title), body);
            if (b->sources[i].url)
                yy += w_text(c, (Rect){x, yy, w, 0}, b->sources[i].url, small);
            yy += U(c, BETWEEN_SOURCES);
        }
    }
    dlist_unclip(c->d);
    c->info->scroll_content = yy - top + m;
}
