/* test_schedule: "now" and "next" on a timetable (issue 17), on an injected clock.
 *
 * The day's sessions come from tests/good/schedule (an open day on Saturday 13 March 2027
 * with overlapping sessions, a weekly club on Wednesdays and Fridays, an evening in April);
 * times are local, TZ=Europe/Amsterdam, whose clocks go forward on 28 March 2027. The last
 * tests drive a whole Session: the timetable is built again exactly when a session starts
 * or ends, and the kiosk asks for nothing in between. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bundle/bundle.h"
#include "check.h"
#include "fake_measure.h"
#include "ui/schedule.h"
#include "ui/session.h"

static Bundle *bundle;
static const Collection *programme;

/* Local time "2027-03-13 10:40" as the views see it. */
static LocalTime at(const char *when)
{
    int64_t wall = 0;
    CHECK(schedule_parse_local(when, &wall));
    LocalTime t;
    schedule_local(wall, &t);
    return t;
}

/* The state of item `id`'s session starting at `from` ("10:00") on the day shown, or -1. */
static int state_of(const ScheduleDay *d, const char *id, int from)
{
    for (int i = 0; i < d->n; i++)
        if (strcmp(d->e[i].item->id, id) == 0 && d->e[i].from == from) return (int)d->e[i].state;
    return -1;
}

#define HM(h, m) ((h) * 60 + (m))

static void test_during_the_open_day(void)
{
    ScheduleDay d;
    LocalTime t = at("2027-03-13 10:40");
    schedule_build(programme, &t, &d);
    CHECK_INT(d.offset, 0);
    CHECK_INT(d.n, 6); /* welcome, robots twice, welding, solar, tour */
    CHECK_INT(state_of(&d, "welcome", HM(9, 30)), SLOT_PAST);
    CHECK_INT(state_of(&d, "robots", HM(10, 0)), SLOT_NOW);
    CHECK_INT(state_of(&d, "welding", HM(10, 30)), SLOT_NOW);
    CHECK_INT(state_of(&d, "solar", HM(11, 0)), SLOT_NEXT); /* both start at 11:00 */
    CHECK_INT(state_of(&d, "tour", HM(11, 0)), SLOT_NEXT);
    CHECK_INT(state_of(&d, "robots", HM(13, 0)), SLOT_LATER);
    CHECK_INT(d.change_minute, HM(10, 45)); /* robots ends */
    /* in time order: the 10:00 session before the 10:30 one, the two 11:00s by end time */
    CHECK_INT(d.e[0].from, HM(9, 30));
    CHECK_STR(d.e[3].item->id, "solar");
    CHECK_STR(d.e[4].item->id, "tour");
    CHECK_STR(d.e[5].item->id, "robots");
}

static void test_edges_of_a_session(void)
{
    ScheduleDay d;
    LocalTime t = at("2027-03-13 10:45"); /* robots ends at 10:45: over at 10:45 */
    schedule_build(programme, &t, &d);
    CHECK_INT(state_of(&d, "robots", HM(10, 0)), SLOT_PAST);
    CHECK_INT(d.change_minute, HM(11, 0));
    t = at("2027-03-13 11:00"); /* solar starts at 11:00: running at 11:00 */
    schedule_build(programme, &t, &d);
    CHECK_INT(state_of(&d, "solar", HM(11, 0)), SLOT_NOW);
    CHECK_INT(state_of(&d, "robots", HM(13, 0)), SLOT_NEXT);
    t = at("2027-03-13 09:00"); /* before the doors open */
    schedule_build(programme, &t, &d);
    CHECK_INT(state_of(&d, "welcome", HM(9, 30)), SLOT_NEXT);
    CHECK_INT(state_of(&d, "robots", HM(10, 0)), SLOT_LATER);
    CHECK_INT(d.change_minute, HM(9, 30));
}

