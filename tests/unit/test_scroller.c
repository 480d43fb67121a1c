/* test_scroller.c: how a list moves under a finger and after it, with a fake clock.
 *
 * The usual list: 5000 px of content in a 1000 px viewport, so offsets run 0..4000 and the
 * rubber band's limit is 0.15 * 1000 = 150 px. "Finger" velocities and deltas have the
 * signs gesture.c reports: negative means the finger moves up, so the offset grows. */
#include "input/scroller.h"
#include "check.h"

#include <math.h>

#define TAU_S (SCROLLER_FLING_TAU_MS / 1000.0)

static Scroller list_at(double offset)
{
    Scroller s;
    scroller_init(&s, 5000, 1000);
    scroller_drag(&s, -offset, 0);
    scroller_release(&s, 0, 0);
    return s;
}

/* Step every `every` ms from `from` until `until` (inclusive, last step exactly at until). */
static double run(Scroller *s, int64_t from, int64_t until, int64_t every)
{
    for (int64_t t = from + every; t < until; t += every) scroller_step(s, t);
    scroller_step(s, until);
    return scroller_offset(s);
}

static void test_drag_moves_content_with_the_finger(void)
{
    Scroller s;
    scroller_init(&s, 5000, 1000);
    CHECK_NEAR(scroller_max(&s), 4000, 0);
    scroller_drag(&s, -100, 10); /* finger up 100 px: see 100 px further down the content */
    CHECK_NEAR(scroller_offset(&s), 100, 1e-9);
    scroller_drag(&s, 30, 20);
    CHECK_NEAR(scroller_offset(&s), 70, 1e-9);
    CHECK_INT(scroller_mode(&s), SCROLLER_DRAGGING);
    CHECK(!scroller_is_animating(&s));
    CHECK_INT(scroller_next_wake(&s), SCROLLER_NO_WAKE);
}

static void test_slow_release_stays_put(void)
{
    Scroller s = list_at(1000);
    scroller_drag(&s, -10, 100);
    scroller_release(&s, -(SCROLLER_MIN_SPEED - 1), 100);
    CHECK_INT(scroller_mode(&s), SCROLLER_IDLE);
    CHECK(!scroller_step(&s, 500));
    CHECK_NEAR(scroller_offset(&s), 1010, 1e-9);
}

static void test_fling_decays_exponentially(void)
{
    Scroller s = list_at(1000);
    scroller_release(&s, -2000, 0);
    CHECK(scroller_is_animating(&s));
    CHECK_INT(scroller_next_wake(&s), 0); /* due now: draw the next frame */
    /* after one time constant it has covered 1 - 1/e of v * tau */
    CHECK_NEAR(run(&s, 0, 325, 16), 1000 + 2000 * TAU_S * (1 - exp(-1)), 0.01);
    /* it stops when slower than SCROLLER_MIN_SPEED: at tau ln(2000 / 20) = 1496.6 ms */
    CHECK(scroller_step(&s, 1496));
    CHECK(!scroller_step(&s, 1497));
    double travelled = scroller_offset(&s) - 1000;
    CHECK_NEAR(travelled, 2000 * TAU_S, SCROLLER_MIN_SPEED * TAU_S + 0.01); /* about v * tau */
    CHECK_NEAR(travelled, (2000 - SCROLLER_MIN_SPEED) * TAU_S, 0.01);     /* exactly */
    CHECK_INT(scroller_next_wake(&s), SCROLLER_NO_WAKE);
}

static void test_finger_down_flings_toward_the_start(void)
{
    Scroller s = list_at(3000);
    scroller_release(&s, 1000, 0);
    CHECK_NEAR(run(&s, 0, 5000, 16), 3000 - (1000 - SCROLLER_MIN_SPEED) * TAU_S, 0.01);
}

static void test_absurd_flick_is_capped(void)
{
    Scroller s = list_at(0);
    scroller_release(&s, -1e6, 0);
    CHECK_NEAR(run(&s, 0, 5000, 16), (SCROLLER_MAX_SPEED - SCROLLER_MIN_SPEED) * TAU_S, 0.01);
}

