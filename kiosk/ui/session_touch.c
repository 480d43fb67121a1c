/* session_touch.c: a second finger, zoomed content and swipes.
 *
 * A touchscreen reports fingers; the kiosk gives the first one to the one-finger gesture
 * recogniser (taps, scrolling, the back swipe) and turns a second one into a pinch: the
 * one-finger gesture is cancelled (so nothing is pressed) and from then on the two fingers
 * zoom and pan the screen's zoomable content, if it has any, until every finger is up. A
 * third finger is ignored. What can zoom, and how far, is the view's to say (ViewInfo); the
 * arithmetic is ui/zoom.c's.
 *
 * A swipe is decided when the finger leaves the tap slop: mostly sideways and starting in the
 * view's swipe area, it is a swipe (it does not scroll the page) and it turns the picture when
 * the finger lifts, if it went far enough or fast enough; otherwise it is an ordinary drag. */
#include "ui/session_touch.h"

#include <math.h>

#include "ui/zoom.h"

enum {
    DOUBLE_TAP_MS = 400,  /* between the two lifts */
    DOUBLE_TAP_SLOP = 48, /* units between the two taps */
    SWIPE_MIN = 80,       /* units the finger must travel... */
    SWIPE_FLICK = 30,     /* ...or this many, quickly: */
    SWIPE_FLICK_SPEED = 500, /* units per second */
};
#define SWIPE_SHARE 0.2f /* or this share of the swipe area's width */

static bool can_zoom(const Session *s, float x, float y)
{
    return s->info.zoom_max > 1 && rect_contains(s->info.zoom_area, x, y);
}

void touch_press(Session *s, const GestureEvent *e)
{
    Screen *top = ui_top(&s->ui);
    s->drag_pans = zoom_active(top) && can_zoom(s, e->x, e->y);
    if (s->drag_pans) s->drag_scrolls = false;
    s->drag_swipes = !s->drag_pans && s->info.swipe_next.kind != ACT_NONE &&
                     rect_contains(s->info.swipe_area, e->x, e->y);
}

bool touch_drag(Session *s, const GestureEvent *e)
{
    if (s->drag_pans) {
        zoom_pan(ui_top(&s->ui), s->info.zoom_area, e->dx, e->dy);
        s->dirty = true;
        return true;
    }
    if (!s->drag_swipes) return false;
    if (e->type == GESTURE_DRAG_BEGIN) {
        /* The direction when the finger left the slop decides: sideways swipes, else it scrolls. */
        s->drag_swipes = fabsf(e->total_dx) > fabsf(e->total_dy);
        if (s->drag_swipes) s->drag_scrolls = false;
    }
    return s->drag_swipes;
}

void touch_drag_end(Session *s, const GestureEvent *e)
{
    if (!s->drag_swipes) return;
    s->drag_swipes = false;
    float u = view_unit(s->w, s->h), dx = e->total_dx;
    if (fabsf(dx) <= fabsf(e->total_dy)) return;
    float far = fmaxf(SWIPE_MIN * u, SWIPE_SHARE * s->info.swipe_area.w);
    bool flick = fabsf(dx) >= SWIPE_FLICK * u && fabsf(e->vx) >= SWIPE_FLICK_SPEED * u &&
                 (e->vx < 0) == (dx < 0);
    if (fabsf(dx) < far && !flick) return;
    /* Towards the start of the line is "next": left, or right when the screen is mirrored. */
    bool rtl = view_rtl(s->ui.bundle->languages[s->ui.lang]);
    bool next = rtl ? dx > 0 : dx < 0;
    session_apply(s, next ? s->info.swipe_next : s->info.swipe_prev, e->t_ms);
}

