/* poly.h: simple polygons, as the region map's shapes: triangulation and a self-intersection
 * check. Pure code, below both the loader (which checks and triangulates each shape once) and
 * the view. Points are x0, y0, x1, y1, ... */
#ifndef KIOSK_POLY_H
#define KIOSK_POLY_H

#include <stdbool.h>
#include <stddef.h>

enum { POLY_MAX_POINTS = 2000 };

/* Splits a simple polygon (convex or not, either winding) into triangles by ear clipping.
 * Writes up to max_tris triangles as vertex index triples into tris; returns the count
 * (n - 2 for a simple polygon), or 0 when the polygon is degenerate or too large. */
size_t poly_triangulate(const float *xy, size_t n, unsigned short *tris, size_t max_tris);

/* Whether two edges that are not neighbours cross or touch (edge i runs from point i to point
 * i + 1, the last back to point 0). On true, *ea < *eb name the first such pair. Zero-length
 * edges (a point repeated, as in a ring closed by its first point) are skipped. O(n^2) with a
 * bounding-box test first: about 2 ms for 2,000 points. */
bool poly_self_intersects(const float *xy, size_t n, size_t *ea, size_t *eb);

/* The point inside a simple polygon farthest from its outline (the pole of inaccessibility),
 * where a label sits clear of the borders. Distances across are divided by `squash` (> 0)
 * first: a label is wider than tall, so with squash 3 a point with room to the left and
 * right wins over one in a round bulge. `open` (NULL: none) marks edges (edge i runs from
 * point i to i + 1) that face open water rather than a neighbour: they count as 1.6 times
 * as far, so a label may reach out over the sea but not over a neighbouring region. Writes
 * the point and returns its clearance in map units (vertically); a grid search refined four
 * times, O(n) per sample, done once per shape by the loader. */
float poly_label_point(const float *xy, size_t n, float squash, const bool *open, float *lx,
                       float *ly);

/* The polygon's area (either winding). */
float poly_area(const float *xy, size_t n);

#endif