static void test_touch_catches_a_fling(void)
{
    Scroller s = list_at(1000);
    scroller_release(&s, -3000, 0);
    double shown = run(&s, 0, 100, 16);
    CHECK(shown > 1100);
    scroller_stop(&s);
    CHECK_INT(scroller_mode(&s), SCROLLER_IDLE);
    CHECK(!scroller_step(&s, 400));
    CHECK_NEAR(scroller_offset(&s), shown, 0);
    scroller_drag(&s, -5, 410); /* and the drag starts from there */
    CHECK_NEAR(scroller_offset(&s), shown + 5, 1e-9);
}

static void test_pulling_past_the_start_resists(void)
{
    Scroller s = list_at(0);
    scroller_drag(&s, 10, 10);
    CHECK_NEAR(scroller_offset(&s), -10 * SCROLLER_RUBBER_RATIO, 0.2); /* half speed at first */
    scroller_drag(&s, 90, 20);
    double at100 = scroller_offset(&s);
    CHECK(at100 < -30 && at100 > -50);   /* 100 px of finger: 37.5 px of overscroll */
    scroller_drag(&s, 5000, 30);
    CHECK(scroller_offset(&s) > -150);   /* never past the limit... */
    CHECK(scroller_offset(&s) < -140);   /* ...but close to it */
    scroller_drag(&s, -5000, 40);        /* pulling back retraces the same curve */
    CHECK_NEAR(scroller_offset(&s), at100, 1e-6);
    scroller_drag(&s, -100, 50);
    CHECK_NEAR(scroller_offset(&s), 0, 1e-6);
}

static void test_pulling_past_the_end_resists(void)
{
    Scroller s = list_at(4000);
    scroller_drag(&s, -10, 10);
    CHECK_NEAR(scroller_offset(&s), 4000 + 10 * SCROLLER_RUBBER_RATIO, 0.2);
}

static void test_release_past_a_bound_springs_back_within_250ms(void)
{
    Scroller s = list_at(0);
    scroller_drag(&s, 2000, 0);
    double pulled = scroller_offset(&s);
    CHECK(pulled < -130);
    scroller_release(&s, 0, 0);
    CHECK_INT(scroller_mode(&s), SCROLLER_SPRING);
    double at50 = run(&s, 0, 50, 16);
    CHECK(at50 > pulled && at50 < -20); /* on its way, not a jump */
    CHECK_NEAR(run(&s, 50, 250, 16), 0, 1);
    run(&s, 250, 300, 16);
    CHECK_INT(scroller_mode(&s), SCROLLER_IDLE);
    CHECK_NEAR(scroller_offset(&s), 0, 0); /* snapped exactly */
}

static void test_outward_release_past_a_bound_carries_the_slower_speed(void)
{
    Scroller s = list_at(4000);
    scroller_drag(&s, -100, 0);       /* 37.5 px past the end */
    double pulled = scroller_offset(&s);
    scroller_release(&s, -2000, 0);   /* finger still moving outward at 2000 px/s... */
    double peak = 0;
    for (int64_t t = 1; t <= 400; t++) {
        scroller_step(&s, t);
        peak = fmax(peak, scroller_offset(&s));
    }
    /* ...but the content moved at band slope 0.28 of that: about 2 px more, not 14 */
    CHECK(peak > pulled + 1);
    CHECK(peak < pulled + 5);
    CHECK_NEAR(scroller_offset(&s), 4000, 0);
}

static void test_cancel_past_a_bound_springs_back(void)
{
    Scroller s = list_at(4000);
    scroller_drag(&s, -300, 0);
    scroller_release(&s, 0, 0); /* what the caller does on GESTURE_CANCEL */
    CHECK_NEAR(run(&s, 0, 400, 16), 4000, 0);
}

