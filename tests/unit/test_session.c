/* test_session.c: a visit to tests/good/mini on a 1920 x 1080 screen, on a fake clock.
 *
 * Text is measured by a fake (0.55 px per pixel of font size per UTF-8 code point), so the
 * layout runs without fonts. Fingers are scripted: a tap is a down and an up 80 ms later at
 * the same point, aimed at the middle of the visible part of the hit area the session itself
 * names (session_find_target), so the tests follow the layout instead of hard-coding pixels. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "ui/session.h"
#include "check.h"
#include "fake_measure.h"

static Bundle *bundle;

static bool start(Session *s, const char *screen, int64_t now)
{
    bool ok = session_init(s, bundle, (TextMeasure){.ctx = NULL, .width = fake_width}, 1920,
                           1080, now);
    CHECK(ok);
    if (!ok) return false;
    if (screen && !session_open(s, screen, now)) {
        fprintf(stderr, "  cannot open '%s'\n", screen);
        CHECK(0);
        session_free(s);
        return false;
    }
    return true;
}

static const char *screen(const Session *s)
{
    static char buf[96];
    return session_screen_name(s, buf, sizeof buf);
}

/* Middle of what `name` designates on screen now; false (and a failed check) if absent. */
static bool centre_of(Session *s, const char *name, float *x, float *y)
{
    const Hit *h = session_find_target(s, name);
    if (!h) fprintf(stderr, "  no '%s' on %s\n", name, screen(s));
    CHECK(h != NULL);
    if (!h) return false;
    *x = h->clip.x + h->clip.w / 2;
    *y = h->clip.y + h->clip.h / 2;
    return true;
}

static void tap(Session *s, float x, float y, int64_t t)
{
    session_pointer(s, POINTER_DOWN, x, y, t);
    session_pointer(s, POINTER_UP, x, y, t + 80);
}

static void test_open_names_the_screen(void)
{
    Session s;
    if (!start(&s, NULL, 0)) return;
    CHECK_STR(screen(&s), "home");
    CHECK(session_open(&s, "robot", 10));
    CHECK_STR(screen(&s), "item:robot");
    CHECK_INT(s.ui.depth, 3); /* home, its collection, the item */
    CHECK(session_open(&s, "collection:people", 20));
    CHECK_STR(screen(&s), "collection:people");
    CHECK(session_open(&s, "result", 30));
    CHECK_STR(screen(&s), "result");
    CHECK(!session_open(&s, "nobody", 40));
    session_free(&s);
}

static void test_tap_back(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    float x, y;
    if (centre_of(&s, "back", &x, &y)) {
        session_pointer(&s, POINTER_DOWN, x, y, 1000);
        CHECK(s.ui.pressing); /* pressed feedback while the finger is down */
        CHECK_STR(screen(&s), "item:robot");
        session_pointer(&s, POINTER_UP, x, y, 1080);
        CHECK(!s.ui.pressing);
        CHECK_STR(screen(&s), "collection:workshops");
        CHECK_INT(s.ui.changed_ms, 1080); /* time comes from the event, not a clock */
    }
    session_free(&s);
}

/* Whether two lists draw the same texts in the same order (what drawer_prepare renders). */
static bool same_texts(const DisplayList *a, const DisplayList *b)
{
    size_t i = 0, j = 0;
    for (;; i++, j++) {
        while (i < a->n_cmds && a->cmds[i].kind != DL_TEXT) i++;
        while (j < b->n_cmds && b->cmds[j].kind != DL_TEXT) j++;
        if (i == a->n_cmds || j == b->n_cmds) return i == a->n_cmds && j == b->n_cmds;
        const DlCmd *p = &a->cmds[i], *q = &b->cmds[j];
        if (p->len != q->len || p->px != q->px || p->font != q->font || p->color != q->color ||
            memcmp(p->text, q->text, p->len) != 0)
            return false;
    }
}

/* While the finger is down on a tile, the screen it opens is built ahead (its texts are made
 * before the lift); nothing in the session changes, and the lift shows exactly those texts. */
