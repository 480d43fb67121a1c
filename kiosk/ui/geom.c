/* geom.c: polygon helpers for the region map.
 *
 * The map draws each region from its own polygon (triangulated here, drawn by the backend with
 * SDL_RenderGeometry) and tests taps against the same polygon, so what is drawn is exactly what
 * is tappable. Ear clipping is O(n^2), fine for the few hundred points a region has. */
#include "ui/geom.h"

#include <math.h>

Rect rect_intersect(Rect a, Rect b)
{
    float x0 = fmaxf(a.x, b.x), y0 = fmaxf(a.y, b.y);
    float x1 = fminf(a.x + a.w, b.x + b.w), y1 = fminf(a.y + a.h, b.y + b.h);
    return (Rect){x0, y0, fmaxf(0, x1 - x0), fmaxf(0, y1 - y0)};
}

bool poly_contains(const float *xy, size_t n, float x, float y)
{
    bool inside = false;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        float xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

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

size_t poly_triangulate(const float *xy, size_t n, unsigned short *tris, size_t max_tris)
{
    if (n < 3 || n > GEOM_MAX_POLY_POINTS || max_tris < n - 2) return 0;
    unsigned short idx[GEOM_MAX_POLY_POINTS];
    float area = signed_area(xy, n);
    if (fabsf(area) < 1e-6f) return 0;
    /* Work counter-clockwise (positive area in y-down screen space means clockwise on screen,
     * but only consistency matters: an ear is convex in the polygon's own winding). */
    for (size_t i = 0; i < n; i++) idx[i] = (unsigned short)(area > 0 ? i : n - 1 - i);
    size_t count = n, out = 0, guard = 0;
    size_t i = 0;
    while (count > 3 && guard < count * count + 16) {
        guard++;
        unsigned a = idx[(i + count - 1) % count], b = idx[i % count], c = idx[(i + 1) % count];
        bool ear = cross(xy, a, b, c) > 0;
        for (size_t k = 0; ear && k < count; k++) {
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
            for (size_t k = i % count; k + 1 < count; k++) idx[k] = idx[k + 1];
            count--;
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

Rect poly_bounds(const float *xy, size_t n)
{
    if (n == 0) return (Rect){0};
    float x0 = xy[0], y0 = xy[1], x1 = xy[0], y1 = xy[1];
    for (size_t i = 1; i < n; i++) {
        x0 = fminf(x0, xy[2 * i]);
        x1 = fmaxf(x1, xy[2 * i]);
        y0 = fminf(y0, xy[2 * i + 1]);
        y1 = fmaxf(y1, xy[2 * i + 1]);
    }
    return (Rect){x0, y0, x1 - x0, y1 - y0};
}

void poly_centroid(const float *xy, size_t n, float *cx, float *cy)
{
    float a = 0, x = 0, y = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        float f = xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
        a += f;
        x += (xy[2 * j] + xy[2 * i]) * f;
        y += (xy[2 * j + 1] + xy[2 * i + 1]) * f;
    }
    if (fabsf(a) < 1e-6f) {
        Rect r = poly_bounds(xy, n);
        *cx = r.x + r.w / 2;
        *cy = r.y + r.h / 2;
        return;
    }
    *cx = x / (3 * a);
    *cy = y / (3 * a);
}

void rotate_logical_size(int deg, int pw, int ph, int *lw, int *lh)
{
    bool turned = deg == 90 || deg == 270;
    *lw = turned ? ph : pw;
    *lh = turned ? pw : ph;
}

void rotate_to_logical(int deg, float pw, float ph, float px, float py, float *lx, float *ly)
{
    switch (deg) {
    case 90: *lx = py; *ly = pw - px; break;
    case 180: *lx = pw - px; *ly = ph - py; break;
    case 270: *lx = ph - py; *ly = px; break;
    default: *lx = px; *ly = py; break;
    }
}

void rotate_to_physical(int deg, float pw, float ph, float lx, float ly, float *px, float *py)
{
    switch (deg) {
    case 90: *px = pw - ly; *py = lx; break;
    case 180: *px = pw - lx; *py = ph - ly; break;
    case 270: *px = ly; *py = ph - lx; break;
    default: *px = lx; *py = ly; break;
    }
}
