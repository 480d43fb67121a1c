/* test_pinch.c: two fingers (input/pinch.c) and what they do to a zoomable picture
 * (ui/zoom.c), with scripted fingers and a fake clock.
 *
 * The property that matters to a visitor: content under the fingers stays under them. A pinch
 * applied event by event (zoom by the scale around the previous midpoint, then pan by the
 * midpoint's movement) must leave the picture's point that was under the first midpoint under the last
 * one, whatever the path, as long as no limit is reached; at a limit the picture stops and
 * follows again as soon as the fingers come back. */
#include "input/pinch.h"
#include "ui/zoom.h"
#include "check.h"

#include <math.h>

static const Rect AREA = {100, 50, 800, 600};

/* Applies one event as the session does. */
static void apply(Screen *sc, const PinchEvent *e, float max)
{
    if (e->type != PINCH_MOVE) return;
    zoom_by(sc, AREA, max, e->scale, e->cx - e->dx, e->cy - e->dy);
    zoom_pan(sc, AREA, e->dx, e->dy);
}

static void test_spread_fingers_scale_up(void)
{
    Pinch p;
    PinchEvent e;
    CHECK(pinch_begin(&p, 400, 300, 500, 300, 0, &e));
    CHECK_INT(e.type, PINCH_BEGIN);
    CHECK_NEAR(e.cx, 450, 1e-4);
    CHECK_NEAR(e.scale, 1, 1e-6);
    CHECK(pinch_move(&p, 1, 600, 300, 16, &e)); /* 100 -> 200 apart */
    CHECK_INT(e.type, PINCH_MOVE);
    CHECK_NEAR(e.scale, 2, 1e-5);
    CHECK_NEAR(e.total_scale, 2, 1e-5);
    CHECK_NEAR(e.cx, 500, 1e-4);
    CHECK_NEAR(e.dx, 50, 1e-4);
    CHECK(pinch_move(&p, 0, 500, 300, 32, &e)); /* 200 -> 100 apart: each step relative */
    CHECK_NEAR(e.scale, 0.5f, 1e-5);
    CHECK_NEAR(e.total_scale, 1, 1e-5);
    CHECK(pinch_end(&p, 48, &e));
    CHECK_INT(e.type, PINCH_END);
    CHECK(!pinch_active(&p));
    CHECK(!pinch_move(&p, 0, 1, 1, 64, &e)); /* after the end: nothing */
    CHECK(!pinch_end(&p, 64, &e));
}

static void test_two_finger_pan_keeps_scale(void)
{
    Pinch p;
    PinchEvent e;
    pinch_begin(&p, 300, 300, 420, 300, 0, &e);
    float sum_dx = 0, sum_dy = 0;
    for (int i = 1; i <= 10; i++) {
        CHECK(pinch_move(&p, 0, 300 + 10.0f * i, 300 - 5.0f * i, 16 * i, &e));
        sum_dx += e.dx;
        sum_dy += e.dy;
        CHECK(pinch_move(&p, 1, 420 + 10.0f * i, 300 - 5.0f * i, 16 * i, &e));
        sum_dx += e.dx;
        sum_dy += e.dy;
    }
    CHECK_NEAR(sum_dx, 100, 1e-3);
    CHECK_NEAR(sum_dy, -50, 1e-3);
    CHECK_NEAR(e.total_scale, 1, 1e-5);
}

static void test_hostile_fingers(void)
{
    Pinch p;
    PinchEvent e;
    CHECK(!pinch_begin(&p, NAN, 0, 1, 1, 0, &e));
    CHECK(pinch_begin(&p, 500, 500, 500, 500, 0, &e)); /* both on one spot */
    CHECK(pinch_move(&p, 1, 100000, 500, 16, &e));       /* then very far apart at once */
    CHECK(e.scale <= PINCH_MAX_STEP && isfinite(e.scale));
    CHECK(!pinch_move(&p, 1, INFINITY, 500, 32, &e));
    CHECK(!pinch_move(&p, 2, 1, 1, 32, &e)); /* no third finger */
    CHECK(pinch_move(&p, 0, 499, 500, 8, &e)); /* time going backwards is taken as the last */
    CHECK(e.t_ms == 16);
    CHECK(!pinch_move(&p, 0, 499, 500, 40, &e)); /* no movement, no event */
}

