/* session.c: input -> gestures -> actions -> state, and state -> display list.
 *
 * Data flows one way: input never draws; a tap is looked up in the hit areas of the list that
 * is on screen, turned into an Action and applied to the state; the next frame is then built
 * from the new state. Navigation happens after the event, never inside a draw. */
#include "ui/session.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "ui/session_touch.h"

static void sync_scroller(Session *s)
{
    scroller_init(&s->scroller, 0, 0);
    s->scroller.offset = ui_top(&s->ui)->scroll;
}

bool session_init(Session *s, const Bundle *b, TextMeasure m, float w, float h, int64_t now_ms)
{
    *s = (Session){0};
    s->list = calloc(1, sizeof *s->list); /* zeroed: widths_only is not reset per frame */
    if (!s->list) return false;
    dlist_reset(s->list, w, h);
    ui_init(&s->ui, b, now_ms);
    s->ui.changed_ms = now_ms - VIEW_TRANSITION_MS - 1; /* the first screen is simply there */
    s->measure = m;
    s->w = w;
    s->h = h;
    s->now_ms = now_ms;
    s->input_ms = now_ms;
    float u = view_unit(w, h);
    gesture_init(&s->gesture, (GestureConfig){.tap_slop = 24 * u, .long_press_ms = 600,
                                             .edge_width = 40 * u, .edge_swipe_min = 160 * u});
    sync_scroller(s);
    s->dirty = true;
    return true;
}

void session_free(Session *s)
{
    free(s->list);
    free(s->ahead);
    s->list = s->ahead = NULL;
}

void session_resize(Session *s, float w, float h)
{
    if (w == s->w && h == s->h) return;
    s->w = w;
    s->h = h;
    s->dirty = true;
}

/* The PIN pad's OK and the admin buttons need more than the state: the verifier, the
 * guard against guessing, and the main loop. */
static bool admin_action(Session *s, Action a, int64_t now_ms)
{
    ScreenKind top = ui_top(&s->ui)->kind;
    switch (a.kind) {
    case ACT_PIN_OK:
        if (top != SCREEN_PIN) return true;
        if (!s->pin_hash || !s->verify) {
            s->ui.pin_message = PIN_MSG_NO_PIN;
        } else if (!pin_guard_allowed(&s->guard, now_ms)) {
            s->ui.pin_message = PIN_MSG_LOCKED;
        } else if (s->verify(s->ui.pin, s->pin_hash)) {
            pin_guard_succeeded(&s->guard);
            ui_open_admin(&s->ui, now_ms);
            log_notice("admin screen opened");
        } else {
            pin_guard_failed(&s->guard, now_ms);
            s->pin_failures++;
            s->ui.pin_message = pin_guard_allowed(&s->guard, now_ms) ? PIN_MSG_WRONG : PIN_MSG_LOCKED;
            log_warning("wrong admin PIN (%lu so far)", s->pin_failures);
        }
        memset(s->ui.pin, 0, sizeof s->ui.pin);
        s->ui.pin_len = 0;
        s->dirty = true;
        return true;
    case ACT_ADMIN_RELOAD:
    case ACT_ADMIN_PREVIEW:
    case ACT_ADMIN_EXIT:
        if (top != SCREEN_ADMIN) return true; /* never from anywhere else */
        if (a.kind == ACT_ADMIN_RELOAD) s->want_reload = true;
        if (a.kind == ACT_ADMIN_PREVIEW) s->want_preview = true;
        if (a.kind == ACT_ADMIN_EXIT) s->want_exit = true;
        s->dirty = true;
        return true;
    default:
        return false;
    }
}

void session_apply(Session *s, Action a, int64_t now_ms)
{
    if (admin_action(s, a, now_ms)) return;
    Screen *before = ui_top(&s->ui);
    before->scroll = (float)scroller_offset(&s->scroller);
    size_t depth = s->ui.depth;
    ScreenKind kind = before->kind;
    int filter = before->filter;
    if (!ui_apply(&s->ui, a, now_ms)) return;
    s->actions++;
    s->dirty = true;
    const Screen *after = ui_top(&s->ui);
    if (s->ui.depth != depth || after != before || after->kind != kind || after->filter != filter)
        sync_scroller(s);
}

