/* fallback.h: which installed font draws a character the theme's font lacks (fontconfig). */
#ifndef KIOSK_FALLBACK_H
#define KIOSK_FALLBACK_H

#include <stdbool.h>

typedef struct Fallback Fallback;

enum { FALLBACK_MAX_FILES = 24 };

Fallback *fallback_create(void);
void fallback_destroy(Fallback *fb);
/* Index (0..FALLBACK_MAX_FILES) of an installed font whose coverage (FcCharSet) holds cp:
 * a scalable outline font, or a colour emoji font (fixed sizes, scaled when drawn); -1 when
 * none does. Answers are cached per character. */
int fallback_for(Fallback *fb, long cp);
/* True when fallback font i draws in colour (an emoji font such as Noto Color Emoji): its
 * glyphs come in one fixed size and must be scaled, and must not be tinted. */
bool fallback_is_color(const Fallback *fb, int i);
/* The file of fallback font i (borrowed). */
const char *fallback_file(const Fallback *fb, int i);
/* True when cp is drawn by no glyph at all (joiners, variation selectors, controls). */
bool fallback_invisible(long cp);

#endif
