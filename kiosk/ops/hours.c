/* hours.c: parsing opening hours, "open now?", and "when does that change?".
 *
 * A week is seven days of at most four periods each, in minutes on the wall clock. A period may
 * run past midnight; it stays stored on the day it starts, so "open now?" looks at today's
 * periods and at yesterday's overflow, and nothing needs to be split.
 *
 * hours_next_change() does not add minutes to Unix time, which would be an hour off on the
 * days the clocks change. It lists every moment at which the answer could change: each period
 * boundary of yesterday up to eight days ahead, turned into Unix time with mktime() once as
 * winter and once as summer time (in the repeated autumn hour a wall time happens twice; a
 * conversion counts only if localtime_r() gives the same wall time back), plus the moments
 * the clocks jump, found by watching the UTC offset. It then asks hours_is_open() at each of
 * them in order and returns the first where the answer differs from now. Because the answer is
 * only ever computed by hours_is_open(), the two can never disagree. */
#include "ops/hours.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/util.h"
#include "bundle/schema.h"

const char *const HOURS_DAY_NAMES[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "weekdays", "weekend", "daily",
};
const size_t HOURS_DAY_NAMES_COUNT = sizeof HOURS_DAY_NAMES / sizeof HOURS_DAY_NAMES[0];

enum {
    RULE_NONE, RULE_DAILY, RULE_GROUP, RULE_DAY, /* precedence of a rule, see Hours.rule */
    SPEC_MAX_BYTES = 200,      /* longer than four periods with generous spaces */
    PIECE_MAX_BYTES = 40,      /* one period as quoted back in a message */
    LOOK_BACK_DAYS = 1,        /* yesterday's periods may still be running */
    LOOK_AHEAD_DAYS = 8,       /* a weekly pattern changes within 7 days, +1 for the clocks */
    MAX_CANDIDATES = (LOOK_BACK_DAYS + LOOK_AHEAD_DAYS + 1) * HOURS_MAX_INTERVALS * 2 * 2 + 16,
    SECONDS_PER_DAY = 24 * 60 * 60,
    OFFSET_PROBE_S = 60 * 60,  /* UTC offsets never change twice within an hour */
};

/* Far enough from the limits of time_t and struct tm that the arithmetic below cannot
 * overflow; a kiosk clock outside the years 1902..9999 is broken anyway. */
static const int64_t TIME_MIN = -2147483648LL, TIME_MAX = 253402300799LL;

void hours_always_open(Hours *h)
{
    memset(h, 0, sizeof *h);
    for (int d = 0; d < HOURS_DAYS; d++) {
        h->day[d].iv[0] = (HoursInterval){0, HOURS_MINUTES_PER_DAY};
        h->day[d].n = 1;
        h->rule[d] = RULE_DAILY;
    }
}

void hours_clear(Hours *h)
{
    memset(h, 0, sizeof *h);
}

