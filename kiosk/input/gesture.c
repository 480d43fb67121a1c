/* gesture.c: a small state machine over one pointer, driven by the caller's clock.
 *
 * A touch starts as a candidate tap. It stays one while the finger stays within tap_slop
 * (a circle around where it came down; exactly on the circle still counts) and lifts before
 * long_press_ms. Leaving the circle latches "dragging": from then on the touch can only end
 * as DRAG_END (or CANCEL), even if the finger comes back, because a finger that slid is a
 * finger that scrolled. Holding still until the deadline fires LONG_PRESS; the touch may
 * still become a drag afterwards, so a child who hesitates before scrolling can still scroll.
 *
 * Time is only what the caller passes. The long press is judged against its deadline, not
 * against when we happen to be called: every input first fires a LONG_PRESS whose deadline
 * has passed (a missed tick), so a sleepy main loop and a busy one see the same events.
 *
 * The release velocity is a least-squares line through the positions of the last
 * GESTURE_VELOCITY_WINDOW_MS. A fit rather than "last two samples" because touch panels
 * jitter and batch: one odd sample moves a fit a little and a two-point difference a lot.
 * Fewer than two distinct timestamps, or a finger that rested before lifting, gives 0.
 * Like Android's VelocityTracker, an up at the last position adds no sample: it carries no
 * news about motion, and adding it would make every flick look like it braked. */
#include "input/gesture.h"

#include "core/log.h"
#include <math.h>

/* A finger that has not moved for this long before lifting was resting: no fling. */
enum { GESTURE_STOPPED_MS = 40 };

void gesture_init(Gesture *g, GestureConfig cfg)
{
    expect(g);
    expect(cfg.tap_slop >= 0 && cfg.long_press_ms > 0);
    expect(cfg.edge_width >= 0 && cfg.edge_swipe_min >= 0);
    *g = (Gesture){ .cfg = cfg };
}

static int emit(const Gesture *g, GestureType type, int64_t t_ms, GestureEvent *out, int n)
{
    /* GESTURE_MAX_EVENTS is derived from the worst case in the header; more is a bug here. */
    expect(n < GESTURE_MAX_EVENTS);
    out[n] = (GestureEvent){
        .type = type, .t_ms = t_ms, .x = g->x, .y = g->y,
        .start_x = g->start_x, .start_y = g->start_y,
        .total_dx = g->x - g->start_x, .total_dy = g->y - g->start_y,
        .from_edge = g->start_x < g->cfg.edge_width,
    };
    return n + 1;
}

/* Out-of-order timestamps would make durations negative and velocities absurd. */
static int64_t monotonic(const Gesture *g, int64_t now_ms)
{
    return now_ms < g->last_ms ? g->last_ms : now_ms;
}

static void add_sample(Gesture *g, int64_t t_ms)
{
    int slot = (g->sample_head + g->sample_count) % GESTURE_MAX_SAMPLES;
    if (g->sample_count == GESTURE_MAX_SAMPLES) {
        g->sample_head = (g->sample_head + 1) % GESTURE_MAX_SAMPLES; /* forget the oldest */
        slot = (g->sample_head + g->sample_count - 1) % GESTURE_MAX_SAMPLES;
    } else {
        g->sample_count++;
    }
    g->samples[slot] = (GestureSample){ t_ms, g->x, g->y };
}

static int fire_due_long_press(Gesture *g, int64_t now_ms, GestureEvent *out, int n)
{
    int64_t deadline = g->down_ms + g->cfg.long_press_ms;
    if (!g->down || g->dragging || g->long_pressed || now_ms < deadline) return n;
    g->long_pressed = true;
    return emit(g, GESTURE_LONG_PRESS, deadline, out, n);
}

/* Position update shared by move and up: latch dragging beyond the slop, report motion. */
static int track(Gesture *g, float x, float y, int64_t now_ms, GestureEvent *out, int n)
{
    bool moved = x != g->x || y != g->y;
    g->x = x;
    g->y = y;
    g->last_ms = now_ms;
    if (!moved) return n;
    add_sample(g, now_ms);

    float ddx = x - g->start_x, ddy = y - g->start_y;
    if (!g->dragging && ddx * ddx + ddy * ddy > g->cfg.tap_slop * g->cfg.tap_slop) {
        g->dragging = true;
        n = emit(g, GESTURE_DRAG_BEGIN, now_ms, out, n);
        /* The first DRAG carries everything since down, so content stays under the finger. */
        g->reported_x = g->start_x;
        g->reported_y = g->start_y;
    }
    if (g->dragging) {
        n = emit(g, GESTURE_DRAG, now_ms, out, n);
        out[n - 1].dx = x - g->reported_x;
        out[n - 1].dy = y - g->reported_y;
        g->reported_x = x;
        g->reported_y = y;
    }
    return n;
}