static void test_after_the_last_session_the_next_day_shows(void)
{
    ScheduleDay d;
    /* 13:45 on the open day: all over; Saturday has no club: the next day with sessions is
     * Wednesday 17 March (the weekly club) */
    LocalTime t = at("2027-03-13 13:45");
    schedule_build(programme, &t, &d);
    CHECK_INT(d.offset, 4);
    CHECK_INT(d.wday, 3);
    CHECK_INT(d.n, 1);
    CHECK_INT(state_of(&d, "club", HM(15, 0)), SLOT_NEXT);
    CHECK_INT(d.change_minute, 24 * 60); /* nothing changes before midnight */
    /* across midnight: Tuesday 23:59 shows Wednesday's club; Wednesday 00:00 is today */
    t = at("2027-03-16 23:59");
    schedule_build(programme, &t, &d);
    CHECK_INT(d.offset, 1);
    t = at("2027-03-17 00:00");
    schedule_build(programme, &t, &d);
    CHECK_INT(d.offset, 0);
    CHECK_INT(state_of(&d, "club", HM(15, 0)), SLOT_NEXT);
    CHECK_INT(d.change_minute, HM(15, 0));
    /* the evening in April is on a Thursday, with no club: only it */
    t = at("2027-04-08 18:00");
    schedule_build(programme, &t, &d);
    CHECK_INT(d.offset, 0);
    CHECK_INT(d.n, 1);
    CHECK_INT(state_of(&d, "evening", HM(19, 0)), SLOT_NEXT);
}

static void test_weekly_only_and_past_only(void)
{
    /* A collection of the dated sessions only, long after the last: the last day there was,
     * all over. */
    static Collection old;
    old = *programme;
    old.n_items = 5; /* welcome .. tour: all on 13 March */
    ScheduleDay d;
    LocalTime t = at("2027-06-01 12:00");
    schedule_build(&old, &t, &d);
    CHECK(d.offset < 0);
    CHECK_INT(d.n, 6);
    for (int i = 0; i < d.n; i++) CHECK_INT(d.e[i].state, SLOT_PAST);
    /* nothing at all: today, empty */
    old.n_items = 0;
    schedule_build(&old, &t, &d);
    CHECK_INT(d.offset, 0);
    CHECK_INT(d.n, 0);
}

static void test_too_many_sessions_are_cut(void)
{
    enum { N = SCHEDULE_MAX_ENTRIES + 4 };
    static Item items[N];
    static TimeSlot late = {.date = WHEN_WEEKLY, .days = 0x7f, .from = 1200, .to = 1260};
    static TimeSlot slots[N];
    static Collection c = {.id = "many", .items = items, .n_items = N};
    /* Four late sessions first in the bundle, then the day's others from 08:00 on: the late
     * ones are left out, not the last ones the bundle lists. */
    for (size_t i = 0; i < N; i++) {
        slots[i] = (TimeSlot){.date = WHEN_WEEKLY, .days = 0x7f, .from = (int16_t)(480 + i),
                              .to = (int16_t)(540 + i)};
        items[i] = (Item){.id = i < 4 ? "late" : "x", .when = i < 4 ? &late : &slots[i],
                          .n_when = 1, .index = i};
    }
    ScheduleDay d;
    LocalTime t = at("2027-03-13 09:00");
    schedule_build(&c, &t, &d);
    CHECK_INT(d.n, SCHEDULE_MAX_ENTRIES);
    CHECK(d.cut);
    for (int i = 0; i < d.n; i++) CHECK(strcmp(d.e[i].item->id, "late") != 0);
    CHECK_INT(d.e[d.n - 1].from, 480 + N - 1);
}

static void test_local_time_and_summer_time(void)
{
    int64_t wall = 0;
    /* Sunday 28 March 2027: 02:00 does not exist; the day has 23 hours */
    CHECK(schedule_parse_local("2027-03-28 12:00", &wall));
    CHECK(schedule_wall_at(wall, 24 * 60) - schedule_wall_at(wall, 0) == 23 * 3600);
    CHECK(schedule_wall_at(wall, HM(3, 0)) - schedule_wall_at(wall, HM(1, 0)) == 3600);
    /* Sunday 31 October 2027: the clocks go back; the day has 25 hours */
    CHECK(schedule_parse_local("2027-10-31 12:00", &wall));
    CHECK(schedule_wall_at(wall, 24 * 60) - schedule_wall_at(wall, 0) == 25 * 3600);
    LocalTime t = at("2027-03-28 03:30");
    CHECK_INT(t.minute, HM(3, 30));
    CHECK_INT(t.wday, 0);
    CHECK(!schedule_parse_local("2027-02-29 10:00", &wall)); /* not a leap year */
    CHECK(!schedule_parse_local("2027-03-13 24:00", &wall));
    CHECK(!schedule_parse_local("2027-03-13 10:00x", &wall));
    CHECK(!schedule_parse_local("13-03-2027 10:00", &wall));
    CHECK(schedule_parse_local("2027-03-13T10:00", &wall));
}

