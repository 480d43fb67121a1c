/* monkey.c: a visitor who never tires: random input into a headless Session, with the
 * session's invariants checked after every event.
 *
 *   monkey --events N --seed S [--bundle DIR]
 *
 * The session runs at 1920x1080 on a simulated clock that only moves forward, exactly as the
 * window drives it, through the window's own supervisor (app/supervisor.h): between inputs it
 * is stepped at the times the supervisor asks for,
 * and every ~50 events the display list is drawn through a Canvas (real fonts, real
 * textures, a small cache so the LRU has to evict). The input comes from our own seeded PRNG,
 * so a seed replays the same run on every machine: taps at random points and on the centres
 * of the hit areas on screen (to reach deep screens), drags and flings, edge swipes, long
 * presses, every key, waits up to minutes (idle reset, attract loop), cancelled touches,
 * language switches, quiz answers, odd pointer sequences, and the hidden admin corner hold
 * followed by WRONG PINs only: the fake verifier accepts "4711", which the monkey never
 * submits, so the admin screen must never open.
 *
 * A violation prints the seed, the event number, what was checked, the screen and the last
 * few events, so it can be replayed with the same --seed and --events. */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle/bundle.h"
#include "platform/canvas.h"
#include "app/supervisor.h"
#include "ui/session.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif

enum {
    WIDTH = 1920,
    HEIGHT = 1080,
    CACHE_BUDGET = 16 << 20,  /* small, so the texture cache evicts */
    DRAW_EVERY = 50,          /* events between two drawn frames */
    FRAME_MS = 16,            /* finger samples arrive this often during a drag */
    HISTORY = 12,             /* events shown with a violation */
    DESC = 160,
    MAX_REPORTS = 20,         /* violations printed in full; all are counted */
    MAX_SCREENS = 512,
    MAX_KINDS = 16,
};

static const char RIGHT_PIN[] = "4711";
static const char FAKE_HASH[] = "$y$fake";
static const int64_t WALL_START = 1767225600; /* 2026-01-01 00:00 UTC: the wall clock's start */

/* ---- the fake PIN verifier -------------------------------------------------------------- */

static unsigned long verify_calls, verify_right;

static bool fake_verify(const char *pin, const char *hash)
{
    verify_calls++;
    bool right = strcmp(hash, FAKE_HASH) == 0 && strcmp(pin, RIGHT_PIN) == 0;
    if (right) verify_right++;
    return right;
}

/* ---- a small seeded PRNG (splitmix64): the same seed gives the same run everywhere ------- */

typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi] (inclusive). */
static int64_t rng_range(Rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static float rng_float(Rng *r, float lo, float hi)
{
    return lo + (hi - lo) * (float)((double)(rng_next(r) >> 11) / 9007199254740992.0);
}

static bool rng_chance(Rng *r, double p)
{
    return (double)(rng_next(r) >> 11) / 9007199254740992.0 < p;
}

/* ---- a memo in front of the real text measurer -------------------------------------------
 *
 * Every frame the layout measures the same words again with SDL_ttf (HarfBuzz shaping), which
 * is most of the monkey's time (about 75% without the memo). The memo returns exactly the
 * width the real fonts gave for the same font, size and bytes, so the layout is the same; it
 * only makes 200,000 events fit in the time of a test. Misses still go to the real fonts. */

enum { MEMO_SLOTS = 1 << 16 };

typedef struct MemoSlot {
    uint64_t hash;
    char *text; /* owned copy; NULL for an empty slot */
    size_t len;
    int font, px, width;
} MemoSlot;

typedef struct Memo {
    TextMeasure real;
    MemoSlot *slots;
    unsigned long calls, misses;
} Memo;

static uint64_t memo_hash(FontId font, int px, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)font << 32) ^ (uint64_t)(unsigned)px;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int memo_width(void *ctx, FontId font, int px, const char *s, size_t len)
{
    Memo *m = ctx;
    m->calls++;
    uint64_t h = memo_hash(font, px, s, len);
    MemoSlot *slot = &m->slots[h & (MEMO_SLOTS - 1)];
    if (slot->text && slot->hash == h && slot->font == (int)font && slot->px == px &&
        slot->len == len && memcmp(slot->text, s, len) == 0)
        return slot->width;
    m->misses++;
    int w = m->real.width(m->real.ctx, font, px, s, len);
    char *copy = malloc(len + 1);
    if (!copy) return w; /* not remembered; the width is still right */
    memcpy(copy, s, len);
    copy[len] = '\0';
    free(slot->text);
    *slot = (MemoSlot){h, copy, len, (int)font, px, w};
    return w;
}

static void memo_free(Memo *m)
{
    if (!m->slots) return;
    for (size_t i = 0; i < MEMO_SLOTS; i++) free(m->slots[i].text);
    free(m->slots);
    m->slots = NULL;
}

/* ---- the monkey ---------------------------------------------------------------------------- */

