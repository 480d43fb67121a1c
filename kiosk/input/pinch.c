/* pinch.c: the two-finger recogniser (see pinch.h for what the events mean).
 *
 * Every event is relative to the previous one rather than to the start, so a caller that
 * clamps (a zoom limit, a pan that must keep the picture on screen) never sees the content
 * jump when the fingers come back from beyond the limit: it follows them again at once. */
#include "input/pinch.h"

#include <math.h>

static bool finite2(float x, float y)
{
    return isfinite(x) && isfinite(y);
}

static float distance(const Pinch *p)
{
    float d = hypotf(p->x[1] - p->x[0], p->y[1] - p->y[0]);
    return d < PINCH_MIN_DISTANCE ? PINCH_MIN_DISTANCE : d;
}

static PinchEvent event(const Pinch *p, PinchType type, int64_t t_ms)
{
    return (PinchEvent){.type = type, .t_ms = t_ms, .cx = p->cx, .cy = p->cy, .scale = 1,
                        .total_scale = p->dist / p->dist0};
}

bool pinch_begin(Pinch *p, float x0, float y0, float x1, float y1, int64_t now_ms,
                 PinchEvent *out)
{
    if (!finite2(x0, y0) || !finite2(x1, y1)) return false;
    *p = (Pinch){.active = true, .x = {x0, x1}, .y = {y0, y1}, .last_ms = now_ms};
    p->dist = p->dist0 = distance(p);
    p->cx = (x0 + x1) / 2;
    p->cy = (y0 + y1) / 2;
    *out = event(p, PINCH_BEGIN, now_ms);
    return true;
}

bool pinch_move(Pinch *p, int finger, float x, float y, int64_t now_ms, PinchEvent *out)
{
    if (!p->active || (finger != 0 && finger != 1) || !finite2(x, y)) return false;
    if (p->x[finger] == x && p->y[finger] == y) return false;
    if (now_ms < p->last_ms) now_ms = p->last_ms;
    p->x[finger] = x;
    p->y[finger] = y;
    float d = distance(p), cx = (p->x[0] + p->x[1]) / 2, cy = (p->y[0] + p->y[1]) / 2;
    float scale = d / p->dist;
    if (scale > PINCH_MAX_STEP) scale = PINCH_MAX_STEP;
    if (scale < 1 / PINCH_MAX_STEP) scale = 1 / PINCH_MAX_STEP;
    *out = (PinchEvent){.type = PINCH_MOVE, .t_ms = now_ms, .cx = cx, .cy = cy, .scale = scale,
                        .dx = cx - p->cx, .dy = cy - p->cy, .total_scale = d / p->dist0};
    p->dist = d;
    p->cx = cx;
    p->cy = cy;
    p->last_ms = now_ms;
    return true;
}

bool pinch_end(Pinch *p, int64_t now_ms, PinchEvent *out)
{
    if (!p->active) return false;
    if (now_ms < p->last_ms) now_ms = p->last_ms;
    *out = event(p, PINCH_END, now_ms);
    p->active = false;
    return true;
}

bool pinch_active(const Pinch *p)
{
    return p->active;
}