static void on_gesture(Session *s, const GestureEvent *e)
{
    switch (e->type) {
    case GESTURE_PRESS: {
        float corner = SESSION_ADMIN_CORNER * view_unit(s->w, s->h);
        s->corner_since = (e->x < corner && e->y < corner) ? e->t_ms : 0;
    }
        s->ui.pressing = true;
        s->press_ms = e->t_ms;
        s->ui.press_x = e->x;
        s->ui.press_y = e->y;
        s->drag_scrolls = s->info.scroll_viewport > 0 &&
                          rect_contains(s->info.scroll_area, e->x, e->y);
        touch_press(s, e);
        if (s->drag_scrolls) scroller_stop(&s->scroller);
        s->dirty = true;
        break;
    case GESTURE_TAP: {
        s->corner_since = 0;
        s->ui.pressing = false;
        s->dirty = true;
        if (touch_tap(s, e)) break;
        const Hit *h = dlist_hit_at(s->list, e->x, e->y);
        if (h && s->ui.changed_ms <= s->press_ms) session_apply(s, h->action, e->t_ms);
        break;
    }
    case GESTURE_LONG_PRESS:
        s->ui.pressing = false;
        s->dirty = true;
        break;
    case GESTURE_DRAG_BEGIN:
        s->corner_since = 0;
        s->ui.pressing = false;
        s->dirty = true;
        touch_drag(s, e);
        break;
    case GESTURE_DRAG:
        if (touch_drag(s, e)) break;
        if (s->drag_scrolls) {
            /* The scroller takes finger deltas as they are (content sticks to the finger). */
            scroller_drag(&s->scroller, e->dy, e->t_ms);
            s->dirty = true;
        }
        break;
    case GESTURE_DRAG_END:
        if (s->drag_scrolls) scroller_release(&s->scroller, e->vy, e->t_ms);
        s->dirty = true;
        touch_drag_end(s, e);
        break;
    case GESTURE_EDGE_BACK:
        /* not while a zoomed picture is being moved along from the edge */
        if (!s->drag_pans) session_apply(s, (Action){.kind = ACT_BACK}, e->t_ms);
        break;
    case GESTURE_CANCEL:
        s->corner_since = 0;
        s->ui.pressing = false;
        s->drag_swipes = false;
        if (s->drag_scrolls) scroller_release(&s->scroller, 0, e->t_ms);
        s->dirty = true;
        break;
    }
}

/* Input during the attract loop only wakes the kiosk: it returns home and presses nothing. */
static bool wake_from_attract(Session *s, int64_t now_ms)
{
    s->input_ms = now_ms;
    if (!s->ui.attract) return false;
    s->ui.attract = false;
    s->ui.changed_ms = now_ms;
    s->dirty = true;
    return true;
}

void session_pointer_one(Session *s, PointerPhase phase, float x, float y, int64_t now_ms)
{
    /* A tap is tested against what is on screen now: bring the list up to date first. */
    session_tick(s, now_ms);
    if (phase == POINTER_DOWN && wake_from_attract(s, now_ms)) {
        s->swallow = true;
        return;
    }
    s->input_ms = now_ms;
    if (s->swallow) {
        if (phase == POINTER_UP || phase == POINTER_CANCEL) s->swallow = false;
        return;
    }
    session_frame(s);
    GestureEvent ev[GESTURE_MAX_EVENTS];
    int n = 0;
    switch (phase) {
    case POINTER_DOWN: n = gesture_down(&s->gesture, x, y, now_ms, ev); break;
    case POINTER_MOVE: n = gesture_move(&s->gesture, x, y, now_ms, ev); break;
    case POINTER_UP: n = gesture_up(&s->gesture, x, y, now_ms, ev); break;
    case POINTER_CANCEL: n = gesture_cancel(&s->gesture, now_ms, ev); break;
    }
    for (int i = 0; i < n; i++) on_gesture(s, &ev[i]);
}

