/* schedule.c: now, next and past for a day of sessions (see schedule.h).
 *
 * A day is found by looking forward from today, one day at a time, for at most
 * SCHEDULE_LOOKAHEAD_DAYS: weekly sessions make every week alike, so the search stops within a
 * week for them, and dated ones are at most a year or so ahead. States are taken from the
 * minute only; seconds never matter, so a screen changes exactly when a minute turns to a
 * session's start or end, and schedule_build() says when that is, so the screen asks to be
 * built again then instead of polling. */
#include "ui/schedule.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/caldate.h"

static bool runs_on(const TimeSlot *s, int32_t day, int wday)
{
    return s->date == WHEN_WEEKLY ? (s->days >> wday) & 1 : s->date == day;
}

/* True when a session runs on `day` that has not ended by `minute` (-1: any at all). */
static bool day_has_sessions(const Collection *c, int32_t day, int wday, int minute)
{
    for (size_t i = 0; i < c->n_items; i++)
        for (size_t k = 0; k < c->items[i].n_when; k++)
            if (runs_on(&c->items[i].when[k], day, wday) && c->items[i].when[k].to > minute)
                return true;
    return false;
}

/* The latest date of a dated session before `today`, or today when there is none (a weekly
 * schedule always has a day ahead). */
static int32_t last_day_before(const Collection *c, int32_t today)
{
    int32_t best = today;
    for (size_t i = 0; i < c->n_items; i++)
        for (size_t k = 0; k < c->items[i].n_when; k++) {
            int32_t d = c->items[i].when[k].date;
            if (d != WHEN_WEEKLY && d < today && (best == today || d > best)) best = d;
        }
    return best;
}


static int entry_order(const void *a, const void *b)
{
    const ScheduleEntry *x = a, *y = b;
    if (x->from != y->from) return x->from - y->from;
    if (x->to != y->to) return x->to - y->to;
    return x->item->index < y->item->index ? -1 : x->item->index > y->item->index;
}

static void collect(const Collection *c, ScheduleDay *out)
{
    out->n = 0;
    out->cut = false;
    for (size_t i = 0; i < c->n_items; i++)
        for (size_t k = 0; k < c->items[i].n_when; k++) {
            const TimeSlot *s = &c->items[i].when[k];
            if (!runs_on(s, out->day, out->wday)) continue;
            ScheduleEntry e = {&c->items[i], s->from, s->to, SLOT_LATER};
            if (out->n < SCHEDULE_MAX_ENTRIES) {
                out->e[out->n++] = e;
                continue;
            }
            /* Full: the day's latest sessions are the ones left out, whatever the bundle's
             * order, so the screen still shows the morning complete. */
            out->cut = true;
            int last = 0;
            for (int j = 1; j < out->n; j++)
                if (entry_order(&out->e[j], &out->e[last]) > 0) last = j;
            if (entry_order(&e, &out->e[last]) < 0) out->e[last] = e;
        }
    qsort(out->e, (size_t)out->n, sizeof out->e[0], entry_order);
}

/* States for a day that is today (offset 0); ahead, the first start is "next"; over, all past. */
static void mark(ScheduleDay *out, int minute)
{
    int next_from = SCHEDULE_DAY_MINUTES + 1;
    out->change_minute = SCHEDULE_DAY_MINUTES;
    for (int i = 0; i < out->n; i++) {
        ScheduleEntry *e = &out->e[i];
        if (out->offset < 0 || (out->offset == 0 && e->to <= minute)) e->state = SLOT_PAST;
        else if (out->offset == 0 && e->from <= minute) e->state = SLOT_NOW;
        else if (e->from < next_from) next_from = e->from;
        if (out->offset == 0) {
            if (e->from > minute && e->from < out->change_minute) out->change_minute = e->from;
            if (e->to > minute && e->to < out->change_minute) out->change_minute = e->to;
        }
    }
    for (int i = 0; i < out->n; i++)
        if (out->e[i].state == SLOT_LATER && out->e[i].from == next_from) out->e[i].state = SLOT_NEXT;
}

void schedule_build(const Collection *c, const LocalTime *now, ScheduleDay *out)
{
    memset(out, 0, sizeof *out);
    /* Today while something of today is still to come; then the next day with sessions;
     * after the last one, the last day there was (today's, if it had any). */
    out->day = day_has_sessions(c, now->day, now->wday, -1) ? now->day
                                                             : last_day_before(c, now->day);
    for (int ahead = 0; ahead <= SCHEDULE_LOOKAHEAD_DAYS; ahead++) {
        int32_t d = now->day + ahead;
        if (day_has_sessions(c, d, caldate_wday(d), ahead == 0 ? now->minute : -1)) {
            out->day = d;
            break;
        }
    }
    out->offset = (int)(out->day - now->day);
    out->wday = caldate_wday(out->day);
    collect(c, out);
    mark(out, now->minute);
}

bool schedule_item_next(const Item *it, const LocalTime *now, int16_t *from, int16_t *to,
                        bool *running)
{
    for (size_t k = 0; k < it->n_when; k++) {
        const TimeSlot *s = &it->when[k];
        if (runs_on(s, now->day, now->wday) && s->to > now->minute) {
            *from = s->from;
            *to = s->to;
            *running = s->from <= now->minute;
            return true;
        }
    }
    return false;
}

bool schedule_parse_local(const char *s, int64_t *wall_s)
{
    int y, mo, d, h, mi;
    char sep, tail;
    if (strlen(s) != 16 || sscanf(s, "%4d-%2d-%2d%c%2d:%2d%c", &y, &mo, &d, &sep, &h, &mi, &tail) != 6 ||
        (sep != 'T' && sep != ' ') || y < 1970 || y > 2099 || mo < 1 || mo > 12 || d < 1 ||
        d > 31 || h > 23 || mi > 59 || h < 0 || mi < 0)
        return false;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
                    .tm_min = mi, .tm_isdst = -1};
    time_t t = mktime(&tm);
    if (t == (time_t)-1 || tm.tm_mday != d || tm.tm_mon != mo - 1) return false;
    *wall_s = (int64_t)t;
    return true;
}

void schedule_local(int64_t wall_s, LocalTime *out)
{
    out->day = caldate_local_day(wall_s, &out->minute);
    out->wday = caldate_wday(out->day);
}

int64_t schedule_wall_at(int64_t wall_s, int minute)
{
    return caldate_wall_at(wall_s, minute);
}