static void test_fling_into_the_end_bounces_and_settles(void)
{
    Scroller s = list_at(3900);
    scroller_release(&s, -3000, 0);
    double peak = 0;
    for (int64_t t = 1; t <= 1000; t++) {
        scroller_step(&s, t);
        peak = fmax(peak, scroller_offset(&s));
    }
    CHECK(peak > 4005);                                              /* it did bounce */
    CHECK(peak < 4000 + SCROLLER_MAX_SPEED / (SCROLLER_SPRING_OMEGA * exp(1))); /* bounded */
    CHECK_NEAR(scroller_offset(&s), 4000, 0);
    CHECK_INT(scroller_mode(&s), SCROLLER_IDLE);
}

static void test_flick_back_from_overscroll_flings_on_inside(void)
{
    Scroller s = list_at(0);
    scroller_drag(&s, 100, 0);
    scroller_release(&s, -8000, 0); /* strong flick back into the content */
    double end = run(&s, 0, 3000, 16);
    CHECK(end > 30);
    CHECK(end < 200);

    Scroller weak = list_at(0);
    scroller_drag(&weak, 100, 0);
    scroller_release(&weak, -1000, 0); /* too weak to cross: just springs back */
    CHECK_NEAR(run(&weak, 0, 3000, 16), 0, 0);
}

/* Offsets at the same times must agree whether the loop steps every 1 ms or every 33 ms. */
static void same_at_any_frame_rate(Scroller a, int64_t from)
{
    Scroller b = a;
    double worst = 0;
    int64_t ta = from;
    for (int64_t t = from + 33; t <= from + 3000; t += 33) {
        while (ta < t) scroller_step(&a, ++ta);
        scroller_step(&b, t);
        worst = fmax(worst, fabs(scroller_offset(&a) - scroller_offset(&b)));
    }
    CHECK(worst < 1.0);
    if (worst >= 1.0) fprintf(stderr, "  worst difference %g px\n", worst);
    CHECK_NEAR(scroller_offset(&a), scroller_offset(&b), 1e-9); /* and both at rest */
    CHECK(!scroller_is_animating(&a) && !scroller_is_animating(&b));
}

static void test_frame_rate_does_not_change_the_motion(void)
{
    Scroller s = list_at(1000);
    scroller_release(&s, -2500, 0);
    same_at_any_frame_rate(s, 0); /* plain fling */

    s = list_at(3600);
    scroller_release(&s, -5000, 0);
    same_at_any_frame_rate(s, 0); /* fling that bounces off the end */

    s = list_at(0);
    scroller_drag(&s, 400, 0);
    scroller_release(&s, 0, 0);
    same_at_any_frame_rate(s, 0); /* spring back */

    s = list_at(0);
    scroller_drag(&s, 100, 0);
    scroller_release(&s, -8000, 0);
    same_at_any_frame_rate(s, 0); /* spring that flings on inside */
}

static void test_a_drag_catches_a_spring_without_a_jump(void)
{
    Scroller s = list_at(0);
    scroller_drag(&s, 600, 0);
    scroller_release(&s, 0, 0);
    double shown = run(&s, 0, 40, 16);
    scroller_stop(&s); /* a touch does not freeze content past a bound... */
    CHECK_INT(scroller_mode(&s), SCROLLER_SPRING);
    scroller_drag(&s, 0, 45); /* ...but a drag takes over from where it is shown */
    CHECK_NEAR(scroller_offset(&s), shown, 1e-6);
    scroller_drag(&s, 10, 50);
    CHECK(scroller_offset(&s) < shown && scroller_offset(&s) > shown - 10 * SCROLLER_RUBBER_RATIO);
}

