/* zoom.c: the zoom and pan of one screen's content (see zoom.h). */
#include "ui/zoom.h"

#include <math.h>

static float level(const Screen *sc)
{
    return sc->zoom > 1 && isfinite(sc->zoom) ? sc->zoom : 1;
}

bool zoom_active(const Screen *sc)
{
    return level(sc) > 1;
}

/* Pan keeps the content covering the area: its left edge at or left of the area's, its right
 * edge at or right of it. */
static void clamp_pan(Screen *sc, Rect area)
{
    float z = level(sc);
    float min_x = area.w * (1 - z), min_y = area.h * (1 - z);
    if (!isfinite(sc->pan_x)) sc->pan_x = 0;
    if (!isfinite(sc->pan_y)) sc->pan_y = 0;
    sc->pan_x = fminf(0, fmaxf(min_x, sc->pan_x));
    sc->pan_y = fminf(0, fmaxf(min_y, sc->pan_y));
}

void zoom_xy(const Screen *sc, Rect area, float *x, float *y)
{
    float z = level(sc);
    *x = area.x + sc->pan_x + (*x - area.x) * z;
    *y = area.y + sc->pan_y + (*y - area.y) * z;
}

void zoom_unxy(const Screen *sc, Rect area, float *x, float *y)
{
    float z = level(sc);
    *x = area.x + (*x - area.x - sc->pan_x) / z;
    *y = area.y + (*y - area.y - sc->pan_y) / z;
}

Rect zoom_rect(const Screen *sc, Rect area, Rect r)
{
    float z = level(sc);
    zoom_xy(sc, area, &r.x, &r.y);
    return (Rect){r.x, r.y, r.w * z, r.h * z};
}

void zoom_by(Screen *sc, Rect area, float zoom_max, float factor, float cx, float cy)
{
    if (!(factor > 0) || !isfinite(factor) || !isfinite(cx) || !isfinite(cy)) return;
    if (!(zoom_max >= 1)) zoom_max = 1;
    float old = level(sc), z = fminf(zoom_max, fmaxf(1, old * factor));
    /* The fitted point under (cx, cy) stays under it: solve screen = area + pan + (p - area) z. */
    float px = cx, py = cy;
    zoom_unxy(sc, area, &px, &py);
    sc->zoom = z;
    sc->pan_x = cx - area.x - (px - area.x) * z;
    sc->pan_y = cy - area.y - (py - area.y) * z;
    if (z <= 1) sc->pan_x = sc->pan_y = 0;
    clamp_pan(sc, area);
}

void zoom_pan(Screen *sc, Rect area, float dx, float dy)
{
    if (!isfinite(dx) || !isfinite(dy)) return;
    sc->pan_x += dx;
    sc->pan_y += dy;
    clamp_pan(sc, area);
}

void zoom_reset(Screen *sc)
{
    sc->zoom = 1;
    sc->pan_x = sc->pan_y = 0;
}