/* The picture point under the fingers' midpoint stays under it. */
static void test_content_stays_under_the_fingers(void)
{
    Screen sc = {0};
    Pinch p;
    PinchEvent e;
    pinch_begin(&p, 450, 350, 550, 350, 0, &e); /* midpoint (500, 350) */
    float fx = 500, fy = 350;
    zoom_unxy(&sc, AREA, &fx, &fy); /* the fitted point under it */
    for (int i = 1; i <= 20; i++) { /* spread to 300 apart while moving the midpoint */
        float spread = 100 + 10.0f * i, mx = 500 + 2.0f * i, my = 350 + 1.0f * i;
        pinch_move(&p, 0, mx - spread / 2, my, 16 * i, &e);
        apply(&sc, &e, 4);
        pinch_move(&p, 1, mx + spread / 2, my, 16 * i, &e);
        apply(&sc, &e, 4);
    }
    CHECK_NEAR(sc.zoom, 3, 1e-3);
    float x = fx, y = fy;
    zoom_xy(&sc, AREA, &x, &y);
    CHECK_NEAR(x, 540, 0.05);
    CHECK_NEAR(y, 370, 0.05);
}

static void test_zoom_limits(void)
{
    Screen sc = {0};
    CHECK(!zoom_active(&sc)); /* a fresh screen is fitted */
    zoom_by(&sc, AREA, 4, 10, 500, 350);
    CHECK_NEAR(sc.zoom, 4, 1e-6); /* at most zoom_max */
    zoom_by(&sc, AREA, 4, 0.01f, 500, 350);
    CHECK_NEAR(sc.zoom, 1, 1e-6); /* never smaller than fitted */
    CHECK_NEAR(sc.pan_x, 0, 1e-6);
    CHECK_NEAR(sc.pan_y, 0, 1e-6);
    zoom_by(&sc, AREA, 1, 3, 500, 350);
    CHECK(!zoom_active(&sc)); /* zoom_max 1: nothing zooms */
    zoom_by(&sc, AREA, 4, NAN, 500, 350);
    zoom_by(&sc, AREA, 4, -2, 500, 350);
    zoom_by(&sc, AREA, 4, 2, INFINITY, 350);
    CHECK(!zoom_active(&sc));
    CHECK(isfinite(sc.pan_x) && isfinite(sc.pan_y));
}

/* However it is panned, the zoomed picture covers the whole area. */
static void test_pan_keeps_the_area_covered(void)
{
    Screen sc = {0};
    zoom_by(&sc, AREA, 4, 2, AREA.x, AREA.y); /* zoomed at the top left corner */
    Rect all = zoom_rect(&sc, AREA, AREA);
    CHECK_NEAR(all.x, AREA.x, 1e-3);
    CHECK_NEAR(all.w, AREA.w * 2, 1e-3);
    zoom_pan(&sc, AREA, 5000, 5000); /* dragged far right and down: stops at the edge */
    all = zoom_rect(&sc, AREA, AREA);
    CHECK_NEAR(all.x, AREA.x, 1e-3);
    CHECK_NEAR(all.y, AREA.y, 1e-3);
    zoom_pan(&sc, AREA, -5000, -5000);
    all = zoom_rect(&sc, AREA, AREA);
    CHECK_NEAR(all.x + all.w, AREA.x + AREA.w, 1e-3);
    CHECK_NEAR(all.y + all.h, AREA.y + AREA.h, 1e-3);
    zoom_pan(&sc, AREA, NAN, 3);
    CHECK(isfinite(sc.pan_x));
    /* fitted: no pan at all */
    zoom_reset(&sc);
    zoom_pan(&sc, AREA, 300, 300);
    CHECK_NEAR(sc.pan_x, 0, 1e-6);
    CHECK_NEAR(sc.pan_y, 0, 1e-6);
}

/* A pin drawn through zoom_xy is found again under the finger by zoom_unxy at any zoom. */
static void test_point_round_trip(void)
{
    Screen sc = {0};
    zoom_by(&sc, AREA, 4, 2.5f, 640, 420);
    zoom_pan(&sc, AREA, -37, 12);
    float x = 333, y = 222;
    zoom_xy(&sc, AREA, &x, &y);
    zoom_unxy(&sc, AREA, &x, &y);
    CHECK_NEAR(x, 333, 1e-3);
    CHECK_NEAR(y, 222, 1e-3);
}

int main(void)
{
    RUN(test_spread_fingers_scale_up);
    RUN(test_two_finger_pan_keeps_scale);
    RUN(test_hostile_fingers);
    RUN(test_content_stays_under_the_fingers);
    RUN(test_zoom_limits);
    RUN(test_pan_keeps_the_area_covered);
    RUN(test_point_round_trip);
    return check_summary();
}
