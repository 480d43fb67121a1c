/* plan.h: where a floor plan and its places land on the screen (view_plan.c). Pure.
 *
 * A plan is fitted into its box when not zoomed; zoomed, everything on it goes through the
 * screen's zoom (ui/zoom.h), except the size of the markers: a pin keeps its size on screen,
 * so zooming in spreads the places apart instead of blowing the markers up. */
#ifndef KIOSK_PLAN_H
#define KIOSK_PLAN_H

#include <stdbool.h>

#include "bundle/bundle.h"
#include "ui/state.h"

/* How far a plan zooms in: enough to read a room on a school's plan, not so far that the
 * picture turns to blur. */
#define PLAN_ZOOM_MAX 4.0f

/* The plan's picture as large as fits in `box`, centred, at its own proportions (the box
 * where it is drawn when not zoomed). */
Rect plan_fit(const Collection *col, Rect box);

/* A place's point in the plan's coordinates: its pin, else the label point of the largest
 * part of its shape. False when it has neither. */
bool plan_place_point(const Item *it, float *x, float *y);

/* The centre of place `it`'s marker on screen, for screen `sc` whose plan is drawn in
 * `area` (the zoom area) with its picture fitted at `fitted` when not zoomed. */
bool plan_marker_centre(const Screen *sc, Rect area, Rect fitted, const Item *it, float *x,
                        float *y);

/* The touch target of a place's marker: a square of side `side` (px) around its centre. */
Rect plan_marker_rect(const Screen *sc, Rect area, Rect fitted, const Item *it, float side);

#endif
