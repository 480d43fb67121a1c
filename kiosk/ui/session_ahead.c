/* session_ahead.c: the screen a finger is about to open, built while it is still down.
 *
 * A tap holds the glass for 80-150 ms. The pressed state is on screen within a few of them,
 * and then the kiosk has nothing to do until the finger lifts. Building the screen the tap
 * would open and rendering its texts in that time (the window's drawer_prepare) leaves the
 * first frame after the lift only copies to make, so the new screen answers nearly as fast
 * as the pressed state did. It is built on a copy of the state: if the finger slides off,
 * scrolls or stays for a long press, nothing has changed. */
#include <stdlib.h>

#include "ui/session.h"

/* What a tap may open or redraw in full; the PIN pad and admin buttons are left alone. */
static bool opens(ActionKind k)
{
    switch (k) {
    case ACT_BACK:
    case ACT_HOME:
    case ACT_LANGUAGE:
    case ACT_ABOUT:
    case ACT_QUIZ:
    case ACT_COLLECTION:
    case ACT_ITEM:
    case ACT_FILTER:
    case ACT_ANSWER:
    case ACT_QUIZ_AGAIN:
    case ACT_TEXT_SIZE:
    case ACT_PHOTO: return true;
    default: return false;
    }
}

enum { AHEAD_SLICES = 50 }; /* asks a touch at most: a finger left on the glass costs nothing */

static bool build(Session *s)
{
    const Hit *h = dlist_hit_at(s->list, s->ui.press_x, s->ui.press_y);
    if (!h || !opens(h->action.kind)) return false;
    if (!s->ahead && !(s->ahead = calloc(1, sizeof *s->ahead))) return false;
    UiState next = s->ui;
    next.pressing = false;
    if (!ui_apply(&next, h->action, s->now_ms)) return false;
    ViewInfo info;
    /* The screen's first frame, as the lift will show it (a transition starts with the frame
     * that shows it, session_frame): the window may draw it now and only present it then. */
    view_build(s->ahead, &next, &s->measure, s->w, s->h, s->now_ms, &info);
    return true;
}

const DisplayList *session_ahead(Session *s)
{
    if (!s->ui.pressing || s->two_fingers || s->ui.attract || s->swallow) return NULL;
    if (s->ahead_press != s->press_ms) { /* a new touch */
        s->ahead_press = s->press_ms;
        s->ahead_asks = build(s) ? 0 : AHEAD_SLICES;
    }
    if (s->ahead_asks >= AHEAD_SLICES) return NULL;
    s->ahead_asks++;
    return s->ahead;
}

void session_ahead_done(Session *s)
{
    s->ahead_asks = AHEAD_SLICES;
}

/* A transition starts with the first frame that shows it, not with the event: a frame built a
 * few milliseconds after the lift would otherwise open at another offset than the screen
 * drawn ahead while the finger was down (session_ahead), and every pixel of it would differ;
 * a slow frame would skip the start of the motion. A screen's count-up starts with it. */
void session_start_transition(Session *s, Screen *top)
{
    if (s->ui.changed_ms == s->framed_change) return;
    int64_t late = s->now_ms - s->ui.changed_ms;
    if (late > 0 && late < VIEW_TRANSITION_MS) {
        if (top->opened_ms == s->ui.changed_ms) top->opened_ms = s->now_ms;
        s->ui.changed_ms = s->now_ms;
    }
    s->framed_change = s->ui.changed_ms;
}