typedef struct Monkey {
    Supervisor *k;                 /* the kiosk's own supervisor, as the window drives it */
    const Session *s;              /* its session (read only) */
    KioskConfig cfg;
    Canvas *canvas;
    Memo memo;
    const Bundle *b;
    Rng rng;
    uint64_t seed;
    int64_t now;
    unsigned long event;           /* number of the event being run, from 1 */
    char history[HISTORY][DESC];   /* the last events, history[event % HISTORY] is this one */
    unsigned long taps, drags, keys, waits, wrong_pins, draws, pin_pads;
    unsigned long pinches, zoomed; /* two-finger touches; events that left a screen zoomed in */
    unsigned long passed, failed;
    bool spinning;                 /* the supervisor's next wake-up is in the past */
    bool quit;                     /* the supervisor asked the window to quit */
    struct {                       /* violations by kind (numbers left out), for the summary */
        char what[DESC];
        unsigned long count, first;
    } kinds[MAX_KINDS];
    size_t n_kinds;
    char screens[MAX_SCREENS][96]; /* distinct screen names seen */
    size_t n_screens;
} Monkey;

/* Appends to the description of the current event (kept for violation reports). */
static void say(Monkey *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(Monkey *m, const char *fmt, ...)
{
    char *d = m->history[m->event % HISTORY];
    size_t used = strlen(d);
    if (used + 1 >= DESC) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d + used, DESC - used, fmt, ap);
    va_end(ap);
}

static const char *screen_name(const Monkey *m)
{
    static char buf[128];
    return session_screen_name(m->s, buf, sizeof buf);
}

/* Counts a violation under its kind: the message with every number written as N. */
static void tally(Monkey *m, const char *what)
{
    char kind[DESC];
    size_t n = 0;
    for (const char *p = what; *p && n + 1 < sizeof kind; p++) {
        bool digit = *p >= '0' && *p <= '9';
        if (!digit) kind[n++] = *p;
        else if (n == 0 || kind[n - 1] != 'N') kind[n++] = 'N';
    }
    kind[n] = '\0';
    for (size_t i = 0; i < m->n_kinds; i++)
        if (strcmp(m->kinds[i].what, kind) == 0) {
            m->kinds[i].count++;
            return;
        }
    if (m->n_kinds == MAX_KINDS) return;
    snprintf(m->kinds[m->n_kinds].what, DESC, "%s", kind);
    m->kinds[m->n_kinds].count = 1;
    m->kinds[m->n_kinds++].first = m->event;
}

static void report(Monkey *m, const char *what)
{
    m->failed++;
    tally(m, what);
    if (m->failed > MAX_REPORTS) return;
    fprintf(stderr, "monkey: seed %" PRIu64 ", event %lu, t=%" PRId64 " ms: VIOLATION: %s\n"
                    "  screen %s, depth %zu, lang %zu, focus %d\n  last events (oldest first):\n",
            m->seed, m->event, m->now, what, screen_name(m), m->s->ui.depth, m->s->ui.lang,
            m->s->ui.focus);
    for (unsigned long k = m->event >= HISTORY ? m->event - HISTORY + 1 : 1; k <= m->event; k++)
        fprintf(stderr, "    #%lu %s\n", k, m->history[k % HISTORY]);
    if (m->failed == MAX_REPORTS) fprintf(stderr, "monkey: further violations are only counted\n");
}

/* One invariant: counted when it holds, reported when it does not. */
static void expect(Monkey *m, bool ok, const char *what)
{
    if (ok) m->passed++;
    else report(m, what);
}

/* ---- time ---------------------------------------------------------------------------------- */

/* Moves the clock to t as the window's loop does: a supervisor step at every wake-up it asks
 * for, and at t. A wake-up that is not in the future would make the window spin. */
static Requests step(Monkey *m)
{
    Requests r = supervisor_step(m->k, m->now, WALL_START + m->now / 1000);
    m->quit |= r.quit;
    return r;
}

static void advance_to(Monkey *m, int64_t t)
{
    while (m->now < t) {
        int64_t wake = step(m).wake_ms;
        if (wake <= m->now) {
            /* The window would call again at once, for ever: report it once per episode and
             * go on a frame at a time (the state does not depend on how often it ticks). */
            if (!m->spinning) {
                char what[200];
                snprintf(what, sizeof what,
                         "the supervisor's wake-up %" PRId64 " is not after now (%" PRId64
                         "): the window loop would spin at 100%% CPU",
                         wake, m->now);
                report(m, what);
            }
            m->spinning = true;
            wake = m->now + FRAME_MS;
        } else {
            m->spinning = false;
        }
        m->now = wake < t ? wake : t;
    }
    step(m);
}

static void advance(Monkey *m, int64_t ms)
{
    advance_to(m, m->now + ms);
}

/* ---- input primitives ------------------------------------------------------------------- */

static void pointer(Monkey *m, PointerPhase phase, float x, float y)
{
    supervisor_pointer(m->k, phase, x, y, m->now);
}

static float unit(const Monkey *m)
{
    return fminf(m->s->w, m->s->h) / 1080.0f;
}

/* Down, a finger's natural tremble within the slop, up. */
static void tap_at(Monkey *m, float x, float y)
{
    float slop = m->s->gesture.cfg.tap_slop;
    pointer(m, POINTER_DOWN, x, y);
    int64_t hold = rng_range(&m->rng, 30, 250);
    for (int64_t t = FRAME_MS; t < hold; t += FRAME_MS) {
        advance(m, FRAME_MS);
        if (rng_chance(&m->rng, 0.3))
            pointer(m, POINTER_MOVE, x + rng_float(&m->rng, -slop / 3, slop / 3),
                    y + rng_float(&m->rng, -slop / 3, slop / 3));
    }
    advance_to(m, m->now + hold % FRAME_MS + 1);
    pointer(m, POINTER_UP, x, y);
    m->taps++;
}

