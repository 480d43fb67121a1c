/* fit.c: cover and contain (fit.h). */
#include "ui/fit.h"

#include <math.h>

float fit_cover_scale(float pw, float ph, float bw, float bh)
{
    if (pw <= 0 || ph <= 0) return 1;
    return fmaxf(bw / pw, bh / ph);
}

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

Rect fit_cover_source(float pw, float ph, float bw, float bh, float fx, float fy)
{
    if (pw <= 0 || ph <= 0 || bw <= 0 || bh <= 0) return (Rect){0, 0, fmaxf(pw, 0), fmaxf(ph, 0)};
    float s = fit_cover_scale(pw, ph, bw, bh);
    /* the box in picture pixels; one side is the picture's own, up to rounding */
    float sw = fminf(bw / s, pw), sh = fminf(bh / s, ph);
    float x = clampf(pw * clampf(fx, 0, 1) - sw / 2, 0, pw - sw);
    float y = clampf(ph * clampf(fy, 0, 1) - sh / 2, 0, ph - sh);
    return (Rect){x, y, sw, sh};
}

Rect fit_contain(Rect r, float pw, float ph)
{
    if (pw <= 0 || ph <= 0) return r;
    float s = fminf(r.w / pw, r.h / ph), w = pw * s, h = ph * s;
    return (Rect){r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
}
