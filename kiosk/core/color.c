/* color.c: WCAG relative luminance and contrast, and colour mixing. */
#include "core/color.h"

#include <math.h>

static double channel(uint32_t c8)
{
    double c = (double)c8 / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel(rgb >> 16 & 0xFF) + 0.7152 * channel(rgb >> 8 & 0xFF) +
           0.0722 * channel(rgb & 0xFF);
}

double color_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

uint32_t color_mix(uint32_t a, uint32_t b, double t)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double ca = a >> shift & 0xFF, cb = b >> shift & 0xFF;
        out |= (uint32_t)lround(ca + (cb - ca) * t) << shift;
    }
    return out;
}

uint32_t color_reach_contrast(uint32_t from, uint32_t toward, uint32_t a, uint32_t b, double ratio)
{
    for (int step = 0; step <= 100; step++) {
        uint32_t c = color_mix(from, toward, step / 100.0);
        if (color_contrast(c, a) >= ratio && color_contrast(c, b) >= ratio) return c;
    }
    return toward;
}
