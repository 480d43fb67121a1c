/* textrun.h: one line of text as the screen draws it: visual order, one font per piece. */
#ifndef KIOSK_TEXTRUN_H
#define KIOSK_TEXTRUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/fonts.h"

typedef struct SDL_Surface SDL_Surface;

/* Width in px of s[0..len) drawn in `id` at px with fallback fonts and bidi; -1 on failure. */
int textrun_width(Fonts *f, FontId id, int px, const char *s, size_t len);
/* s[0..len) drawn in colour rgb (0xRRGGBB) on
 * transparent, fallback fonts and bidi applied; colour emoji keep their own colours. NULL on
 * failure. The caller frees it (SDL_FreeSurface). */
SDL_Surface *textrun_render(Fonts *f, FontId id, int px, const char *s, size_t len, uint32_t rgb);
/* The first character of s[0..len) that neither the face nor any installed fallback font
 * has a glyph for (checked with TTF_GlyphIsProvided32 on the font chosen), or 0. */
long textrun_missing(Fonts *f, FontId id, const char *s, size_t len);

#endif
