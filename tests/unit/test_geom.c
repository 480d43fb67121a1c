/* test_geom.c: rectangles and polygons, as the map draws and hit-tests them.
 *
 * Polygons are written in screen space (y down) as point lists; each shape is also tested
 * in the opposite winding, because organisers draw regions either way round. Triangulations
 * are checked by what a person would see: the right number of triangles, covering exactly
 * the polygon's area, each triangle inside the polygon. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/geom.h"
#include "check.h"

#define N_POINTS(a) (sizeof(a) / sizeof((a)[0]) / 2)

/* A square 10 x 10 at (0, 0). */
static const float SQUARE[] = {0, 0, 10, 0, 10, 10, 0, 10};
/* A U, 30 wide and 30 high, with a 10 x 20 notch open at the bottom (y = 30):
 *   ###...###  y 0..10 solid, y 10..30 two legs at x 0..10 and x 20..30. Area 700. */
static const float U_SHAPE[] = {0, 0, 30, 0, 30, 30, 20, 30, 20, 10, 10, 10, 10, 30, 0, 30};
/* An L: a 20 x 10 bar on top of a 10 x 20 leg. Area 400. */
static const float L_SHAPE[] = {0, 0, 20, 0, 20, 10, 10, 10, 10, 30, 0, 30};
/* A comb with four teeth pointing up (many reflex vertices). Area 50*5 + 5 teeth*5*15 = 625. */
static const float COMB[] = {0, 0,   50, 0,   50, 20,  45, 20,  45, 5,   40, 5,  40, 20, 35, 20,
                             35, 5,  30, 5,   30, 20,  25, 20,  25, 5,   20, 5,  20, 20, 15, 20,
                             15, 5,  10, 5,   10, 20,  5, 20,   5, 5,    0, 5};

/* The same polygon with its points in the opposite order. */
static void reversed(const float *xy, size_t n, float *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = xy[2 * (n - 1 - i)];
        out[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
    }
}

static double shoelace(const float *xy, size_t n)
{
    double a = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++)
        a += (double)xy[2 * j] * xy[2 * i + 1] - (double)xy[2 * i] * xy[2 * j + 1];
    return fabs(a / 2);
}

static double tri_area(const float *xy, const unsigned short *t)
{
    const float *a = xy + 2 * t[0], *b = xy + 2 * t[1], *c = xy + 2 * t[2];
    return fabs(((double)b[0] - a[0]) * ((double)c[1] - a[1]) -
                ((double)b[1] - a[1]) * ((double)c[0] - a[0])) / 2;
}

/* Triangulates and checks: n - 2 triangles, valid distinct indices, each triangle's centroid
 * inside the polygon (no triangle fills a notch), and the areas summing to the polygon's. */
static void check_triangulation(const char *what, const float *xy, size_t n, double want_area)
{
    unsigned short tris[3 * 64];
    size_t got = poly_triangulate(xy, n, tris, 64);
    CHECK_INT(got, n - 2);
    double sum = 0;
    for (size_t t = 0; t < got; t++) {
        unsigned short *v = &tris[3 * t];
        bool valid = v[0] < n && v[1] < n && v[2] < n && v[0] != v[1] && v[1] != v[2] &&
                     v[0] != v[2];
        if (!valid) fprintf(stderr, "  %s: triangle %zu is %u %u %u\n", what, t, v[0], v[1], v[2]);
        CHECK(valid);
        if (!valid) return;
        float cx = (xy[2 * v[0]] + xy[2 * v[1]] + xy[2 * v[2]]) / 3;
        float cy = (xy[2 * v[0] + 1] + xy[2 * v[1] + 1] + xy[2 * v[2] + 1]) / 3;
        bool inside = poly_contains(xy, n, cx, cy);
        if (!inside) fprintf(stderr, "  %s: triangle %zu (centre %g,%g) lies outside\n", what, t,
                             (double)cx, (double)cy);
        CHECK(inside);
        sum += tri_area(xy, v);
    }
    if (fabs(sum - want_area) > want_area * 0.001) fprintf(stderr, "  in %s:\n", what);
    CHECK_NEAR(sum, want_area, want_area * 0.001);
}

static void test_rect_contains_is_half_open(void)
{
    Rect r = {10, 20, 30, 40};
    CHECK(rect_contains(r, 10, 20));         /* top-left corner is in */
    CHECK(rect_contains(r, 39.9f, 59.9f));
    CHECK(!rect_contains(r, 40, 30));        /* right edge is out */
    CHECK(!rect_contains(r, 20, 60));        /* bottom edge is out */
    CHECK(!rect_contains(r, 9.9f, 30));
    CHECK(!rect_contains(r, 20, 19.9f));
    CHECK(!rect_contains((Rect){0, 0, 0, 0}, 0, 0)); /* an empty rect contains nothing */
}

