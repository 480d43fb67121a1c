/* geom.h: rectangles and polygons for layout, hit testing and drawing. Pure code. */
#ifndef KIOSK_GEOM_H
#define KIOSK_GEOM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/poly.h"

typedef struct Rect {
    float x, y, w, h;
} Rect;

static inline bool rect_contains(Rect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}
/* True when a lies completely inside b (with `slack` pixels of tolerance). */
static inline bool rect_inside(Rect a, Rect b, float slack)
{
    return a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack &&
           a.y + a.h <= b.y + b.h + slack;
}
static inline bool rect_overlaps(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
Rect rect_intersect(Rect a, Rect b);

/* Even-odd point-in-polygon test; xy holds n points as x0, y0, x1, y1, ... */
bool poly_contains(const float *xy, size_t n, float x, float y);

/* Triangulation and the self-intersection check live in core/poly.h (the loader uses them). */
enum { GEOM_MAX_POLY_POINTS = POLY_MAX_POINTS };

/* Bounding box and area-weighted centre of a polygon. */
Rect poly_bounds(const float *xy, size_t n);
void poly_centroid(const float *xy, size_t n, float *cx, float *cy);

/* Screen rotation for displays mounted turned (SDL's KMSDRM backend does not rotate). The
 * picture is drawn on a logical canvas and turned `deg` (0, 90, 180, 270) clockwise onto the
 * physical display of pw x ph pixels; touches are mapped back with rotate_to_logical. */
void rotate_logical_size(int deg, int pw, int ph, int *lw, int *lh);
void rotate_to_logical(int deg, float pw, float ph, float px, float py, float *lx, float *ly);
void rotate_to_physical(int deg, float pw, float ph, float lx, float ly, float *px, float *py);

#endif
