/* scroller.h: one axis of drag-scrolling with inertia, rubber-band edges and spring-back.
 *
 * The offset is how far the content is scrolled: 0 shows its start, scroller_max() its end.
 * Pure C: no SDL, no clock, no heap. Time arrives as a parameter in milliseconds and must
 * not go backwards (an older time is treated as the last one seen).
 *
 * Signs follow the finger, so gesture events can be passed straight in: for a vertical
 * list, scroller_drag(s, ev.dy, ev.t_ms) on GESTURE_DRAG and scroller_release(s, ev.vy,
 * ev.t_ms) on GESTURE_DRAG_END. Content sticks to the finger: moving the finger up (negative
 * delta) scrolls towards the end (offset grows).
 *
 * Caller's loop: on PRESS call scroller_stop() (a touch catches a fling); on DRAG call
 * scroller_drag(); on DRAG_END call scroller_release(); on CANCEL call
 * scroller_release(s, 0, now) so an edge pulled past its bound springs back. While
 * scroller_is_animating(), call scroller_step(now) once per frame before drawing.
 * Stepping every 1 ms or every 33 ms gives the same offset at the same time: the motion is
 * a closed-form function of time, not an accumulation of frames. */
#ifndef KIOSK_SCROLLER_H
#define KIOSK_SCROLLER_H

#include <stdbool.h>
#include <stdint.h>

/* Time constant of the exponential fling decay (iOS "normal" deceleration, Android's
 * default): a fling at v px/s travels about v * 0.325 px in total. */
#define SCROLLER_FLING_TAU_MS 325.0

/* A fling ends once slower than this (px/s); it lands SCROLLER_MIN_SPEED * tau short of
 * the ideal v * tau, 6.5 px. Releases slower than this do not fling at all. */
#define SCROLLER_MIN_SPEED 20.0

/* Release speeds are capped here (px/s): touch panels occasionally report absurd flicks. */
#define SCROLLER_MAX_SPEED 8000.0

/* Past a bound the content follows the finger at this fraction of its speed at first... */
#define SCROLLER_RUBBER_RATIO 0.5
/* ...and never further out than this fraction of the viewport length. */
#define SCROLLER_RUBBER_MAX_FRACTION 0.15

/* Stiffness of the critically damped spring that pulls an overscroll back, in 1/s. 36/s
 * settles the largest pull (SCROLLER_RUBBER_MAX_FRACTION of a 1920 px viewport) to under
 * a pixel in 250 ms, and turns a full-speed fling into the edge into a bounce of at most
 * SCROLLER_MAX_SPEED / (36 e) ≈ 82 px. */
#define SCROLLER_SPRING_OMEGA 36.0

/* scroller_next_wake() when nothing moves by itself; INT64_MAX so callers can take a minimum. */
#define SCROLLER_NO_WAKE INT64_MAX

typedef enum {
    SCROLLER_IDLE,     /* at rest, inside [0, max] */
    SCROLLER_DRAGGING, /* following a finger; may be past a bound (rubber band) */
    SCROLLER_FLING,    /* coasting after a release, decaying exponentially */
    SCROLLER_SPRING    /* returning to a bound after an overscroll or a bounce */
} ScrollerMode;

/* One scrolling axis. Embed by value; the fields are private to scroller.c (declared here
 * only so it needs no heap). */
typedef struct {
    double content_len, viewport_len, max; /* max = content_len - viewport_len, at least 0 */
    double offset;      /* what is shown now (as of the last call) */
    double raw;         /* DRAGGING: where the finger would put the offset without resistance */
    ScrollerMode mode;
    int64_t last_ms;    /* the latest time seen, so time never runs backwards */
    /* The current motion, as a function of time since t0_ms: */
    double t0_ms;       /* fractional: a bounce starts at the exact moment a fling hits */
    double p0, v0;      /* FLING: start offset and velocity (offset px/s);
                         * SPRING: start displacement from `bound` and velocity */
    double bound;       /* SPRING: the bound it returns to */
    double end_ms;      /* FLING: when it would drop below SCROLLER_MIN_SPEED (ms after t0) */
    double hit_ms;      /* ms after t0 when the motion reaches a bound (FLING) or crosses back
                         * inside it (SPRING), or -1 if it never does */
} Scroller;

/* At rest at offset 0 with the given lengths (px, negative treated as 0). */
void scroller_init(Scroller *s, double content_len, double viewport_len);

/* New lengths (content reflowed, window rotated). The offset is kept, clamped into the new
 * range; a fling or spring continues from where it is towards the new bounds. */
void scroller_set_content(Scroller *s, double content_len, double viewport_len, int64_t now_ms);

/* The finger moved by delta_px along the axis. Stops any fling or spring and takes over
 * from the offset shown now, so a moving list can be caught and dragged without a jump. */
void scroller_drag(Scroller *s, double delta_px, int64_t now_ms);

/* The finger lifted moving at finger_velocity px/s (same sign as the drag deltas). Starts
 * a fling, a spring back to the nearest bound, or comes to rest. */
void scroller_release(Scroller *s, double finger_velocity, int64_t now_ms);

/* A finger touched: a fling stops where it is shown now. A spring back keeps going (content
 * is never left past a bound); a drag that follows takes over from wherever it is. */
void scroller_stop(Scroller *s);

/* Advance a fling or spring to now_ms. Returns true while still animating. */
bool scroller_step(Scroller *s, int64_t now_ms);

bool scroller_is_animating(const Scroller *s);

/* When scroller_step() must next run: the last time seen while animating (that is, draw
 * the next frame as soon as possible), else SCROLLER_NO_WAKE. */
int64_t scroller_next_wake(const Scroller *s);

double scroller_offset(const Scroller *s);
double scroller_max(const Scroller *s);
ScrollerMode scroller_mode(const Scroller *s);

#endif