static int focus_step(const DisplayList *d, int focus, KeyKind key)
{
    int n = (int)d->n_hits;
    if (n == 0) return -1;
    if (key == KEY_NEXT) return focus < 0 ? 0 : (focus + 1) % n;
    if (key == KEY_PREV) return focus < 0 ? n - 1 : (focus + n - 1) % n;
    if (focus < 0 || focus >= n) return 0;
    /* Arrows: the nearest hit area whose centre lies in that direction (off-axis distance
     * counts double, so "right" prefers the same row). */
    const Rect f = d->hits[focus].clip;
    float fx = f.x + f.w / 2, fy = f.y + f.h / 2;
    int best = focus;
    float best_d = INFINITY;
    for (int i = 0; i < n; i++) {
        if (i == focus) continue;
        Rect r = d->hits[i].clip;
        float dx = r.x + r.w / 2 - fx, dy = r.y + r.h / 2 - fy;
        float along, across;
        switch (key) {
        case KEY_RIGHT: along = dx; across = dy; break;
        case KEY_LEFT: along = -dx; across = dy; break;
        case KEY_DOWN: along = dy; across = dx; break;
        case KEY_UP: along = -dy; across = dx; break;
        default: return focus;
        }
        if (along <= 1) continue;
        float dist = along + 2 * fabsf(across);
        if (dist < best_d) {
            best_d = dist;
            best = i;
        }
    }
    return best;
}

void session_key(Session *s, KeyKind key, int64_t now_ms)
{
    session_tick(s, now_ms);
    if (wake_from_attract(s, now_ms)) return;
    session_frame(s);
    switch (key) {
    case KEY_NEXT:
    case KEY_PREV:
    case KEY_LEFT:
    case KEY_RIGHT:
    case KEY_UP:
    case KEY_DOWN:
        s->ui.focus = focus_step(s->list, s->ui.focus, key);
        s->dirty = true;
        break;
    case KEY_ACTIVATE:
        if (s->ui.focus >= 0 && (size_t)s->ui.focus < s->list->n_hits)
            session_apply(s, s->list->hits[s->ui.focus].action, now_ms);
        break;
    case KEY_BACK:
        session_apply(s, (Action){.kind = ACT_BACK}, now_ms);
        break;
    case KEY_HOME:
        session_apply(s, (Action){.kind = ACT_HOME}, now_ms);
        break;
    case KEY_PAGE_UP:
    case KEY_PAGE_DOWN:
        session_scroll(s, (key == KEY_PAGE_DOWN ? 0.8f : -0.8f) * s->info.scroll_viewport, now_ms);
        break;
    }
}

void session_scroll(Session *s, float delta, int64_t now_ms)
{
    if (wake_from_attract(s, now_ms) || s->info.scroll_viewport <= 0) return;
    scroller_stop(&s->scroller);
    double max = scroller_max(&s->scroller);
    double to = fmin(fmax(scroller_offset(&s->scroller) + delta, 0), max);
    s->scroller.offset = to;
    scroller_step(&s->scroller, now_ms);
    s->dirty = true;
}

bool session_is_fresh(const Session *s)
{
    const UiState *u = &s->ui;
    return u->depth == 1 && u->lang == u->bundle->default_language && u->quiz_known == 0 &&
           u->focus < 0 && scroller_offset(&s->scroller) == 0;
}

bool session_is_quiet(const Session *s, int64_t now_ms)
{
    if (gesture_is_down(&s->gesture)) return false;
    return s->ui.attract || s->ui.depth == 1 || now_ms - s->input_ms >= SESSION_QUIET_MS;
}

const Item *session_attract_item(const Session *s, int64_t now_ms)
{
    return ui_attract_item(&s->ui, now_ms);
}

/* Idle reset and attract, from the idle clock. Returns true when the screen changed. */
static bool unattended(Session *s, int64_t now_ms)
{
    const KioskSettings *k = &s->ui.bundle->kiosk;
    int64_t idle = now_ms - s->input_ms, reset_at = (int64_t)k->idle_timeout_s * 1000;
    if (s->ui.attract) {
        /* A new slide is a new picture. */
        int64_t slide_ms = (int64_t)k->attract_slide_s * 1000;
        return (now_ms - s->ui.attract_ms) / slide_ms != (s->now_ms - s->ui.attract_ms) / slide_ms;
    }
    if (idle >= reset_at && !session_is_fresh(s) && !gesture_is_down(&s->gesture)) {
        ui_reset(&s->ui, now_ms);
        for (size_t i = 0; i < NAV_MAX_DEPTH; i++) s->ui.stack[i].scroll = 0;
        sync_scroller(s);
        s->idle_resets++;
        return true;
    }
    if (idle >= reset_at + (int64_t)k->attract_delay_s * 1000 && !gesture_is_down(&s->gesture)) {
        s->ui.attract = true;
        s->ui.attract_ms = now_ms;
        s->attract_starts++;
        return true;
    }
    return false;
}

