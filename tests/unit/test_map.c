/* test_map.c: the default bundle's map of the five landsdelen, as a specification.
 *
 * The shapes come from content/tools/regions_map.py; these tests hold them to what the map
 * promises: real outlines (at least 40 points a landsdeel), neighbours that share their border
 * exactly (no gap, no overlap), triangles made once by the loader that cover each shape. The
 * screen is laid out with a fake text measurer (view_test.h) and read from the display
 * list: the map's share of the width, a pressed region drawn differently in the next frame,
 * and the "you are here" marker. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "core/poly.h"
#include "ui/session.h"
#include "check.h"
#include "view_test.h"

static Bundle *bundle;
static const Collection *regions;

static const char *const IDS[] = {"noord", "oost", "noordwest", "zuidwest", "zuidoost"};
enum { N_REGIONS = 5 };

static const Item *region(const char *id)
{
    for (size_t i = 0; i < regions->n_items; i++)
        if (strcmp(regions->items[i].id, id) == 0) return &regions->items[i];
    fprintf(stderr, "  no region '%s'\n", id);
    return NULL;
}

static size_t points(const Item *it)
{
    size_t n = 0;
    for (size_t p = 0; p < it->n_shape; p++) n += it->shape[p].n_points;
    return n;
}


/* Whether edge (a, b) of one outline is an edge of `it`, in either direction. */
static bool has_edge(const Item *it, const float *a, const float *b)
{
    for (size_t p = 0; p < it->n_shape; p++) {
        const Polygon *pg = &it->shape[p];
        for (size_t j = 0; j < pg->n_points; j++) {
            const float *c = pg->xy + 2 * j, *d = pg->xy + 2 * ((j + 1) % pg->n_points);
            bool same = c[0] == a[0] && c[1] == a[1] && d[0] == b[0] && d[1] == b[1];
            bool reversed = c[0] == b[0] && c[1] == b[1] && d[0] == a[0] && d[1] == a[1];
            if (same || reversed) return true;
        }
    }
    return false;
}

/* Edges of a landsdeel's outline: those no other part of it has (its provinces share theirs). */
static size_t outline_edges(const Item *it)
{
    size_t n = 0;
    for (size_t p = 0; p < it->n_shape; p++) {
        const Polygon *pg = &it->shape[p];
        for (size_t j = 0; j < pg->n_points; j++) {
            const float *a = pg->xy + 2 * j, *b = pg->xy + 2 * ((j + 1) % pg->n_points);
            size_t owners = 0; /* parts of `it` with this edge, this one included */
            for (size_t q = 0; q < it->n_shape; q++) {
                Item one = *it;
                one.shape = &it->shape[q];
                one.n_shape = 1;
                owners += has_edge(&one, a, b);
            }
            n += owners == 1;
        }
    }
    return n;
}

static void test_every_landsdeel_has_a_real_outline(void)
{
    CHECK_INT(regions->n_items, N_REGIONS);
    for (size_t i = 0; i < N_REGIONS; i++) {
        const Item *it = region(IDS[i]);
        CHECK(it != NULL);
        if (!it) continue;
        size_t outline = outline_edges(it);
        fprintf(stderr, "  %s: %zu points in %zu parts, %zu on its outline\n", it->id, points(it),
                it->n_shape, outline);
        CHECK(outline >= 40);
    }
}

static bool has_point(const Item *it, const float *a)
{
    for (size_t p = 0; p < it->n_shape; p++)
        for (size_t j = 0; j < it->shape[p].n_points; j++)
            if (it->shape[p].xy[2 * j] == a[0] && it->shape[p].xy[2 * j + 1] == a[1]) return true;
    return false;
}

/* Edges of x that are also edges of y; and edges of x whose two ends are corners of y but
 * that y does not have (a seam drawn differently on its two sides: a gap or an overlap). */
