/* textrun.h: one line of text as the screen draws it: visual order, one font per piece. */
#ifndef KIOSK_TEXTRUN_H
#define KIOSK_TEXTRUN_H

#include <stddef.h>

#include "platform/fonts.h"

typedef struct SDL_Surface SDL_Surface;

/* Width in px of s[0..len) drawn in `id` at px with fallback fonts and bidi; -1 on failure. */
int textrun_width(Fonts *f, FontId id, int px, const char *s, size_t len);
/* s[0..len) drawn white on transparent (tinted when drawn), fallback fonts and bidi applied;
 * NULL on failure. The caller frees it (SDL_FreeSurface). */
SDL_Surface *textrun_render(Fonts *f, FontId id, int px, const char *s, size_t len);
/* The first character of s[0..len) that neither the face nor any installed fallback font
 * has a glyph for (checked with TTF_GlyphIsProvided32 on the font chosen), or 0. */
long textrun_missing(Fonts *f, FontId id, const char *s, size_t len);

#endif
