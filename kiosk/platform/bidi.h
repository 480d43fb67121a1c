/* bidi.h: right-to-left text in visual order, with Arabic letters joined (FriBidi). */
#ifndef KIOSK_BIDI_H
#define KIOSK_BIDI_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) holds a right-to-left character (Hebrew, Arabic and related). */
bool bidi_has_rtl(const char *s, size_t len);
/* Writes s[0..len) (one line, logical order) in visual order into out (cap bytes, '\0'
 * ended), Arabic shaped into presentation forms, so a left-to-right renderer draws it right;
 * the paragraph direction comes from the first strong character. Returns the length, or 0
 * when the text has no right-to-left character or does not fit (draw it as it is). */
size_t bidi_visual(const char *s, size_t len, char *out, size_t cap);

#endif