static bool hit_centre(const Hit *h, float *x, float *y)
{
    Rect r = h->clip.w > 0 && h->clip.h > 0 ? h->clip : h->r;
    if (r.w <= 0 || r.h <= 0) return false;
    *x = r.x + r.w / 2;
    *y = r.y + r.h / 2;
    return true;
}

static const Hit *find_action(Monkey *m, ActionKind kind, int arg, bool any_arg)
{
    const DisplayList *d = supervisor_frame(m->k);
    for (size_t i = 0; i < d->n_hits; i++)
        if (d->hits[i].action.kind == kind && (any_arg || d->hits[i].action.arg == arg))
            return &d->hits[i];
    return NULL;
}

static bool tap_hit(Monkey *m, const Hit *h)
{
    float x, y;
    if (!h || !hit_centre(h, &x, &y)) return false;
    tap_at(m, x, y);
    return true;
}

static bool on_pin_pad(const Monkey *m)
{
    return ui_top_const(&m->s->ui)->kind == SCREEN_PIN && !m->s->ui.attract;
}

/* The monkey must never submit the right PIN: when the digits typed so far are exactly it,
 * the next event is an erase (a single tap or key applies at most one action, so this check
 * before every event is enough). */
static void never_the_right_pin(Monkey *m)
{
    if (!on_pin_pad(m) || strcmp(m->s->ui.pin, RIGHT_PIN) != 0) return;
    say(m, "erase (the typed digits were the right PIN); ");
    tap_hit(m, find_action(m, ACT_PIN_ERASE, 0, true));
    if (strcmp(m->s->ui.pin, RIGHT_PIN) == 0) {
        /* Cannot happen unless erasing is broken; leave the pad rather than risk OK. */
        report(m, "the PIN pad's erase key did not erase");
        supervisor_key(m->k, KEY_BACK, m->now);
    }
}

/* ---- events ------------------------------------------------------------------------------ */

static void ev_tap_anywhere(Monkey *m)
{
    float x = rng_float(&m->rng, 0, m->s->w - 1), y = rng_float(&m->rng, 0, m->s->h - 1);
    say(m, "tap at (%.0f, %.0f)", x, y);
    tap_at(m, x, y);
}

static void ev_tap_target(Monkey *m)
{
    const DisplayList *d = supervisor_frame(m->k);
    if (d->n_hits == 0) {
        ev_tap_anywhere(m);
        return;
    }
    const Hit *h = &d->hits[rng_range(&m->rng, 0, (int64_t)d->n_hits - 1)];
    float x, y;
    if (!hit_centre(h, &x, &y)) {
        ev_tap_anywhere(m);
        return;
    }
    say(m, "tap hit area (action %d, arg %d) at (%.0f, %.0f)",
             (int)h->action.kind, h->action.arg, x, y);
    tap_at(m, x, y);
}

/* A straight finger path from (x0, y0) to (x1, y1) in `ms`, samples every ~16 ms, optionally
 * resting still before lifting (no fling then). */
