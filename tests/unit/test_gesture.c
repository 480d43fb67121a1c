/* test_gesture.c: what a finger means, specified with a scripted pointer and a fake clock.
 *
 * Thresholds are the 1080p values from gesture.h: tap slop 24 px, long press 600 ms,
 * edge 32 px, edge swipe 120 px. Each test feeds down/move/up/tick at explicit times and
 * compares the event names in order, then the numbers that matter. */
#include "input/gesture.h"
#include "check.h"

#include <stdio.h>
#include <string.h>

static const GestureConfig CFG = { .tap_slop = 24, .long_press_ms = 600, .edge_width = 32,
                                   .edge_swipe_min = 120 };

/* Everything the recogniser said during one test, in order. */
typedef struct {
    GestureEvent ev[64];
    int n;
    char names[512];
} Log;

static const char *type_name(GestureType t)
{
    switch (t) {
    case GESTURE_PRESS: return "PRESS";
    case GESTURE_TAP: return "TAP";
    case GESTURE_LONG_PRESS: return "LONG_PRESS";
    case GESTURE_DRAG_BEGIN: return "DRAG_BEGIN";
    case GESTURE_DRAG: return "DRAG";
    case GESTURE_DRAG_END: return "DRAG_END";
    case GESTURE_EDGE_BACK: return "EDGE_BACK";
    case GESTURE_CANCEL: return "CANCEL";
    }
    return "?";
}

static void record(Log *log, const GestureEvent *ev, int count)
{
    for (int i = 0; i < count && log->n < 64; i++) {
        log->ev[log->n++] = ev[i];
        if (log->names[0]) strcat(log->names, " ");
        strcat(log->names, type_name(ev[i].type));
    }
}

/* Scripted pointer: each returns how many events that one input produced. */
static int down(Gesture *g, Log *l, float x, float y, int64_t t)
{ GestureEvent ev[GESTURE_MAX_EVENTS]; int n = gesture_down(g, x, y, t, ev); record(l, ev, n); return n; }
static int move(Gesture *g, Log *l, float x, float y, int64_t t)
{ GestureEvent ev[GESTURE_MAX_EVENTS]; int n = gesture_move(g, x, y, t, ev); record(l, ev, n); return n; }
static int up(Gesture *g, Log *l, float x, float y, int64_t t)
{ GestureEvent ev[GESTURE_MAX_EVENTS]; int n = gesture_up(g, x, y, t, ev); record(l, ev, n); return n; }
static int tick(Gesture *g, Log *l, int64_t t)
{ GestureEvent ev[GESTURE_MAX_EVENTS]; int n = gesture_tick(g, t, ev); record(l, ev, n); return n; }
static int cancel(Gesture *g, Log *l, int64_t t)
{ GestureEvent ev[GESTURE_MAX_EVENTS]; int n = gesture_cancel(g, t, ev); record(l, ev, n); return n; }

static const GestureEvent *last(const Log *l) { return &l->ev[l->n - 1]; }

static const GestureEvent *find(const Log *l, GestureType t)
{
    for (int i = 0; i < l->n; i++)
        if (l->ev[i].type == t) return &l->ev[i];
    return NULL;
}

static void test_quick_touch_is_press_then_tap(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 300, 400, 1000);
    CHECK_STR(l.names, "PRESS");
    CHECK(gesture_is_down(&g));
    up(&g, &l, 302, 401, 1080);
    CHECK_STR(l.names, "PRESS TAP");
    CHECK_NEAR(last(&l)->x, 302, 0);
    CHECK_INT(last(&l)->t_ms, 1080);
    CHECK(!gesture_is_down(&g));
}

static void test_moving_exactly_the_slop_is_still_a_tap(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 300, 400, 0);
    move(&g, &l, 300 + 24, 400, 30); /* on the circle */
    move(&g, &l, 300, 400 - 24, 40);
    up(&g, &l, 300 + 24, 400, 60);
    CHECK_STR(l.names, "PRESS TAP");
}

static void test_moving_beyond_the_slop_is_a_drag_never_a_tap(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 300, 400, 0);
    move(&g, &l, 300, 400 - 24.5f, 30);
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG");
    CHECK_NEAR(last(&l)->dy, -24.5, 1e-4); /* the first DRAG carries everything since down */
    move(&g, &l, 300, 400, 50);              /* back inside the slop... */
    up(&g, &l, 300, 400, 60);                /* ...still not a tap */
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG DRAG DRAG_END");
    CHECK(find(&l, GESTURE_TAP) == NULL);
}

static void test_diagonal_slop_is_a_circle(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 0, 0, 0);
    move(&g, &l, 17, 17, 10); /* |(17,17)| = 24.04 > 24, though each axis is < 24 */
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG");
    CHECK_NEAR(last(&l)->dx, 17, 1e-4);
    CHECK_NEAR(last(&l)->dy, 17, 1e-4);
}

