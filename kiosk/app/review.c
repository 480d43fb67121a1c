/* review.c: --open, --lang and --full, shared by the window, --render and --replay.
 *
 * A full-height screenshot is put together rather than laid out on a taller screen: the
 * layout depends on the screen's size (units, portrait or not), so a taller layout would
 * not be the screen a visitor sees. Instead the screen is drawn scrolled to 0, one viewport
 * further, and so on to the end, and the scrolling area of each drawing is pasted below the
 * previous one, between the header and the bottom bar of the first. */
#include "app/review.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bundle/schema.h"
#include "core/log.h"
#include "ui/schedule.h"

static void unknown_screen(const Bundle *b, const char *spec)
{
    enum { MAX_NAMES = 512 };
    static const char *names[MAX_NAMES];
    size_t n = 0;
    names[n++] = "home";
    names[n++] = "about";
    names[n++] = "quiz";
    for (size_t c = 0; c < b->n_collections && n < MAX_NAMES; c++) {
        names[n++] = b->collections[c].id;
        for (size_t i = 0; i < b->collections[c].n_items && n < MAX_NAMES; i++)
            names[n++] = b->collections[c].items[i].id;
    }
    const char *hint = schema_suggest(spec, names, n);
    log_error("the bundle has no item or collection '%s'%s%s%s", spec,
            hint ? "; did you mean '" : " (use an id from the bundle, or home, about, quiz)",
            hint ? hint : "", hint ? "'?" : "");
}

bool review_start(Session *s, const char *lang, const char *open, int64_t now_ms)
{
    const Bundle *b = s->ui.bundle;
    if (lang) {
        int i = bundle_language_index(b, lang);
        if (i < 0) {
            log_error("the bundle has no language '%s'", lang);
            return false;
        }
        s->ui.lang = (size_t)i;
        s->dirty = true;
    }
    if (open && !session_open(s, open, now_ms)) {
        unknown_screen(b, open);
        return false;
    }
    return true;
}

void review_set_clock(Session *s, const char *clock, int64_t now_ms)
{
    int64_t wall_s = (int64_t)time(NULL);
    if (clock && !schedule_parse_local(clock, &wall_s)) wall_s = (int64_t)time(NULL);
    session_set_wall_clock(s, wall_s * 1000, now_ms);
}

static void scroll_to(Session *s, float offset)
{
    session_scroll(s, offset - ui_top(&s->ui)->scroll, s->now_ms);
    session_frame(s);
}

bool review_save_full(Session *s, Canvas *c, const char *path)
{
    canvas_draw(c, session_frame(s));
    ViewInfo in = s->info;
    float extra = in.scroll_viewport > 0 ? in.scroll_content - in.scroll_viewport : 0;
    if (extra < 1) return canvas_save_png(c, path);
    s->ui.full_height = true;
    s->dirty = true;
    canvas_draw(c, session_frame(s));
    int w, h;
    canvas_pixels(c, &w, &h);
    int top = (int)in.scroll_area.y, view = (int)in.scroll_area.h, more = (int)ceilf(extra);
    TallShot *t = tall_create(w, h + more);
    if (!t) return false;
    tall_paste(t, c, 0, top + view, 0);                        /* header and first view */
    tall_paste(t, c, top + view, h - top - view, top + view + more); /* the bottom bar */
    for (int off = view; off < view + more; off += view) {
        int at = off < more ? off : more; /* the last strip ends with the content */
        scroll_to(s, (float)at);
        at = (int)lroundf(ui_top(&s->ui)->scroll);
        canvas_draw(c, session_frame(s));
        tall_paste(t, c, top, view, top + at);
    }
    bool ok = tall_save_png(t, path);
    tall_destroy(t);
    s->ui.full_height = false;
    scroll_to(s, 0);
    canvas_draw(c, session_frame(s));
    return ok;
}