static void swipe(Monkey *m, float x0, float y0, float x1, float y1, int64_t ms, int64_t rest)
{
    pointer(m, POINTER_DOWN, x0, y0);
    int steps = (int)(ms / FRAME_MS) > 1 ? (int)(ms / FRAME_MS) : 1;
    for (int i = 1; i <= steps; i++) {
        advance(m, ms / steps > 0 ? ms / steps : 1);
        float f = (float)i / (float)steps;
        pointer(m, POINTER_MOVE, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
    }
    if (rest) advance(m, rest);
    pointer(m, POINTER_UP, x1, y1);
    m->drags++;
}

static void ev_drag(Monkey *m)
{
    float x0, y0;
    const ViewInfo *info = &m->s->info;
    if (info->scroll_viewport > 0 && rng_chance(&m->rng, 0.7)) {
        Rect a = info->scroll_area;
        x0 = rng_float(&m->rng, a.x, a.x + a.w - 1);
        y0 = rng_float(&m->rng, a.y, a.y + a.h - 1);
    } else {
        x0 = rng_float(&m->rng, 0, m->s->w - 1);
        y0 = rng_float(&m->rng, 0, m->s->h - 1);
    }
    /* Mostly vertical, as scrolling is; sometimes any direction and beyond the screen. */
    float len = rng_float(&m->rng, 0, 1400 * unit(m));
    float angle = rng_chance(&m->rng, 0.75) ? (rng_chance(&m->rng, 0.5) ? 1.5708f : -1.5708f) +
                                                 rng_float(&m->rng, -0.3f, 0.3f)
                                           : rng_float(&m->rng, -3.1416f, 3.1416f);
    float x1 = x0 + len * cosf(angle), y1 = y0 + len * sinf(angle);
    int64_t ms = rng_chance(&m->rng, 0.3) ? rng_range(&m->rng, 20, 120)   /* a fling */
                                          : rng_range(&m->rng, 120, 1500);
    int64_t rest = rng_chance(&m->rng, 0.25) ? rng_range(&m->rng, 50, 400) : 0;
    say(m, "drag (%.0f, %.0f) -> (%.0f, %.0f) in %" PRId64 " ms, rest %" PRId64,
             x0, y0, x1, y1, ms, rest);
    swipe(m, x0, y0, x1, y1, ms, rest);
}

static void ev_edge_swipe(Monkey *m)
{
    float edge = m->s->gesture.cfg.edge_width;
    float x0 = rng_float(&m->rng, 0, edge - 1), y0 = rng_float(&m->rng, 0, m->s->h - 1);
    float dx = rng_float(&m->rng, 80, 900) * unit(m), dy = rng_float(&m->rng, -0.6f, 0.6f) * dx;
    int64_t ms = rng_range(&m->rng, 60, 600);
    say(m, "edge swipe (%.0f, %.0f) by (%.0f, %.0f) in %" PRId64 " ms", x0,
             y0, dx, dy, ms);
    swipe(m, x0, y0, x0 + dx, y0 + dy, ms, 0);
}

static void ev_long_press(Monkey *m)
{
    const DisplayList *d = supervisor_frame(m->k);
    float x = rng_float(&m->rng, 0, m->s->w - 1), y = rng_float(&m->rng, 0, m->s->h - 1);
    if (d->n_hits && rng_chance(&m->rng, 0.6))
        hit_centre(&d->hits[rng_range(&m->rng, 0, (int64_t)d->n_hits - 1)], &x, &y);
    int64_t hold = rng_range(&m->rng, 620, 4000);
    bool then_drag = rng_chance(&m->rng, 0.3);
    say(m, "long press at (%.0f, %.0f) for %" PRId64 " ms%s", x, y, hold,
             then_drag ? ", then drag" : "");
    pointer(m, POINTER_DOWN, x, y);
    advance(m, hold);
    if (then_drag) {
        for (int i = 1; i <= 10; i++) {
            advance(m, FRAME_MS);
            pointer(m, POINTER_MOVE, x, y - 30.0f * (float)i * unit(m));
        }
        y -= 300 * unit(m);
    }
    pointer(m, POINTER_UP, x, y);
    m->taps++;
}

static void ev_key(Monkey *m)
{
    static const char *const names[] = {"next", "prev", "left", "right", "up", "down",
                                        "activate", "back", "home", "page-up", "page-down"};
    KeyKind k = (KeyKind)rng_range(&m->rng, KEY_NEXT, KEY_PAGE_DOWN);
    int repeat = rng_chance(&m->rng, 0.2) ? (int)rng_range(&m->rng, 2, 8) : 1;
    say(m, "key %s x%d", names[k], repeat);
    for (int i = 0; i < repeat; i++) {
        if (i) {
            never_the_right_pin(m);
            advance(m, rng_range(&m->rng, 30, 400));
        }
        supervisor_key(m->k, k, m->now);
        m->keys++;
        if (k == KEY_ACTIVATE) break; /* one action per event (see never_the_right_pin) */
    }
}

static void ev_wheel(Monkey *m)
{
    float delta = rng_float(&m->rng, -2000, 2000);
    say(m, "mouse wheel %.0f px", delta);
    supervisor_wheel(m->k, -delta / (120.0f * view_unit(m->s->w, m->s->h)), m->now);
    m->keys++;
}

static void ev_wait(Monkey *m)
{
    const KioskSettings *k = &m->b->kiosk;
    int64_t idle = (int64_t)k->idle_timeout_s * 1000;
    int64_t ms;
    double p = rng_float(&m->rng, 0, 1);
    if (p < 0.55) ms = rng_range(&m->rng, 20, 2000);
    else if (p < 0.75) ms = rng_range(&m->rng, 2000, 20000);
    else if (p < 0.83) ms = idle + rng_range(&m->rng, -50, 50);       /* around the idle timeout */
    else if (p < 0.90) ms = 70 * 1000;
    else if (p < 0.97) ms = 3 * 60 * 1000;
    else ms = idle + (int64_t)k->attract_delay_s * 1000 + rng_range(&m->rng, -20, 20);
    say(m, "wait %" PRId64 " ms", ms);
    bool finger = gesture_is_down(&m->s->gesture);
    int64_t since_input = m->now - m->s->input_ms;
    advance(m, ms);
    m->waits++;
    /* Unattended operation: after idle_timeout without input the next visitor finds a fresh
     * kiosk; after idle_timeout + attract_delay, the attract loop. */
    if (!finger && since_input + ms >= idle + 1)
        expect(m, session_is_fresh(m->s) || m->s->ui.attract,
               "no idle reset after idle_timeout without input");
    if (!finger && since_input + ms >= idle + (int64_t)k->attract_delay_s * 1000 + 1)
        expect(m, m->s->ui.attract, "no attract loop after idle_timeout + attract_delay");
}

/* A second finger lands (the window cancels the touch), or the window loses focus. */
static void ev_cancel(Monkey *m)
{
    float x = rng_float(&m->rng, 0, m->s->w - 1), y = rng_float(&m->rng, 0, m->s->h - 1);
    int moves = (int)rng_range(&m->rng, 0, 12);
    say(m, "touch at (%.0f, %.0f), %d moves, cancel, moves and up after", x,
             y, moves);
    pointer(m, POINTER_DOWN, x, y);
    for (int i = 0; i < moves; i++) {
        advance(m, FRAME_MS);
        y += rng_float(&m->rng, -60, 60);
        pointer(m, POINTER_MOVE, x, y);
    }
    advance(m, rng_range(&m->rng, 0, 300));
    pointer(m, POINTER_CANCEL, x, y);
    /* The first finger goes on moving and lifts: all of it must be ignored. */
    for (int i = 0; i < 3; i++) {
        advance(m, FRAME_MS);
        pointer(m, POINTER_MOVE, x + 100.0f * (float)i, y);
    }
    pointer(m, POINTER_UP, x + 300, y);
    m->drags++;
}

static void ev_language(Monkey *m)
{
    say(m, "tap the language button; ");
    if (!tap_hit(m, find_action(m, ACT_LANGUAGE, 0, true))) ev_tap_target(m);
}

static void ev_quiz(Monkey *m)
{
    const Hit *h = NULL;
    ScreenKind top = ui_top_const(&m->s->ui)->kind;
    if (top == SCREEN_QUIZ && m->b->quiz && m->s->ui.quiz_pos < m->b->quiz->n_questions) {
        const Question *q = &m->b->quiz->questions[m->s->ui.quiz_pos];
        int a = (int)rng_range(&m->rng, 0, (int64_t)q->n_answers - 1);
        h = find_action(m, ACT_ANSWER, a, false);
        say(m, "quiz: answer %d to question %zu; ", a, m->s->ui.quiz_pos);
    } else if (top == SCREEN_RESULT && rng_chance(&m->rng, 0.5)) {
        h = find_action(m, ACT_QUIZ_AGAIN, 0, true);
        say(m, "quiz: again; ");
    } else {
        h = find_action(m, ACT_QUIZ, 0, true);
        say(m, "open the quiz; ");
    }
    if (!tap_hit(m, h)) ev_tap_target(m);
}

/* Two fingers: a pinch or two-finger pan (in the zoomable area when the screen has one), the
 * fingers lifted in either order, sometimes one moving on alone afterwards; or a double tap. */
static void ev_two_fingers(Monkey *m)
{
    const ViewInfo *info = &m->s->info;
    Rect a = info->zoom_max > 1 && rng_chance(&m->rng, 0.8) ? info->zoom_area
                                                            : (Rect){0, 0, m->s->w, m->s->h};
    float x = rng_float(&m->rng, a.x, a.x + a.w - 1), y = rng_float(&m->rng, a.y, a.y + a.h - 1);
    if (rng_chance(&m->rng, 0.25)) {
        say(m, "double tap (%.0f, %.0f)", x, y);
        tap_at(m, x, y);
        advance(m, rng_range(&m->rng, 20, 500));
        tap_at(m, x, y);
        return;
    }
    float gap0 = rng_float(&m->rng, 0, 600 * unit(m)), gap1 = rng_float(&m->rng, 0, 1200 * unit(m));
    float dx = rng_float(&m->rng, -400, 400) * unit(m), dy = rng_float(&m->rng, -400, 400) * unit(m);
    int steps = (int)rng_range(&m->rng, 1, 40);
    bool first_lifts_first = rng_chance(&m->rng, 0.5);
    say(m, "two fingers at (%.0f, %.0f), %.0f -> %.0f apart, moved (%.0f, %.0f) in %d steps", x,
        y, gap0, gap1, dx, dy, steps);
    m->pinches++;
    supervisor_touch(m->k, 0, POINTER_DOWN, x - gap0 / 2, y, m->now);
    advance(m, rng_range(&m->rng, 0, 120));
    supervisor_touch(m->k, 1, POINTER_DOWN, x + gap0 / 2, y, m->now);
    float cx = x, cy = y, g = gap0;
    for (int i = 1; i <= steps; i++) {
        advance(m, FRAME_MS);
        float f = (float)i / (float)steps;
        cx = x + dx * f;
        cy = y + dy * f;
        g = gap0 + (gap1 - gap0) * f;
        supervisor_touch(m->k, 0, POINTER_MOVE, cx - g / 2, cy, m->now);
        supervisor_touch(m->k, 1, POINTER_MOVE, cx + g / 2, cy, m->now);
    }
    int lift = first_lifts_first ? 0 : 1, stay = 1 - lift;
    supervisor_touch(m->k, lift, POINTER_UP, cx, cy, m->now);
    if (rng_chance(&m->rng, 0.3)) { /* the other finger drags on alone: it must do nothing */
        advance(m, FRAME_MS);
        supervisor_touch(m->k, stay, POINTER_MOVE, cx + dx, cy - dy, m->now);
    }
    advance(m, FRAME_MS);
    supervisor_touch(m->k, stay, POINTER_UP, cx, cy, m->now);
    m->drags++;
}

/* Odd pointer sequences a flaky touch panel or driver can produce. */
static void ev_odd(Monkey *m)
{
    float x = rng_float(&m->rng, -200, m->s->w + 200), y = rng_float(&m->rng, -200, m->s->h + 200);
    int kind = (int)rng_range(&m->rng, 0, 5);
    static const char *const what[] = {
        "up without down", "move without down", "cancel without down",
        "two downs, one up", "down and up in the same millisecond", "far outside the screen"};
    say(m, "odd: %s at (%.0f, %.0f)", what[kind], x, y);
    switch (kind) {
    case 0: pointer(m, POINTER_UP, x, y); break;
    case 1: pointer(m, POINTER_MOVE, x, y); break;
    case 2: pointer(m, POINTER_CANCEL, x, y); break;
    case 3:
        pointer(m, POINTER_DOWN, x, y);
        advance(m, 40);
        pointer(m, POINTER_DOWN, x + 5, y + 5);
        advance(m, 40);
        pointer(m, POINTER_UP, x + 5, y + 5);
        break;
    case 4:
        pointer(m, POINTER_DOWN, x, y);
        pointer(m, POINTER_UP, x, y);
        break;
    case 5:
        pointer(m, POINTER_DOWN, x, y);
        advance(m, FRAME_MS);
        pointer(m, POINTER_MOVE, -1e6f, 1e6f);
        advance(m, FRAME_MS);
        pointer(m, POINTER_UP, 1e7f, -1e7f);
        break;
    }
    m->taps++;
}

/* The hidden gesture: a finger held still in the top-left corner, then wrong PINs. */
static void ev_admin(Monkey *m)
{
    float corner = SESSION_ADMIN_CORNER * unit(m), slop = m->s->gesture.cfg.tap_slop;
    float x = rng_float(&m->rng, 0, corner - slop), y = rng_float(&m->rng, 0, corner - slop);
    bool short_hold = rng_chance(&m->rng, 0.15);
    int64_t hold = short_hold
                       ? rng_range(&m->rng, 700, SESSION_ADMIN_HOLD_MS - 100)
                       : rng_range(&m->rng, SESSION_ADMIN_HOLD_MS, SESSION_ADMIN_HOLD_MS + 3000);
    say(m, "admin corner hold at (%.0f, %.0f) for %" PRId64 " ms", x, y, hold);
    bool was_pin = on_pin_pad(m);
    pointer(m, POINTER_DOWN, x, y);
    for (int64_t t = 0; t < hold; t += 250) {
        advance(m, 250 < hold - t ? 250 : hold - t);
        pointer(m, POINTER_MOVE, x + rng_float(&m->rng, -slop / 3, slop / 3),
                y + rng_float(&m->rng, -slop / 3, slop / 3));
    }
    pointer(m, POINTER_UP, x, y);
    m->taps++;
    if (short_hold && !was_pin)
        expect(m, !on_pin_pad(m),
               "the PIN pad opened after a corner hold shorter than SESSION_ADMIN_HOLD_MS");
    if (!on_pin_pad(m)) return;
    if (!was_pin) m->pin_pads++;
    /* One to four wrong PINs, typed on the pad. */
    int tries = (int)rng_range(&m->rng, 1, 4);
    for (int i = 0; i < tries && on_pin_pad(m); i++) {
        char pin[16];
        int len;
        do {
            len = rng_chance(&m->rng, 0.8) ? (int)rng_range(&m->rng, PIN_MIN_DIGITS, 6)
                                          : (int)rng_range(&m->rng, 0, 15);
            for (int k = 0; k < len; k++) pin[k] = (char)('0' + rng_range(&m->rng, 0, 9));
            pin[len] = '\0';
            if (rng_chance(&m->rng, 0.2) && len >= 4) memcpy(pin, RIGHT_PIN, 3); /* close */
        } while (strcmp(pin, RIGHT_PIN) == 0);
        while (m->s->ui.pin_len > 0 && on_pin_pad(m))
            if (!tap_hit(m, find_action(m, ACT_PIN_ERASE, 0, true))) break;
        for (int k = 0; k < len && on_pin_pad(m); k++) {
            advance(m, rng_range(&m->rng, 100, 700));
            tap_hit(m, find_action(m, ACT_PIN_DIGIT, pin[k] - '0', false));
        }
        if (!on_pin_pad(m) || strcmp(m->s->ui.pin, RIGHT_PIN) == 0) break;
        advance(m, rng_range(&m->rng, 100, 700));
        say(m, "; wrong PIN \"%s\" (try %d)", m->s->ui.pin, i + 1);
        if (tap_hit(m, find_action(m, ACT_PIN_OK, 0, true))) m->wrong_pins++;
        advance(m, rng_range(&m->rng, 200, 3000));
    }
}

/* The kiosk as the window starts it: a supervisor on the bundle in `dir`, whose settings hold
 * the fake PIN hash (checked by the fake verifier). */
static Bundle *load(const char *dir)
{
    return bundle_load_reporting(dir, stderr);
}

/* `b` is owned by the supervisor from now. */
static bool start(Monkey *m, Bundle *b, const char *dir, TextMeasure measure)
{
    if (!b) return false;
    m->b = b;
    m->cfg.admin_pin = (char *)FAKE_HASH;
    SupervisorSetup su = {.cfg = &m->cfg, .bundle_path = dir, .bundle = b, .measure = measure,
                          .w = WIDTH, .h = HEIGHT, .verify = fake_verify};
    m->k = supervisor_create(&su, m->now, WALL_START + m->now / 1000);
    if (!m->k) return false;
    m->s = supervisor_session(m->k);
    return true;
}

/* The control: with the RIGHT PIN the same hold and taps do reach the admin screen, and its
 * Exit button does set want_exit; so the invariants above are not true merely because the
 * monkey cannot get there. Runs on a session of its own before the monkey starts. */
static void control_run(Monkey *m, const char *dir)
{
    Monkey *c = calloc(1, sizeof *c);
    if (!c) return;
    c->now = m->now;
    if (!start(c, load(dir), dir, m->s->measure)) {
        free(c);
        return;
    }
    pointer(c, POINTER_DOWN, 20, 20);
    advance(c, SESSION_ADMIN_HOLD_MS + 100);
    pointer(c, POINTER_UP, 20, 20);
    expect(m, on_pin_pad(c), "control: a 5.1 s corner hold did not open the PIN pad");
    for (const char *d = RIGHT_PIN; *d; d++)
        tap_hit(c, find_action(c, ACT_PIN_DIGIT, *d - '0', false));
    tap_hit(c, find_action(c, ACT_PIN_OK, 0, true));
    expect(m, strcmp(screen_name(c), "admin") == 0,
           "control: the right PIN did not open the admin screen");
    tap_hit(c, find_action(c, ACT_ADMIN_EXIT, 0, true));
    step(c);
    expect(m, c->quit && (supervisor_requested(c->k) & SESSION_WANT_EXIT),
           "control: Exit on the admin screen did not set want_exit");
    supervisor_destroy(c->k, c->now, WALL_START);
    free(c);
    verify_calls = verify_right = 0;
}

/* ---- invariants ---------------------------------------------------------------------------- */

static bool seen(const Monkey *m, const char *name)
{
    for (size_t i = 0; i < m->n_screens; i++)
        if (strcmp(m->screens[i], name) == 0) return true;
    return false;
}

static void note_screen(Monkey *m, const char *name)
{
    if (seen(m, name)) return;
    if (m->n_screens < MAX_SCREENS)
        snprintf(m->screens[m->n_screens++], sizeof m->screens[0], "%s", name);
}

static void check_invariants(Monkey *m)
{
    const Session *s = m->s;
    char buf[160];
    unsigned asked = supervisor_requested(m->k);
    expect(m, !(asked & SESSION_WANT_EXIT) && !m->quit, "want_exit was set (the kiosk would quit)");
    expect(m, !(asked & SESSION_WANT_RELOAD), "want_reload was set");
    expect(m, !(asked & SESSION_WANT_PREVIEW), "want_preview was set");
    const char *name = screen_name(m);
    note_screen(m, name);
    expect(m, strcmp(name, "admin") != 0, "the admin screen opened without the right PIN");
    expect(m, verify_right == 0, "the harness submitted the right PIN (a monkey bug)");
    expect(m, s->ui.depth >= 1 && s->ui.depth <= NAV_MAX_DEPTH, "ui.depth out of 1..NAV_MAX_DEPTH");
    expect(m, s->ui.stack[0].kind == SCREEN_HOME, "the bottom of the stack is not home");
    expect(m, s->ui.lang < m->b->n_languages, "ui.lang is not a language of the bundle");
    expect(m, s->ui.pin_len < sizeof s->ui.pin && strlen(s->ui.pin) == s->ui.pin_len,
           "the typed PIN and its length disagree");
    expect(m, !m->b->quiz || s->ui.quiz_pos <= m->b->quiz->n_questions, "quiz_pos beyond the quiz");
    const DisplayList *d = supervisor_frame(m->k);
    expect(m, !d->overflow, "the display list overflowed");
    const Screen *top = &s->ui.stack[s->ui.depth - 1];
    float zmax = s->info.zoom_max > 1 ? s->info.zoom_max : 1;
    expect(m, isfinite(top->zoom) && top->zoom <= zmax + 1e-3f && isfinite(top->pan_x) &&
                  isfinite(top->pan_y) && top->pan_x <= 0 && top->pan_y <= 0,
           "the zoom or pan left its limits");
    if (top->zoom > 1) m->zoomed++;
    bool focus_ok = s->ui.focus == -1 || (s->ui.focus >= 0 && (size_t)s->ui.focus < d->n_hits);
    snprintf(buf, sizeof buf, "focus %d is neither -1 nor a hit area (n_hits %zu)", s->ui.focus,
             d->n_hits);
    expect(m, focus_ok, buf);
    int64_t wake = session_next_wake(s);
    snprintf(buf, sizeof buf, "session_next_wake() = %" PRId64 " is not after now (%" PRId64 ")",
             wake, s->now_ms);
    if (!m->spinning) expect(m, wake > s->now_ms, buf);
}

/* Which of the bundle's screens the run never reached (to judge the input mix, not a failure). */
static void report_coverage(const Monkey *m)
{
    static const char *const fixed[] = {"home", "about", "quiz", "result", "attract", "pin"};
    const size_t n_fixed = sizeof fixed / sizeof fixed[0];
    size_t total = 0, missed = 0;
    char name[160], list[1024] = "";
    for (size_t i = 0; i < n_fixed + m->b->n_collections; i++) {
        if (i < n_fixed) snprintf(name, sizeof name, "%s", fixed[i]);
        else snprintf(name, sizeof name, "collection:%s", m->b->collections[i - n_fixed].id);
        total++;
        if (!seen(m, name) && ++missed)
            snprintf(list + strlen(list), sizeof list - strlen(list), " %s", name);
    }
    for (size_t c = 0; c < m->b->n_collections; c++)
        for (size_t i = 0; i < m->b->collections[c].n_items; i++) {
            snprintf(name, sizeof name, "item:%s", m->b->collections[c].items[i].id);
            total++;
            if (!seen(m, name) && ++missed)
                snprintf(list + strlen(list), sizeof list - strlen(list), " %s", name);
        }
    fprintf(stderr, "monkey: %zu of the bundle's %zu screens visited%s%s\n", total - missed, total,
            missed ? "; never:" : "", list);
}

/* ---- main ---------------------------------------------------------------------------------- */

static const char *find_assets(void)
{
    static const char *const candidates[] = {"assets", KIOSK_SOURCE_DIR "/assets"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char probe[1024];
        snprintf(probe, sizeof probe, "%s/icons/back.svg", candidates[i]);
        if (access(probe, R_OK) == 0) return candidates[i];
    }
    return NULL;
}

static void usage(void)
{
    fprintf(stderr, "usage: monkey [--events N] [--seed S] [--bundle DIR] [--trace]\n"
                    "  --trace  print every event and the screen after it (to compare two runs)\n");
}

int main(int argc, char **argv)
{
    unsigned long events = 200000;
    uint64_t seed = 1;
    const char *dir = "content/techniekpact";
    bool trace = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--events") == 0 && i + 1 < argc) events = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--bundle") == 0 && i + 1 < argc) dir = argv[++i];
        else if (strcmp(argv[i], "--trace") == 0) trace = true;
        else {
            usage();
            return 2;
        }
    }
    const char *assets = find_assets();
    Monkey *m = assets ? calloc(1, sizeof *m) : NULL;
    int rc = 1;
    if (!m) {
        fprintf(stderr, "monkey: cannot find the assets folder\n");
        goto out;
    }
    m->seed = seed;
    m->rng.s = seed;
    m->now = 1000000; /* an uptime, not 0: the clock of a kiosk that has been on a while */
    Bundle *b = load(dir);
    m->canvas = b ? canvas_create(WIDTH, HEIGHT, &b->theme, assets, CACHE_BUDGET) : NULL;
    if (!m->canvas) {
        bundle_free(b);
        goto out;
    }
    m->memo.real = canvas_measure(m->canvas);
    m->memo.slots = calloc(MEMO_SLOTS, sizeof *m->memo.slots);
    if (!m->memo.slots || !start(m, b, dir, (TextMeasure){&m->memo, memo_width})) {
        fprintf(stderr, "monkey: cannot load the bundle %s\n", dir);
        memo_free(&m->memo);
        canvas_destroy(m->canvas);
        m->canvas = NULL;
        goto out;
    }
    control_run(m, dir);

    static void (*const generators[])(Monkey *) = {ev_tap_anywhere, ev_tap_target, ev_drag,
        ev_edge_swipe, ev_long_press, ev_key, ev_wheel, ev_wait, ev_cancel, ev_language,
        ev_quiz, ev_odd, ev_admin, ev_two_fingers};
    /* Weights per generator, in the order above (per mille). */
    static const int weight[] = {120, 330, 100, 30, 30, 150, 15, 90, 30, 25, 55, 15, 10, 40};
    _Static_assert(sizeof weight / sizeof weight[0] == sizeof generators / sizeof generators[0],
                   "one weight per generator");
    int total = 0;
    for (size_t i = 0; i < sizeof weight / sizeof weight[0]; i++) total += weight[i];

    for (m->event = 1; m->event <= events; m->event++) {
        m->history[m->event % HISTORY][0] = '\0';
        never_the_right_pin(m);
        advance(m, rng_range(&m->rng, 0, 250)); /* the gap before a finger lands */
        int r = (int)rng_range(&m->rng, 0, total - 1);
        size_t g = 0;
        while (r >= weight[g]) r -= weight[g++];
        generators[g](m);
        check_invariants(m);
        if (trace)
            fprintf(stderr, "#%lu t=%" PRId64 " %s -> %s depth %zu focus %d\n", m->event, m->now,
                    m->history[m->event % HISTORY], screen_name(m), m->s->ui.depth, m->s->ui.focus);
        if (m->event % DRAW_EVERY == 0) {
            canvas_draw(m->canvas, supervisor_frame(m->k));
            m->draws++;
        }
    }
    m->event = events;

    DrawStats ds = drawer_stats(canvas_drawer(m->canvas));
    expect(m, ds.cache_bytes <= CACHE_BUDGET, "the texture cache exceeds its budget");
    expect(m, m->s->pin_failures == verify_calls - verify_right,
           "the session's count of wrong PINs differs from the verifier's");
    printf("monkey: %lu events (taps %lu, drags %lu, two-finger touches %lu, keys %lu, waits %lu, "
           "wrong PINs %lu), screens visited %zu, left zoomed in %lu times, idle resets %lu, "
           "attract starts %lu, %lu invariant violations\n",
           events, m->taps, m->drags, m->pinches, m->keys, m->waits, m->wrong_pins, m->n_screens,
           m->zoomed, m->s->idle_resets, m->s->attract_starts, m->failed);
    fprintf(stderr, "monkey: seed %" PRIu64 ", %" PRId64 " s simulated, %lu actions, "
                    "%lu frames drawn, "
                    "PIN pad opened %lu times, %lu PINs checked, %lu locked out; cache %zu "
                    "textures, %zu bytes, %zu evictions, %zu decodes; %lu text measures, "
                    "%lu by the fonts\n",
            seed, (m->now - 1000000) / 1000, m->s->actions, m->draws, m->pin_pads, verify_calls,
            m->wrong_pins - verify_calls, ds.cache_count, ds.cache_bytes, ds.cache_evictions,
            ds.decodes, m->memo.calls, m->memo.misses);
    report_coverage(m);
    for (size_t i = 0; i < m->n_kinds; i++)
        fprintf(stderr, "monkey: %lu x %s (first at event %lu)\n", m->kinds[i].count,
                m->kinds[i].what, m->kinds[i].first);
    rc = m->failed ? 1 : 0;
    supervisor_destroy(m->k, m->now, WALL_START + m->now / 1000);
    memo_free(&m->memo);
    canvas_destroy(m->canvas);
out:
    printf("%lu passed, %lu failed\n", m ? m->passed : 0, m ? m->failed : 1);
    free(m);
    return rc;
}