static void release_velocity(const Gesture *g, int64_t now_ms, float *vx, float *vy)
{
    *vx = *vy = 0;
    if (g->sample_count == 0) return;
    int newest = (g->sample_head + g->sample_count - 1) % GESTURE_MAX_SAMPLES;
    const GestureSample *last = &g->samples[newest];
    if (now_ms - last->t_ms > GESTURE_STOPPED_MS) return;

    /* Least squares x(t) = a + v t over the window; t relative to now keeps it small. */
    double n = 0, st = 0, sx = 0, sy = 0, stt = 0, stx = 0, sty = 0;
    for (int i = 0; i < g->sample_count; i++) {
        const GestureSample *s = &g->samples[(g->sample_head + i) % GESTURE_MAX_SAMPLES];
        if (now_ms - s->t_ms > GESTURE_VELOCITY_WINDOW_MS) continue;
        double t = (double)(s->t_ms - now_ms) / 1000.0;
        n += 1; st += t; sx += s->x; sy += s->y;
        stt += t * t; stx += t * s->x; sty += t * s->y;
    }
    double var = n * stt - st * st;
    /* One sample, or all at one timestamp: no duration to divide by. 1e-12 s² is far below
     * two samples 1 ms apart (n*stt - st*st = 5e-7), so this only catches degenerate sets. */
    if (n < 2 || var < 1e-12) return;
    *vx = (float)((n * stx - st * sx) / var);
    *vy = (float)((n * sty - st * sy) / var);
}

static int cancel(Gesture *g, int64_t now_ms, GestureEvent *out, int n)
{
    if (!g->down) return n;
    n = emit(g, GESTURE_CANCEL, now_ms, out, n);
    g->down = false;
    return n;
}

int gesture_down(Gesture *g, float x, float y, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS])
{
    int n = 0;
    if (g->down) { /* a lost up, or a second pointer reported as the first: start over */
        now_ms = monotonic(g, now_ms);
        n = fire_due_long_press(g, now_ms, out, n);
        n = cancel(g, now_ms, out, n);
    }
    GestureConfig cfg = g->cfg;
    *g = (Gesture){ .cfg = cfg, .down = true, .down_ms = now_ms, .last_ms = now_ms,
                    .start_x = x, .start_y = y, .x = x, .y = y };
    add_sample(g, now_ms);
    return emit(g, GESTURE_PRESS, now_ms, out, n);
}

int gesture_move(Gesture *g, float x, float y, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS])
{
    if (!g->down) return 0; /* hover, or the rest of a cancelled touch */
    now_ms = monotonic(g, now_ms);
    int n = fire_due_long_press(g, now_ms, out, 0);
    return track(g, x, y, now_ms, out, n);
}

int gesture_up(Gesture *g, float x, float y, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS])
{
    if (!g->down) return 0; /* up without down: a cancelled touch or a lost down */
    now_ms = monotonic(g, now_ms);
    int n = fire_due_long_press(g, now_ms, out, 0);
    n = track(g, x, y, now_ms, out, n);
    g->down = false;
    if (g->dragging) {
        float vx, vy;
        release_velocity(g, now_ms, &vx, &vy);
        n = emit(g, GESTURE_DRAG_END, now_ms, out, n);
        out[n - 1].vx = vx;
        out[n - 1].vy = vy;
        const GestureEvent *end = &out[n - 1];
        /* Judged on where the finger lifted, so sliding back to the edge aborts the swipe. */
        if (end->from_edge && end->total_dx >= g->cfg.edge_swipe_min &&
            fabsf(end->total_dy) <= end->total_dx * GESTURE_EDGE_MAX_SLOPE) {
            n = emit(g, GESTURE_EDGE_BACK, now_ms, out, n);
            out[n - 1].vx = vx;
            out[n - 1].vy = vy;
        }
    } else if (!g->long_pressed) {
        n = emit(g, GESTURE_TAP, now_ms, out, n);
    }
    return n;
}

int gesture_cancel(Gesture *g, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS])
{
    if (!g->down) return 0;
    return cancel(g, monotonic(g, now_ms), out, 0);
}

int gesture_tick(Gesture *g, int64_t now_ms, GestureEvent out[GESTURE_MAX_EVENTS])
{
    if (!g->down) return 0;
    return fire_due_long_press(g, monotonic(g, now_ms), out, 0);
}

int64_t gesture_next_wake(const Gesture *g)
{
    if (!g->down || g->dragging || g->long_pressed) return GESTURE_NO_WAKE;
    return g->down_ms + g->cfg.long_press_ms;
}

bool gesture_is_down(const Gesture *g)
{
    return g->down;
}
