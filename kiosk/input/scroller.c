/* scroller.c: scrolling as closed-form motions, so the frame rate cannot change the result.
 *
 * A naive scroller multiplies velocity by a friction factor each frame; then a 30 fps kiosk
 * and a 60 fps kiosk fling different distances. Here every motion is a formula of the time
 * since it started, and step() only evaluates it:
 *
 *   fling   p(t) = p0 + v0 tau (1 - e^(-t/tau))     v(t) = v0 e^(-t/tau)
 *           ends when |v| < SCROLLER_MIN_SPEED, at t = tau ln(|v0| / min)
 *   spring  x(t) = (x0 + (v0 + w x0) t) e^(-w t)     (critically damped, x = offset - bound)
 *           ends when |x| < half a pixel and |v| < SCROLLER_MIN_SPEED
 *
 * The hand-overs between them are solved exactly too: the moment a fling reaches a bound
 * (then it bounces: a spring starting at the bound with the fling's velocity there) and the
 * moment a spring released with an inward flick crosses back inside (then it flings on).
 * step() walks through every hand-over that happened before now, so a late frame lands
 * where a punctual one would have. Only the half-pixel snap at the end of a spring depends
 * on when step() is called, which is why "the same offset" means within one pixel.
 *
 * Past a bound during a drag the offset is a rubber band of how far the finger went: it
 * starts at SCROLLER_RUBBER_RATIO of the finger's speed and approaches, never reaches, a
 * limit (the iOS curve, d (1 - 1 / (c x / d + 1))). The unresisted position is kept in
 * `raw`, so pulling back in retraces the same curve. */
#include "input/scroller.h"

#include "core/log.h"
#include <math.h>

/* A spring closer to its bound than this (px), and slow, snaps onto it. */
#define SCROLLER_SETTLE_PX 0.5

/* Hand-overs a single step may walk through (fling, bounce, fling back, bounce...). Real
 * motions need at most three; the limit only keeps a bug from hanging the main loop. */
enum { SCROLLER_MAX_PHASES = 8 };

static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

static int64_t monotonic(Scroller *s, int64_t now_ms)
{
    if (now_ms < s->last_ms) now_ms = s->last_ms;
    s->last_ms = now_ms;
    return now_ms;
}

/* The rubber band: finger overshoot x (>= 0) to shown overshoot, and back. */
static double band_limit(const Scroller *s)
{
    return fmax(1.0, SCROLLER_RUBBER_MAX_FRACTION * s->viewport_len); /* never divide by 0 */
}

static double band(const Scroller *s, double x)
{
    double d = band_limit(s);
    return d * (1.0 - 1.0 / (SCROLLER_RUBBER_RATIO * x / d + 1.0));
}

static double unband(const Scroller *s, double y)
{
    double d = band_limit(s);
    y = fmin(y, d * 0.999); /* a bounce may overshoot the limit; catch it just inside */
    return d / SCROLLER_RUBBER_RATIO * y / (d - y);
}

static double band_slope(const Scroller *s, double x)
{
    double q = SCROLLER_RUBBER_RATIO * x / band_limit(s) + 1.0;
    return SCROLLER_RUBBER_RATIO / (q * q);
}

static double rubber(const Scroller *s, double raw)
{
    if (raw < 0) return -band(s, -raw);
    if (raw > s->max) return s->max + band(s, raw - s->max);
    return raw;
}

static double unrubber(const Scroller *s, double offset)
{
    if (offset < 0) return -unband(s, -offset);
    if (offset > s->max) return s->max + unband(s, offset - s->max);
    return offset;
}

/* Spring at time u (s) since t0: displacement and velocity. */
static void spring_at(const Scroller *s, double u, double *x, double *v)
{
    double w = SCROLLER_SPRING_OMEGA, b = s->v0 + w * s->p0, e = exp(-w * u);
    *x = (s->p0 + b * u) * e;
    *v = (s->v0 - w * b * u) * e;
}

static double fling_pos(const Scroller *s, double t_ms)
{
    double tau_s = SCROLLER_FLING_TAU_MS / 1000.0;
    return s->p0 + s->v0 * tau_s * (1.0 - exp(-t_ms / SCROLLER_FLING_TAU_MS));
}

static double fling_vel(const Scroller *s, double t_ms)
{
    return s->v0 * exp(-t_ms / SCROLLER_FLING_TAU_MS);
}

static void start_spring(Scroller *s, double bound, double x0, double v0, double t0_ms)
{
    s->mode = SCROLLER_SPRING;
    s->bound = bound;
    s->offset = bound + x0;
    s->t0_ms = t0_ms;
    s->p0 = x0;
    s->v0 = v0;
    /* x(t) = 0 again at t = -x0 / b when the inward push b = v0 + w x0 points the other way
     * from x0: that is a flick back into the content, which then flings on inside. */
    double b = v0 + SCROLLER_SPRING_OMEGA * x0;
    s->hit_ms = (x0 != 0 && b != 0 && (x0 < 0) != (b < 0)) ? -x0 / b * 1000.0 : -1;
}

