/* test_plan.c: the open-day floor plan (content/opendag/plan.yaml), as a specification.
 *
 * The plan's coordinates are its picture's (the SVG's viewBox); markers land where their pins
 * say at any zoom and keep their size on screen; the zoom stops at PLAN_ZOOM_MAX and at fitted;
 * a tap on a marker at zoom 2.5 opens its place; every place can be reached without hitting a
 * small marker (the list), no two touch targets overlap, and "you are here" is marked. Laid out
 * with the fake text measurer (view_test.h) and read from the display list. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "ui/plan.h"
#include "ui/session.h"
#include "ui/zoom.h"
#include "check.h"
#include "view_test.h"

static Bundle *bundle;
static const Collection *plan;

/* The plan's picture as drawn in the last frame (its rect is already zoomed). */
static Rect picture_rect(const DisplayList *d)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_IMAGE && d->cmds[i].image == plan->plan) return d->cmds[i].r;
    return (Rect){0};
}

/* Where a place's marker is on screen, from the picture drawn and the place's own point. */
static void marker_at(const DisplayList *d, const Item *it, float *x, float *y)
{
    Rect pr = picture_rect(d);
    float px = 0, py = 0;
    CHECK(plan_place_point(it, &px, &py));
    *x = pr.x + px * pr.w / plan->map_w;
    *y = pr.y + py * pr.h / plan->map_h;
}

static void test_coordinates_are_the_pictures(void)
{
    CHECK(plan->plan != NULL && plan->plan->type == IMAGE_SVG);
    CHECK_INT((int)plan->map_w, 1200); /* viewBox="0 0 1200 900" */
    CHECK_INT((int)plan->map_h, 900);
    for (size_t i = 0; i < plan->n_items; i++) {
        const Item *it = &plan->items[i];
        float x, y;
        CHECK(plan_place_point(it, &x, &y));
        CHECK(x >= 0 && y >= 0 && x <= plan->map_w && y <= plan->map_h);
    }
    const Item *garage = bundle_find_item(bundle, "p-garage"), *aula = bundle_find_item(bundle, "p-aula");
    CHECK(garage && garage->has_pin && garage->pin_x == 995 && garage->pin_y == 195);
    CHECK(aula && !aula->has_pin && aula->n_shape == 1); /* a shape: marked at its label point */
}

static void test_pins_to_rects_at_a_zoom(void)
{
    const Item *garage = bundle_find_item(bundle, "p-garage");
    if (!garage) return;
    Rect area = {100, 50, 1000, 800};
    Rect fitted = plan_fit(plan, area);
    CHECK(fabsf(fitted.w / fitted.h - 1200.0f / 900.0f) < 0.01f); /* its own proportions */
    Screen sc = {.kind = SCREEN_COLLECTION, .collection = plan};
    Rect r1 = plan_marker_rect(&sc, area, fitted, garage, 100);
    CHECK(fabsf(r1.x + 50 - (fitted.x + 995 * fitted.w / 1200)) < 0.01f);
    CHECK(fabsf(r1.y + 50 - (fitted.y + 195 * fitted.h / 900)) < 0.01f);
    sc.zoom = 2.5f;
    sc.pan_x = -800;
    sc.pan_y = -300;
    Rect r2 = plan_marker_rect(&sc, area, fitted, garage, 100);
    float x = r1.x + 50, y = r1.y + 50;
    zoom_xy(&sc, area, &x, &y);
    CHECK(fabsf(r2.x + 50 - x) < 0.01f && fabsf(r2.y + 50 - y) < 0.01f);
    CHECK(fabsf(r2.x + 50 - (area.x - 800 + (r1.x + 50 - area.x) * 2.5f)) < 0.01f);
    CHECK(r2.w == 100 && r2.h == 100); /* markers keep their size on screen */
}

static void test_zoom_stops_at_its_limits(void)
{
    Session s;
    if (!view_test_open(&s, bundle, 1920, 1080, "plan")) return;
    session_frame(&s);
    CHECK(s.info.zoom_max == PLAN_ZOOM_MAX);
    Rect a = s.info.zoom_area;
    CHECK(a.w > 1920 * 0.5f && a.h > 1080 * 0.6f); /* the plan fitted large */
    Screen *top = ui_top(&s.ui);
    zoom_by(top, a, s.info.zoom_max, 10, a.x + a.w / 2, a.y + a.h / 2);
    CHECK(fabsf(top->zoom - PLAN_ZOOM_MAX) < 1e-4f);
    zoom_by(top, a, s.info.zoom_max, 1.5f, a.x, a.y); /* no further */
    CHECK(fabsf(top->zoom - PLAN_ZOOM_MAX) < 1e-4f);
    CHECK(top->pan_x <= 0 && top->pan_x >= a.w * (1 - top->zoom) - 0.01f);
    zoom_by(top, a, s.info.zoom_max, 0.01f, a.x + a.w, a.y + a.h);
    CHECK(!zoom_active(top)); /* and out no further than fitted */
    session_free(&s);
}

