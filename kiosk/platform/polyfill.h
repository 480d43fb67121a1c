/* polyfill.h: filled polygons (map regions, plan shapes) with a light border between
 * neighbours, as SDL geometry, which every renderer draws. */
#ifndef KIOSK_POLYFILL_H
#define KIOSK_POLYFILL_H

#include <SDL.h>

#include "ui/dlist.h"

/* Draws a DL_POLY command: its points at (ox + x * sx, oy + y * sy), its border
 * max(1.5, 3 * sx) pixels wide (ui/damage.c counts on that). */
void polygon_fill(SDL_Renderer *r, const DlCmd *c);

#endif