static void test_screen_built_ahead_while_pressed(void)
{
    Session s;
    if (!start(&s, "collection:workshops", 0)) return;
    float x, y;
    CHECK(session_ahead(&s) == NULL); /* no finger */
    if (centre_of(&s, "robot", &x, &y)) {
        session_frame(&s);
        session_pointer(&s, POINTER_DOWN, x, y, 1000);
        session_frame(&s);
        unsigned long actions = s.actions;
        const DisplayList *ahead = session_ahead(&s);
        CHECK(ahead != NULL);
        CHECK_STR(screen(&s), "collection:workshops"); /* nothing opened yet */
        CHECK_INT(s.actions, actions);
        CHECK(s.ui.pressing);
        for (int i = 1; i < 50; i++) CHECK(session_ahead(&s) == ahead);
        CHECK(session_ahead(&s) == NULL); /* a finger left on the glass: asked enough */
        session_pointer(&s, POINTER_UP, x, y, 1080);
        CHECK_STR(screen(&s), "item:robot");
        session_tick(&s, 1080 + 1000);
        const DisplayList *now = session_frame(&s);
        CHECK(ahead && same_texts(ahead, now));
        CHECK(session_ahead(&s) == NULL); /* lifted */
    }
    if (centre_of(&s, "back", &x, &y)) {
        session_pointer(&s, POINTER_DOWN, x, y, 5000);
        CHECK(session_ahead(&s) != NULL);
        session_ahead_done(&s); /* ready: not handed out again this touch */
        CHECK(session_ahead(&s) == NULL);
        session_pointer(&s, POINTER_UP, x, y, 5080);
    }
    session_free(&s);
}

static void test_tap_language(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    float x, y;
    CHECK_STR(bundle->languages[s.ui.lang], "nl");
    if (centre_of(&s, "language", &x, &y)) {
        tap(&s, x, y, 1000);
        CHECK_STR(bundle->languages[s.ui.lang], "en");
        CHECK_STR(screen(&s), "item:robot");
        tap(&s, x, y, 2000);
        CHECK_STR(bundle->languages[s.ui.lang], "nl");
    }
    session_free(&s);
}

static void test_tap_outside_every_target_does_nothing(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    const DisplayList *d = session_frame(&s);
    CHECK(dlist_hit_at(d, 960, 1075) == NULL); /* the bottom bar between the buttons */
    unsigned long before = s.actions;
    tap(&s, 960, 1075, 1000);
    CHECK_STR(screen(&s), "item:robot");
    CHECK_INT(s.actions, before);
    session_free(&s);
}

static void test_drag_beyond_slop_is_not_a_tap(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    float x, y;
    if (centre_of(&s, "back", &x, &y)) {
        float slop = s.gesture.cfg.tap_slop;
        /* away by twice the slop and back again: ends where it began, still no tap */
        session_pointer(&s, POINTER_DOWN, x, y, 1000);
        session_pointer(&s, POINTER_MOVE, x, y - 2 * slop, 1040);
        session_pointer(&s, POINTER_MOVE, x, y, 1080);
        session_pointer(&s, POINTER_UP, x, y, 1100);
        CHECK_STR(screen(&s), "item:robot");
        CHECK(!s.ui.pressing);
        /* a straight drag off the button */
        session_pointer(&s, POINTER_DOWN, x, y, 2000);
        session_pointer(&s, POINTER_UP, x + slop + 10, y, 2080);
        CHECK_STR(screen(&s), "item:robot");
        /* within the slop it is still a tap */
        session_pointer(&s, POINTER_DOWN, x, y, 3000);
        session_pointer(&s, POINTER_UP, x + slop / 2, y, 3080);
        CHECK_STR(screen(&s), "collection:workshops");
    }
    session_free(&s);
}

static void test_long_press_is_not_a_tap(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    float x, y;
    if (centre_of(&s, "back", &x, &y)) {
        session_pointer(&s, POINTER_DOWN, x, y, 1000);
        session_tick(&s, 1700);
        session_pointer(&s, POINTER_UP, x, y, 1750);
        CHECK_STR(screen(&s), "item:robot");
    }
    session_free(&s);
}

