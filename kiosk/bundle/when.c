/* when.c: an item's `when` (its sessions: a date or weekdays, from..to) and `where`.
 *
 * Times are wall-clock times of the place where the kiosk stands, written as organisers write
 * them ("10:00", "9:30"). A session runs within one day: one that would cross midnight is
 * refused with the advice to split it, because "23:00-01:00" on a fair's last date is more
 * often a typo than a night programme. Dates are checked against the calendar (2027-02-30 is
 * refused, not moved to March) by core/caldate.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "bundle/loader.h"
#include "core/caldate.h"

static const char *const DAY_NAMES[] = {"sunday",   "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday"};
static const char *const DAY_WORDS[] = {"sunday",   "monday",   "tuesday",  "wednesday",
                                        "thursday", "friday",   "saturday", "weekdays",
                                        "weekend",  "daily"};

/* "H:MM" or "HH:MM", 00:00 to 24:00, into minutes after midnight; -1 when it is not one. */
static int parse_clock(const char *s)
{
    int h = 0, m = 0, k = 0;
    if (!(s[0] >= '0' && s[0] <= '9')) return -1;
    for (; s[k] >= '0' && s[k] <= '9' && k < 2; k++) h = h * 10 + (s[k] - '0');
    if (s[k] != ':' || !(s[k + 1] >= '0' && s[k + 1] <= '5') || !(s[k + 2] >= '0' && s[k + 2] <= '9') ||
        s[k + 3] != '\0')
        return -1;
    m = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
    if (h > 24 || (h == 24 && m > 0)) return -1;
    return h * 60 + m;
}

static bool read_clock(Loader *l, const YFile *f, const YNode *n, int16_t *out)
{
    int v = n && n->kind == YNODE_SCALAR ? parse_clock(n->str) : -1;
    if (v < 0 && n) {
        load_error(l, f, n, "expected a time of day like \"10:30\" (hours 0-24, minutes 00-59)%s%.20s%s",
                   n->kind == YNODE_SCALAR ? ", but found '" : "",
                   n->kind == YNODE_SCALAR ? n->str : "", n->kind == YNODE_SCALAR ? "'" : "");
        return false;
    }
    if (n) *out = (int16_t)v;
    return n != NULL;
}

/* One word of `days`: a day name, weekdays, weekend or daily, as a tm_wday bit set. */
static uint8_t day_bits(const char *word)
{
    for (int i = 0; i < 7; i++)
        if (strcasecmp(word, DAY_NAMES[i]) == 0) return (uint8_t)(1u << i);
    if (strcasecmp(word, "weekdays") == 0) return 0x3e;
    if (strcasecmp(word, "weekend") == 0) return 0x41;
    if (strcasecmp(word, "daily") == 0) return 0x7f;
    return 0;
}

/* "saturday", "weekdays" or a comma-separated list of those ("monday, wednesday"). */
static bool read_days(Loader *l, const YFile *f, const YNode *n, uint8_t *out)
{
    if (n->kind != YNODE_SCALAR || n->len > 120) {
        load_error(l, f, n, "'days' must be a day (monday ... sunday), weekdays, weekend or daily, "
                   "or several separated by commas");
        return false;
    }
    char buf[128], *save = NULL;
    snprintf(buf, sizeof buf, "%s", n->str);
    uint8_t bits = 0;
    for (char *w = strtok_r(buf, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
        uint8_t b = day_bits(w);
        if (!b) {
            const char *hint = schema_suggest(w, DAY_WORDS, 10);
            load_error(l, f, n, "'%.20s' is not a day: write monday ... sunday, weekdays, weekend or "
                       "daily%s%s%s", w, hint ? "; did you mean '" : "", hint ? hint : "",
                       hint ? "'?" : "");
            return false;
        }
        bits |= b;
    }
    if (!bits) load_error(l, f, n, "'days' is empty: name at least one day");
    *out = bits;
    return bits != 0;
}

static bool read_slot(Loader *l, const YFile *f, const YNode *m, TimeSlot *slot)
{
    if (!schema_check(&SCHEMA_SLOT, m, f->name, l->diags)) {
        load_error(l, f, m, "expected a time here, like '{date: 2027-03-13, from: \"10:00\", to: "
                   "\"10:45\"}' or '{days: saturday, from: ..., to: ...}'");
        return false;
    }
    const YNode *date = ynode_get(m, "date"), *days = ynode_get(m, "days");
    bool ok = true;
    if ((date != NULL) == (days != NULL)) {
        load_error(l, f, m, "a time needs either 'date' (one day, like 2027-03-13) or 'days' (every "
                   "week, like saturday or weekdays)%s", date ? ", not both" : "");
        ok = false;
    } else if (date) {
        if (date->kind != YNODE_SCALAR || !caldate_parse(date->str, &slot->date)) {
            load_error(l, f, date, "expected a date like 2027-03-13 (year-month-day, a real day "
                       "between 2000 and 2099)");
            ok = false;
        }
    } else {
        slot->date = WHEN_WEEKLY;
        ok = read_days(l, f, days, &slot->days);
    }
    const YNode *from = ynode_get(m, "from"), *to = ynode_get(m, "to");
    bool times = read_clock(l, f, from, &slot->from) & read_clock(l, f, to, &slot->to);
    if (times && slot->to <= slot->from) {
        load_error(l, f, to, "this session ends at or before it starts (%02d:%02d); one that runs "
                   "past midnight must be split into two, one on each day",
                   slot->from / 60, slot->from % 60);
        times = false;
    }
    return ok && times;
}

static int slot_order(const void *a, const void *b)
{
    const TimeSlot *x = a, *y = b;
    if (x->date != y->date) return x->date < y->date ? -1 : 1;
    return x->from != y->from ? x->from - y->from : x->to - y->to;
}

void read_when(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    if (!n) return;
    const YNode *one[1] = {n};
    const YNode *const *kids = one;
    size_t count = 1;
    if (n->kind != YNODE_MAP) {
        const YNode *seq = read_seq(l, f, n, 1, WHEN_MAX_SLOTS, "times (each with date or days, "
                                    "from and to)");
        if (!seq) return;
        kids = (const YNode *const *)seq->kids;
        count = seq->n;
    }
    TimeSlot *slots = arena_calloc(l->arena, count, sizeof *slots);
    if (!slots) return;
    bool ok = true;
    for (size_t i = 0; i < count; i++) ok = read_slot(l, f, kids[i], &slots[i]) && ok;
    if (!ok) return;
    qsort(slots, count, sizeof *slots, slot_order);
    it->when = slots;
    it->n_when = count;
}