/* The days a name stands for, as bits over tm_wday, and its precedence; false if unknown. */
static bool days_of(const char *name, unsigned *mask, int *rule)
{
    static const char *const single[HOURS_DAYS] = {"sunday",   "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};
    for (int d = 0; d < HOURS_DAYS; d++)
        if (strcasecmp(name, single[d]) == 0) {
            *mask = 1u << d;
            *rule = RULE_DAY;
            return true;
        }
    if (strcasecmp(name, "weekdays") == 0) {
        *mask = 0x3Eu; /* monday (1) .. friday (5) */
        *rule = RULE_GROUP;
    } else if (strcasecmp(name, "weekend") == 0) {
        *mask = 0x41u; /* sunday (0) and saturday (6) */
        *rule = RULE_GROUP;
    } else if (strcasecmp(name, "daily") == 0) {
        *mask = 0x7Fu;
        *rule = RULE_DAILY;
    } else {
        return false;
    }
    return true;
}

/* Copies s[0..len) without the spaces around it into out (always NUL-terminated). */
static void trimmed(const char *s, size_t len, char *out, size_t size)
{
    while (len && isspace((unsigned char)*s)) s++, len--;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    if (len >= size) len = size - 1;
    memcpy(out, s, len);
    out[len] = '\0';
}

/* "H:MM" or "HH:MM" into minutes; 24:00 is allowed here and refused by the caller as a start. */
static bool parse_time(const char *t, int *minutes, char *err, size_t n)
{
    size_t len = strlen(t);
    const char *colon = strchr(t, ':');
    bool shape = colon && (colon - t == 1 || colon - t == 2) && len == (size_t)(colon - t) + 3;
    for (size_t i = 0; shape && i < len; i++)
        if (t + i != colon && !isdigit((unsigned char)t[i])) shape = false;
    if (!shape) {
        err_set(err, n, "'%s' is not a time; write times as HH:MM, like 07:30", t);
        return false;
    }
    int hh = atoi(t), mm = atoi(colon + 1);
    if (hh > 24 || (hh == 24 && mm != 0)) {
        err_set(err, n, "'%s' is not a time of day: hours go from 00 to 23 (24:00 may end a "
                "day)", t);
        return false;
    }
    if (mm > 59) {
        err_set(err, n, "'%s' is not a time of day: minutes go from 00 to 59", t);
        return false;
    }
    *minutes = hh * 60 + mm;
    return true;
}

static void format_period(HoursInterval iv, char *out, size_t size)
{
    int c = iv.close % HOURS_MINUTES_PER_DAY;
    if (iv.close == HOURS_MINUTES_PER_DAY) c = HOURS_MINUTES_PER_DAY; /* keep "24:00" */
    snprintf(out, size, "%02d:%02d-%02d:%02d", iv.open / 60, iv.open % 60, c / 60, c % 60);
}

/* One period "07:30-17:30" (spaces around the dash allowed, also an en dash from a word
 * processor). */
static bool parse_period(const char *piece, HoursInterval *out, char *err, size_t n)
{
    const char *dash = strchr(piece, '-');
    size_t dash_len = 1;
    const char *en = strstr(piece, "\xE2\x80\x93"); /* U+2013 EN DASH */
    if (!dash || (en && en < dash)) dash = en, dash_len = 3;
    if (!dash) {
        /* A lone time gets the time message (it is the likelier slip: "7:3", "25:00"). */
        int m;
        if (!parse_time(piece, &m, err, n)) return false;
        err_set(err, n, "'%s' is not a period; write opening and closing time, like "
                "07:30-17:30", piece);
        return false;
    }
    char a[PIECE_MAX_BYTES], b[PIECE_MAX_BYTES];
    trimmed(piece, (size_t)(dash - piece), a, sizeof a);
    trimmed(dash + dash_len, strlen(dash + dash_len), b, sizeof b);
    int open, close;
    if (!parse_time(a, &open, err, n) || !parse_time(b, &close, err, n)) return false;
    if (open == HOURS_MINUTES_PER_DAY) {
        err_set(err, n, "'%s': a period cannot start at 24:00; write 00:00", piece);
        return false;
    }
    if (close == open) {
        err_set(err, n, "'%s' opens and closes at the same moment; for a whole day write "
                "00:00-24:00", piece);
        return false;
    }
    if (close < open) close += HOURS_MINUTES_PER_DAY; /* runs past midnight */
    *out = (HoursInterval){(int16_t)open, (int16_t)close};
    return true;
}

static int by_open(const void *a, const void *b)
{
    return ((const HoursInterval *)a)->open - ((const HoursInterval *)b)->open;
}

/* One day's text: "closed" or periods separated by commas. */
static bool parse_day(const char *spec, HoursDay *out, char *err, size_t n)
{
    char text[SPEC_MAX_BYTES];
    if (strlen(spec) >= sizeof text) {
        err_set(err, n, "these opening hours are too long (at most %d periods a day)",
                HOURS_MAX_INTERVALS);
        return false;
    }
    trimmed(spec, strlen(spec), text, sizeof text);
    if (text[0] == '\0') {
        err_set(err, n, "no opening hours given; write them like 07:30-17:30, or 'closed'");
        return false;
    }
    HoursDay day = {0};
    if (strcasecmp(text, "closed") == 0) {
        *out = day;
        return true;
    }
    for (const char *p = text;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char piece[PIECE_MAX_BYTES];
        if (len >= sizeof piece) len = sizeof piece - 1;
        trimmed(p, len, piece, sizeof piece);
        if (piece[0] == '\0') {
            err_set(err, n, "an empty period: a comma with nothing after it");
            return false;
        }
        if (day.n == HOURS_MAX_INTERVALS) {
            err_set(err, n, "more than %d periods in one day", HOURS_MAX_INTERVALS);
            return false;
        }
        if (!parse_period(piece, &day.iv[day.n], err, n)) return false;
        day.n++;
        if (!comma) break;
        p = comma + 1;
    }
    qsort(day.iv, (size_t)day.n, sizeof day.iv[0], by_open);
    for (int i = 1; i < day.n; i++)
        if (day.iv[i].open < day.iv[i - 1].close) {
            char x[PIECE_MAX_BYTES], y[PIECE_MAX_BYTES];
            format_period(day.iv[i - 1], x, sizeof x);
            format_period(day.iv[i], y, sizeof y);
            err_set(err, n, "the periods %s and %s overlap; join them into one", x, y);
            return false;
        }
    *out = day;
    return true;
}

bool hours_add(Hours *h, const char *days, const char *spec, char *err, size_t n)
{
    unsigned mask;
    int rule;
    if (!days_of(days, &mask, &rule)) {
        const char *hint = schema_suggest(days, HOURS_DAY_NAMES, HOURS_DAY_NAMES_COUNT);
        if (hint)
            err_set(err, n, "'%s' is not a day; did you mean '%s'?", days, hint);
        else
            err_set(err, n, "'%s' is not a day; use monday .. sunday, weekdays, weekend or "
                    "daily", days);
        return false;
    }
    HoursDay day;
    if (!parse_day(spec, &day, err, n)) return false;
    for (int d = 0; d < HOURS_DAYS; d++)
        if ((mask & (1u << d)) && h->rule[d] == rule) {
            err_set(err, n, "'%s' is given twice", days);
            return false;
        }
    for (int d = 0; d < HOURS_DAYS; d++)
        if ((mask & (1u << d)) && h->rule[d] < rule) {
            h->day[d] = day;
            h->rule[d] = (unsigned char)rule;
        }
    return true;
}

bool hours_parse(const char *text, Hours *out, char *err, size_t n)
{
    Hours week;
    hours_clear(&week);
    bool several = strchr(text, '\n') != NULL;
    int line_no = 0, rules = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        line_no++;
        char line[SPEC_MAX_BYTES];
        if (len >= sizeof line) {
            err_set(err, n, "line %d is too long", line_no);
            return false;
        }
        trimmed(p, len, line, sizeof line);
        p = nl ? nl + 1 : p + len;
        if (line[0] == '\0' || line[0] == '#') continue;
        /* "<days> <spec>", also "<days>: <spec>" as in the config file */
        size_t w = strcspn(line, " \t:");
        char days[PIECE_MAX_BYTES];
        trimmed(line, w < sizeof days ? w : sizeof days - 1, days, sizeof days);
        const char *spec = line + w;
        if (*spec == ':') spec++;
        char msg[HOURS_ERR_SIZE];
        if (!hours_add(&week, days, spec, msg, sizeof msg)) {
            if (several) err_set(err, n, "line %d: %s", line_no, msg);
            else err_set(err, n, "%s", msg);
            return false;
        }
        rules++;
    }
    if (rules == 0) {
        err_set(err, n, "no opening hours given; write them like 'weekdays 07:30-17:30'");
        return false;
    }
    *out = week;
    return true;
}