static void test_keyboard_focus_and_activate(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    CHECK_INT(s.ui.focus, -1);
    session_key(&s, KEY_NEXT, 1000);
    CHECK_INT(s.ui.focus, 0);
    const DisplayList *d = session_frame(&s);
    CHECK(d->n_hits > 0);
    if (d->n_hits == 0) { session_free(&s); return; }
    /* Enter does exactly what the focused hit's action does to the state */
    UiState want = s.ui;
    CHECK(ui_apply(&want, d->hits[0].action, 1100));
    session_key(&s, KEY_ACTIVATE, 1100);
    CHECK_INT(s.ui.depth, want.depth);
    CHECK_INT(s.ui.lang, want.lang);
    CHECK_INT(ui_top(&s.ui)->kind, ui_top(&want)->kind);
    CHECK(ui_top(&s.ui)->item == ui_top(&want)->item);
    /* in mini, the first hit on robot's page is its related item */
    CHECK_STR(screen(&s), "item:ada");
    CHECK_INT(s.ui.focus, -1); /* a new screen starts without focus */
    /* Tab walks through every hit and wraps; Shift+Tab from nothing starts at the end */
    d = session_frame(&s);
    size_t n = d->n_hits;
    for (size_t i = 0; i < n; i++) session_key(&s, KEY_NEXT, 1200 + (int64_t)i);
    CHECK_INT(s.ui.focus, (int)n - 1);
    session_key(&s, KEY_NEXT, 1300);
    CHECK_INT(s.ui.focus, 0);
    session_key(&s, KEY_PREV, 1310);
    CHECK_INT(s.ui.focus, (int)n - 1);
    /* Backspace is back */
    session_key(&s, KEY_BACK, 1400);
    CHECK_STR(screen(&s), "item:robot");
    session_free(&s);
}

/* "again" with the keyboard, then Enter once more: the second Enter must not act on a button
 * the visitor never chose. */
static void test_keyboard_quiz_again(void)
{
    Session s;
    if (!start(&s, "result", 0)) return;
    const Hit *again = session_find_target(&s, "again");
    const DisplayList *d = session_frame(&s);
    CHECK(again != NULL);
    if (!again) { session_free(&s); return; }
    int index = (int)(again - d->hits);
    for (int i = 0; i <= index; i++) session_key(&s, KEY_NEXT, 100 + i);
    CHECK_INT(s.ui.focus, index);
    session_key(&s, KEY_ACTIVATE, 200);
    CHECK_STR(screen(&s), "quiz");
    session_key(&s, KEY_ACTIVATE, 300);
    /* Regression (fixed): state.c ui_apply(ACT_QUIZ_AGAIN) keeps s->focus (here 2, "again" on the result);
     * on the quiz screen hit 2 is "back", so this second Enter leaves the quiz. */
    CHECK_STR(screen(&s), "quiz");
    session_free(&s);
}

static void test_next_wake(void)
{
    /* mini: idle_timeout 45 s, attract_delay 30 s (default) */
    Session s;
    if (!start(&s, "robot", 0)) return;
    session_frame(&s);
    CHECK_INT(session_next_wake(&s), 45000); /* at rest: only the idle reset is ahead */
    float x, y;
    if (centre_of(&s, "back", &x, &y)) {
        session_pointer(&s, POINTER_DOWN, x, y, 5000);
        /* a finger is down: wake for the long press */
        CHECK_INT(session_next_wake(&s), 5000 + s.gesture.cfg.long_press_ms);
        session_pointer(&s, POINTER_UP, x, y, 5080);
        /* the tap went back: the new screen's entry motion wants frames */
        CHECK_STR(screen(&s), "collection:workshops");
        CHECK_INT(session_next_wake(&s), 5080 + 16);
        session_tick(&s, 5080 + VIEW_TRANSITION_MS + 1);
        session_frame(&s);
        /* then nothing until the idle clock runs out, 45 s after the last touch */
        CHECK_INT(session_next_wake(&s), 5080 + 45000);
        float lx, ly;
        if (centre_of(&s, "language", &lx, &ly)) {
            tap(&s, lx, ly, 6000);
            session_frame(&s);
            CHECK_INT(session_next_wake(&s), 6080 + 45000);
        }
    }
    session_free(&s);
}

/* A slow machine: the frames of the entry motion come 60 ms apart, and the last one of them
 * falls before the motion's end. The frame after it comes past the end, and must still be
 * drawn: it is the one that puts the screen in its place. */
