/* view_schedule.c: a timetable: one day's sessions by time, "now" and "next" marked.
 *
 * What a visitor at an open day wants first is what runs now and what starts next, so those
 * lead the list, in time order; sessions that are over follow under "Earlier", dimmed, still
 * there for whoever missed one. Each row is the session's item (tap: its page). The screen is
 * still between changes: it asks to be built again at the minute a session starts or ends,
 * or the day turns (view_wake_at), never every minute. Times are the kiosk's local time from
 * the session's wall clock (UiState.wall_offset_ms). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/caldate.h"
#include "ui/schedule.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    SCH_ROW_MIN_H = 120,
    SCH_PAD = 24,
    SCH_PIC_INSET = 12,    /* a row's picture: this far from the row's top and bottom */
    SCH_GAP = 16,          /* between rows */
    SCH_TIME_W = 250,      /* the time column: "10:00–10:45" at PX_CARD_TITLE */
    SCH_BADGE_PAD = 18,
    SCH_BADGE_H = 56,
    SCH_HEADING_GAP = 20,
    SCH_MAX_W = 1400,      /* rows wider than this read badly */
};

/* The `index`th of the comma-separated names in `list` (a bundle's or the built-in texts). */
static void nth_name(const char *list, int index, char *out, size_t size)
{
    const char *p = list;
    for (int i = 0; i < index && p; i++) {
        p = strchr(p, ',');
        if (p) p++;
    }
    size_t n = p ? strcspn(p, ",") : 0;
    while (p && n > 0 && *p == ' ') p++, n--;
    snprintf(out, size, "%.*s", (int)n, p ? p : "");
}

/* Fills STR_DATE's blanks; the result is copied into the display list. */
static const char *fill_date(Ctx *c, const char *weekday, const char *day, const char *month)
{
    char out[200];
    const char *p = S(c, STR_DATE);
    size_t k = 0;
    while (*p && k + 1 < sizeof out) {
        const char *fill = NULL;
        size_t skip = 0;
        if (strncmp(p, "{weekday}", 9) == 0) fill = weekday, skip = 9;
        else if (strncmp(p, "{day}", 5) == 0) fill = day, skip = 5;
        else if (strncmp(p, "{month}", 7) == 0) fill = month, skip = 7;
        if (!fill) {
            out[k++] = *p++;
            continue;
        }
        int w = snprintf(out + k, sizeof out - k, "%s", fill);
        k = w < 0 || (size_t)w >= sizeof out - k ? sizeof out - 1 : k + (size_t)w;
        p += skip;
    }
    out[k] = '\0';
    return dlist_strdup(c->d, out);
}

