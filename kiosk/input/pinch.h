/* pinch.h: two fingers -> pinch (scale) and two-finger pan, for pictures and plans that zoom.
 *
 * Pure C like gesture.h: no SDL, no clock, no heap. The caller decides when two fingers make a
 * pinch (the session starts one when a second finger touches while the first is down, after
 * cancelling the one-finger gesture) and feeds both fingers' positions from then on.
 *
 * Lifetime: PINCH_BEGIN, PINCH_MOVE (0 or more), PINCH_END. Each PINCH_MOVE says how the two
 * fingers changed since the previous event: `scale` is the ratio of their distances (> 1:
 * apart, zoom in) and (dx, dy) how far their midpoint moved (the two-finger pan). Applying
 * every event in turn, zooming by `scale` around (cx, cy) and panning by (dx, dy), keeps the
 * content under both fingers, which is what a pinch on a phone does. */
#ifndef KIOSK_PINCH_H
#define KIOSK_PINCH_H

#include <stdbool.h>
#include <stdint.h>

/* Fingers closer than this (px) are taken as this far apart: a distance near 0 would make
 * the next scale factor absurd. */
#define PINCH_MIN_DISTANCE 16.0f

/* One event never scales by more than this or less than its inverse (a touch panel that
 * loses a finger for a frame reports jumps). */
#define PINCH_MAX_STEP 4.0f

typedef enum { PINCH_BEGIN, PINCH_MOVE, PINCH_END } PinchType;

typedef struct {
    PinchType type;
    int64_t t_ms;
    float cx, cy; /* the midpoint of the two fingers now */
    float scale;  /* PINCH_MOVE: distance now / distance at the previous event; else 1 */
    float dx, dy; /* PINCH_MOVE: midpoint movement since the previous event; else 0 */
    float total_scale; /* distance now / distance at PINCH_BEGIN */
} PinchEvent;

typedef struct {
    bool active;
    float x[2], y[2];   /* the fingers now */
    float dist, cx, cy; /* at the previous event */
    float dist0;        /* at PINCH_BEGIN */
    int64_t last_ms;
} Pinch;

/* Starts a pinch with fingers 0 and 1 at these positions. Non-finite positions start none
 * (returns false and writes nothing). */
bool pinch_begin(Pinch *p, float x0, float y0, float x1, float y1, int64_t now_ms,
                 PinchEvent *out);

/* Finger `finger` (0 or 1) moved. Returns true and writes a PINCH_MOVE when the pinch is
 * active and the position is finite; a move to the same place writes nothing. */
bool pinch_move(Pinch *p, int finger, float x, float y, int64_t now_ms, PinchEvent *out);

/* Either finger lifted or the touch was cancelled: PINCH_END when one was active. */
bool pinch_end(Pinch *p, int64_t now_ms, PinchEvent *out);

bool pinch_active(const Pinch *p);

#endif
