/* rounded.h: anti-aliased rounded rectangles, filled or outlined, for cards, buttons and chips.
 *
 * SDL's geometry has no anti-aliasing, so faceted triangle fans made every card corner look
 * jagged at 4K and stair-stepped at 720p. Here straight parts are pixel-aligned rectangles and
 * each corner is a small coverage mask (a quarter disc or ring, 16 samples per pixel), made once
 * per radius and stroke width, kept in the drawer's texture cache and tinted when drawn. */
#ifndef KIOSK_ROUNDED_H
#define KIOSK_ROUNDED_H

#include <SDL.h>

#include "core/lru.h"
#include "ui/geom.h"

void rounded_fill(SDL_Renderer *r, Lru *cache, Rect rect, float radius, SDL_Color col);
void rounded_stroke(SDL_Renderer *r, Lru *cache, Rect rect, float radius, float width, SDL_Color col);
/* A picture's placeholder (a picture that cannot be shown) in col, centred in rect. */
void rounded_placeholder(SDL_Renderer *r, Lru *cache, Rect rect, SDL_Color col);

#endif
