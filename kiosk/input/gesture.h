/* gesture.h: taps, long presses, drags and the edge swipe "back", derived from one pointer.
 *
 * The backend reports only what the pointer does now (down, move, up, with a position in
 * screen pixels and a timestamp in milliseconds); this module decides what it means.
 * Pure C: no SDL, no clock, no heap, no globals. Time only ever arrives as a parameter.
 *
 * Contract for the backend:
 *   - Feed one pointer: the mouse, or the first finger that touches. When a second finger
 *     touches while one is down, call gesture_cancel() and ignore that finger.
 *   - Timestamps never go backwards; one older than the last one is treated as equal to it.
 *   - Call gesture_tick() when gesture_next_wake() says so, or simply every frame: it is how
 *     a long press fires while the finger does not move. Down/move/up catch up on a missed
 *     tick themselves, so the result never depends on how often the loop woke.
 *
 * Lifetime of one touch (each line is what a caller may see, in this order):
 *   PRESS
 *   then one of:  TAP
 *                 LONG_PRESS  [then DRAG_BEGIN ... as below, if the finger moves on]
 *                 DRAG_BEGIN, DRAG (1 or more), DRAG_END [, EDGE_BACK]
 *                 CANCEL (possible at any point while the finger is down)
 * Every DRAG_BEGIN is closed by exactly one DRAG_END or CANCEL. Pressed-state feedback
 * ends at the first event after PRESS. */
#ifndef KIOSK_GESTURE_H
#define KIOSK_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

/* Capacity of every out-array passed to this module. One call returns at most five events
 * (an up after a missed long-press tick, beyond the slop, from the edge: LONG_PRESS,
 * DRAG_BEGIN, DRAG, DRAG_END, EDGE_BACK); the rest is headroom, checked by an assert. */
#define GESTURE_MAX_EVENTS 8

/* Movement samples kept for the release velocity; at 1 kHz input this still spans
 * GESTURE_VELOCITY_WINDOW_MS. */
#define GESTURE_MAX_SAMPLES 128

/* The release velocity is fitted over the samples of this many ms before the release. */
#define GESTURE_VELOCITY_WINDOW_MS 80

/* An edge swipe must be mostly horizontal: |total dy| <= total dx * this (about 27°). */
#define GESTURE_EDGE_MAX_SLOPE 0.5f

/* gesture_next_wake() when nothing is pending; INT64_MAX so callers can take a minimum. */
#define GESTURE_NO_WAKE INT64_MAX

/* Thresholds in screen pixels, already scaled by the caller for this screen
 * (values in comments are for a 1080p portrait screen). */
typedef struct {
    float tap_slop;       /* a finger may move this far (inclusive) and still tap; 24 */
    int long_press_ms;    /* held still this long is a long press; 600 */
    float edge_width;     /* a back swipe must start at x < edge_width; 32 */
    float edge_swipe_min; /* ...and travel at least this far to the right; 120 */
} GestureConfig;

typedef enum {
    GESTURE_PRESS,      /* finger down at (x, y): show pressed state */
    GESTURE_TAP,        /* released within tap_slop before long_press_ms */
    GESTURE_LONG_PRESS, /* held within tap_slop for long_press_ms; no TAP follows */
    GESTURE_DRAG_BEGIN, /* moved beyond tap_slop: never a tap from now on; dx = dy = 0 */
    GESTURE_DRAG,       /* moved by (dx, dy) since the previous DRAG (or since down) */
    GESTURE_DRAG_END,   /* released; (vx, vy) is the release velocity in px/s */
    GESTURE_EDGE_BACK,  /* follows DRAG_END: the drag was a back swipe from the left edge */
    GESTURE_CANCEL      /* forget this touch: undo pressed state, stop any drag */
} GestureType;

typedef struct {
    GestureType type;
    int64_t t_ms;             /* time of the input that caused it (the deadline, for LONG_PRESS) */
    float x, y;               /* pointer position now */
    float start_x, start_y;   /* where the finger came down */
    float dx, dy;             /* DRAG: movement since the previous DRAG; else 0 */
    float total_dx, total_dy; /* movement since down */
    float vx, vy;             /* DRAG_END and EDGE_BACK: release velocity, px/s; else 0 */
    bool from_edge;           /* the touch started at x < edge_width (a back swipe may follow) */
} GestureEvent;

typedef struct {
    int64_t t_ms;
    float x, y;
} GestureSample;

/* One recogniser per pointer. Embed it by value; the fields are private to gesture.c
 * (declared here only so it needs no heap). */
typedef struct {
    GestureConfig cfg;
    bool down;          /* a finger is down and not cancelled */
    bool dragging;      /* moved beyond tap_slop since down */
    bool long_pressed;  /* LONG_PRESS was emitted for this touch */
    int64_t down_ms, last_ms;
    float start_x, start_y, x, y;
    float reported_x, reported_y; /* position at the last DRAG, for dx/dy */
    GestureSample samples[GESTURE_MAX_SAMPLES]; /* ring buffer of recent positions */
    int sample_head, sample_count;
} Gesture;

/* Reset to "no finger down" with the given thresholds. */
void gesture_init(Gesture *g, GestureConfig cfg);

/* Each input function writes its events to out (caller-owned, GESTURE_MAX_EVENTS long)
 * and returns how many it wrote (0 when the input means nothing, e.g. up without down). */
int gesture_down(Gesture *g, float x, float y, int64_t now_ms,
                 GestureEvent out[GESTURE_MAX_EVENTS]);
int gesture_move(Gesture *g, float x, float y, int64_t now_ms,
                 GestureEvent out[GESTURE_MAX_EVENTS]);
int gesture_up(Gesture *g, float x, float y, int64_t now_ms,
               GestureEvent out[GESTURE_MAX_EVENTS]);

/* Abandon the current touch (second finger, screen change, window lost focus). Emits
 * CANCEL if a finger was down; later moves and the up of that touch are ignored. */
int gesture_cancel(Gesture *g, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS]);

/* Fire time-based events that are due at now_ms (the long press). */
int gesture_tick(Gesture *g, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS]);

/* The time at which gesture_tick() must next run, or GESTURE_NO_WAKE. */
int64_t gesture_next_wake(const Gesture *g);

/* True while a finger is down (between PRESS and the event that ends the touch). */
bool gesture_is_down(const Gesture *g);

#endif