static void test_motion_ends_in_place_on_a_slow_machine(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    session_frame(&s);
    float x, y;
    if (centre_of(&s, "back", &x, &y)) {
        tap(&s, x, y, 5000);
        CHECK_STR(screen(&s), "collection:workshops");
        session_tick(&s, 5080);
        session_frame(&s); /* the motion's first frame, as the lift shows it */
        CHECK(session_tick(&s, 5080 + 120)); /* still moving: a few pixels below its place */
        const DisplayList *moving = session_frame(&s);
        float y_moving = moving->n_hits ? moving->hits[0].clip.y : 0;
        CHECK(session_tick(&s, 5080 + VIEW_TRANSITION_MS + 20)); /* the settled frame is due */
        const DisplayList *settled = session_frame(&s);
        CHECK(settled->n_hits > 0 && settled->hits[0].clip.y < y_moving);
        /* and then the screen is still */
        CHECK_INT(session_next_wake(&s), 5080 + 45000);
    }
    session_free(&s);
}

/* Left alone: home in the default language after idle_timeout, attract after attract_delay
 * more; a touch during the attract loop returns home and presses nothing. */
static void test_idle_reset_and_attract(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    session_apply(&s, (Action){.kind = ACT_LANGUAGE}, 0);
    session_scroll(&s, 50, 0);
    CHECK_STR(screen(&s), "item:robot");
    session_tick(&s, 44999);
    CHECK_STR(screen(&s), "item:robot");
    session_tick(&s, 45000);
    CHECK_STR(screen(&s), "home");
    CHECK_INT(s.ui.lang, 0);
    CHECK(session_is_fresh(&s));
    CHECK_INT(s.idle_resets, 1);
    session_tick(&s, 45000 + VIEW_TRANSITION_MS + 1); /* home settles in */
    CHECK_INT(session_next_wake(&s), 75000);
    session_tick(&s, 74999);
    CHECK(!s.ui.attract);
    session_tick(&s, 75000);
    CHECK(s.ui.attract);
    CHECK_STR(screen(&s), "attract");
    CHECK(session_attract_item(&s, 75000) != NULL);
    CHECK_STR(session_attract_item(&s, 75000)->id, "robot"); /* mini: attract_items [robot] */
    /* the loop drifts slowly: a frame every 100 ms, not a busy loop */
    session_frame(&s);
    CHECK_INT(session_next_wake(&s), 75000 + 100);
    /* A touch on the spot of the first home tile: wakes, shows home, does not open the tile. */
    session_frame(&s);
    unsigned long before = s.actions;
    session_pointer(&s, POINTER_DOWN, 300, 500, 90000);
    CHECK_STR(screen(&s), "home");
    session_pointer(&s, POINTER_UP, 300, 500, 90080);
    CHECK_STR(screen(&s), "home");
    CHECK_INT(s.actions, before);
    /* the touch that arrives during the wake-up transition is also harmless, the next one works */
    const Hit *h = session_find_target(&s, "workshops");
    CHECK(h != NULL);
    if (h) {
        tap(&s, h->clip.x + h->clip.w / 2, h->clip.y + h->clip.h / 2, 90100);
        CHECK_STR(screen(&s), "collection:workshops");
    }
    session_free(&s);
}

static const DlCmd *find_cmd(const DisplayList *d, DlKind kind, size_t nth)
{
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == kind && nth-- == 0) return &d->cmds[i];
    return NULL;
}

/* The attract loop moves: its picture zooms over a slide, the next slide fades in over
 * ATTRACT_FADE_MS, and a touch in the middle of the fade only wakes the kiosk. */
static void test_attract_moves_and_fades(void)
{
    Session s;
    if (!start(&s, "attract", 0)) return;
    const DlCmd *pic = find_cmd(session_frame(&s), DL_IMAGE, 0);
    CHECK(pic != NULL);
    float zoom0 = pic ? pic->zoom : 0;
    session_tick(&s, 4000);
    pic = find_cmd(session_frame(&s), DL_IMAGE, 0);
    CHECK(pic && pic->zoom > zoom0 + 0.01f);
    CHECK(session_next_wake(&s) <= 4000 + 100);
    /* 300 ms into the second slide (mini: 8 s slides): the new one is half faded in */
    session_tick(&s, 8300);
    const DisplayList *d = session_frame(&s);
    size_t half = 0;
    for (size_t i = 0; i < d->n_cmds; i++) half += d->cmds[i].alpha > 64 && d->cmds[i].alpha < 192;
    CHECK(half > 0);
    CHECK(session_next_wake(&s) <= 8300 + 33);
    unsigned long before = s.actions;
    session_pointer(&s, POINTER_DOWN, 960, 540, 8300);
    session_pointer(&s, POINTER_UP, 960, 540, 8380);
    CHECK_STR(screen(&s), "home");
    CHECK_INT(s.actions, before);
    session_free(&s);
}

