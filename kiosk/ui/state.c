/* state.c: the navigation reducer.
 *
 * The stack keeps home at the bottom; a full stack drops the oldest screen above home rather
 * than refusing to navigate (a curious visitor can follow related items for ever). Opening
 * the screen that is already on top does nothing, so a double tap cannot stack duplicates. */
#include "ui/state.h"

#include <string.h>

#include "ui/quiz_rank.h"
#include "ui/view.h" /* VIEW_TRANSITION_MS, VIEW_SETTLE_MS */

void ui_init(UiState *s, const Bundle *b, int64_t now_ms)
{
    memset(s, 0, sizeof *s);
    s->bundle = b;
    ui_reset(s, now_ms);
}

void ui_reset(UiState *s, int64_t now_ms)
{
    s->depth = 1;
    s->stack[0] = (Screen){.kind = SCREEN_HOME, .filter = -1, .opened_ms = now_ms};
    s->lang = s->bundle->default_language;
    s->quiz_pos = 0;
    s->quiz_known = 0;
    s->answered_ms = INT64_MIN / 2;
    s->focus = -1;
    s->pressing = false;
    s->changed_ms = now_ms;
    s->attract = false;
    s->large_text = false;
    s->sound_toggled = false;
    s->video_ms = -1;
    memset(s->pin, 0, sizeof s->pin);
    s->pin_len = 0;
    s->pin_message = PIN_MSG_NONE;
}

static bool same_screen(const Screen *a, const Screen *b);
static bool push(UiState *s, Screen next, int64_t now_ms)
{
    if (same_screen(ui_top(s), &next)) return false;
    if (s->depth == NAV_MAX_DEPTH) {
        memmove(&s->stack[1], &s->stack[2], (NAV_MAX_DEPTH - 2) * sizeof s->stack[0]);
        s->depth--;
    }
    next.opened_ms = now_ms;
    s->stack[s->depth++] = next;
    s->focus = -1;
    s->changed_ms = now_ms;
    return true;
}

static void forget_pin(UiState *s)
{
    memset(s->pin, 0, sizeof s->pin);
    s->pin_len = 0;
    s->pin_message = PIN_MSG_NONE;
}

void ui_open_pin(UiState *s, int64_t now_ms)
{
    forget_pin(s);
    if (ui_top(s)->kind == SCREEN_PIN || ui_top(s)->kind == SCREEN_ADMIN) return;
    push(s, (Screen){.kind = SCREEN_PIN, .filter = -1}, now_ms);
}

void ui_open_admin(UiState *s, int64_t now_ms)
{
    forget_pin(s);
    if (ui_top(s)->kind == SCREEN_PIN) {
        ui_top(s)->kind = SCREEN_ADMIN;
        s->focus = -1;
        s->changed_ms = now_ms;
    }
}

/* Back from a picture full screen: the item page shows the picture the visitor ended on. */
static void photo_closed(UiState *s)
{
    const Screen *closed = &s->stack[s->depth];
    Screen *top = ui_top(s);
    if (closed->kind == SCREEN_PHOTO && top->kind == SCREEN_ITEM && top->item == closed->item)
        top->picture = closed->picture;
}

bool ui_step_picture(UiState *s, int step)
{
    Screen *top = ui_top(s);
    if ((top->kind != SCREEN_ITEM && top->kind != SCREEN_PHOTO) || !top->item) return false;
    int n = (int)top->item->n_gallery;
    if (n < 2) return false;
    /* Round and round: an arrow is never a dead button, and the count ("1 / 5") shows that
     * the visitor is back at the start. */
    top->picture = ((top->picture + step) % n + n) % n;
    top->zoom = top->pan_x = top->pan_y = 0; /* the next picture comes whole */
    return true;
}

static bool open_photo(UiState *s, Action a, int64_t now_ms)
{
    if (!a.item || a.arg < 0 || (size_t)a.arg >= a.item->n_gallery) return false;
    return push(s, (Screen){.kind = SCREEN_PHOTO, .item = a.item, .picture = a.arg, .filter = -1},
                now_ms);
}

static bool same_screen(const Screen *a, const Screen *b)
{
    return a->kind == b->kind && a->collection == b->collection && a->item == b->item;
}

/* A key of the PIN pad: a digit or erase. */
static bool pin_key(UiState *s, Action a)
{
    if (ui_top(s)->kind != SCREEN_PIN) return false;
    if (a.kind == ACT_PIN_ERASE) {
        if (s->pin_len == 0) return false;
        s->pin[--s->pin_len] = '\0';
        return true;
    }
    if (a.arg < 0 || a.arg > 9 || s->pin_len + 1 >= sizeof s->pin) return false;
    s->pin[s->pin_len++] = (char)('0' + a.arg);
    s->pin[s->pin_len] = '\0';
    s->pin_message = PIN_MSG_NONE;
    return true;
}

