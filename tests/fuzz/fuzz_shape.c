/* fuzz_shape.c: libFuzzer target for map shapes (core/poly.h).
 *
 * The input is read as points, two signed 16-bit coordinates each (up to POLY_MAX_POINTS).
 * poly_self_intersects() and poly_triangulate() must terminate quickly on any outline, and a
 * triangulation never names a point that does not exist nor makes more than n - 2 triangles.
 * Built and run by tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/poly.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static float xy[2 * POLY_MAX_POINTS];
    static unsigned short tris[3 * POLY_MAX_POINTS];
    size_t n = size / 4;
    if (n > POLY_MAX_POINTS) n = POLY_MAX_POINTS;
    for (size_t i = 0; i < n; i++) {
        int16_t x, y;
        memcpy(&x, data + 4 * i, 2);
        memcpy(&y, data + 4 * i + 2, 2);
        xy[2 * i] = x;
        xy[2 * i + 1] = y;
    }
    size_t a = 0, b = 0;
    if (poly_self_intersects(xy, n, &a, &b) && (a >= b || b >= n)) abort();
    size_t nt = poly_triangulate(xy, n, tris, POLY_MAX_POINTS);
    if (n >= 3 && nt > n - 2) abort();
    for (size_t i = 0; i < 3 * nt; i++)
        if (tris[i] >= n) abort();
    return 0;
}