static void compare(const Item *x, const Item *y, size_t *shared, size_t *mismatched)
{
    *shared = *mismatched = 0;
    for (size_t p = 0; p < x->n_shape; p++) {
        const Polygon *pg = &x->shape[p];
        for (size_t j = 0; j < pg->n_points; j++) {
            const float *a = pg->xy + 2 * j, *b = pg->xy + 2 * ((j + 1) % pg->n_points);
            if (has_edge(y, a, b)) (*shared)++;
            else if (has_point(y, a) && has_point(y, b)) (*mismatched)++;
        }
    }
}

static void test_neighbours_share_their_borders_exactly(void)
{
    /* the landsdelen that touch (FACTS.md and the provinces' borders) */
    static const char *const NEIGHBOURS[][2] = {
        {"noord", "oost"},     {"noord", "noordwest"},    {"oost", "noordwest"},
        {"oost", "zuidwest"},  {"oost", "zuidoost"},      {"noordwest", "zuidwest"},
        {"zuidwest", "zuidoost"}};
    static const char *const APART[][2] = {
        {"noord", "zuidwest"}, {"noord", "zuidoost"}, {"noordwest", "zuidoost"}};
    for (size_t i = 0; i < sizeof NEIGHBOURS / sizeof NEIGHBOURS[0]; i++) {
        const Item *x = region(NEIGHBOURS[i][0]), *y = region(NEIGHBOURS[i][1]);
        if (!x || !y) continue;
        size_t shared, mismatched, back, back_mismatched;
        compare(x, y, &shared, &mismatched);
        compare(y, x, &back, &back_mismatched);
        if (shared < 2 || mismatched || back != shared)
            fprintf(stderr, "  %s/%s: %zu shared edges (%zu back), %zu mismatched\n", x->id,
                    y->id, shared, back, mismatched + back_mismatched);
        CHECK(shared >= 2);
        CHECK_INT(back, shared);
        CHECK_INT(mismatched + back_mismatched, 0);
    }
    for (size_t i = 0; i < sizeof APART / sizeof APART[0]; i++) {
        const Item *x = region(APART[i][0]), *y = region(APART[i][1]);
        if (!x || !y) continue;
        size_t shared, mismatched;
        compare(x, y, &shared, &mismatched);
        CHECK_INT(shared, 0);
    }
}

static bool inside(const Polygon *pg, float x, float y)
{
    bool in = false;
    for (size_t i = 0, j = pg->n_points - 1; i < pg->n_points; j = i++) {
        float ax = pg->xy[2 * j], ay = pg->xy[2 * j + 1], bx = pg->xy[2 * i], by = pg->xy[2 * i + 1];
        if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) in = !in;
    }
    return in;
}

static float distance_to_segment(float x, float y, const float *a, const float *b)
{
    float dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? fminf(fmaxf(((x - a[0]) * dx + (y - a[1]) * dy) / len2, 0), 1) : 0;
    return hypotf(a[0] + t * dx - x, a[1] + t * dy - y);
}

/* Distance from (x, y) to the nearest outline edge of any region. */
static float distance_to_outline(float x, float y)
{
    float best = INFINITY;
    for (size_t i = 0; i < regions->n_items; i++)
        for (size_t p = 0; p < regions->items[i].n_shape; p++) {
            const Polygon *pg = &regions->items[i].shape[p];
            for (size_t j = 0; j < pg->n_points; j++)
                best = fminf(best, distance_to_segment(x, y, pg->xy + 2 * j,
                                                       pg->xy + 2 * ((j + 1) % pg->n_points)));
        }
    return best;
}

/* A raster over the map: no point lies in two parts (overlap); and along every seam, points a
 * little to either side lie in one region each, so no sliver of sea runs between neighbours. */