static void test_catching_a_bounce_beyond_the_band_limit(void)
{
    Scroller s;
    scroller_init(&s, 1000, 200); /* small viewport: the band limit is only 30 px */
    scroller_drag(&s, -790, 0);
    scroller_release(&s, -8000, 0);
    double peak = 0;
    for (int64_t t = 1; t <= 30; t++) {
        scroller_step(&s, t);
        peak = fmax(peak, scroller_offset(&s));
    }
    CHECK(peak > 800 + 30); /* the bounce went further out than a drag could pull */
    scroller_drag(&s, 0, 31);
    CHECK(isfinite(scroller_offset(&s)));
    CHECK(scroller_offset(&s) > 800 && scroller_offset(&s) < 830);
    scroller_release(&s, 0, 31);
    CHECK_NEAR(run(&s, 31, 500, 16), 800, 0);
}

static void test_release_without_a_drag_leaves_motion_alone(void)
{
    Scroller s = list_at(1000);
    scroller_release(&s, -2000, 0);
    run(&s, 0, 100, 16);
    scroller_release(&s, 0, 100); /* e.g. a CANCEL handled without a PRESS before it */
    CHECK_INT(scroller_mode(&s), SCROLLER_FLING);
    CHECK_NEAR(run(&s, 100, 3000, 16), 1000 + (2000 - SCROLLER_MIN_SPEED) * TAU_S, 0.01);
}

static void test_content_changes_keep_the_offset_valid(void)
{
    Scroller s = list_at(3500);
    scroller_set_content(&s, 3000, 1000, 10); /* shorter: now max 2000 */
    CHECK_NEAR(scroller_offset(&s), 2000, 0);
    scroller_set_content(&s, 9000, 1000, 20); /* longer: stays */
    CHECK_NEAR(scroller_offset(&s), 2000, 0);
    scroller_set_content(&s, 500, 1000, 30);  /* fits entirely: nothing to scroll */
    CHECK_NEAR(scroller_max(&s), 0, 0);
    CHECK_NEAR(scroller_offset(&s), 0, 0);
    scroller_drag(&s, -50, 40);               /* still rubber-bands */
    CHECK(scroller_offset(&s) > 0 && scroller_offset(&s) < 50);
    scroller_release(&s, 0, 40);
    CHECK_NEAR(run(&s, 40, 400, 16), 0, 0);
}

static void test_content_shrinking_under_a_fling(void)
{
    Scroller s = list_at(1000);
    scroller_release(&s, -3000, 0);
    run(&s, 0, 100, 16);
    scroller_set_content(&s, 2200, 1000, 116); /* max drops to 1200, below where it flies to */
    CHECK(scroller_is_animating(&s));
    CHECK_NEAR(run(&s, 116, 3000, 16), 1200, 0);
}

static void test_old_timestamps_do_not_rewind(void)
{
    Scroller s = list_at(1000);
    scroller_release(&s, -2000, 100);
    double at300 = run(&s, 100, 300, 16);
    scroller_step(&s, 200);
    CHECK_NEAR(scroller_offset(&s), at300, 0);
}

int main(void)
{
    RUN(test_drag_moves_content_with_the_finger);
    RUN(test_slow_release_stays_put);
    RUN(test_fling_decays_exponentially);
    RUN(test_finger_down_flings_toward_the_start);
    RUN(test_absurd_flick_is_capped);
    RUN(test_touch_catches_a_fling);
    RUN(test_pulling_past_the_start_resists);
    RUN(test_pulling_past_the_end_resists);
    RUN(test_release_past_a_bound_springs_back_within_250ms);
    RUN(test_outward_release_past_a_bound_carries_the_slower_speed);
    RUN(test_cancel_past_a_bound_springs_back);
    RUN(test_fling_into_the_end_bounces_and_settles);
    RUN(test_flick_back_from_overscroll_flings_on_inside);
    RUN(test_frame_rate_does_not_change_the_motion);
    RUN(test_a_drag_catches_a_spring_without_a_jump);
    RUN(test_catching_a_bounce_beyond_the_band_limit);
    RUN(test_release_without_a_drag_leaves_motion_alone);
    RUN(test_content_changes_keep_the_offset_valid);
    RUN(test_content_shrinking_under_a_fling);
    RUN(test_old_timestamps_do_not_rewind);
    return check_summary();
}