static void test_rect_inside_with_slack(void)
{
    Rect outer = {0, 0, 100, 100};
    CHECK(rect_inside((Rect){10, 10, 20, 20}, outer, 0));
    CHECK(rect_inside(outer, outer, 0));                  /* touching edges is inside */
    CHECK(!rect_inside((Rect){90, 10, 11, 20}, outer, 0)); /* 1 px over the right edge */
    CHECK(rect_inside((Rect){90, 10, 11, 20}, outer, 1));  /* ...forgiven by 1 px of slack */
    CHECK(!rect_inside((Rect){-2, 10, 20, 20}, outer, 1));
}

static void test_rect_overlaps_and_intersect(void)
{
    Rect a = {0, 0, 10, 10}, b = {5, 5, 10, 10}, c = {10, 0, 5, 5};
    CHECK(rect_overlaps(a, b));
    CHECK(rect_overlaps(b, a));
    CHECK(!rect_overlaps(a, c)); /* sharing an edge is not overlapping */
    Rect i = rect_intersect(a, b);
    CHECK_NEAR(i.x, 5, 0);
    CHECK_NEAR(i.y, 5, 0);
    CHECK_NEAR(i.w, 5, 0);
    CHECK_NEAR(i.h, 5, 0);
    /* disjoint rects intersect in an empty rect, never a negative size */
    Rect none = rect_intersect(a, (Rect){20, 30, 5, 5});
    CHECK_NEAR(none.w, 0, 0);
    CHECK_NEAR(none.h, 0, 0);
    /* a rect inside another is its own intersection */
    Rect inner = rect_intersect((Rect){2, 3, 4, 5}, a);
    CHECK_NEAR(inner.x, 2, 0);
    CHECK_NEAR(inner.y, 3, 0);
    CHECK_NEAR(inner.w, 4, 0);
    CHECK_NEAR(inner.h, 5, 0);
}

static void test_poly_contains_square(void)
{
    float rev[8];
    reversed(SQUARE, 4, rev);
    const float *both[] = {SQUARE, rev};
    for (int k = 0; k < 2; k++) {
        CHECK(poly_contains(both[k], 4, 5, 5));
        CHECK(poly_contains(both[k], 4, 0.5f, 9.5f));
        CHECK(!poly_contains(both[k], 4, -1, 5));
        CHECK(!poly_contains(both[k], 4, 11, 5));
        CHECK(!poly_contains(both[k], 4, 5, -0.5f));
        CHECK(!poly_contains(both[k], 4, 5, 10.5f));
    }
}

static void test_poly_contains_concave_notch_is_outside(void)
{
    float rev[16];
    reversed(U_SHAPE, 8, rev);
    const float *both[] = {U_SHAPE, rev};
    for (int k = 0; k < 2; k++) {
        CHECK(!poly_contains(both[k], 8, 15, 20)); /* in the notch */
        CHECK(!poly_contains(both[k], 8, 15, 29)); /* in the notch, near its open end */
        CHECK(poly_contains(both[k], 8, 15, 5));   /* in the bar above the notch */
        CHECK(poly_contains(both[k], 8, 5, 20));   /* left leg */
        CHECK(poly_contains(both[k], 8, 25, 20));  /* right leg */
        CHECK(!poly_contains(both[k], 8, 15, 31)); /* below the shape */
    }
}

static void test_triangulate_triangle_and_square(void)
{
    static const float TRI[] = {0, 0, 10, 0, 0, 10};
    unsigned short tris[3 * 4];
    CHECK_INT(poly_triangulate(TRI, 3, tris, 4), 1);
    check_triangulation("triangle", TRI, 3, 50);
    check_triangulation("square", SQUARE, 4, 100);
    float rev[8];
    reversed(SQUARE, 4, rev);
    check_triangulation("square, reversed", rev, 4, 100);
}

static void test_triangulate_concave_either_winding(void)
{
    float rev[64];
    check_triangulation("L", L_SHAPE, N_POINTS(L_SHAPE), 400);
    reversed(L_SHAPE, N_POINTS(L_SHAPE), rev);
    check_triangulation("L, reversed", rev, N_POINTS(L_SHAPE), 400);

    check_triangulation("U", U_SHAPE, N_POINTS(U_SHAPE), 700);
    reversed(U_SHAPE, N_POINTS(U_SHAPE), rev);
    check_triangulation("U, reversed", rev, N_POINTS(U_SHAPE), 700);

    CHECK_NEAR(shoelace(COMB, N_POINTS(COMB)), 625, 0); /* the fixture is what it says */
    check_triangulation("comb", COMB, N_POINTS(COMB), 625);
    reversed(COMB, N_POINTS(COMB), rev);
    check_triangulation("comb, reversed", rev, N_POINTS(COMB), 625);
}