static void test_a_tap_on_a_pin_at_zoom_2_5_opens_it(void)
{
    const Item *garage = bundle_find_item(bundle, "p-garage");
    Session s;
    if (!garage || !view_test_open(&s, bundle, 1920, 1080, "plan")) return;
    const DisplayList *d = session_frame(&s);
    float x, y;
    marker_at(d, garage, &x, &y);
    Rect fitted = picture_rect(d);
    session_zoom(&s, 2.5f, x, y, 100); /* around the pin, which stays put */
    d = session_frame(&s);
    CHECK(fabsf(ui_top(&s.ui)->zoom - 2.5f) < 1e-3f);
    CHECK(fabsf(picture_rect(d).w - fitted.w * 2.5f) < 0.5f);
    float zx, zy;
    marker_at(d, garage, &zx, &zy);
    CHECK(fabsf(zx - x) < 0.5f && fabsf(zy - y) < 0.5f);
    const Hit *h = dlist_hit_at(d, zx, zy);
    CHECK(h && h->action.kind == ACT_ITEM && h->action.item == garage);
    CHECK(h && h->r.w >= view_min_target(1920, 1080) - 0.5f);
    /* a finger a little off the marker's centre still hits it */
    h = dlist_hit_at(d, zx + 30, zy - 30);
    CHECK(h && h->action.item == garage);
    session_pointer(&s, POINTER_DOWN, zx + 10, zy + 10, 1000);
    session_pointer(&s, POINTER_UP, zx + 10, zy + 10, 1080);
    session_tick(&s, 1200);
    const Screen *top = ui_top(&s.ui);
    CHECK(top->kind == SCREEN_ITEM && top->item == garage);
    session_free(&s);
}

/* At every size, every place has a target on the plan and a row in the list, no two targets
 * overlap, and each is at least the minimum size. */
static void test_every_place_reachable_and_targets_apart(void)
{
    static const float sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
    for (size_t k = 0; k < 4; k++) {
        Session s;
        if (!view_test_open(&s, bundle, sizes[k][0], sizes[k][1], "plan")) return;
        const DisplayList *d = session_frame(&s);
        float min = view_min_target(sizes[k][0], sizes[k][1]);
        for (size_t i = 0; i < plan->n_items; i++) {
            size_t targets = 0;
            for (size_t j = 0; j < d->n_hits; j++)
                targets += d->hits[j].action.kind == ACT_ITEM && d->hits[j].action.item == &plan->items[i];
            if (targets < 2) fprintf(stderr, "  %s at %gx%g: %zu targets\n", plan->items[i].id,
                                     sizes[k][0], sizes[k][1], targets);
            CHECK(targets >= 2); /* its marker (or shape) and its row */
        }
        for (size_t i = 0; i < d->n_hits; i++) {
            const Hit *a = &d->hits[i];
            CHECK(a->r.w >= min - 0.5f && a->r.h >= min - 0.5f);
            for (size_t j = i + 1; j < d->n_hits; j++) {
                if (a->poly || d->hits[j].poly) continue;
                Rect o = rect_intersect(a->clip, d->hits[j].clip);
                CHECK(!(o.w > 0.5f && o.h > 0.5f));
            }
        }
        session_free(&s);
    }
}

static void test_you_are_here(void)
{
    Session s;
    if (!view_test_open(&s, bundle, 1920, 1080, "plan")) return;
    CHECK(!view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(session_set_here(&s, "p-entrance")); /* a pin */
    CHECK(view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(session_set_here(&s, "p-aula")); /* a shape */
    CHECK(view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(!session_set_here(&s, "s-robotarm")); /* an item, but no place on a plan */
    CHECK(!view_test_shows(session_frame(&s), "Jij bent hier"));
    /* a place's own page shows the plan with the kiosk's place on it too */
    CHECK(session_set_here(&s, "p-entrance"));
    CHECK(session_open(&s, "p-ict", 0));
    CHECK(view_test_shows(session_frame(&s), "Jij bent hier"));
    session_free(&s);
}

int main(void)
{
    bundle = bundle_load_reporting("content/opendag", stderr);
    CHECK(bundle != NULL);
    if (!bundle) return check_summary();
    plan = bundle_find_collection(bundle, "plan");
    CHECK(plan != NULL && plan->layout == LAYOUT_PLAN);
    if (plan) {
        RUN(test_coordinates_are_the_pictures);
        RUN(test_pins_to_rects_at_a_zoom);
        RUN(test_zoom_stops_at_its_limits);
        RUN(test_a_tap_on_a_pin_at_zoom_2_5_opens_it);
        RUN(test_every_place_reachable_and_targets_apart);
        RUN(test_you_are_here);
    }
    bundle_free(bundle);
    return check_summary();
}
