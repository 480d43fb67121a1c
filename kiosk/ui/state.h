/* state.h: what the visitor has done so far: the screen stack, language, quiz answers.
 *
 * A small reducer: ui_apply(state, action, now) is the only way state changes, so every
 * screen change can be replayed and tested without a window. Time is a parameter. */
#ifndef KIOSK_STATE_H
#define KIOSK_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "bundle/bundle.h"
#include "ui/dlist.h"

enum { NAV_MAX_DEPTH = 16, QUIZ_MAX_QUESTIONS = 50 };
/* A chosen answer stays on screen, highlighted, this long before the next question. */
enum { QUIZ_HIGHLIGHT_MS = 150 };

typedef enum {
    SCREEN_HOME,
    SCREEN_COLLECTION,
    SCREEN_ITEM,
    SCREEN_QUIZ,
    SCREEN_RESULT,
    SCREEN_ABOUT,
    SCREEN_PIN,   /* the admin PIN pad, opened by the hidden corner gesture */
    SCREEN_ADMIN, /* the admin screen, after the right PIN */
    SCREEN_PHOTO, /* one picture of an item's gallery, full screen (view_gallery.c) */
} ScreenKind;

/* What the PIN pad says under the digits. */
typedef enum { PIN_MSG_NONE, PIN_MSG_WRONG, PIN_MSG_LOCKED, PIN_MSG_NO_PIN } PinMessage;

/* A screen's name as statistics and scripts use it: "home", "collection", "item"... */
const char *screen_kind_name(ScreenKind kind);

typedef struct Screen {
    ScreenKind kind;
    const Collection *collection; /* SCREEN_COLLECTION */
    const Item *item;             /* SCREEN_ITEM, SCREEN_PHOTO */
    int picture;                  /* SCREEN_ITEM, SCREEN_PHOTO: the gallery picture shown
                                     (index into item->gallery) */
    int filter;                   /* SCREEN_COLLECTION: category index, -1 for all */
    float scroll;                 /* px scrolled; kept when coming back to this screen */
    int64_t opened_ms;            /* when it was opened (not when come back to), for motion
                                     on first view only, such as a count-up */
    float zoom, pan_x, pan_y;     /* its picture or plan zoomed (ui/zoom.h); 0 or 1: fitted */
} Screen;

typedef struct UiState {
    const Bundle *bundle; /* borrowed; must outlive the state */
    Screen stack[NAV_MAX_DEPTH]; /* stack[0] is always home */
    size_t depth;                /* number of screens on the stack, >= 1 */
    size_t lang;                 /* index into bundle->languages */
    int answers[QUIZ_MAX_QUESTIONS]; /* answers[i] answers question i, for i < quiz_known */
    size_t quiz_pos;             /* question being asked */
    size_t quiz_known;           /* questions with an answer kept (Back keeps them) */
    int64_t answered_ms;         /* when question quiz_pos - 1 was answered: it stays on screen
                                    with its answer highlighted for QUIZ_HIGHLIGHT_MS */
    int focus;                   /* keyboard focus: index of a hit area, -1 for none */
    bool pressing;               /* a finger or button is down at (press_x, press_y) */
    float press_x, press_y;
    int64_t changed_ms;          /* when the screen last changed, for the entry transition */
    bool attract;                /* the attract loop is showing (nobody is using the kiosk) */
    bool large_text;             /* "A+": all text UI_LARGE_TEXT times larger, for this visit */
    bool sound_toggled;          /* the visitor turned a clip's sound on (or a loud clip's off),
                                    for this visit */
    int64_t video_ms;            /* where the clip on screen is (the window reports it), for
                                    its captions; -1: not playing */
    char pin[16];                /* digits typed on the PIN pad (never stored anywhere else) */
    size_t pin_len;
    PinMessage pin_message;
    const char *admin_status;    /* borrowed: status lines for the admin screen (session) */
    int64_t attract_ms;          /* when the attract loop started */
    const char *here;            /* borrowed (the settings, which outlive the state): the id of
                                    the region this kiosk stands in, marked on maps; NULL: none.
                                    Kept by ui_reset: it belongs to the kiosk, not the visit */
    int64_t wall_offset_ms;      /* the wall clock (Unix ms) minus now_ms, for timetables: set by
                                    the window loop, a replay's `clock`, --clock; 0 until set */
    bool full_height;            /* drawn in strips for one full-height picture (--full): no
                                    scroll bar, which would show once per strip */
} UiState;

#define UI_LARGE_TEXT 1.25f

void ui_init(UiState *s, const Bundle *b, int64_t now_ms);
/* Applies one action; returns true when anything visible changed. */
bool ui_apply(UiState *s, Action a, int64_t now_ms);
/* Back to a fresh visitor's state: home, default language, quiz reset, scrolls at the top. */
void ui_reset(UiState *s, int64_t now_ms);
static inline Screen *ui_top(UiState *s) { return &s->stack[s->depth - 1]; }
static inline const Screen *ui_top_const(const UiState *s) { return &s->stack[s->depth - 1]; }

/* The next (step 1) or previous (-1) picture of the gallery on the top screen (an item page
 * or a picture full screen), round from the last to the first; false when there is nothing
 * to step through. */
bool ui_step_picture(UiState *s, int step);

/* The hidden admin entry: opens the PIN pad; after the right PIN (checked by the caller)
 * ui_open_admin turns the pad into the admin screen. Both forget any typed digits. */
void ui_open_pin(UiState *s, int64_t now_ms);
void ui_open_admin(UiState *s, int64_t now_ms);

/* The attract loop's slides, one per attract_slide seconds: the bundle's attract_slides, or
 * by default the title, then every item with a picture with the quiz teaser after each four. */
size_t ui_attract_count(const Bundle *b);
AttractSlide ui_attract_nth(const Bundle *b, size_t n);

/* Where the attract loop is at now_ms: the slide, the one before it (still fading out), how
 * far into the slide (0..1) and how far the cross-fade has come (0..1; 1 when it is over). */
enum { ATTRACT_FADE_MS = 600 };
typedef struct AttractPhase {
    AttractSlide slide, before;
    size_t index;   /* how many slides were shown before this one since the loop started */
    float progress; /* 0 at the slide's start, 1 at its end */
    float fade;
} AttractPhase;
bool ui_attract_phase(const UiState *s, int64_t now_ms, AttractPhase *out);

/* The item the attract loop shows at now_ms, or NULL (not in the attract loop, or a title or
 * quiz slide). */
const Item *ui_attract_item(const UiState *s, int64_t now_ms);

/* Shows the top screen as it rests: no entry motion, no answer highlight, no count-up (for
 * pictures, tests and a screen opened directly). */
void ui_settle(UiState *s, int64_t now_ms);
/* True while the answer just given is still shown highlighted (the question it answered is
 * quiz_pos - 1). */
bool ui_quiz_highlighting(const UiState *s, int64_t now_ms);

/* The quiz result: the best-scoring items, best first (ties: quiz_rank.h). Returns how
 * many were written (at most max and the quiz's result count). */
size_t ui_quiz_result(const UiState *s, const Item **items, int *points, size_t max);

#endif
