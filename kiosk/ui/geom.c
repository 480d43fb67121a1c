/* geom.c: polygon helpers for the region map.
 *
 * The map draws each region from its own polygon (triangulated once by the loader with
 * core/poly.c, drawn by the backend with SDL_RenderGeometry) and tests taps against the same
 * polygon, so what is drawn is exactly what is tappable. */
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