static void test_raster_has_no_overlap_and_no_gap(void)
{
    enum { STEP = 3 };
    size_t overlaps = 0, gaps = 0, land = 0;
    for (float y = 0.5f; y < regions->map_h; y += STEP)
        for (float x = 0.7f; x < regions->map_w; x += STEP) {
            int hits = 0;
            for (size_t i = 0; i < regions->n_items; i++)
                for (size_t p = 0; p < regions->items[i].n_shape; p++)
                    hits += inside(&regions->items[i].shape[p], x, y);
            if (hits > 1) overlaps++;
            land += hits == 1;
            /* sea within 2 units of an outline is coast; sea between two regions that both
             * come within 2 units of the point would be a gap */
            if (hits == 0 && distance_to_outline(x, y) < 2) {
                int near = 0;
                for (size_t i = 0; i < regions->n_items; i++) {
                    float d = INFINITY;
                    for (size_t p = 0; p < regions->items[i].n_shape; p++) {
                        const Polygon *pg = &regions->items[i].shape[p];
                        for (size_t j = 0; j < pg->n_points; j++)
                            d = fminf(d, distance_to_segment(x, y, pg->xy + 2 * j,
                                                             pg->xy + 2 * ((j + 1) % pg->n_points)));
                    }
                    near += d < 2;
                }
                /* where three outlines meet at a coast the sea touches two regions: allow
                 * points right at a shared corner */
                if (near > 1) gaps++;
            }
        }
    if (overlaps || gaps) fprintf(stderr, "  %zu overlapping, %zu gap samples\n", overlaps, gaps);
    CHECK_INT(overlaps, 0);
    CHECK(gaps <= 6); /* the few samples beside the corners where seams reach the coast */
    CHECK(land > 20000); /* the country is there at all: ~40 % of the 1000 x 1200 map */
}

static float triangle_area(const float *xy, const unsigned short *t)
{
    const float *a = xy + 2 * t[0], *b = xy + 2 * t[1], *c = xy + 2 * t[2];
    return fabsf((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) / 2;
}

static void test_shapes_are_triangulated_once_and_fully(void)
{
    for (size_t i = 0; i < regions->n_items; i++)
        for (size_t p = 0; p < regions->items[i].n_shape; p++) {
            const Polygon *pg = &regions->items[i].shape[p];
            size_t ea, eb;
            CHECK(!poly_self_intersects(pg->xy, pg->n_points, &ea, &eb));
            CHECK(pg->tris != NULL);
            CHECK_INT(pg->n_tris, pg->n_points - 2);
            float sum = 0;
            for (size_t t = 0; pg->tris && t < pg->n_tris; t++) sum += triangle_area(pg->xy, pg->tris + 3 * t);
            CHECK_NEAR(sum, pg->area, pg->area * 0.001);
            CHECK(inside(pg, pg->label_x, pg->label_y)); /* names sit on their region */
        }
}

static Rect join(Rect a, Rect b)
{
    if (a.w <= 0) return b;
    float x1 = fmaxf(a.x + a.w, b.x + b.w), y1 = fmaxf(a.y + a.h, b.y + b.h);
    a.x = fminf(a.x, b.x);
    a.y = fminf(a.y, b.y);
    return (Rect){a.x, a.y, x1 - a.x, y1 - a.y};
}

/* The big map's polygons (the largest scale in the list: thumbnails are smaller), their bounds,
 * and the smallest rectangle behind them (the map's panel). */
static void map_bounds(const DisplayList *d, Rect *country, Rect *panel)
{
    float s = 0;
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_POLY) s = fmaxf(s, d->cmds[i].sx);
    *country = (Rect){0};
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_POLY && d->cmds[i].sx == s) *country = join(*country, d->cmds[i].r);
    *panel = (Rect){0, 0, d->width, d->height};
    for (size_t i = 0; i < d->n_cmds; i++) {
        Rect r = d->cmds[i].r;
        if (d->cmds[i].kind != DL_RECT || r.x > country->x || r.y > country->y ||
            r.x + r.w < country->x + country->w || r.y + r.h < country->y + country->h)
            continue;
        if (r.w * r.h < panel->w * panel->h) *panel = r;
    }
}

