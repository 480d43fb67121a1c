/* script_fingers.h: the fingers of a replay script's touch steps (tap, drag, pinch, pan2,
 * doubletap), played through callbacks, so the replay mode and the benchmark move the same
 * fingers on the same simulated clock (one move per SCRIPT_FRAME_MS). */
#ifndef KIOSK_SCRIPT_FINGERS_H
#define KIOSK_SCRIPT_FINGERS_H

#include <stdbool.h>

#include "app/script.h"
#include "ui/session.h"

typedef struct FingerDriver {
    void *ctx;
    void (*touch)(void *ctx, int finger, PointerPhase phase, float x, float y);
    void (*advance)(void *ctx, int ms); /* the clock moves on, frames are built */
    float sx, sy;                       /* script pixels -> screen pixels */
} FingerDriver;

/* Plays a tap at (x, y) (screen pixels, not scaled). */
void fingers_tap(const FingerDriver *d, float x, float y);

/* Plays st when it is a touch step (STEP_TAP, STEP_DRAG, STEP_PINCH, STEP_PAN2,
 * STEP_DOUBLETAP); false for any other step, which is left to the caller. */
bool fingers_play(const FingerDriver *d, const Step *st);

#endif
