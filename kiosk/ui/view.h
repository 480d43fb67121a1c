/* view.h: bundle + state + viewport -> display list. Pure layout, no SDL.
 *
 * Text is measured through an injected callback, so the layout runs the same with real fonts
 * (the SDL backend) and with a fake measurer (unit tests). Sizes scale with the screen:
 * one unit `u` is 1 px on a 1080-pixel-high landscape (or 1080-wide portrait) screen. */
#ifndef KIOSK_VIEW_H
#define KIOSK_VIEW_H

#include "bundle/bundle.h"
#include "ui/dlist.h"
#include "ui/state.h"

/* How long a new screen takes to settle into place (ms), and how long any first-view motion
 * of a screen lasts at most (a figure's count-up): a screen opened longer ago is still. */
enum { VIEW_TRANSITION_MS = 180, VIEW_SETTLE_MS = 600 };

typedef struct TextMeasure {
    void *ctx;
    /* Width in px of s[0..len) in `font` at `px` pixels. */
    int (*width)(void *ctx, FontId font, int px, const char *s, size_t len);
} TextMeasure;

typedef struct ViewInfo {
    float scroll_viewport; /* height of the top screen's scrolling area (0: no scrolling) */
    float scroll_content;  /* height of its content */
    Rect scroll_area;      /* where a drag scrolls */
    /* Motion the screen itself asks for (attract loop, count-up, answer highlight): the
     * next frame in frame_ms; 0: the screen is still. A moving screen asks again on each
     * frame it builds and stops asking once it has settled. */
    int frame_ms;
    /* A still screen that changes at a known time (a timetable when a session starts or
     * ends): build it again at this now_ms; 0: never. */
    int64_t wake_ms;
    /* Content that zooms (ui/zoom.h): where it is drawn fitted, and how far it may zoom;
     * zoom_max > 1 lets a pinch, a double tap and (once zoomed) a drag inside zoom_area
     * zoom and pan the top screen. 0: nothing zooms. Zoomed content is a picture or a plan,
     * which is never mirrored: zoom_area is where it is on screen, in every language. */
    Rect zoom_area;
    float zoom_max;
    /* A mostly horizontal swipe that starts in swipe_area while nothing is zoomed applies
     * swipe_next (the finger moved towards the start of the line: left, or right in a
     * right-to-left language) or swipe_prev. ACT_NONE: no swipe there. Given as laid out
     * left to right, like scroll_area: a right-to-left screen mirrors it. */
    Rect swipe_area;
    Action swipe_next, swipe_prev;
} ViewInfo;

/* Asks for another frame in frame_ms (the shortest step asked for wins). */
void view_animate(ViewInfo *info, int frame_ms);

/* Asks for the screen to be built again at now_ms `at_ms` (the earliest asked for wins). */
void view_wake_at(ViewInfo *info, int64_t at_ms);

/* Rebuilds `d` for the top screen of `s` at size w x h. */
void view_build(DisplayList *d, const UiState *s, const TextMeasure *m, float w, float h,
                int64_t now_ms, ViewInfo *info);

/* The layout unit: 1 unit is 1 px when the screen's shorter side is VIEW_DESIGN_PX. Every
 * size in the screens, the gestures and the wheel is a number of units. */
enum { VIEW_DESIGN_PX = 1080 };
float view_unit(float w, float h);

/* True for a right-to-left language ("ar", "he", "fa"...): its screens are mirrored. */
bool view_rtl(const char *code);

/* Minimum touch target side, in px, for a viewport of w x h. */
float view_min_target(float w, float h);

#endif