/* The answer `arg` to the question being asked; after the last one, the result. The state
 * moves on at once; the view keeps the answered question on screen, its answer highlighted,
 * for QUIZ_HIGHLIGHT_MS, and the next screen's entry motion starts after that. */
static bool answer(UiState *s, int arg, int64_t now_ms)
{
    const Quiz *quiz = s->bundle->quiz;
    Screen *top = ui_top(s);
    if (!quiz || top->kind != SCREEN_QUIZ || s->quiz_pos >= quiz->n_questions ||
        s->quiz_pos >= QUIZ_MAX_QUESTIONS)
        return false;
    const Question *q = &quiz->questions[s->quiz_pos];
    if (arg < 0 || (size_t)arg >= q->n_answers) return false;
    s->answers[s->quiz_pos] = arg;
    s->quiz_pos++;
    if (s->quiz_known < s->quiz_pos) s->quiz_known = s->quiz_pos;
    if (s->quiz_pos >= quiz->n_questions) top->kind = SCREEN_RESULT;
    s->focus = -1;
    s->answered_ms = now_ms;
    s->changed_ms = now_ms + QUIZ_HIGHLIGHT_MS;
    return true;
}

/* Back inside the quiz: the previous question, its answer kept (and shown); from the result,
 * the last question. Back on the first question leaves the quiz (false: not handled here). */
static bool quiz_back(UiState *s, int64_t now_ms)
{
    Screen *top = ui_top(s);
    if (top->kind == SCREEN_RESULT) top->kind = SCREEN_QUIZ;
    else if (top->kind != SCREEN_QUIZ || s->quiz_pos == 0) return false;
    s->quiz_pos--;
    s->answered_ms = INT64_MIN / 2;
    s->focus = -1;
    s->changed_ms = now_ms;
    return true;
}

void ui_settle(UiState *s, int64_t now_ms)
{
    s->changed_ms = now_ms - VIEW_TRANSITION_MS - 1;
    s->answered_ms = INT64_MIN / 2;
    for (size_t i = 0; i < s->depth; i++) s->stack[i].opened_ms = now_ms - VIEW_SETTLE_MS;
}

bool ui_quiz_highlighting(const UiState *s, int64_t now_ms)
{
    ScreenKind k = ui_top_const(s)->kind;
    return (k == SCREEN_QUIZ || k == SCREEN_RESULT) && s->quiz_pos > 0 &&
           now_ms >= s->answered_ms && now_ms - s->answered_ms < QUIZ_HIGHLIGHT_MS;
}

bool ui_apply(UiState *s, Action a, int64_t now_ms)
{
    const Quiz *quiz = s->bundle->quiz;
    switch (a.kind) {
    case ACT_NONE:
    case ACT_COUNT:
    case ACT_PIN_OK: /* checked by the session, which holds the verifier and the guard */
    case ACT_ADMIN_RELOAD:
    case ACT_ADMIN_PREVIEW:
    case ACT_ADMIN_EXIT:
        return false;
    case ACT_PIN_DIGIT:
    case ACT_PIN_ERASE:
        return pin_key(s, a);
    case ACT_BACK:
        if (quiz_back(s, now_ms)) return true;
        if (s->depth <= 1) return false;
        forget_pin(s);
        s->depth--;
        photo_closed(s);
        s->focus = -1;
        s->changed_ms = now_ms;
        return true;
    case ACT_HOME:
        if (s->depth == 1) return false;
        forget_pin(s);
        s->depth = 1;
        s->focus = -1;
        s->changed_ms = now_ms;
        return true;
    case ACT_TEXT_SIZE:
        s->large_text = !s->large_text;
        return true;
    case ACT_VIDEO_SOUND:
        s->sound_toggled = !s->sound_toggled;
        return true;
    case ACT_LANGUAGE:
        if (s->bundle->n_languages < 2) return false;
        s->lang = (s->lang + 1) % s->bundle->n_languages;
        return true;
    case ACT_ABOUT:
        return push(s, (Screen){.kind = SCREEN_ABOUT, .filter = -1}, now_ms);
    case ACT_COLLECTION:
        if (!a.collection) return false;
        return push(s, (Screen){.kind = SCREEN_COLLECTION, .collection = a.collection,
                                .filter = -1}, now_ms);
    case ACT_ITEM:
        if (!a.item) return false;
        return push(s, (Screen){.kind = SCREEN_ITEM, .item = a.item, .filter = -1}, now_ms);
    case ACT_FILTER: {
        Screen *top = ui_top(s);
        if (top->kind != SCREEN_COLLECTION || a.arg < -1 ||
            a.arg >= (int)top->collection->n_categories || top->filter == a.arg)
            return false;
        top->filter = a.arg;
        top->scroll = 0;
        return true;
    }
    case ACT_QUIZ:
    case ACT_QUIZ_AGAIN:
        if (!quiz) return false;
        s->quiz_pos = 0;
        s->quiz_known = 0;
        if (a.kind == ACT_QUIZ_AGAIN && ui_top(s)->kind == SCREEN_RESULT) {
            ui_top(s)->kind = SCREEN_QUIZ;
            s->focus = -1;
            s->changed_ms = now_ms;
            return true;
        }
        return push(s, (Screen){.kind = SCREEN_QUIZ, .filter = -1}, now_ms);
    case ACT_ANSWER:
        return answer(s, a.arg, now_ms);
    case ACT_PICTURE_NEXT:
    case ACT_PICTURE_PREV:
        return ui_step_picture(s, a.kind == ACT_PICTURE_NEXT ? 1 : -1);
    case ACT_PHOTO:
        return open_photo(s, a, now_ms);
    }
    return false;
}