bool touch_tap(Session *s, const GestureEvent *e)
{
    if (!can_zoom(s, e->x, e->y)) {
        s->tap_ms = 0;
        return false;
    }
    Screen *top = ui_top(&s->ui);
    float slop = DOUBLE_TAP_SLOP * view_unit(s->w, s->h);
    bool second = s->tap_ms > 0 && e->t_ms - s->tap_ms <= DOUBLE_TAP_MS &&
                  hypotf(e->x - s->tap_x, e->y - s->tap_y) <= slop && s->tap_screen == top &&
                  s->tap_opened_ms == top->opened_ms;
    if (!second) {
        s->tap_ms = e->t_ms;
        s->tap_x = e->x;
        s->tap_y = e->y;
        s->tap_screen = top;
        s->tap_opened_ms = top->opened_ms;
        return false;
    }
    s->tap_ms = 0;
    if (zoom_active(top)) zoom_reset(top);
    else zoom_by(top, s->info.zoom_area, s->info.zoom_max, ZOOM_DOUBLE_TAP, e->x, e->y);
    s->dirty = true;
    return true;
}

static void apply_pinch(Session *s, const PinchEvent *p)
{
    if (p->type == PINCH_BEGIN) s->pinch_zooms = can_zoom(s, p->cx, p->cy);
    if (p->type != PINCH_MOVE || !s->pinch_zooms) return;
    Screen *top = ui_top(&s->ui);
    /* Zoom around where the fingers were, then follow them: at zoom 1 a pan alone could not
     * move the picture, and the first spreading event would leave it behind. */
    zoom_by(top, s->info.zoom_area, s->info.zoom_max, p->scale, p->cx - p->dx, p->cy - p->dy);
    zoom_pan(top, s->info.zoom_area, p->dx, p->dy);
    s->dirty = true;
}

/* A second finger touched while the first is down. */
static void second_finger(Session *s, float x, float y, int64_t now_ms)
{
    session_pointer_one(s, POINTER_CANCEL, x, y, now_ms); /* nothing is pressed or dragged */
    s->two_fingers = true;
    session_frame(s); /* the zoomable area of what is on screen now */
    PinchEvent p;
    if (pinch_begin(&s->pinch, s->finger_x[0], s->finger_y[0], x, y, now_ms, &p))
        apply_pinch(s, &p);
}

void session_touch(Session *s, int finger, PointerPhase phase, float x, float y, int64_t now_ms)
{
    if (finger != 0 && finger != 1) return;
    unsigned bit = 1u << finger;
    bool lift = phase == POINTER_UP || phase == POINTER_CANCEL;
    if (phase == POINTER_DOWN) s->fingers |= bit;
    if (!s->two_fingers && finger == 0) {
        s->finger_x[0] = x;
        s->finger_y[0] = y;
        if (lift) s->fingers &= ~bit;
        session_pointer_one(s, phase, x, y, now_ms);
        return;
    }
    if (!s->two_fingers) {
        /* Finger 1 alone (the first finger already lifted) or after a swallowed wake: nothing. */
        if (phase == POINTER_DOWN && (s->fingers & 1u) && !s->swallow) {
            session_tick(s, now_ms);
            s->input_ms = now_ms;
            second_finger(s, x, y, now_ms);
        } else if (lift) {
            s->fingers &= ~bit;
        }
        return;
    }
    s->input_ms = now_ms;
    PinchEvent p;
    if (phase == POINTER_MOVE && pinch_move(&s->pinch, finger, x, y, now_ms, &p)) apply_pinch(s, &p);
    if (lift) {
        s->fingers &= ~bit;
        if (pinch_end(&s->pinch, now_ms, &p)) apply_pinch(s, &p);
        if (!s->fingers) s->two_fingers = false; /* the next touch starts afresh */
    }
}

void session_pointer(Session *s, PointerPhase phase, float x, float y, int64_t now_ms)
{
    session_touch(s, 0, phase, x, y, now_ms);
}

void session_zoom(Session *s, float factor, float x, float y, int64_t now_ms)
{
    session_tick(s, now_ms);
    s->input_ms = now_ms;
    session_frame(s);
    if (!can_zoom(s, x, y)) return;
    zoom_by(ui_top(&s->ui), s->info.zoom_area, s->info.zoom_max, factor, x, y);
    s->dirty = true;
}