static void test_drag_reports_steps_and_totals(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 500, 500, 0);
    move(&g, &l, 500, 460, 16);
    move(&g, &l, 503, 430, 32);
    CHECK_NEAR(last(&l)->dx, 3, 1e-4);
    CHECK_NEAR(last(&l)->dy, -30, 1e-4);
    CHECK_NEAR(last(&l)->total_dy, -70, 1e-4);
    CHECK_NEAR(last(&l)->start_y, 500, 0);
    move(&g, &l, 503, 430, 40); /* no motion: no event */
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG DRAG");
    up(&g, &l, 503, 420, 48);   /* lifting elsewhere reports the last step first */
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG DRAG DRAG DRAG_END");
    CHECK_NEAR(l.ev[4].dy, -10, 1e-4);
    CHECK_NEAR(last(&l)->total_dy, -80, 1e-4);
}

static void test_long_press_fires_at_its_tick_and_suppresses_tap(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 200, 200, 1000);
    CHECK_INT(gesture_next_wake(&g), 1600);
    CHECK_INT(tick(&g, &l, 1599), 0);
    move(&g, &l, 210, 205, 1300); /* within the slop: the timer keeps running */
    CHECK_INT(gesture_next_wake(&g), 1600);
    CHECK_INT(tick(&g, &l, 1600), 1);
    CHECK_STR(l.names, "PRESS LONG_PRESS");
    CHECK_INT(last(&l)->t_ms, 1600);
    CHECK_INT(gesture_next_wake(&g), GESTURE_NO_WAKE);
    CHECK_INT(tick(&g, &l, 1700), 0); /* fires once */
    CHECK_INT(up(&g, &l, 210, 205, 1800), 0);
    CHECK_STR(l.names, "PRESS LONG_PRESS");
}

static void test_missed_tick_gives_the_same_events(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 200, 200, 0);
    up(&g, &l, 200, 200, 599);
    CHECK_STR(l.names, "PRESS TAP");

    Log l2 = {0};
    down(&g, &l2, 200, 200, 1000);
    up(&g, &l2, 200, 200, 1650); /* the loop slept through the deadline */
    CHECK_STR(l2.names, "PRESS LONG_PRESS");
    CHECK_INT(find(&l2, GESTURE_LONG_PRESS)->t_ms, 1600);
}

static void test_dragging_cancels_the_long_press_timer(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 200, 200, 0);
    move(&g, &l, 200, 300, 100);
    CHECK_INT(gesture_next_wake(&g), GESTURE_NO_WAKE);
    CHECK_INT(tick(&g, &l, 700), 0);
    CHECK(find(&l, GESTURE_LONG_PRESS) == NULL);
}

static void test_long_press_then_drag_still_scrolls(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 200, 200, 0);
    tick(&g, &l, 600);
    move(&g, &l, 200, 100, 700);
    up(&g, &l, 200, 100, 710);
    CHECK_STR(l.names, "PRESS LONG_PRESS DRAG_BEGIN DRAG DRAG_END");
}

static void test_worst_case_fits_in_max_events(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 5, 500, 0);
    CHECK_INT(up(&g, &l, 200, 500, 650), 5);
    CHECK_STR(l.names, "PRESS LONG_PRESS DRAG_BEGIN DRAG DRAG_END EDGE_BACK");
}

/* One swipe from (x0, 600) by (dx, dy), in 10 steps over 200 ms; returns whether it was "back". */
static bool swipe_is_back(float x0, float dx, float dy)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, x0, 600, 0);
    for (int i = 1; i <= 10; i++) move(&g, &l, x0 + dx * i / 10, 600 + dy * i / 10, 20 * i);
    up(&g, &l, x0 + dx, 600 + dy, 210);
    CHECK(find(&l, GESTURE_DRAG_END) != NULL);
    const GestureEvent *back = find(&l, GESTURE_EDGE_BACK);
    if (back) CHECK(back == last(&l) && back[-1].type == GESTURE_DRAG_END);
    return back != NULL;
}

static void test_edge_swipe_back(void)
{
    CHECK(swipe_is_back(4, 300, 10));
    CHECK(swipe_is_back(31, 120, 0));    /* both limits, just inside */
    CHECK(!swipe_is_back(32, 300, 0));   /* started too far from the edge */
    CHECK(!swipe_is_back(200, 300, 0));
    CHECK(!swipe_is_back(4, 119, 0));    /* too short */
    CHECK(swipe_is_back(4, 150, 75));    /* 75 = 150 * 0.5: still mostly horizontal */
    CHECK(!swipe_is_back(4, 150, 76));   /* too vertical */
    CHECK(!swipe_is_back(4, 150, -90));
    CHECK(!swipe_is_back(4, -10, 300));  /* leftward or down from the edge is a scroll */
}

static void test_edge_swipe_aborted_by_sliding_back(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 10, 600, 0);
    move(&g, &l, 200, 600, 100);
    CHECK(last(&l)->from_edge); /* the view may show a "back" hint while dragging */
    move(&g, &l, 40, 600, 300);
    up(&g, &l, 40, 600, 310);
    CHECK(find(&l, GESTURE_EDGE_BACK) == NULL);
}