/* "A+" in the bottom bar makes all text larger for this visit; the idle reset ends it. */
static void test_larger_text_for_one_visit(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    float x, y;
    const DlCmd *title = find_cmd(session_frame(&s), DL_TEXT, 0);
    int normal_px = title ? title->px : 0;
    if (centre_of(&s, "text-size", &x, &y)) tap(&s, x, y, 1000);
    CHECK(s.ui.large_text);
    session_tick(&s, 1000 + VIEW_TRANSITION_MS + 1);
    title = find_cmd(session_frame(&s), DL_TEXT, 0);
    CHECK(title && title->px > normal_px);
    session_tick(&s, 1080 + 45000); /* mini: idle_timeout 45 s */
    CHECK_STR(screen(&s), "home");
    CHECK(!s.ui.large_text);
    session_free(&s);
}

/* A finger resting on the screen is not idle. */
static void test_no_reset_while_finger_down(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    session_pointer(&s, POINTER_DOWN, 900, 500, 1000);
    session_tick(&s, 100000);
    CHECK_STR(screen(&s), "item:robot");
    CHECK(!session_is_quiet(&s, 100000)); /* and no bundle swap under a finger */
    session_pointer(&s, POINTER_UP, 900, 500, 100010);
    CHECK(session_is_quiet(&s, 100010 + SESSION_QUIET_MS));
    session_free(&s);
}

static void test_edge_swipe_goes_back(void)
{
    Session s;
    if (!start(&s, "robot", 0)) return;
    int64_t t = 1000;
    session_pointer(&s, POINTER_DOWN, 5, 500, t);
    for (float x = 5; x < 600; x += 50) session_pointer(&s, POINTER_MOVE, x, 500, t += 16);
    session_pointer(&s, POINTER_UP, 600, 500, t += 16);
    CHECK_STR(screen(&s), "collection:workshops");
    CHECK_INT(s.ui.depth, 2);
    /* the same swipe starting away from the edge is only a drag */
    session_pointer(&s, POINTER_DOWN, 300, 500, t += 500);
    for (float x = 300; x < 900; x += 50) session_pointer(&s, POINTER_MOVE, x, 500, t += 16);
    session_pointer(&s, POINTER_UP, 900, 500, t += 16);
    CHECK_STR(screen(&s), "collection:workshops");
    session_free(&s);
}

/* ---- admin: hidden gesture, PIN, lockout ------------------------------------------------- */

static bool fake_verify(const char *pin, const char *hash)
{
    (void)hash;
    return strcmp(pin, "2468") == 0;
}

static void type_pin(Session *s, const char *digits, int64_t t)
{
    for (const char *d = digits; *d; d++) session_apply(s, (Action){.kind = ACT_PIN_DIGIT, .arg = *d - '0'}, t);
    session_apply(s, (Action){.kind = ACT_PIN_OK}, t);
}

static void hold_corner(Session *s, int64_t t, int64_t ms)
{
    session_pointer(s, POINTER_DOWN, 20, 20, t);
    session_tick(s, t + ms);
    session_pointer(s, POINTER_UP, 20, 20, t + ms + 10);
}