/* Whatever comes after a release at `offset` moving at v (offset px/s) from t0. */
static void start_motion(Scroller *s, double offset, double v, double t0_ms)
{
    s->offset = offset;
    if (offset < 0 || offset > s->max) {
        start_spring(s, offset < 0 ? 0 : s->max, offset < 0 ? offset : offset - s->max, v, t0_ms);
        return;
    }
    if (fabs(v) < SCROLLER_MIN_SPEED) {
        s->mode = SCROLLER_IDLE;
        return;
    }
    s->mode = SCROLLER_FLING;
    s->t0_ms = t0_ms;
    s->p0 = offset;
    s->v0 = v;
    s->end_ms = SCROLLER_FLING_TAU_MS * log(fabs(v) / SCROLLER_MIN_SPEED);
    s->hit_ms = -1;
    double rest = fling_pos(s, s->end_ms), bound = v > 0 ? s->max : 0;
    if ((v > 0 && rest > bound) || (v < 0 && rest < bound)) {
        /* Solve p0 + v0 tau (1 - e^(-t/tau)) = bound; ratio < 1 because rest is beyond it. */
        double ratio = (bound - offset) / (v * SCROLLER_FLING_TAU_MS / 1000.0);
        s->hit_ms = -SCROLLER_FLING_TAU_MS * log(1.0 - ratio);
    }
}

void scroller_init(Scroller *s, double content_len, double viewport_len)
{
    expect(s);
    *s = (Scroller){ .mode = SCROLLER_IDLE, .last_ms = INT64_MIN, .hit_ms = -1 };
    scroller_set_content(s, content_len, viewport_len, INT64_MIN);
}

void scroller_set_content(Scroller *s, double content_len, double viewport_len, int64_t now_ms)
{
    bool moving = scroller_is_animating(s);
    double v = 0;
    if (moving) {
        scroller_step(s, now_ms); /* bring the old motion up to now first */
        now_ms = s->last_ms;
        moving = scroller_is_animating(s);
        if (s->mode == SCROLLER_FLING) v = fling_vel(s, (double)now_ms - s->t0_ms);
        else if (s->mode == SCROLLER_SPRING) {
            double x;
            spring_at(s, ((double)now_ms - s->t0_ms) / 1000.0, &x, &v);
        }
    }
    s->content_len = fmax(0, content_len);
    s->viewport_len = fmax(0, viewport_len);
    s->max = fmax(0, s->content_len - s->viewport_len);
    if (s->mode == SCROLLER_DRAGGING) s->offset = rubber(s, s->raw);
    else if (moving) start_motion(s, s->offset, v, (double)now_ms);
    else s->offset = clampd(s->offset, 0, s->max);
}

void scroller_drag(Scroller *s, double delta_px, int64_t now_ms)
{
    monotonic(s, now_ms);
    if (s->mode != SCROLLER_DRAGGING) {
        s->raw = unrubber(s, s->offset); /* catch it where it is shown */
        s->mode = SCROLLER_DRAGGING;
    }
    s->raw -= delta_px; /* content follows the finger: finger down, offset down */
    s->offset = rubber(s, s->raw);
}

void scroller_release(Scroller *s, double finger_velocity, int64_t now_ms)
{
    now_ms = monotonic(s, now_ms);
    if (s->mode == SCROLLER_FLING || s->mode == SCROLLER_SPRING) return; /* not ours to end */
    double v = clampd(-finger_velocity, -SCROLLER_MAX_SPEED, SCROLLER_MAX_SPEED);
    if (s->mode == SCROLLER_DRAGGING) {
        /* Past a bound the content was moving slower than the finger: carry its speed. */
        if (s->raw < 0) v *= band_slope(s, -s->raw);
        else if (s->raw > s->max) v *= band_slope(s, s->raw - s->max);
    }
    start_motion(s, s->offset, v, (double)now_ms);
}

void scroller_stop(Scroller *s)
{
    if (s->mode == SCROLLER_FLING) s->mode = SCROLLER_IDLE; /* stays where it was last shown */
}

bool scroller_step(Scroller *s, int64_t now_ms)
{
    double now = (double)monotonic(s, now_ms);
    for (int phase = 0; phase < SCROLLER_MAX_PHASES; phase++) {
        double t = now - s->t0_ms;
        if (s->mode == SCROLLER_FLING) {
            if (s->hit_ms >= 0 && t >= s->hit_ms) { /* reached a bound: bounce */
                double bound = s->v0 > 0 ? s->max : 0;
                start_spring(s, bound, 0, fling_vel(s, s->hit_ms), s->t0_ms + s->hit_ms);
                continue;
            }
            if (t >= s->end_ms) {
                s->offset = fling_pos(s, s->end_ms);
                s->mode = SCROLLER_IDLE;
            } else {
                s->offset = fling_pos(s, t);
            }
        } else if (s->mode == SCROLLER_SPRING) {
            double x, v;
            if (s->hit_ms >= 0 && t >= s->hit_ms) { /* flicked back inside: fling on */
                spring_at(s, s->hit_ms / 1000.0, &x, &v);
                start_motion(s, s->bound, v, s->t0_ms + s->hit_ms);
                continue;
            }
            spring_at(s, t / 1000.0, &x, &v);
            if (fabs(x) < SCROLLER_SETTLE_PX && fabs(v) < SCROLLER_MIN_SPEED) {
                s->offset = s->bound;
                s->mode = SCROLLER_IDLE;
            } else {
                s->offset = s->bound + x;
            }
        }
        break;
    }
    return scroller_is_animating(s);
}

bool scroller_is_animating(const Scroller *s)
{
    return s->mode == SCROLLER_FLING || s->mode == SCROLLER_SPRING;
}

int64_t scroller_next_wake(const Scroller *s)
{
    return scroller_is_animating(s) ? s->last_ms : SCROLLER_NO_WAKE;
}

double scroller_offset(const Scroller *s) { return s->offset; }
double scroller_max(const Scroller *s) { return s->max; }
ScrollerMode scroller_mode(const Scroller *s) { return s->mode; }
