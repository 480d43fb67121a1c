/* test_hours.c: opening hours, read as a specification.
 *
 * Times are written as wall-clock dates in Europe/Amsterdam; expected Unix times are computed
 * independently of mktime() (from UTC fields), so a test of hours_next_change() also checks
 * that summer and winter time are handled. 2026: clocks go forward on Sunday 29 March
 * (02:00 CET -> 03:00 CEST) and back on Sunday 25 October (03:00 CEST -> 02:00 CET). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "ops/hours.h"

/* Unix time of a UTC date and time. */
static int64_t utc(int y, int m, int d, int hh, int mm)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    return days * 86400 + hh * 3600 + mm * 60;
}

/* A struct tm as localtime_r() gives it for a given wall time (only the fields we read). */
static struct tm wall(int wday, int hh, int mm)
{
    struct tm t = {.tm_wday = wday, .tm_hour = hh, .tm_min = mm};
    return t;
}

enum { SUN, MON, TUE, WED, THU, FRI, SAT };

static bool open_at(const Hours *h, int wday, int hh, int mm)
{
    struct tm t = wall(wday, hh, mm);
    return hours_is_open(h, &t);
}

static bool open_at_unix(const Hours *h, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    return hours_is_open(h, &tm);
}

static Hours parse_ok(const char *text)
{
    Hours h;
    char err[HOURS_ERR_SIZE] = "";
    bool ok = hours_parse(text, &h, err, sizeof err);
    if (!ok) fprintf(stderr, "  hours_parse(\"%s\"): %s\n", text, err);
    CHECK(ok);
    return h;
}

/* The message hours_parse() gives for `text`, which must be refused. */
static const char *parse_error(const char *text)
{
    static char err[HOURS_ERR_SIZE];
    Hours h;
    err[0] = '\0';
    CHECK(!hours_parse(text, &h, err, sizeof err));
    return err;
}

#define CHECK_CONTAINS(got, want)                                                      \
    do {                                                                               \
        const char *gs_ = (got);                                                       \
        if (!strstr(gs_, want)) fprintf(stderr, "  message: \"%s\"\n", gs_);           \
        CHECK(strstr(gs_, want) != NULL);                                              \
    } while (0)

static void test_weekdays_and_closed_weekend(void)
{
    Hours h = parse_ok("weekdays 07:30-17:30");
    CHECK(!open_at(&h, MON, 7, 29));
    CHECK(open_at(&h, MON, 7, 30));
    CHECK(open_at(&h, WED, 12, 0));
    CHECK(open_at(&h, FRI, 17, 29));
    CHECK(!open_at(&h, FRI, 17, 30));
    CHECK(!open_at(&h, SAT, 12, 0)); /* days no line names are closed */
    CHECK(!open_at(&h, SUN, 12, 0));
}

static void test_a_day_overrides_weekdays_in_any_order(void)
{
    Hours a = parse_ok("weekdays 07:30-17:30\nwednesday 07:30-12:30\nweekend closed");
    Hours b = parse_ok("wednesday 07:30-12:30\nweekdays 07:30-17:30");
    CHECK(!open_at(&a, WED, 13, 0));
    CHECK(!open_at(&b, WED, 13, 0));
    CHECK(open_at(&a, THU, 13, 0));
    CHECK(open_at(&b, THU, 13, 0));
    Hours c = parse_ok("daily 09:00-17:00\nweekend 10:00-16:00\nsunday closed");
    CHECK(open_at(&c, TUE, 9, 0));
    CHECK(!open_at(&c, SAT, 9, 30));
    CHECK(open_at(&c, SAT, 10, 0));
    CHECK(!open_at(&c, SUN, 12, 0));
    /* the config file's "day: hours" form, comments and blank lines */
    Hours d = parse_ok("# school\nmonday: 08:00-16:00\n\nTuesday 08:00-16:00\n");
    CHECK(open_at(&d, MON, 8, 0));
    CHECK(open_at(&d, TUE, 15, 59));
}

static void test_lunch_break(void)
{
    Hours h = parse_ok("monday 07:30-12:00, 13:00-17:30");
    CHECK(open_at(&h, MON, 11, 59));
    CHECK(!open_at(&h, MON, 12, 0));
    CHECK(!open_at(&h, MON, 12, 59));
    CHECK(open_at(&h, MON, 13, 0));
    CHECK_INT(h.day[MON].n, 2);
    /* written in any order, stored sorted */
    Hours g = parse_ok("monday 13:00-17:30,07:30-12:00");
    CHECK_INT(g.day[MON].iv[0].open, 7 * 60 + 30);
    CHECK_INT(g.day[MON].iv[1].open, 13 * 60);
}

