/* session.h: one visitor's interaction with the screens, driven by abstract input and time.
 *
 * The window and the replay/headless modes feed the same Session with pointer events, keys
 * and the current time, and ask it for the display list to draw. It owns the navigation
 * state, the gesture recogniser and the scroller, and knows nothing of SDL, so a whole
 * visit can be replayed on a fake clock in a test. */
#ifndef KIOSK_SESSION_H
#define KIOSK_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "input/gesture.h"
#include "input/pinch.h"
#include "ops/pin.h"
#include "input/scroller.h"
#include "ui/state.h"
#include "ui/view.h"

typedef enum { POINTER_DOWN, POINTER_MOVE, POINTER_UP, POINTER_CANCEL } PointerPhase;

typedef enum {
    KEY_NEXT,     /* Tab */
    KEY_PREV,     /* Shift+Tab */
    KEY_LEFT,
    KEY_RIGHT,
    KEY_UP,
    KEY_DOWN,
    KEY_ACTIVATE, /* Enter, Space */
    KEY_BACK,     /* Backspace */
    KEY_HOME,     /* Home */
    KEY_PAGE_UP,
    KEY_PAGE_DOWN,
} KeyKind;

typedef struct Session {
    UiState ui;
    Gesture gesture;
    Scroller scroller;
    bool drag_scrolls;   /* the current drag started in the scroll area */
    DisplayList *list;   /* owned (large: allocated once) */
    ViewInfo info;
    TextMeasure measure; /* borrowed context */
    float w, h;
    bool dirty;          /* the display list must be rebuilt */
    int64_t now_ms;
    int64_t input_ms;    /* last touch or key: the idle clock */
    bool swallow;        /* ignore the rest of this touch (it woke the kiosk from attract) */
    int64_t press_ms;    /* when the current touch went down: a tap counts only on the screen
                            it started on (a quick second tap on a quiz answer must not
                            answer the next question too) */
    unsigned long actions; /* actions applied, for statistics and tests */
    unsigned long idle_resets, attract_starts;
    /* Admin: the hidden corner gesture, the PIN check, and requests for the main loop. */
    const char *pin_hash;         /* borrowed from the local config; NULL: no admin access */
    bool (*verify)(const char *pin, const char *hash); /* pin_verify, or a fake in tests */
    PinGuard guard;
    int64_t corner_since;         /* a finger rests in the admin corner since; 0 for none */
    bool want_reload, want_preview, want_exit;
    char admin_text[2048];        /* status lines for the admin screen (session_set_admin_status) */
    unsigned long pin_failures;
    /* Two fingers and zoom (session_touch.c). */
    Pinch pinch;
    unsigned fingers;            /* bit n: finger n is down */
    float finger_x[2], finger_y[2];
    bool two_fingers;            /* a second finger touched: the rest of this touch is a pinch
                                    (or nothing), until every finger is up */
    bool pinch_zooms;            /* the pinch started inside the zoomable area */
    bool drag_pans;              /* the current drag pans the zoomed content */
    bool drag_swipes;            /* the current drag may be a swipe (ViewInfo.swipe_area) */
    int64_t tap_ms;              /* the last tap in a zoomable area, for a double tap */
    float tap_x, tap_y;
    const Screen *tap_screen;
    int64_t tap_opened_ms;
    DisplayList *ahead;          /* the screen the finger down would open (session_ahead.c) */
    int64_t ahead_press;         /* the touch it was built for */
    int ahead_asks;              /* times it was handed out for this touch */
    int64_t framed_change;       /* ui.changed_ms when the last frame was built */
} Session;

/* Hold a finger still in the top-left corner this long to reach the PIN pad. */
enum { SESSION_ADMIN_HOLD_MS = 5000, SESSION_ADMIN_CORNER = 140 /* units */ };

/* Returns false when out of memory. The bundle must outlive the session. */
bool session_init(Session *s, const Bundle *b, TextMeasure m, float w, float h, int64_t now_ms);
void session_free(Session *s);
/* Changes the viewport size (window resized or rotated). */
void session_resize(Session *s, float w, float h);
/* One pointer (the mouse, or a touchscreen's first finger): session_touch with finger 0. */
void session_pointer(Session *s, PointerPhase phase, float x, float y, int64_t now_ms);
/* A touchscreen's finger 0 or 1 (the first and second to touch; others are ignored). One
 * finger taps, scrolls and swipes; a second one turns the touch into a pinch, which zooms
 * where the screen has something to zoom (ViewInfo.zoom_area) and does nothing elsewhere. */
void session_touch(Session *s, int finger, PointerPhase phase, float x, float y, int64_t now_ms);
/* Zooms the screen's zoomable content by `factor` around (x, y), as a pinch would (Ctrl and
 * the mouse wheel on a desktop). */