/* Points along a straight edge are common in drawn maps; they still make n - 2 triangles. */
static void test_triangulate_points_on_edges(void)
{
    static const float SQ8[] = {0, 0, 5, 0, 10, 0, 10, 5, 10, 10, 5, 10, 0, 10, 0, 5};
    check_triangulation("square with edge midpoints", SQ8, 8, 100);
}

/* A ring written closed (first point repeated at the end, as GeoJSON exports do) is tapped
 * by its whole area (even-odd), so it must also be drawn by its whole area. */
static void test_triangulate_closed_ring_fills_whole_area(void)
{
    static const float CLOSED[] = {0, 0, 10, 0, 10, 10, 0, 10, 0, 0};
    CHECK(poly_contains(CLOSED, 5, 2, 8));
    CHECK(poly_contains(CLOSED, 5, 8, 2));
    unsigned short tris[3 * 8];
    size_t n = poly_triangulate(CLOSED, 5, tris, 8);
    double sum = 0;
    for (size_t t = 0; t < n; t++) sum += tri_area(CLOSED, &tris[3 * t]);
    /* Regression (fixed): geom.c poly_triangulate: after the first ear (1 2 3), every candidate ear has the
     * repeated point (0,0) at one of its corners or is a zero turn; in_triangle counts a
     * point on a corner as inside, so no ear is ever accepted, the guard runs out and 1
     * triangle (area 50) is returned instead of 3 covering 100: half the region is not
     * drawn although it is tappable. Same for any repeated consecutive point. */
    CHECK_NEAR(sum, 100, 0.1);
}

static void test_triangulate_degenerate_is_zero(void)
{
    unsigned short tris[3 * 8];
    static const float LINE3[] = {0, 0, 10, 10, 20, 20};
    static const float LINE4[] = {0, 0, 10, 0, 20, 0, 30, 0};
    static const float POINT[] = {5, 5, 5, 5, 5, 5, 5, 5};
    CHECK_INT(poly_triangulate(LINE3, 3, tris, 8), 0);
    CHECK_INT(poly_triangulate(LINE4, 4, tris, 8), 0);
    CHECK_INT(poly_triangulate(POINT, 4, tris, 8), 0);
}

static void test_triangulate_too_few_points_or_room(void)
{
    unsigned short tris[3 * 8];
    CHECK_INT(poly_triangulate(SQUARE, 0, tris, 8), 0);
    CHECK_INT(poly_triangulate(SQUARE, 1, tris, 8), 0);
    CHECK_INT(poly_triangulate(SQUARE, 2, tris, 8), 0);
    /* room for one triangle is not enough for a square: nothing rather than half */
    CHECK_INT(poly_triangulate(SQUARE, 4, tris, 1), 0);
    CHECK_INT(poly_triangulate(SQUARE, 4, tris, 2), 2);
}

static void test_triangulate_limit(void)
{
    /* A regular polygon with exactly GEOM_MAX_POLY_POINTS points is accepted; one more is not. */
    static float xy[2 * (GEOM_MAX_POLY_POINTS + 1)];
    static unsigned short tris[3 * GEOM_MAX_POLY_POINTS];
    const double pi = 3.14159265358979323846;
    for (size_t n = GEOM_MAX_POLY_POINTS; n <= GEOM_MAX_POLY_POINTS + 1; n++) {
        for (size_t i = 0; i < n; i++) {
            xy[2 * i] = (float)(500 + 400 * cos(2 * pi * (double)i / (double)n));
            xy[2 * i + 1] = (float)(500 + 400 * sin(2 * pi * (double)i / (double)n));
        }
        size_t got = poly_triangulate(xy, n, tris, GEOM_MAX_POLY_POINTS);
        CHECK_INT(got, n == GEOM_MAX_POLY_POINTS ? n - 2 : 0);
    }
}

static void test_poly_bounds(void)
{
    Rect b = poly_bounds(U_SHAPE, N_POINTS(U_SHAPE));
    CHECK_NEAR(b.x, 0, 0);
    CHECK_NEAR(b.y, 0, 0);
    CHECK_NEAR(b.w, 30, 0);
    CHECK_NEAR(b.h, 30, 0);
    static const float OFFSET[] = {15, -4, 40, 7, 22, 19};
    b = poly_bounds(OFFSET, 3);
    CHECK_NEAR(b.x, 15, 0);
    CHECK_NEAR(b.y, -4, 0);
    CHECK_NEAR(b.w, 25, 0);
    CHECK_NEAR(b.h, 23, 0);
    b = poly_bounds(OFFSET, 0);
    CHECK_NEAR(b.w, 0, 0);
    CHECK_NEAR(b.h, 0, 0);
}