/* The whole screen: built at 10:40, still until 10:45 exactly, then rebuilt on its own. */
static void test_session_wakes_when_a_session_ends(void)
{
    Session s;
    CHECK(session_init(&s, bundle, (TextMeasure){.ctx = NULL, .width = fake_width}, 1920, 1080, 0));
    int64_t wall = 0;
    CHECK(schedule_parse_local("2027-03-13 10:40", &wall));
    session_set_wall_clock(&s, wall * 1000 + 30000, 0); /* 10:40:30 */
    CHECK(session_open(&s, "programme", 0));
    int64_t now = 1000;
    session_tick(&s, now);
    session_frame(&s);
    now = 2000; /* the entry transition is over */
    session_tick(&s, now);
    session_frame(&s);
    /* robots ends at 10:45:00, 4.5 minutes after 10:40:30 */
    int64_t wake = session_next_wake(&s);
    CHECK(wake <= 270000 && wake > 260000);
    CHECK(!session_tick(&s, 200000)); /* nothing to draw in between (idle reset is later) */
    CHECK(session_tick(&s, 270000));
    session_frame(&s);
    /* and the next one: 11:00, when solar and the tour start */
    wake = session_next_wake(&s);
    CHECK(wake > 270000 && wake <= 270000 + 15 * 60000);
    session_free(&s);
}

static bool shows(const DisplayList *d, const char *text)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_TEXT && d->cmds[i].len == strlen(text) &&
            memcmp(d->cmds[i].text, text, d->cmds[i].len) == 0)
            return true;
    return false;
}

static bool shows_prefix(const DisplayList *d, const char *prefix)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_TEXT && d->cmds[i].len >= strlen(prefix) &&
            memcmp(d->cmds[i].text, prefix, strlen(prefix)) == 0)
            return true;
    return false;
}

/* The home tile of the timetable says what starts next today, in the visitor's language,
 * and the home screen is built again when a session starts or ends. */
static void test_home_tile_says_what_is_next(void)
{
    Session s;
    CHECK(session_init(&s, bundle, (TextMeasure){.ctx = NULL, .width = fake_width}, 1920, 1080, 0));
    int64_t wall = 0;
    CHECK(schedule_parse_local("2027-03-13 10:40", &wall));
    session_set_wall_clock(&s, wall * 1000, 0);
    CHECK(session_open(&s, "home", 0));
    const DisplayList *d = session_frame(&s);
    CHECK(shows(d, "Hierna: Zonnepanelen meten om 11:00"));
    int64_t wake = session_next_wake(&s); /* robots ends at 10:45 */
    CHECK(wake > 0 && wake <= 5 * 60000);
    s.ui.lang = 1;
    s.dirty = true;
    CHECK(shows(session_frame(&s), "Next: Measuring solar panels at 11:00"));
    s.ui.lang = 0;
    CHECK(schedule_parse_local("2027-03-13 12:30", &wall));
    session_set_wall_clock(&s, wall * 1000, 0);
    s.dirty = true;
    CHECK(shows(session_frame(&s), "Hierna: Robots bouwen om 13:00"));
    /* after the last session of the day: no next line (the evening in April is another day) */
    CHECK(schedule_parse_local("2027-03-13 14:00", &wall));
    session_set_wall_clock(&s, wall * 1000, 0);
    s.dirty = true;
    CHECK(!shows_prefix(session_frame(&s), "Hierna"));
    session_free(&s);
}

int main(void)
{
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    Diags d;
    diags_init(&d);
    bundle = bundle_load("tests/good/schedule", &d);
    if (!bundle) {
        diags_print(&d, stderr);
        return 1;
    }
    programme = bundle_find_collection(bundle, "programme");
    CHECK(programme != NULL);
    if (!programme) return check_summary();
    RUN(test_during_the_open_day);
    RUN(test_edges_of_a_session);
    RUN(test_after_the_last_session_the_next_day_shows);
    RUN(test_weekly_only_and_past_only);
    RUN(test_too_many_sessions_are_cut);
    RUN(test_local_time_and_summer_time);
    RUN(test_session_wakes_when_a_session_ends);
    RUN(test_home_tile_says_what_is_next);
    diags_free(&d);
    bundle_free(bundle);
    return check_summary();
}
