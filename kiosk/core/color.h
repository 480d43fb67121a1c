/* color.h: colour arithmetic shared by the bundle checker and the screens. */
#ifndef KIOSK_COLOR_H
#define KIOSK_COLOR_H

#include <stdint.h>

/* WCAG 2 contrast ratio of two 0xRRGGBB colours, from 1.0 to 21.0. */
double color_contrast(uint32_t a, uint32_t b);
/* Linear mix: t = 0 gives a, t = 1 gives b. */
uint32_t color_mix(uint32_t a, uint32_t b, double t);
/* The colour closest to `from` on the way to `toward` that has at least `ratio` contrast
 * against both a and b (e.g. a card's edge against the page and the card); `toward` itself
 * when no mix gets there. */
uint32_t color_reach_contrast(uint32_t from, uint32_t toward, uint32_t a, uint32_t b, double ratio);

#endif
