/* session_touch.h: what the session does with a second finger, a zoomed picture and a swipe
 * (session_touch.c); called from session.c's gesture handling. Internal to kiosk/ui. */
#ifndef KIOSK_SESSION_TOUCH_H
#define KIOSK_SESSION_TOUCH_H

#include "ui/session.h"

/* One finger came down: decide whether its drag will pan a zoomed picture or may swipe. */
void touch_press(Session *s, const GestureEvent *e);
/* True when the drag was the zoomed content's (panned) or a swipe's: it does not scroll. */
bool touch_drag(Session *s, const GestureEvent *e);
/* At the end of a drag: a swipe applies the view's swipe action. */
void touch_drag_end(Session *s, const GestureEvent *e);
/* True when the tap was the second of a double tap in the zoomable area (it zoomed; it
 * presses nothing). */
bool touch_tap(Session *s, const GestureEvent *e);

/* session.c's one-pointer path (finger 0 when no pinch is under way). */
void session_pointer_one(Session *s, PointerPhase phase, float x, float y, int64_t now_ms);

#endif