void session_zoom(Session *s, float factor, float x, float y, int64_t now_ms);
void session_key(Session *s, KeyKind key, int64_t now_ms);
/* Scroll by delta px (mouse wheel). */
void session_scroll(Session *s, float delta, int64_t now_ms);
/* Applies an action as if its button were tapped. */
void session_apply(Session *s, Action a, int64_t now_ms);
/* Advances animations and timers to now; returns true when something must be redrawn. */
bool session_tick(Session *s, int64_t now_ms);
/* When the session next needs a tick even without input (ms), or INT64_MAX for never. */
int64_t session_next_wake(const Session *s);
/* Unattended operation (times from the bundle's kiosk settings):
 *   - idle_timeout after the last input: back to a fresh visitor's state (home, default
 *     language, quiz and scrolls reset);
 *   - attract_delay after that: the attract loop, a showcase of items, one every
 *     attract_slide seconds, until a touch or key, which returns home and presses nothing. */
bool session_is_fresh(const Session *s);
/* The item the attract loop shows now, or NULL. */
const Item *session_attract_item(const Session *s, int64_t now_ms);

/* True at a moment when the bundle may be swapped without disturbing anyone: no finger
 * down, and the kiosk is at home, in the attract loop, or untouched for SESSION_QUIET_MS. */
enum { SESSION_QUIET_MS = 10000 };
bool session_is_quiet(const Session *s, int64_t now_ms);

/* Opens a screen by name, as a visitor would reach it: "home", "about", "quiz", "result"
 * (the quiz answered with each question's first answer), "attract" (the attract loop), or a
 * collection or item id (an
 * item is opened from its collection, so Back leads there). False for an unknown name. */
bool session_open(Session *s, const char *spec, int64_t now_ms);
/* The top screen's name: "home", "about", "quiz", "result", "attract", "collection:ID" or
 * "item:ID". */
const char *session_screen_name(const Session *s, char *buf, size_t size);

/* The hit area on screen that `name` designates (an item or collection id, or back, home,
 * language, text-size, about, quiz, again, answer-N, filter-N, filter-all), or NULL. */
const Hit *session_find_target(Session *s, const char *name);

/* What the admin screen asked the supervisor to do; each request is returned once. */
enum { SESSION_WANT_RELOAD = 1, SESSION_WANT_PREVIEW = 2, SESSION_WANT_EXIT = 4 };
unsigned session_take_requests(Session *s);
/* The status lines the admin screen shows (copied). */
void session_set_admin_status(Session *s, const char *text);
/* Draw again although nothing in the session changed (exposed window, a picture arrived). */
void session_invalidate(Session *s);
/* Where the clip on screen is (ms; -1: none plays), for its captions, told after a frame was
 * drawn. Returns when the next frame is due: at once when a clip started or stopped playing,
 * else session_next_wake() of the frame just built. */
int64_t session_video_time(Session *s, int64_t ms);
/* Marks the map region or plan place `id` (borrowed: the settings, which must outlive the
 * session) as where the kiosk stands: "you are here" on the map or plan. True when the bundle
 * has an item `id` with a shape or a pin, or id is NULL (no marker); false for any other id,
 * and then nothing is marked. */
bool session_set_here(Session *s, const char *id);
/* Input woke a dark (closed) kiosk: counts as input and presses nothing. finger_down: a
 * touch did, and the rest of it (moves, the lift) is ignored too; a key or the wheel leaves
 * the next touch alone. */
void session_wake(Session *s, bool finger_down, int64_t now_ms);

/* The screen on top, as data: its kind and the id of its collection or item (borrowed from
 * the bundle; NULL for other kinds). `attract` is true while the attract loop shows. */
typedef struct ScreenRef {
    ScreenKind kind;
    bool attract;
    const char *id;
} ScreenRef;
ScreenRef session_screen(const Session *s);

/* Tells the session the wall clock: Unix milliseconds `wall_ms` at session time `now_ms`
 * (timetables mark "now" and "next" by it). Call it whenever the clock may have been set. */
void session_set_wall_clock(Session *s, int64_t wall_ms, int64_t now_ms);
/* Starts `ns` on a new bundle where `old` was: same screen and language where they exist,
 * the same idle clock, PIN check and guard. False when out of memory (old stays usable). */
bool session_continue(Session *ns, const Session *old, const Bundle *nb, int64_t now_ms);

/* The display list for now, rebuilt only when something changed. */
const DisplayList *session_frame(Session *s);
/* While a finger is down on something that opens a screen: that screen's list, built once a
 * touch without changing anything, so its texts can be made before the finger lifts; NULL
 * otherwise, after session_ahead_done, and after it was asked for 50 times in one touch. */
const DisplayList *session_ahead(Session *s);
void session_ahead_done(Session *s);
/* session_frame's (session_ahead.c): a transition or count-up that began since the last frame
 * starts at this frame, so the frame drawn ahead is the one the lift shows. */
void session_start_transition(Session *s, Screen *top);

#endif