static void test_across_midnight(void)
{
    Hours h = parse_ok("wednesday 22:00-02:00");
    CHECK(!open_at(&h, WED, 21, 59));
    CHECK(open_at(&h, WED, 22, 0));
    CHECK(open_at(&h, WED, 23, 59));
    CHECK(open_at(&h, THU, 0, 0));
    CHECK(open_at(&h, THU, 1, 59));
    CHECK(!open_at(&h, THU, 2, 0));
    CHECK(!open_at(&h, WED, 1, 0)); /* tuesday had no night */
    CHECK_INT(h.day[WED].iv[0].close, 26 * 60);

    /* "17:30-07:30" is not an error: it means open through the night */
    Hours n = parse_ok("monday 17:30-07:30");
    CHECK(open_at(&n, MON, 20, 0));
    CHECK(open_at(&n, TUE, 7, 29));
    CHECK(!open_at(&n, TUE, 7, 30));
    CHECK(!open_at(&n, MON, 7, 0));

    /* 24:00 ends a day exactly at midnight */
    Hours e = parse_ok("monday 18:00-24:00");
    CHECK(open_at(&e, MON, 23, 59));
    CHECK(!open_at(&e, TUE, 0, 0));
}

static void test_friday_night_into_saturday(void)
{
    Hours h = parse_ok("weekdays 07:30-17:30\nfriday 07:30-17:30, 20:00-01:00\nweekend closed");
    CHECK(open_at(&h, FRI, 23, 0));
    CHECK(open_at(&h, SAT, 0, 30)); /* saturday is closed, but friday's evening runs on */
    CHECK(!open_at(&h, SAT, 1, 0));
    CHECK(!open_at(&h, SAT, 12, 0));
    /* a sunday night runs into monday morning: the week wraps */
    Hours s = parse_ok("sunday 23:00-01:00");
    CHECK(open_at(&s, MON, 0, 59));
    CHECK(!open_at(&s, MON, 1, 0));
}

static void test_invalid_input_is_explained(void)
{
    CHECK_CONTAINS(parse_error("monday 25:00-26:00"), "'25:00' is not a time of day");
    CHECK_CONTAINS(parse_error("monday 25:00-26:00"), "hours go from 00 to 23");
    CHECK_CONTAINS(parse_error("monday 7:3-17:30"), "'7:3' is not a time; write times as HH:MM");
    CHECK_CONTAINS(parse_error("monday 07:60-17:30"), "minutes go from 00 to 59");
    CHECK_CONTAINS(parse_error(""), "no opening hours given");
    CHECK_CONTAINS(parse_error("  \n# only a comment\n"), "no opening hours given");
    CHECK_CONTAINS(parse_error("monday"), "no opening hours given");
    CHECK_CONTAINS(parse_error("monday 07:30"), "'07:30' is not a period");
    CHECK_CONTAINS(parse_error("monday 07:30-07:30"), "opens and closes at the same moment");
    CHECK_CONTAINS(parse_error("monday 24:00-02:00"), "cannot start at 24:00");
    CHECK_CONTAINS(parse_error("monday 07:30-12:00, 11:00-17:30"),
                   "07:30-12:00 and 11:00-17:30 overlap");
    CHECK_CONTAINS(parse_error("monday 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,"
                               "09:00-10:00"),
                   "more than 4 periods");
    CHECK_CONTAINS(parse_error("monday 07:30-12:00,"), "an empty period");
    CHECK_CONTAINS(parse_error("mondy 07:30-17:30"), "'mondy' is not a day; did you mean "
                                                     "'monday'?");
    CHECK_CONTAINS(parse_error("someday 07:30-17:30"), "use monday .. sunday, weekdays");
    CHECK_CONTAINS(parse_error("monday 08:00-16:00\nmonday 09:00-12:00"),
                   "line 2: 'monday' is given twice");
    CHECK_CONTAINS(parse_error("weekdays 08:00-16:00\nfriday 8-16"), "line 2: '8' is not a time");
    /* one line: no "line 1:" in front */
    CHECK_STR(parse_error("monday 7:3-17:30"),
              "'7:3' is not a time; write times as HH:MM, like 07:30");

    /* a refused text leaves the old hours as they were */
    Hours h = parse_ok("daily 09:00-17:00");
    char err[HOURS_ERR_SIZE];
    CHECK(!hours_parse("monday 09:00-17:00\ntuesday 25:00-26:00", &h, err, sizeof err));
    CHECK(open_at(&h, SUN, 9, 0));
    /* hours_add on its own, as the config uses it */
    hours_clear(&h);
    CHECK(!hours_add(&h, "monday", "", err, sizeof err));
    CHECK_CONTAINS(err, "no opening hours given");
    CHECK(hours_add(&h, "monday", "09:00-17:00", err, sizeof err));
    CHECK(!hours_add(&h, "tuesday", "9:00-17:00 and more", err, sizeof err));
    CHECK(hours_add(&h, "saturday", "CLOSED", err, sizeof err));
    CHECK(open_at(&h, MON, 9, 0));
    CHECK(!open_at(&h, TUE, 9, 0));
    /* the small slips people make: one-digit hours, an en dash, spaces */
    CHECK(hours_add(&h, "tuesday", " 8:15 \xE2\x80\x93 16:00 ", err, sizeof err));
    CHECK(open_at(&h, TUE, 8, 15));
    CHECK(!open_at(&h, TUE, 16, 0));
}