static void test_map_takes_most_of_a_landscape_screen(void)
{
    static const float SIZES[][2] = {{1920, 1080}, {1280, 720}};
    for (size_t k = 0; k < 2; k++) {
        Session s;
        if (!view_test_open(&s, bundle, SIZES[k][0], SIZES[k][1], "regions")) continue;
        const DisplayList *d = session_frame(&s);
        Rect country, panel;
        map_bounds(d, &country, &panel);
        fprintf(stderr, "  %gx%g: map panel %.0f %% of the width, the country %.0f %% of the "
                "width and %.0f %% of the panel's height\n", SIZES[k][0], SIZES[k][1],
                100 * panel.w / SIZES[k][0], 100 * country.w / SIZES[k][0], 100 * country.h / panel.h);
        CHECK(panel.w >= 0.55f * SIZES[k][0]);
        /* the country is as large as the height allows: it fills the panel's height */
        CHECK(country.h >= 0.9f * panel.h);
        CHECK(country.w >= 0.35f * SIZES[k][0]);
        session_free(&s);
    }
}

/* The map region under the finger, drawn darker in the very next frame. */
static void test_pressed_region_changes_its_drawing(void)
{
    Session s;
    if (!view_test_open(&s, bundle, 1920, 1080, "regions")) return;
    const Item *noord = region("noord");
    const Hit *h = session_find_target(&s, "noord");
    CHECK(h && h->poly);
    if (!h || !h->poly || !noord) {
        session_free(&s);
        return;
    }
    /* a point surely inside the region: its label point */
    float x = h->ox + noord->shape[0].label_x * h->sx, y = h->oy + noord->shape[0].label_y * h->sy;
    const DisplayList *d = session_frame(&s);
    size_t before = d->n_cmds;
    session_pointer(&s, POINTER_DOWN, x, y, 1000);
    CHECK(s.ui.pressing);
    d = session_frame(&s);
    size_t dark = 0;
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_POLY && d->cmds[i].alpha < 255 && d->cmds[i].xy == noord->shape[0].xy &&
            d->cmds[i].tris == noord->shape[0].tris)
            dark++;
    CHECK_INT(dark, 1);
    CHECK_INT(d->n_cmds, before + noord->n_shape); /* one overlay per part, nothing else */
    session_pointer(&s, POINTER_UP, x + 300, y + 300, 1500); /* slid off: no tap */
    d = session_frame(&s);
    CHECK_INT(d->n_cmds, before);
    session_free(&s);
}

static void test_you_are_here(void)
{
    Session s;
    if (!view_test_open(&s, bundle, 1920, 1080, "regions")) return;
    CHECK(!view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(session_set_here(&s, "zuidwest"));
    CHECK(view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(session_set_here(&s, NULL)); /* no setting: no marker, no complaint */
    CHECK(!view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(!session_set_here(&s, "utrecht")); /* a province, not a region of this map */
    CHECK(s.ui.here == NULL);
    CHECK(!view_test_shows(session_frame(&s), "Jij bent hier"));
    CHECK(!session_set_here(&s, "goal-1")); /* an item, but not on a map */
    CHECK(s.ui.here == NULL);
    session_free(&s);
    /* on a portrait screen too, in English */
    if (!view_test_open(&s, bundle, 1080, 1920, "regions")) return;
    CHECK(session_set_here(&s, "oost"));
    session_apply(&s, (Action){.kind = ACT_LANGUAGE}, 10);
    CHECK(view_test_shows(session_frame(&s), "You are here"));
    session_free(&s);
}

int main(void)
{
    bundle = bundle_load_reporting("content/techniekpact", stderr);
    CHECK(bundle != NULL);
    if (!bundle) return check_summary();
    regions = bundle_find_collection(bundle, "regions");
    CHECK(regions != NULL && regions->layout == LAYOUT_MAP);
    if (regions) {
        RUN(test_every_landsdeel_has_a_real_outline);
        RUN(test_neighbours_share_their_borders_exactly);
        RUN(test_raster_has_no_overlap_and_no_gap);
        RUN(test_shapes_are_triangulated_once_and_fully);
        RUN(test_map_takes_most_of_a_landscape_screen);
        RUN(test_pressed_region_changes_its_drawing);
        RUN(test_you_are_here);
    }
    bundle_free(bundle);
    return check_summary();
}