static void test_poly_centroid(void)
{
    static const float RECT[] = {10, 20, 50, 20, 50, 40, 10, 40};
    float cx = -1, cy = -1, rev[8];
    poly_centroid(RECT, 4, &cx, &cy);
    CHECK_NEAR(cx, 30, 1e-4);
    CHECK_NEAR(cy, 30, 1e-4);
    reversed(RECT, 4, rev);
    poly_centroid(rev, 4, &cx, &cy);
    CHECK_NEAR(cx, 30, 1e-4);
    CHECK_NEAR(cy, 30, 1e-4);
    /* area-weighted, not the mean of the points: the bar's centre (10, 5) and the leg's (5, 20)
     * weigh the same, so the L's centre of mass is (7.5, 12.5) */
    poly_centroid(L_SHAPE, N_POINTS(L_SHAPE), &cx, &cy);
    CHECK_NEAR(cx, (200 * 10.0 + 200 * 5.0) / 400, 1e-4);
    CHECK_NEAR(cy, (200 * 5.0 + 200 * 20.0) / 400, 1e-4);
    /* a degenerate polygon falls back to the middle of its bounds */
    static const float LINE[] = {0, 0, 10, 10, 20, 20};
    poly_centroid(LINE, 3, &cx, &cy);
    CHECK_NEAR(cx, 10, 1e-4);
    CHECK_NEAR(cy, 10, 1e-4);
}

static void test_self_intersection(void)
{
    size_t a = 99, b = 99;
    static const float BOWTIE[] = {0, 0, 10, 10, 10, 0, 0, 10};
    CHECK(poly_self_intersects(BOWTIE, 4, &a, &b));
    CHECK_INT(a, 0);
    CHECK_INT(b, 2);
    static const float BOX[] = {0, 0, 10, 0, 10, 10, 0, 10};
    CHECK(!poly_self_intersects(BOX, 4, &a, &b));
    static const float RING[] = {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}; /* closed by point 1 */
    CHECK(!poly_self_intersects(RING, 5, &a, &b));
    static const float REPEATED[] = {0, 0, 10, 0, 10, 0, 10, 10, 0, 10};
    CHECK(!poly_self_intersects(REPEATED, 5, &a, &b));
    /* a figure eight touching itself in one point */
    static const float EIGHT[] = {0, 0, 10, 0, 5, 5, 10, 10, 0, 10, 5, 5};
    CHECK(poly_self_intersects(EIGHT, 6, &a, &b));
    /* an edge running back over its neighbour */
    static const float SPIKE[] = {0, 0, 10, 0, 5, 0, 5, 10};
    CHECK(poly_self_intersects(SPIKE, 4, &a, &b));
}

/* 2,000 points at random radii, in angle order: a simple but very ragged outline, the worst a
 * valid shape can be. It is accepted and triangulated completely. */
static void test_large_ragged_polygon_triangulates(void)
{
    enum { N = POLY_MAX_POINTS };
    static float xy[2 * N];
    static unsigned short tris[3 * N];
    unsigned seed = 7;
    for (int k = 0; k < N; k++) {
        seed = seed * 1103515245u + 12345u;
        float r = 100.0f + (float)(seed >> 16 & 0x3FF);
        float t = 6.2831853f * (float)k / N;
        xy[2 * k] = 2000 + r * cosf(t);
        xy[2 * k + 1] = 2000 + r * sinf(t);
    }
    size_t a, b;
    CHECK(!poly_self_intersects(xy, N, &a, &b));
    CHECK_INT(poly_triangulate(xy, N, tris, N), N - 2);
}

int main(void)
{
    RUN(test_rect_contains_is_half_open);
    RUN(test_rect_inside_with_slack);
    RUN(test_rect_overlaps_and_intersect);
    RUN(test_poly_contains_square);
    RUN(test_poly_contains_concave_notch_is_outside);
    RUN(test_triangulate_triangle_and_square);
    RUN(test_triangulate_concave_either_winding);
    RUN(test_triangulate_points_on_edges);
    RUN(test_triangulate_closed_ring_fills_whole_area);
    RUN(test_triangulate_degenerate_is_zero);
    RUN(test_triangulate_too_few_points_or_room);
    RUN(test_triangulate_limit);
    RUN(test_poly_bounds);
    RUN(test_poly_centroid);
    RUN(test_self_intersection);
    RUN(test_large_ragged_polygon_triangulates);
    return check_summary();
}
