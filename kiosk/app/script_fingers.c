/* script_fingers.c: touch steps as finger movements (see script_fingers.h and docs/replay.md).
 *
 * Two-finger steps put the fingers on a horizontal line through their midpoint, the second
 * one a frame after the first, as real hands do: the session has to see one finger turn into
 * two, not two appearing at once. */
#include "app/script_fingers.h"

enum { FRAME_MS = SCRIPT_FRAME_MS, TAP_MS = SCRIPT_TAP_MS, PAN2_SPREAD = 120 };

static int frames(const Step *st)
{
    return st->ms / FRAME_MS > 1 ? st->ms / FRAME_MS : 1;
}

void fingers_tap(const FingerDriver *d, float x, float y)
{
    d->touch(d->ctx, 0, POINTER_DOWN, x, y);
    d->advance(d->ctx, TAP_MS);
    d->touch(d->ctx, 0, POINTER_UP, x, y);
    d->advance(d->ctx, FRAME_MS);
}

static void drag(const FingerDriver *d, float x1, float y1, float x2, float y2, int n)
{
    d->touch(d->ctx, 0, POINTER_DOWN, x1, y1);
    for (int i = 1; i <= n; i++) {
        d->advance(d->ctx, FRAME_MS);
        float t = (float)i / (float)n;
        d->touch(d->ctx, 0, POINTER_MOVE, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
    }
    d->touch(d->ctx, 0, POINTER_UP, x2, y2);
    d->advance(d->ctx, FRAME_MS);
}

/* Two fingers from midpoint (x1, y1) `a` px apart to midpoint (x2, y2) `b` px apart. */
static void two(const FingerDriver *d, float x1, float y1, float a, float x2, float y2, float b,
                int n)
{
    d->touch(d->ctx, 0, POINTER_DOWN, x1 - a / 2, y1);
    d->advance(d->ctx, FRAME_MS);
    d->touch(d->ctx, 1, POINTER_DOWN, x1 + a / 2, y1);
    float x = x1, y = y1, gap = a;
    for (int i = 1; i <= n; i++) {
        d->advance(d->ctx, FRAME_MS);
        float t = (float)i / (float)n;
        x = x1 + (x2 - x1) * t;
        y = y1 + (y2 - y1) * t;
        gap = a + (b - a) * t;
        d->touch(d->ctx, 0, POINTER_MOVE, x - gap / 2, y);
        d->touch(d->ctx, 1, POINTER_MOVE, x + gap / 2, y);
    }
    d->touch(d->ctx, 1, POINTER_UP, x + gap / 2, y);
    d->touch(d->ctx, 0, POINTER_UP, x - gap / 2, y);
    d->advance(d->ctx, FRAME_MS);
}

bool fingers_play(const FingerDriver *d, const Step *st)
{
    float x1 = st->x1 * d->sx, y1 = st->y1 * d->sy;
    switch (st->kind) {
    case STEP_TAP:
        fingers_tap(d, x1, y1);
        return true;
    case STEP_DOUBLETAP:
        fingers_tap(d, x1, y1);
        fingers_tap(d, x1, y1);
        return true;
    case STEP_DRAG:
        drag(d, x1, y1, st->x2 * d->sx, st->y2 * d->sy, frames(st));
        return true;
    case STEP_PINCH: /* x2, y2: the fingers' distance before and after */
        two(d, x1, y1, st->x2 * d->sx, x1, y1, st->y2 * d->sx, frames(st));
        return true;
    case STEP_PAN2:
        two(d, x1, y1, PAN2_SPREAD * d->sx, st->x2 * d->sx, st->y2 * d->sy, PAN2_SPREAD * d->sx,
            frames(st));
        return true;
    default:
        return false;
    }
}