bool session_tick(Session *s, int64_t now_ms)
{
    if (now_ms < s->now_ms) now_ms = s->now_ms;
    if (s->corner_since && gesture_is_down(&s->gesture) &&
        now_ms - s->corner_since >= SESSION_ADMIN_HOLD_MS) {
        /* The hidden gesture: the PIN pad opens; the rest of this touch does nothing. */
        s->corner_since = 0;
        s->swallow = true;
        GestureEvent ignored[GESTURE_MAX_EVENTS];
        gesture_cancel(&s->gesture, now_ms, ignored);
        s->ui.pressing = false;
        ui_open_pin(&s->ui, now_ms);
        s->dirty = true;
    }
    if (unattended(s, now_ms)) s->dirty = true;
    s->now_ms = now_ms;
    GestureEvent ev[GESTURE_MAX_EVENTS];
    int n = gesture_tick(&s->gesture, now_ms, ev);
    for (int i = 0; i < n; i++) on_gesture(s, &ev[i]);
    if (scroller_is_animating(&s->scroller)) {
        scroller_step(&s->scroller, now_ms);
        s->dirty = true;
    }
    if (now_ms - s->ui.changed_ms <= VIEW_TRANSITION_MS) s->dirty = true;
    if (s->info.frame_ms > 0) s->dirty = true; /* the last frame was in motion */
    if (s->info.wake_ms > 0 && now_ms >= s->info.wake_ms) s->dirty = true;
    return s->dirty;
}

int64_t session_next_wake(const Session *s)
{
    int64_t g = gesture_next_wake(&s->gesture);
    bool moving = scroller_is_animating(&s->scroller) ||
                  s->now_ms - s->ui.changed_ms <= VIEW_TRANSITION_MS;
    int64_t sc = moving ? s->now_ms + 16 : INT64_MAX;
    if (s->info.frame_ms > 0 && s->now_ms + s->info.frame_ms < sc) sc = s->now_ms + s->info.frame_ms;
    int64_t wake = g < sc ? g : sc;
    if (s->info.wake_ms > 0 && s->info.wake_ms < wake) wake = s->info.wake_ms;
    if (s->corner_since && gesture_is_down(&s->gesture) &&
        s->corner_since + SESSION_ADMIN_HOLD_MS < wake)
        wake = s->corner_since + SESSION_ADMIN_HOLD_MS;
    /* The idle clock: the next reset, attract start or attract slide. */
    const KioskSettings *k = &s->ui.bundle->kiosk;
    int64_t t;
    if (s->ui.attract) {
        int64_t slide_ms = (int64_t)k->attract_slide_s * 1000;
        t = s->ui.attract_ms + ((s->now_ms - s->ui.attract_ms) / slide_ms + 1) * slide_ms;
    } else if (!session_is_fresh(s)) {
        t = s->input_ms + (int64_t)k->idle_timeout_s * 1000;
    } else {
        t = s->input_ms + ((int64_t)k->idle_timeout_s + k->attract_delay_s) * 1000;
    }
    if (t <= s->now_ms) t = s->now_ms + 1;
    return t < wake ? t : wake;
}

const DisplayList *session_frame(Session *s)
{
    if (!s->dirty) return s->list;
    Screen *top = ui_top(&s->ui);
    session_start_transition(s, top);
    top->scroll = (float)scroller_offset(&s->scroller);
    view_build(s->list, &s->ui, &s->measure, s->w, s->h, s->now_ms, &s->info);
    scroller_set_content(&s->scroller, s->info.scroll_content, s->info.scroll_viewport, s->now_ms);
    if (fabs(scroller_offset(&s->scroller) - top->scroll) > 0.5) {
        /* The content got shorter than the offset (e.g. a filter): draw at the valid offset. */
        top->scroll = (float)scroller_offset(&s->scroller);
        view_build(s->list, &s->ui, &s->measure, s->w, s->h, s->now_ms, &s->info);
    }
    if (s->ui.focus >= (int)s->list->n_hits) s->ui.focus = -1; /* its target scrolled away */
    s->dirty = false;
    return s->list;
}