static void test_always_open_and_always_closed_never_change(void)
{
    Hours h;
    hours_always_open(&h);
    for (int d = 0; d < HOURS_DAYS; d++) {
        CHECK(open_at(&h, d, 0, 0));
        CHECK(open_at(&h, d, 23, 59));
    }
    bool open_then = false;
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 28, 12, 0), &open_then), INT64_MAX);
    CHECK(open_then);
    /* also over the change to summer time, where the boundaries move */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 29, 0, 59), NULL), INT64_MAX);

    Hours closed = parse_ok("daily closed");
    CHECK_INT(hours_next_change(&closed, utc(2026, 5, 1, 12, 0), &open_then), INT64_MAX);
    CHECK(!open_then);

    /* a whole week written out day by day is always open too */
    Hours all = parse_ok("daily 00:00-24:00");
    CHECK_INT(hours_next_change(&all, utc(2026, 10, 25, 0, 30), NULL), INT64_MAX);
}

static void test_next_change_on_ordinary_days(void)
{
    Hours h = parse_ok("weekdays 07:30-17:30");
    bool open_then = true;
    /* Monday 2 March 2026, 10:00 CET = 09:00 UTC: open, closes at 17:30 CET */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 2, 9, 0), &open_then), utc(2026, 3, 2, 16, 30));
    CHECK(!open_then);
    /* Friday 18:00: closed for the weekend, opens Monday 07:30 */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 6, 17, 0), &open_then), utc(2026, 3, 9, 6, 30));
    CHECK(open_then);
    /* exactly at a boundary: the change has happened, the next one is reported */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 2, 6, 30), NULL), utc(2026, 3, 2, 16, 30));
    /* one second before it */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 2, 6, 30) - 1, NULL), utc(2026, 3, 2, 6, 30));

    /* across midnight: Friday 23:00 CEST, open until Saturday 02:00 */
    Hours f = parse_ok("friday 22:00-02:00");
    CHECK_INT(hours_next_change(&f, utc(2026, 6, 5, 21, 0), &open_then), utc(2026, 6, 6, 0, 0));
    CHECK(!open_then);
    /* two periods: closes at lunch, opens after it */
    Hours l = parse_ok("monday 07:30-12:00, 13:00-17:30");
    CHECK_INT(hours_next_change(&l, utc(2026, 6, 1, 9, 0), NULL), utc(2026, 6, 1, 10, 0));
    CHECK_INT(hours_next_change(&l, utc(2026, 6, 1, 10, 0), NULL), utc(2026, 6, 1, 11, 0));
    /* once a week, from just after it: a week ahead */
    Hours w = parse_ok("monday 08:00-09:00");
    CHECK_INT(hours_next_change(&w, utc(2026, 6, 1, 7, 30), NULL), utc(2026, 6, 8, 6, 0));
    /* periods that touch across midnight are one long opening, no change at midnight */
    Hours t = parse_ok("monday 20:00-24:00\ntuesday 00:00-06:00");
    CHECK_INT(hours_next_change(&t, utc(2026, 6, 1, 20, 0), NULL), utc(2026, 6, 2, 4, 0));
}

