/* utf8.h: one strict UTF-8 decoder for every module that walks text by characters. */
#ifndef KIOSK_UTF8_H
#define KIOSK_UTF8_H

#include <stddef.h>

/* The code point at s[0..avail) (avail >= 1) and its length in *len. Strict (no overlongs,
 * surrogates or code points past U+10FFFF): anything else is one invalid byte, returned as -1
 * with *len = 1, so a broken sequence can never swallow the valid text after it. */
static inline long utf8_decode(const unsigned char *s, size_t avail, size_t *len)
{
    unsigned char b = s[0];
    size_t need;
    long cp;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    *len = 1;
    if (b < 0x80) return b;
    if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) {
        need = 2; cp = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3; cp = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else return -1;
    if (avail < need + 1 || s[1] < lo || s[1] > hi) return -1;
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = need + 1;
    return cp;
}

#endif