static void test_admin_needs_the_hidden_gesture_and_the_right_pin(void)
{
    Session s;
    if (!start(&s, "home", 0)) return;
    s.pin_hash = "$y$fake";
    s.verify = fake_verify;
    /* Admin actions from anywhere but the admin screen do nothing. */
    session_apply(&s, (Action){.kind = ACT_ADMIN_EXIT}, 10);
    CHECK(!s.want_exit);
    /* Holding the corner too briefly does nothing; long enough opens the PIN pad. */
    hold_corner(&s, 1000, SESSION_ADMIN_HOLD_MS - 100);
    CHECK_STR(screen(&s), "home");
    hold_corner(&s, 10000, SESSION_ADMIN_HOLD_MS);
    CHECK_STR(screen(&s), "pin");
    /* A finger that moves away from the corner cancels the gesture. */
    /* Wrong PINs: refused; the third locks the pad. */
    type_pin(&s, "1111", 20000);
    CHECK_STR(screen(&s), "pin");
    CHECK_INT(s.ui.pin_message, 1);
    CHECK_INT(s.ui.pin_len, 0); /* the typed digits are forgotten */
    type_pin(&s, "2222", 21000);
    type_pin(&s, "3333", 22000);
    CHECK_INT(s.ui.pin_message, 2);
    /* Locked: even the right PIN is refused until the lock ends. */
    type_pin(&s, "2468", 23000);
    CHECK_STR(screen(&s), "pin");
    CHECK_INT(s.ui.pin_message, 2);
    CHECK_INT(s.pin_failures, 3);
    /* After the lock: the right PIN opens the admin screen. */
    type_pin(&s, "2468", 22000 + PIN_GUARD_FIRST_LOCK_MS + 1);
    CHECK_STR(screen(&s), "admin");
    session_apply(&s, (Action){.kind = ACT_ADMIN_RELOAD}, 60000);
    CHECK(s.want_reload);
    session_apply(&s, (Action){.kind = ACT_ADMIN_EXIT}, 60000);
    CHECK(s.want_exit);
    session_free(&s);
}

static void test_no_pin_configured_keeps_admin_locked(void)
{
    Session s;
    if (!start(&s, "home", 0)) return;
    s.verify = fake_verify; /* but no hash */
    hold_corner(&s, 1000, SESSION_ADMIN_HOLD_MS);
    CHECK_STR(screen(&s), "pin");
    type_pin(&s, "2468", 7000);
    CHECK_STR(screen(&s), "pin");
    CHECK_INT(s.ui.pin_message, 3);
    session_free(&s);
}

static void test_corner_gesture_cancelled_by_moving(void)
{
    Session s;
    if (!start(&s, "home", 0)) return;
    s.pin_hash = "$y$fake";
    s.verify = fake_verify;
    session_pointer(&s, POINTER_DOWN, 20, 20, 1000);
    session_pointer(&s, POINTER_MOVE, 300, 300, 1500); /* a drag, not a hold */
    session_tick(&s, 1000 + SESSION_ADMIN_HOLD_MS + 10);
    CHECK_STR(screen(&s), "home");
    session_pointer(&s, POINTER_UP, 300, 300, 7000);
    /* and idle on the admin screen logs out: back home after the idle timeout */
    hold_corner(&s, 10000, SESSION_ADMIN_HOLD_MS);
    type_pin(&s, "2468", 16000);
    CHECK_STR(screen(&s), "admin");
    session_tick(&s, 16000 + 45000);
    CHECK_STR(screen(&s), "home");
    session_free(&s);
}

int main(void)
{
    Diags d;
    diags_init(&d);
    bundle = bundle_load("tests/good/mini", &d);
    if (!bundle) diags_print(&d, stderr);
    CHECK(bundle != NULL);
    if (bundle) {
        RUN(test_open_names_the_screen);
        RUN(test_tap_back);
        RUN(test_tap_language);
        RUN(test_tap_outside_every_target_does_nothing);
        RUN(test_drag_beyond_slop_is_not_a_tap);
        RUN(test_long_press_is_not_a_tap);
        RUN(test_keyboard_focus_and_activate);
        RUN(test_keyboard_quiz_again);
    RUN(test_next_wake);
    RUN(test_motion_ends_in_place_on_a_slow_machine);
    RUN(test_idle_reset_and_attract);
    RUN(test_attract_moves_and_fades);
    RUN(test_screen_built_ahead_while_pressed);
    RUN(test_larger_text_for_one_visit);
    RUN(test_no_reset_while_finger_down);
    RUN(test_admin_needs_the_hidden_gesture_and_the_right_pin);
    RUN(test_no_pin_configured_keeps_admin_locked);
    RUN(test_corner_gesture_cancelled_by_moving);
        RUN(test_edge_swipe_goes_back);
        bundle_free(bundle);
    }
    diags_free(&d);
    return check_summary();
}