static void test_next_change_over_summer_time(void)
{
    Hours h = parse_ok("daily 07:30-17:30");
    bool open_then = false;
    /* Saturday 28 March 18:00 CET; Sunday 07:30 is already summer time (05:30 UTC): 12.5 h
     * later, not the 13.5 h that the wall clock suggests */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 28, 17, 0), &open_then),
              utc(2026, 3, 29, 5, 30));
    CHECK(open_then);
    CHECK(open_at_unix(&h, utc(2026, 3, 29, 5, 30)));
    CHECK(!open_at_unix(&h, utc(2026, 3, 29, 5, 29)));
    /* and it closes at 17:30 CEST */
    CHECK_INT(hours_next_change(&h, utc(2026, 3, 29, 5, 30), NULL), utc(2026, 3, 29, 15, 30));

    /* a period starting in the hour that does not exist starts when the clocks jump */
    Hours s = parse_ok("sunday 02:30-05:00");
    CHECK_INT(hours_next_change(&s, utc(2026, 3, 28, 12, 0), &open_then),
              utc(2026, 3, 29, 1, 0));
    CHECK(open_then);
    CHECK_INT(hours_next_change(&s, utc(2026, 3, 29, 1, 0), &open_then),
              utc(2026, 3, 29, 3, 0));
    CHECK(!open_then);
}

static void test_next_change_over_winter_time(void)
{
    Hours h = parse_ok("daily 07:30-17:30");
    bool open_then = false;
    /* Saturday 24 October 18:00 CEST; Sunday 07:30 is winter time again (06:30 UTC) */
    CHECK_INT(hours_next_change(&h, utc(2026, 10, 24, 16, 0), &open_then),
              utc(2026, 10, 25, 6, 30));
    CHECK(open_then);
    CHECK_INT(hours_next_change(&h, utc(2026, 10, 25, 6, 30), NULL), utc(2026, 10, 25, 16, 30));

    /* Saturday night until 02:30: the wall clock shows 02:00-02:30 twice that night. It closes
     * at the first 02:30, opens again when the clocks go back, closes at the second 02:30. */
    Hours n = parse_ok("saturday 22:00-02:30");
    int64_t t = utc(2026, 10, 24, 21, 0); /* 23:00 CEST */
    CHECK(open_at_unix(&n, t));
    t = hours_next_change(&n, t, &open_then);
    CHECK_INT(t, utc(2026, 10, 25, 0, 30)); /* 02:30 CEST */
    CHECK(!open_then);
    t = hours_next_change(&n, t, &open_then);
    CHECK_INT(t, utc(2026, 10, 25, 1, 0)); /* 03:00 CEST becomes 02:00 CET */
    CHECK(open_then);
    t = hours_next_change(&n, t, &open_then);
    CHECK_INT(t, utc(2026, 10, 25, 1, 30)); /* 02:30 CET */
    CHECK(!open_then);
    /* then next Saturday 22:00 CET */
    CHECK_INT(hours_next_change(&n, t, NULL), utc(2026, 10, 31, 21, 0));
}

static void test_next_change_follows_every_change_for_a_year(void)
{
    /* Walk a year of school weeks change by change: each answer must flip hours_is_open()
     * exactly at that second, never earlier. */
    Hours h = parse_ok("weekdays 07:30-12:00, 12:30-17:30\nwednesday 07:30-12:30\n"
                       "friday 07:30-12:00, 12:30-17:30, 19:00-01:00\nweekend closed");
    int64_t t = utc(2026, 1, 1, 0, 0);
    int changes = 0;
    bool consistent = true;
    while (t < utc(2027, 1, 1, 0, 0) && changes < 10000) {
        bool before = open_at_unix(&h, t), then;
        int64_t next = hours_next_change(&h, t, &then);
        if (next == INT64_MAX || next <= t) break;
        if (open_at_unix(&h, next - 1) != before || open_at_unix(&h, next) != then ||
            then == before)
            consistent = false;
        t = next;
        changes++;
    }
    CHECK(consistent);
    /* a week has 20 changes: 4 on monday, tuesday and thursday, 2 on wednesday, 6 on friday */
    CHECK(changes >= 52 * 20 && changes <= 53 * 20);
}

int main(void)
{
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    RUN(test_weekdays_and_closed_weekend);
    RUN(test_a_day_overrides_weekdays_in_any_order);
    RUN(test_lunch_break);
    RUN(test_across_midnight);
    RUN(test_friday_night_into_saturday);
    RUN(test_invalid_input_is_explained);
    RUN(test_always_open_and_always_closed_never_change);
    RUN(test_next_change_on_ordinary_days);
    RUN(test_next_change_over_summer_time);
    RUN(test_next_change_over_winter_time);
    RUN(test_next_change_follows_every_change_for_a_year);
    return check_summary();
}
