/* fake_measure.h: a text measurer for layout tests without fonts.
 *
 * 0.55 px per pixel of font size per UTF-8 code point: about the width of Inter's letters, so
 * layouts come out close to the real ones, and the same on every machine. */
#ifndef KIOSK_FAKE_MEASURE_H
#define KIOSK_FAKE_MEASURE_H

#include <stddef.h>

#include "ui/dlist.h"

static inline int fake_width(void *ctx, FontId font, int px, const char *s, size_t len)
{
    (void)ctx;
    (void)font;
    size_t points = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) points++;
    return (int)(px * 0.55 * (double)points + 0.5);
}

#endif
