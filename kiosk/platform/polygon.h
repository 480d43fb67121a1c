/* polygon.h: a filled polygon (a map's region, DL_POLY) with a light border, in col. */
#ifndef KIOSK_POLYGON_H
#define KIOSK_POLYGON_H

#include <SDL.h>

#include "ui/dlist.h"

void polygon_fill(SDL_Renderer *r, const DlCmd *c, SDL_Color col);

#endif