static bool open_screen(Session *s, const char *spec, int64_t now_ms);

bool session_open(Session *s, const char *spec, int64_t now_ms)
{
    bool ok = open_screen(s, spec, now_ms);
    /* Opened directly (for a picture or a test): show it settled, without the entry motion. */
    ui_settle(&s->ui, now_ms);
    s->dirty = true;
    return ok;
}

static bool open_screen(Session *s, const char *spec, int64_t now_ms)
{
    const Bundle *b = s->ui.bundle;
    session_apply(s, (Action){.kind = ACT_HOME}, now_ms);
    s->ui.attract = false;
    if (strcmp(spec, "home") == 0) return true;
    if (strcmp(spec, "pin") == 0 || strcmp(spec, "admin") == 0) {
        /* For pictures and tests only: no input can call this, and --render has no effects. */
        ui_open_pin(&s->ui, now_ms);
        if (spec[0] == 'a') ui_open_admin(&s->ui, now_ms);
        return true;
    }
    if (strcmp(spec, "attract") == 0) {
        s->ui.attract = true;
        s->ui.attract_ms = now_ms;
        return true;
    }
    if (strcmp(spec, "about") == 0) {
        session_apply(s, (Action){.kind = ACT_ABOUT}, now_ms);
        return true;
    }
    if (strcmp(spec, "quiz") == 0 || strcmp(spec, "result") == 0) {
        if (!b->quiz) return false;
        session_apply(s, (Action){.kind = ACT_QUIZ}, now_ms);
        if (spec[0] == 'r')
            for (size_t i = 0; i < b->quiz->n_questions; i++)
                session_apply(s, (Action){.kind = ACT_ANSWER, .arg = 0}, now_ms);
        return true;
    }
    const char *id = strchr(spec, ':') ? strchr(spec, ':') + 1 : spec;
    const Collection *c = bundle_find_collection(b, id);
    if (c) {
        session_apply(s, (Action){.kind = ACT_COLLECTION, .collection = c}, now_ms);
        return true;
    }
    const Item *it = bundle_find_item(b, id);
    if (!it) return false;
    session_apply(s, (Action){.kind = ACT_COLLECTION, .collection = it->collection}, now_ms);
    session_apply(s, (Action){.kind = ACT_ITEM, .item = it}, now_ms);
    if (strncmp(spec, "photo:", 6) != 0) return true;
    session_apply(s, (Action){.kind = ACT_PHOTO, .item = it}, now_ms); /* the first picture */
    return it->n_gallery > 0;
}

const char *session_screen_name(const Session *s, char *buf, size_t size)
{
    ScreenRef r = session_screen(s);
    if (r.attract) snprintf(buf, size, "attract");
    else if (r.id) snprintf(buf, size, "%s:%s", screen_kind_name(r.kind), r.id);
    else snprintf(buf, size, "%s", screen_kind_name(r.kind));
    return buf;
}

const Hit *session_find_target(Session *s, const char *name)
{
    static const struct {
        const char *name;
        ActionKind kind;
    } fixed[] = {{"back", ACT_BACK}, {"home", ACT_HOME}, {"language", ACT_LANGUAGE},
                 {"about", ACT_ABOUT}, {"quiz", ACT_QUIZ}, {"again", ACT_QUIZ_AGAIN},
                 {"text-size", ACT_TEXT_SIZE}, {"sound", ACT_VIDEO_SOUND},
                 {"next-picture", ACT_PICTURE_NEXT}, {"prev-picture", ACT_PICTURE_PREV},
                 {"photo", ACT_PHOTO}};
    const DisplayList *d = session_frame(s);
    int arg = -2;
    ActionKind kind = ACT_NONE;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (strcmp(name, fixed[i].name) == 0) kind = fixed[i].kind;
    if (strncmp(name, "answer-", 7) == 0) {
        kind = ACT_ANSWER;
        arg = atoi(name + 7);
    } else if (strcmp(name, "filter-all") == 0) {
        kind = ACT_FILTER;
        arg = -1;
    } else if (strncmp(name, "filter-", 7) == 0) {
        kind = ACT_FILTER;
        arg = atoi(name + 7);
    }
    for (size_t i = 0; i < d->n_hits; i++) {
        const Action *a = &d->hits[i].action;
        if (kind != ACT_NONE) {
            if (a->kind == kind && (arg == -2 || a->arg == arg)) return &d->hits[i];
        } else if ((a->kind == ACT_ITEM && strcmp(a->item->id, name) == 0) ||
                   (a->kind == ACT_COLLECTION && strcmp(a->collection->id, name) == 0)) {
            return &d->hits[i];
        }
    }
    return NULL;
}