static void test_release_velocity_from_recent_samples(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 500, 1500, 0);
    /* 500 px/s for 200 ms, then 2000 px/s upward: only the last ~80 ms count */
    for (int t = 10; t <= 200; t += 10) move(&g, &l, 500, 1500 - 0.5f * t, t);
    for (int t = 210; t <= 400; t += 10) move(&g, &l, 500 + 0.25f * (t - 200), 1400 - 2.0f * (t - 200), t);
    up(&g, &l, 550, 1000, 405); /* lifted at the last position: no new sample */
    CHECK_INT(last(&l)->type, GESTURE_DRAG_END);
    CHECK_NEAR(last(&l)->vy, -2000, 1);
    CHECK_NEAR(last(&l)->vx, 250, 1);
}

static void test_release_velocity_shrugs_off_one_odd_sample(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 500, 0, 0);
    for (int t = 10; t <= 200; t += 10) move(&g, &l, 500, 2.0f * t + (t == 200 ? 3 : 0), t);
    up(&g, &l, 500, 403, 200);
    /* the last two samples alone would say (403 - 380) / 10 ms = 2300 px/s */
    CHECK_NEAR(last(&l)->vy, 2000, 50);
}

static void test_release_velocity_degenerate_cases_are_zero(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 500, 500, 100);
    up(&g, &l, 500, 900, 100); /* moved, but in no time at all */
    CHECK_INT(last(&l)->type, GESTURE_DRAG_END);
    CHECK_NEAR(last(&l)->vy, 0, 0);

    Log l2 = {0}; /* a fast flick that rested 60 ms before lifting (samples still in window) */
    down(&g, &l2, 500, 500, 1000);
    for (int t = 10; t <= 100; t += 10) move(&g, &l2, 500, 500 + 3.0f * t, 1000 + t);
    up(&g, &l2, 500, 800, 1160);
    CHECK_NEAR(last(&l2)->vy, 0, 0);

    Log l3 = {0}; /* a single sample in the window after a slow drag */
    down(&g, &l3, 500, 500, 2000);
    move(&g, &l3, 500, 600, 2100);
    up(&g, &l3, 500, 601, 2190);
    CHECK_NEAR(last(&l3)->vy, 0, 0);
}

static void test_up_or_move_without_down_is_ignored(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    CHECK_INT(move(&g, &l, 10, 10, 0), 0);
    CHECK_INT(up(&g, &l, 10, 10, 5), 0);
    CHECK_INT(tick(&g, &l, 5000), 0);
    CHECK_INT(cancel(&g, &l, 5000), 0);
    CHECK_INT(l.n, 0);
    CHECK_INT(gesture_next_wake(&g), GESTURE_NO_WAKE);
}

static void test_down_while_down_cancels_and_starts_over(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 100, 100, 0);
    move(&g, &l, 100, 200, 20);
    down(&g, &l, 700, 700, 40);
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG CANCEL PRESS");
    CHECK_NEAR(last(&l)->x, 700, 0);
    up(&g, &l, 700, 700, 100);
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG CANCEL PRESS TAP"); /* the new touch is fresh */
}

static void test_cancel_ends_the_touch(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 100, 100, 0);
    move(&g, &l, 100, 200, 20);
    cancel(&g, &l, 30); /* e.g. a second finger */
    move(&g, &l, 100, 300, 40);
    up(&g, &l, 100, 300, 50);
    tick(&g, &l, 1000);
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG CANCEL");
    CHECK(!gesture_is_down(&g));
}

static void test_time_running_backwards_is_harmless(void)
{
    Gesture g; Log l = {0};
    gesture_init(&g, CFG);
    down(&g, &l, 100, 100, 5000);
    CHECK_INT(tick(&g, &l, 100), 0); /* an old timestamp does not fire or crash */
    move(&g, &l, 100, 300, 4990);
    up(&g, &l, 100, 400, 4980);
    CHECK_STR(l.names, "PRESS DRAG_BEGIN DRAG DRAG DRAG_END");
    CHECK(isfinite(last(&l)->vy));
    CHECK_INT(last(&l)->t_ms, 5000);
}

int main(void)
{
    RUN(test_quick_touch_is_press_then_tap);
    RUN(test_moving_exactly_the_slop_is_still_a_tap);
    RUN(test_moving_beyond_the_slop_is_a_drag_never_a_tap);
    RUN(test_diagonal_slop_is_a_circle);
    RUN(test_drag_reports_steps_and_totals);
    RUN(test_long_press_fires_at_its_tick_and_suppresses_tap);
    RUN(test_missed_tick_gives_the_same_events);
    RUN(test_dragging_cancels_the_long_press_timer);
    RUN(test_long_press_then_drag_still_scrolls);
    RUN(test_worst_case_fits_in_max_events);
    RUN(test_edge_swipe_back);
    RUN(test_edge_swipe_aborted_by_sliding_back);
    RUN(test_release_velocity_from_recent_samples);
    RUN(test_release_velocity_shrugs_off_one_odd_sample);
    RUN(test_release_velocity_degenerate_cases_are_zero);
    RUN(test_up_or_move_without_down_is_ignored);
    RUN(test_down_while_down_cancels_and_starts_over);
    RUN(test_cancel_ends_the_touch);
    RUN(test_time_running_backwards_is_harmless);
    return check_summary();
}