bool hours_is_open(const Hours *h, const struct tm *local)
{
    int wday = local->tm_wday, m = local->tm_hour * 60 + local->tm_min;
    if (wday < 0 || wday >= HOURS_DAYS) return false;
    const HoursDay *today = &h->day[wday];
    for (int i = 0; i < today->n; i++)
        if (today->iv[i].open <= m && m < today->iv[i].close) return true;
    const HoursDay *yesterday = &h->day[(wday + HOURS_DAYS - 1) % HOURS_DAYS];
    for (int i = 0; i < yesterday->n; i++)
        if (m < yesterday->iv[i].close - HOURS_MINUTES_PER_DAY) return true;
    return false;
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static bool local_at(int64_t t, struct tm *out)
{
    time_t tt = (time_t)t;
    return localtime_r(&tt, out) != NULL;
}

/* Local wall time minus Unix time at t: changes exactly when the clocks are changed. */
static bool utc_offset(int64_t t, int64_t *off)
{
    struct tm tm;
    if (!local_at(t, &tm)) return false;
    int64_t wall = days_from_civil(tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday) *
                       SECONDS_PER_DAY +
                   tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    *off = wall - t;
    return true;
}

typedef struct Candidates {
    int64_t t[MAX_CANDIDATES];
    int n;
} Candidates;

static void add_candidate(Candidates *c, int64_t t)
{
    if (c->n < MAX_CANDIDATES) c->t[c->n++] = t;
}

/* Every Unix time at which the wall clock reads `day` (days since 1970) + `minute`. */
static void add_wall_time(Candidates *c, int64_t day, int minute, int64_t after)
{
    day += minute / HOURS_MINUTES_PER_DAY;
    minute %= HOURS_MINUTES_PER_DAY;
    int64_t y;
    int mo, d;
    civil_from_days(day, &y, &mo, &d);
    for (int dst = 0; dst <= 1; dst++) {
        struct tm tm = {.tm_year = (int)(y - 1900), .tm_mon = mo - 1, .tm_mday = d,
                        .tm_hour = minute / 60, .tm_min = minute % 60, .tm_isdst = dst};
        time_t t = mktime(&tm);
        struct tm back;
        if (t == (time_t)-1 || !local_at((int64_t)t, &back)) continue;
        if (back.tm_year + 1900 != y || back.tm_mon + 1 != mo || back.tm_mday != d ||
            back.tm_hour * 60 + back.tm_min != minute)
            continue; /* this wall time does not exist with that dst flag */
        if ((int64_t)t > after) add_candidate(c, (int64_t)t);
    }
}

/* The moments in (from, to] at which the UTC offset changes. */
static void add_clock_changes(Candidates *c, int64_t from, int64_t to)
{
    int64_t off_a;
    if (!utc_offset(from, &off_a)) return;
    for (int64_t a = from; a < to; a += OFFSET_PROBE_S) {
        int64_t b = a + OFFSET_PROBE_S, off_b;
        if (!utc_offset(b, &off_b)) return;
        if (off_b != off_a) {
            /* Bisect for the first second with the new offset: it lies in (lo, hi]. */
            int64_t lo = a, hi = b, off_mid;
            while (hi - lo > 1) {
                int64_t mid = lo + (hi - lo) / 2;
                if (!utc_offset(mid, &off_mid)) return;
                if (off_mid == off_a) lo = mid;
                else hi = mid;
            }
            add_candidate(c, hi);
        }
        off_a = off_b;
    }
}

static int by_time(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int64_t hours_next_change(const Hours *h, int64_t now_s, bool *open_then)
{
    struct tm now;
    if (now_s < TIME_MIN || now_s > TIME_MAX || !local_at(now_s, &now)) {
        if (open_then) *open_then = false;
        return INT64_MAX;
    }
    bool open_now = hours_is_open(h, &now);
    if (open_then) *open_then = open_now;

    Candidates c = {.n = 0};
    int64_t today = days_from_civil(now.tm_year + 1900LL, now.tm_mon + 1, now.tm_mday);
    for (int64_t day = today - LOOK_BACK_DAYS; day <= today + LOOK_AHEAD_DAYS; day++) {
        int wday = (int)(((day % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
        const HoursDay *hd = &h->day[wday];
        for (int i = 0; i < hd->n; i++) {
            add_wall_time(&c, day, hd->iv[i].open, now_s);
            add_wall_time(&c, day, hd->iv[i].close, now_s);
        }
    }
    add_clock_changes(&c, now_s, now_s + (LOOK_AHEAD_DAYS + 1) * (int64_t)SECONDS_PER_DAY);
    qsort(c.t, (size_t)c.n, sizeof c.t[0], by_time);

    for (int i = 0; i < c.n; i++) {
        struct tm at;
        if (!local_at(c.t[i], &at)) continue;
        bool open = hours_is_open(h, &at);
        if (open != open_now) {
            if (open_then) *open_then = open;
            return c.t[i];
        }
    }
    return INT64_MAX;
}
