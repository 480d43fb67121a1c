/* zoom.h: a screen's content zoomed and panned inside its box (a floor plan, a photo).
 *
 * The view lays the content out fitted into `area` (zoom 1) and draws every rectangle and
 * point through zoom_rect/zoom_xy; the session changes the zoom from pinches, double taps and
 * drags through zoom_by/zoom_pan. The mapping is
 *     screen = area.origin + pan + (fitted - area.origin) * zoom
 * and it is kept so that the zoomed content always covers the whole area: no pinch or drag can
 * push a picture off screen or leave an empty border. A zoom of 0 (a fresh Screen) or 1 is
 * "fitted". Pure code. */
#ifndef KIOSK_ZOOM_H
#define KIOSK_ZOOM_H

#include <stdbool.h>

#include "ui/geom.h"
#include "ui/state.h"

/* A double tap zooms to this (or the screen's maximum, if smaller). */
#define ZOOM_DOUBLE_TAP 2.5f

bool zoom_active(const Screen *sc);

/* Where fitted content shows now. */
Rect zoom_rect(const Screen *sc, Rect area, Rect r);
void zoom_xy(const Screen *sc, Rect area, float *x, float *y);
/* The inverse: the fitted position under a screen point (for hit tests on drawn content). */
void zoom_unxy(const Screen *sc, Rect area, float *x, float *y);

/* Zooms by `factor` around the screen point (cx, cy), which stays where it is unless the zoom
 * reaches 1 or zoom_max or the pan limits. */
void zoom_by(Screen *sc, Rect area, float zoom_max, float factor, float cx, float cy);
/* Moves the zoomed content by (dx, dy) px, within the limits. */
void zoom_pan(Screen *sc, Rect area, float dx, float dy);
/* Back to fitted. */
void zoom_reset(Screen *sc);

#endif