const char *w_date_text(Ctx *c, int32_t day)
{
    char weekday[64], month[64], mday[8];
    time_t t = (time_t)day * 86400 + 43200; /* noon UTC of that date */
    struct tm tm;
    if (!gmtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    nth_name(S(c, STR_WEEKDAYS), caldate_wday(day), weekday, sizeof weekday);
    nth_name(S(c, STR_MONTHS), tm.tm_mon, month, sizeof month);
    snprintf(mday, sizeof mday, "%d", tm.tm_mday);
    return fill_date(c, weekday, mday, month);
}

const char *w_session_text(Ctx *c, const TimeSlot *slot)
{
    char days[256] = "";
    if (slot->date != WHEN_WEEKLY) {
        snprintf(days, sizeof days, "%s", w_date_text(c, slot->date));
    } else {
        size_t k = 0;
        for (int i = 1; i <= 7; i++) { /* from Monday: how a school week is read */
            if (!((slot->days >> (i % 7)) & 1)) continue;
            char name[64];
            nth_name(S(c, STR_WEEKDAYS), i % 7, name, sizeof name);
            int w = snprintf(days + k, sizeof days - k, "%s%s", k ? ", " : "", name);
            if (w < 0 || (size_t)w >= sizeof days - k) break;
            k += (size_t)w;
        }
    }
    return dlist_printf(c->d, "%s, %02d:%02d\u2013%02d:%02d", days, slot->from / 60,
                        slot->from % 60, slot->to / 60, slot->to % 60);
}

static float badge(Ctx *c, float right, float cy, SlotState st, bool draw)
{
    if (st != SLOT_NOW && st != SLOT_NEXT) return 0;
    const char *label = S(c, st == SLOT_NOW ? STR_NOW : STR_NEXT);
    int px = PX(c, PX_SMALL);
    float w = w_text_width(c, label, FONT_BOLD, px) + 2 * U(c, SCH_BADGE_PAD);
    float h = U(c, SCH_BADGE_H);
    if (!draw) return w;
    Rect r = {right - w, cy - h / 2, w, h};
    bool now = st == SLOT_NOW;
    if (now) {
        DlCmd *b = dlist_push(c->d, DL_RECT, r);
        b->color = c->t->accent;
        b->radius = h / 2;
    } else {
        dlist_frame(c->d, r, c->t->accent, h / 2, U(c, 3));
    }
    TextStyle ts = {FONT_BOLD, px, now ? c->t->on_accent : c->t->text, 1, true, NULL};
    w_text(c, (Rect){r.x, r.y + (h - w_line_height(px)) / 2, r.w, 0}, label, ts);
    return w;
}

/* One session's row; returns its height. Measures only when draw is false. */
static float row(Ctx *c, Rect r, const ScheduleEntry *e, bool draw)
{
    const Theme *t = c->t;
    bool past = e->state == SLOT_PAST;
    float pad = U(c, SCH_PAD), tw = U(c, SCH_TIME_W) * c->text_scale;
    float bw = badge(c, 0, 0, e->state, false);
    /* its picture, small, where there is one: the room to look for is easier found by it */
    float pic = e->item->image ? U(c, SCH_ROW_MIN_H) - 2 * U(c, SCH_PIC_INSET) : 0;
    float x = r.x + pad + tw + (pic > 0 ? pic + pad : 0);
    float w = r.x + r.w - pad - x - (bw > 0 ? bw + pad : 0);
    TextStyle ts = {FONT_BOLD, PX(c, PX_CARD_TITLE), past ? t->muted : t->text, 2, false,
                    "timetable title"};
    TextStyle ws = {FONT_REGULAR, PX(c, PX_SMALL), t->muted, 1, false, "timetable place"};
    const char *title = w_title_that_fits(c, w, &e->item->title, &e->item->short_title, ts);
    const char *where = T(c, &e->item->where);
    float th = w_text_height(c, w, title, ts) + (where && *where ? w_line_height(ws.px) : 0);
    float h = fmaxf(U(c, SCH_ROW_MIN_H), th + 2 * pad);
    if (!draw) return h;
    w_surface(c, (Rect){r.x, r.y, r.w, h}, t->surface, U(c, SZ_RADIUS));
    Rect saved = c->bound;
    c->bound = (Rect){r.x, r.y, r.w, h};
    /* the display list keeps text until it is drawn: made text is copied into it */
    const char *when = dlist_printf(c->d, "%02d:%02d\u2013%02d:%02d", e->from / 60, e->from % 60,
                                    e->to / 60, e->to % 60);
    TextStyle tms = {FONT_BOLD, PX(c, PX_CARD_TITLE), past ? t->muted : t->text, 1, false,
                     "timetable time"};
    w_text(c, (Rect){r.x + pad, r.y + (h - w_line_height(tms.px)) / 2, tw - pad, 0}, when, tms);
    if (pic > 0)
        w_item_picture(c, (Rect){r.x + pad + tw, r.y + (h - pic) / 2, pic, pic}, e->item,
                       w_picture_tint(c, e->item));
    float y = r.y + (h - th) / 2;
    y += w_text(c, (Rect){x, y, w, 0}, title, ts);
    if (where && *where) w_text(c, (Rect){x, y, w, 0}, where, ws);
    badge(c, r.x + r.w - pad, r.y + h / 2, e->state, true);
    c->bound = saved;
    dlist_hit(c->d, (Rect){r.x, r.y, r.w, h}, (Action){.kind = ACT_ITEM, .item = e->item},
              U(c, SZ_RADIUS));
    return h;
}

/* The rows, upcoming first and then "Earlier"; returns the content height. */
static float rows(Ctx *c, const ScheduleDay *day, Rect col, float top, bool draw)
{
    float y = top, g = U(c, SCH_GAP);
    for (int pass = 0; pass < 2; pass++) {
        bool earlier = pass == 1, heading = false;
        for (int i = 0; i < day->n; i++) {
            const ScheduleEntry *e = &day->e[i];
            if ((e->state == SLOT_PAST) != earlier) continue;
            if (earlier && !heading) {
                TextStyle hs = {FONT_BOLD, PX(c, PX_BODY), c->t->muted, 1, false, "timetable heading"};
                if (y > top) y += U(c, SCH_HEADING_GAP); /* below the sessions still to come */
                y += draw ? w_text(c, (Rect){col.x, y, col.w, 0}, S(c, STR_EARLIER), hs)
                          : w_line_height(hs.px);
                y += U(c, SCH_HEADING_GAP) / 2;
                heading = true;
            }
            float h = row(c, (Rect){col.x, y, col.w, 0}, e, false);
            bool visible = y + h >= c->info->scroll_area.y && y <= c->info->scroll_area.y +
                                                                         c->info->scroll_area.h;
            if (draw && visible) row(c, (Rect){col.x, y, col.w, 0}, e, true);
            y += h + g;
        }
    }
    return y - top;
}

void w_schedule_day(Ctx *c, const Collection *col, ScheduleDay *day)
{
    int64_t wall_ms = c->now_ms + c->s->wall_offset_ms;
    LocalTime now;
    schedule_local(wall_ms / 1000, &now);
    schedule_build(col, &now, day);
    int64_t change_s = schedule_wall_at(wall_ms / 1000, day->change_minute);
    view_wake_at(c->info, c->now_ms + (change_s * 1000 - wall_ms));
}

void view_schedule(Ctx *c, const Screen *sc, Rect area)
{
    const Collection *col = sc->collection;
    static ScheduleDay day; /* large; views run on one thread */
    w_schedule_day(c, col, &day);
    float m = U(c, SZ_MARGIN), w = fminf(area.w - 2 * m, U(c, SCH_MAX_W));
    Rect list = {area.x + m, area.y, w, area.h}; /* under the title, where the eye starts */
    /* the day: "Today · Saturday 13 March", or the date of the day shown */
    const char *date = w_date_text(c, day.day);
    const char *heading = day.offset == 0 ? dlist_printf(c->d, "%s \u00b7 %s", S(c, STR_TODAY), date)
                                          : date;
    TextStyle hs = {FONT_BOLD, PX(c, PX_CARD_TITLE), c->t->text, 2, false, "timetable day"};
    float hh = w_text(c, (Rect){list.x, list.y, list.w, 0}, heading, hs) + U(c, SCH_HEADING_GAP);
    Rect scroll = {area.x, area.y + hh, area.w, area.h - hh};
    c->info->scroll_area = scroll;
    c->info->scroll_viewport = scroll.h;
    float content = rows(c, &day, list, 0, false) + m;
    c->info->scroll_content = content;
    float top = scroll.y - fminf(sc->scroll, fmaxf(0, content - scroll.h));
    dlist_clip(c->d, scroll);
    rows(c, &day, list, top, true);
    dlist_unclip(c->d);
}