size_t ui_quiz_result(const UiState *s, const Item **items, int *points, size_t max)
{
    const Quiz *quiz = s->bundle->quiz;
    if (!quiz) return 0;
    QuizMatch m[QUIZ_RANK_MAX];
    size_t want = (size_t)quiz->result_count < max ? (size_t)quiz->result_count : max;
    if (want > QUIZ_RANK_MAX) want = QUIZ_RANK_MAX;
    size_t n = quiz_rank(quiz, s->answers, s->quiz_pos < QUIZ_MAX_QUESTIONS ? s->quiz_pos
                                                                           : QUIZ_MAX_QUESTIONS,
                         m, want);
    for (size_t i = 0; i < n; i++) {
        items[i] = m[i].item;
        if (points) points[i] = m[i].points;
    }
    return n;
}

static size_t items_with_pictures(const Bundle *b, const Item **nth, size_t want)
{
    size_t n = 0;
    for (size_t c = 0; c < b->n_collections; c++)
        for (size_t i = 0; i < b->collections[c].n_items; i++) {
            const Item *it = &b->collections[c].items[i];
            if (!it->image) continue;
            if (nth && n == want) *nth = it;
            n++;
        }
    return n;
}

enum { ITEMS_PER_QUIZ_SLIDE = 4 };

size_t ui_attract_count(const Bundle *b)
{
    if (b->kiosk.n_attract_slides) return b->kiosk.n_attract_slides;
    size_t n = items_with_pictures(b, NULL, 0);
    size_t quiz = !b->quiz ? 0 : n ? (n + ITEMS_PER_QUIZ_SLIDE - 1) / ITEMS_PER_QUIZ_SLIDE : 1;
    return 1 + n + quiz;
}

AttractSlide ui_attract_nth(const Bundle *b, size_t k)
{
    const KioskSettings *ks = &b->kiosk;
    if (ks->n_attract_slides) return ks->attract_slides[k % ks->n_attract_slides];
    k %= ui_attract_count(b);
    if (k == 0) return (AttractSlide){SLIDE_TITLE, NULL};
    k--;
    size_t n = items_with_pictures(b, NULL, 0), block = ITEMS_PER_QUIZ_SLIDE + (b->quiz ? 1 : 0);
    size_t pos = k % block, at = k / block * ITEMS_PER_QUIZ_SLIDE + pos;
    if (pos == ITEMS_PER_QUIZ_SLIDE || at >= n) return (AttractSlide){SLIDE_QUIZ, NULL};
    const Item *it = NULL;
    items_with_pictures(b, &it, at);
    return (AttractSlide){SLIDE_ITEM, it};
}

bool ui_attract_phase(const UiState *s, int64_t now_ms, AttractPhase *out)
{
    if (!s->attract) return false;
    int64_t slide_ms = (int64_t)s->bundle->kiosk.attract_slide_s * 1000;
    int64_t elapsed = now_ms > s->attract_ms ? now_ms - s->attract_ms : 0;
    size_t k = (size_t)(elapsed / slide_ms);
    int64_t into = elapsed % slide_ms;
    out->index = k;
    out->slide = ui_attract_nth(s->bundle, k);
    out->before = ui_attract_nth(s->bundle, k ? k - 1 : 0);
    out->progress = (float)into / (float)slide_ms;
    /* The first slide simply appears: it follows the home screen, not another slide. */
    out->fade = k == 0 || into >= ATTRACT_FADE_MS ? 1.0f : (float)into / ATTRACT_FADE_MS;
    return true;
}

const Item *ui_attract_item(const UiState *s, int64_t now_ms)
{
    AttractPhase p;
    if (!ui_attract_phase(s, now_ms, &p) || p.slide.kind != SLIDE_ITEM) return NULL;
    return p.slide.item;
}

const char *screen_kind_name(ScreenKind kind)
{
    switch (kind) {
    case SCREEN_HOME: return "home";
    case SCREEN_COLLECTION: return "collection";
    case SCREEN_ITEM: return "item";
    case SCREEN_QUIZ: return "quiz";
    case SCREEN_RESULT: return "result";
    case SCREEN_ABOUT: return "about";
    case SCREEN_PIN: return "pin";
    case SCREEN_ADMIN: return "admin";
    case SCREEN_PHOTO: return "photo";
    }
    return "?";
}
