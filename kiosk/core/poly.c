/* poly.c: see poly.h. Ear clipping is O(n^2) for a simple polygon; on a self-intersecting one
 * no ear may be left and the search runs long (a random 2,000-point outline cost 1.1 s), which
 * is why the loader refuses self-intersecting shapes and triangulates each shape once instead
 * of the drawer doing it every frame. */
#include "core/poly.h"

#include <math.h>
#include <string.h>

static float signed_area(const float *xy, size_t n)
{
    float a = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++)
        a += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
    return a / 2;
}

static float cross(const float *xy, unsigned a, unsigned b, unsigned c)
{
    return (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1]) -
           (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * a]);
}

static bool same_point(const float *xy, unsigned p, unsigned q)
{
    return xy[2 * p] == xy[2 * q] && xy[2 * p + 1] == xy[2 * q + 1];
}

static bool in_triangle(const float *xy, unsigned a, unsigned b, unsigned c, unsigned p)
{
    float d1 = cross(xy, a, b, p), d2 = cross(xy, b, c, p), d3 = cross(xy, c, a, p);
    bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
}

static bool convex_at(const float *xy, const unsigned short *idx, size_t count, size_t k)
{
    return cross(xy, idx[(k + count - 1) % count], idx[k], idx[(k + 1) % count]) > 0;
}

size_t poly_triangulate(const float *xy, size_t n, unsigned short *tris, size_t max_tris)
{
    if (n < 3 || n > POLY_MAX_POINTS || max_tris < n - 2) return 0;
    unsigned short idx[POLY_MAX_POINTS];
    /* Whether the vertex at each position of the shrinking ring is convex. Only a reflex (or
     * straight) vertex can lie inside an ear of a simple polygon, so only those are tested:
     * a convex 2,000-point outline then costs O(n) per ear instead of O(n) point tests. */
    bool convex[POLY_MAX_POINTS];
    float area = signed_area(xy, n);
    if (fabsf(area) < 1e-6f) return 0;
    /* Work counter-clockwise (positive area in y-down screen space means clockwise on screen,
     * but only consistency matters: an ear is convex in the polygon's own winding). */
    for (size_t i = 0; i < n; i++) idx[i] = (unsigned short)(area > 0 ? i : n - 1 - i);
    for (size_t k = 0; k < n; k++) convex[k] = convex_at(xy, idx, n, k);
    size_t count = n, out = 0, guard = 0;
    size_t i = 0;
    /* A full turn around the ring without an ear means there is none (the ring only changes
     * when an ear is clipped): stop there, as a self-intersecting outline can leave none. */
    while (count > 3 && guard <= count) {
        guard++;
        unsigned a = idx[(i + count - 1) % count], b = idx[i % count], c = idx[(i + 1) % count];
        bool ear = convex[i % count];
        for (size_t k = 0; ear && k < count; k++) {
            if (convex[k]) continue;
            unsigned p = idx[k];
            if (p == a || p == b || p == c || same_point(xy, p, a) || same_point(xy, p, b) ||
                same_point(xy, p, c))
                continue; /* a repeated point (a closed ring's last point) blocks no ear */
            if (in_triangle(xy, a, b, c, p)) ear = false;
        }
        if (ear) {
            tris[3 * out] = (unsigned short)a;
            tris[3 * out + 1] = (unsigned short)b;
            tris[3 * out + 2] = (unsigned short)c;
            out++;
            size_t r = i % count;
            memmove(idx + r, idx + r + 1, (count - r - 1) * sizeof *idx);
            memmove(convex + r, convex + r + 1, (count - r - 1) * sizeof *convex);
            count--;
            /* only the two neighbours of the clipped vertex change shape */
            convex[(r + count - 1) % count] = convex_at(xy, idx, count, (r + count - 1) % count);
            convex[r % count] = convex_at(xy, idx, count, r % count);
            guard = 0;
        } else {
            i++;
        }
        i %= count;
    }
    if (count == 3) {
        tris[3 * out] = idx[0];
        tris[3 * out + 1] = idx[1];
        tris[3 * out + 2] = idx[2];
        out++;
    }
    /* A self-intersecting polygon leaves vertices no ear can remove: draw what we have. */
    return out;
}

/* Orientation of c against the line a->b: -1, 0 (collinear) or 1. */
static int orient(float ax, float ay, float bx, float by, float cx, float cy)
{
    float v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    return (v > 0) - (v < 0);
}

static bool on_segment(float ax, float ay, float bx, float by, float cx, float cy)
{
    return fminf(ax, bx) <= cx && cx <= fmaxf(ax, bx) && fminf(ay, by) <= cy && cy <= fmaxf(ay, by);
}

static bool segments_meet(const float *p, const float *q, const float *r, const float *s)
{
    int o1 = orient(p[0], p[1], q[0], q[1], r[0], r[1]);
    int o2 = orient(p[0], p[1], q[0], q[1], s[0], s[1]);
    int o3 = orient(r[0], r[1], s[0], s[1], p[0], p[1]);
    int o4 = orient(r[0], r[1], s[0], s[1], q[0], q[1]);
    if (o1 != o2 && o3 != o4) return true;
    return (o1 == 0 && on_segment(p[0], p[1], q[0], q[1], r[0], r[1])) ||
           (o2 == 0 && on_segment(p[0], p[1], q[0], q[1], s[0], s[1])) ||
           (o3 == 0 && on_segment(r[0], r[1], s[0], s[1], p[0], p[1])) ||
           (o4 == 0 && on_segment(r[0], r[1], s[0], s[1], q[0], q[1]));
}

