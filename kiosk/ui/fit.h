/* fit.h: how a picture fills its box, in numbers. Pure code (the drawer and the views use it).
 *
 * Cover: the picture is scaled so it fills the box and what sticks out is cut off. Which part
 * stays is decided by the focus, a point of the picture (fractions of its width and height):
 * the cut is centred on it as far as the picture's edges allow, so a focus near an edge shows
 * that edge, never empty space beyond it. */
#ifndef KIOSK_FIT_H
#define KIOSK_FIT_H

#include "ui/geom.h"

/* The part of a pw x ph picture (in its own pixels) that fills a bw x bh box: the box's shape,
 * as large as the picture allows, centred on (fx, fy) as far as the edges allow. Sizes <= 0
 * give the whole picture. */
Rect fit_cover_source(float pw, float ph, float bw, float bh, float fx, float fy);

/* The scale at which a pw x ph picture covers a bw x bh box (at least one side exactly). */
float fit_cover_scale(float pw, float ph, float bw, float bh);

/* Where a pw x ph picture goes in box r when it is shown whole (centred, as large as r
 * allows). */
Rect fit_contain(Rect r, float pw, float ph);

#endif
