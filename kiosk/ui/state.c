/* state.c: the navigation reducer.
 *
 * The stack keeps home at the bottom; a full stack drops the oldest screen above home rather
 * than refusing to navigate (a curious visitor can follow related items for ever). Opening
 * the screen that is already on top does nothing, so a double tap cannot stack duplicates. */
#include "ui/state.h"

#include <string.h>

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
    s->focus = -1;
    s->pressing = false;
    s->changed_ms = now_ms;
    s->attract = false;
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

/* The answer `arg` to the question being asked; after the last one, the result. */
static bool answer(UiState *s, int arg, int64_t now_ms)
{
    const Quiz *quiz = s->bundle->quiz;
    Screen *top = ui_top(s);
    if (!quiz || top->kind != SCREEN_QUIZ || s->quiz_pos >= quiz->n_questions) return false;
    const Question *q = &quiz->questions[s->quiz_pos];
    if (arg < 0 || (size_t)arg >= q->n_answers) return false;
    if (s->quiz_pos < QUIZ_MAX_QUESTIONS) s->answers[s->quiz_pos] = arg;
    s->quiz_pos++;
    if (s->quiz_pos >= quiz->n_questions) top->kind = SCREEN_RESULT;
    s->focus = -1;
    s->changed_ms = now_ms;
    return true;
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
        if (s->depth <= 1) return false;
        forget_pin(s);
        s->depth--;
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
        if (a.kind == ACT_QUIZ_AGAIN && ui_top(s)->kind == SCREEN_RESULT) {
            ui_top(s)->kind = SCREEN_QUIZ;
            s->focus = -1;
            s->changed_ms = now_ms;
            return true;
        }
        return push(s, (Screen){.kind = SCREEN_QUIZ, .filter = -1}, now_ms);
    case ACT_ANSWER:
        return answer(s, a.arg, now_ms);
    }
    return false;
}

size_t ui_quiz_result(const UiState *s, const Item **items, int *points, size_t max)
{
    const Quiz *quiz = s->bundle->quiz;
    if (!quiz) return 0;
    size_t want = (size_t)quiz->result_count < max ? (size_t)quiz->result_count : max;
    /* Totals per scored item; a quiz scores a few dozen items, so a small table will do. */
    enum { MAX_SCORED = 256 };
    const Item *seen[MAX_SCORED];
    int total[MAX_SCORED];
    size_t n = 0;
    for (size_t qi = 0; qi < quiz->n_questions && qi < s->quiz_pos && qi < QUIZ_MAX_QUESTIONS;
         qi++) {
        const Answer *ans = &quiz->questions[qi].answers[s->answers[qi]];
        for (size_t k = 0; k < ans->n_scores; k++) {
            size_t j = 0;
            while (j < n && seen[j] != ans->scores[k].item) j++;
            if (j == n) {
                if (n == MAX_SCORED) continue;
                seen[n] = ans->scores[k].item;
                total[n++] = 0;
            }
            total[j] += ans->scores[k].points;
        }
    }
    size_t out = 0;
    bool used[MAX_SCORED] = {0};
    while (out < want) {
        int best = -1;
        for (size_t j = 0; j < n; j++) {
            if (used[j] || total[j] <= 0) continue;
            bool better = best < 0 || total[j] > total[best] ||
                          (total[j] == total[best] &&
                           (seen[j]->collection->index < seen[best]->collection->index ||
                            (seen[j]->collection == seen[best]->collection &&
                             seen[j]->index < seen[best]->index)));
            if (better) best = (int)j;
        }
        if (best < 0) break;
        used[best] = true;
        items[out] = seen[best];
        if (points) points[out] = total[best];
        out++;
    }
    return out;
}

const Item *ui_attract_item(const UiState *s, int64_t now_ms)
{
    const Bundle *b = s->bundle;
    const KioskSettings *k = &b->kiosk;
    if (!s->attract) return NULL;
    int64_t elapsed = now_ms > s->attract_ms ? now_ms - s->attract_ms : 0;
    size_t slide = (size_t)(elapsed / ((int64_t)k->attract_slide_s * 1000));
    if (k->n_attract_items) return k->attract_items[slide % k->n_attract_items];
    size_t n = 0;
    for (size_t c = 0; c < b->n_collections; c++)
        for (size_t i = 0; i < b->collections[c].n_items; i++)
            n += b->collections[c].items[i].image != NULL;
    if (n == 0) return NULL;
    size_t want = slide % n;
    for (size_t c = 0; c < b->n_collections; c++)
        for (size_t i = 0; i < b->collections[c].n_items; i++)
            if (b->collections[c].items[i].image && want-- == 0) return &b->collections[c].items[i];
    return NULL;
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
    }
    return "?";
}