unsigned session_take_requests(Session *s)
{
    unsigned r = (s->want_reload ? SESSION_WANT_RELOAD : 0) |
                 (s->want_preview ? SESSION_WANT_PREVIEW : 0) |
                 (s->want_exit ? SESSION_WANT_EXIT : 0);
    s->want_reload = s->want_preview = s->want_exit = false;
    return r;
}

void session_set_admin_status(Session *s, const char *text)
{
    if (strcmp(s->admin_text, text) == 0 && s->ui.admin_status == s->admin_text) return;
    snprintf(s->admin_text, sizeof s->admin_text, "%s", text);
    s->ui.admin_status = s->admin_text;
    if (ui_top(&s->ui)->kind == SCREEN_ADMIN) s->dirty = true;
}

void session_invalidate(Session *s)
{
    s->dirty = true;
}

int64_t session_video_time(Session *s, int64_t ms)
{
    /* A playing clip asks for frames itself (video_panel.c); a clip that starts or stops
     * playing needs one frame to start or stop asking. */
    bool changed = (ms >= 0) != (s->ui.video_ms >= 0);
    s->ui.video_ms = ms;
    if (!changed) return session_next_wake(s);
    s->dirty = true;
    return s->now_ms;
}

void session_wake(Session *s, bool finger_down, int64_t now_ms)
{
    s->input_ms = now_ms;
    s->dirty = true;
    s->swallow = finger_down;
}

ScreenRef session_screen(const Session *s)
{
    const Screen *top = ui_top_const(&s->ui);
    ScreenRef r = {.kind = top->kind, .attract = s->ui.attract};
    if (top->kind == SCREEN_COLLECTION) r.id = top->collection->id;
    if (top->kind == SCREEN_ITEM || top->kind == SCREEN_PHOTO) r.id = top->item->id;
    return r;
}

void session_set_wall_clock(Session *s, int64_t wall_ms, int64_t now_ms)
{
    int64_t offset = wall_ms - now_ms;
    int64_t drift = offset - s->ui.wall_offset_ms;
    /* The monotonic and the wall clock drift apart by milliseconds an hour, and a wall clock
     * in whole seconds jitters by one: only a step (NTP setting the clock, a replay's
     * `clock`) is taken, so a timetable's minute never moves back and forth. */
    if (drift > 2000 || drift < -2000) {
        s->ui.wall_offset_ms = offset;
        s->dirty = true;
    }
}

bool session_continue(Session *ns, const Session *old, const Bundle *nb, int64_t now_ms)
{
    if (!session_init(ns, nb, old->measure, old->w, old->h, now_ms)) return false;
    ScreenRef at = session_screen(old);
    if (at.id) session_open(ns, at.id, now_ms);
    else if (at.kind == SCREEN_ABOUT && !at.attract) session_open(ns, "about", now_ms);
    const Bundle *ob = old->ui.bundle;
    int li = bundle_language_index(nb, ob->languages[old->ui.lang]);
    if (li >= 0 && old->ui.lang != ob->default_language) ns->ui.lang = (size_t)li;
    ns->input_ms = old->input_ms;
    ns->ui.wall_offset_ms = old->ui.wall_offset_ms;
    ns->pin_hash = old->pin_hash;
    ns->verify = old->verify;
    ns->guard = old->guard;
    ns->pin_failures = old->pin_failures;
    return true;
}

bool session_set_here(Session *s, const char *id)
{
    const Item *it = id ? bundle_find_item(s->ui.bundle, id) : NULL;
    bool region = it && (it->n_shape > 0 || it->has_pin); /* a map's region, a plan's place */
    s->ui.here = region ? it->id : NULL;
    s->dirty = true;
    return !id || region;
}