/* The next point after i (cyclically) that differs from point i, so repeated points make no
 * zero-length edge. */
static size_t next_distinct(const float *xy, size_t n, size_t i)
{
    size_t j = (i + 1) % n;
    for (size_t k = 0; k < n && same_point(xy, (unsigned)i, (unsigned)j); k++) j = (j + 1) % n;
    return j;
}

bool poly_self_intersects(const float *xy, size_t n, size_t *ea, size_t *eb)
{
    for (size_t i = 0; i < n; i++) {
        size_t i2 = (i + 1) % n;
        if (same_point(xy, (unsigned)i, (unsigned)i2)) continue;
        const float *p = xy + 2 * i, *q = xy + 2 * i2;
        float minx = fminf(p[0], q[0]), maxx = fmaxf(p[0], q[0]);
        float miny = fminf(p[1], q[1]), maxy = fmaxf(p[1], q[1]);
        size_t after = next_distinct(xy, n, i2); /* edge i's successor starts at i2 */
        for (size_t j = i + 1; j < n; j++) {
            size_t j2 = (j + 1) % n;
            if (same_point(xy, (unsigned)j, (unsigned)j2)) continue;
            const float *r = xy + 2 * j, *s = xy + 2 * j2;
            /* neighbours share a point by construction: the next edge, and the closing one */
            if (same_point(xy, (unsigned)j, (unsigned)i2) && j2 == after) continue;
            if (same_point(xy, (unsigned)j2, (unsigned)i) && next_distinct(xy, n, j2) == i2) continue;
            if (fmaxf(r[0], s[0]) < minx || fminf(r[0], s[0]) > maxx || fmaxf(r[1], s[1]) < miny ||
                fminf(r[1], s[1]) > maxy)
                continue;
            if (segments_meet(p, q, r, s)) {
                *ea = i;
                *eb = j;
                return true;
            }
        }
    }
    return false;
}

/* Distance from (x, y) to the outline, with x divided by `squash` first and edges to open
 * water counted OPEN_WATER_FAR times as far (see poly.h); negative outside the polygon.
 * `beat` > 0: only a point farther inside than that matters to the caller, so once some edge
 * is closer than that (with a margin, so rounding in sqrtf can never make the answer
 * differ), the rest is skipped and -INFINITY returned: most of a grid's samples lose within
 * a few edges, which made the label search a third of the bundle load (docs/performance.md). */
#define OPEN_WATER_FAR 1.6f
static float clearance(const float *xy, size_t n, float squash, const bool *open, float x, float y,
                       float beat)
{
    bool inside = false;
    float best = INFINITY;
    float give_up = beat > 0 ? beat * beat * (1.0f - 1e-5f) : -1.0f;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        float ax = xy[2 * j] / squash, ay = xy[2 * j + 1], bx = xy[2 * i] / squash, by = xy[2 * i + 1];
        if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) inside = !inside;
        float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        float t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
        t = t > 0 ? (t < 1 ? t : 1) : 0; /* fminf/fmaxf were library calls in the inner loop */
        float ex = ax + t * dx - x, ey = ay + t * dy - y;
        float far = open && open[j] ? OPEN_WATER_FAR * OPEN_WATER_FAR : 1.0f;
        float d2 = (ex * ex + ey * ey) * far;
        if (d2 < best) best = d2;
        if (best < give_up) return -INFINITY;
    }
    return (inside ? 1 : -1) * sqrtf(best);
}

float poly_label_point(const float *xy, size_t n, float squash, const bool *open, float *lx,
                       float *ly)
{
    enum { GRID = 24, ROUNDS = 4 };
    float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        x0 = fminf(x0, xy[2 * i] / squash);
        x1 = fmaxf(x1, xy[2 * i] / squash);
        y0 = fminf(y0, xy[2 * i + 1]);
        y1 = fmaxf(y1, xy[2 * i + 1]);
    }
    float bx = (x0 + x1) / 2, by = (y0 + y1) / 2, best = -INFINITY;
    float w = x1 - x0, h = y1 - y0;
    /* A grid over the bounds, then finer grids around the best point so far: each round
     * shrinks the window to three cells of the previous grid. */
    for (int round = 0; round < ROUNDS; round++) {
        float cx = bx, cy = by;
        for (int gy = 0; gy <= GRID; gy++)
            for (int gx = 0; gx <= GRID; gx++) {
                float x = cx - w / 2 + w * (float)gx / GRID, y = cy - h / 2 + h * (float)gy / GRID;
                float d = clearance(xy, n, squash, open, x, y, best);
                if (d > best) {
                    best = d;
                    bx = x;
                    by = y;
                }
            }
        w *= 3.0f / GRID;
        h *= 3.0f / GRID;
    }
    *lx = bx * squash;
    *ly = by;
    return best;
}

float poly_area(const float *xy, size_t n)
{
    return fabsf(signed_area(xy, n));
}
