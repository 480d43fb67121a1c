/* view_quiz.c: one question at a time with big answers, then the result.
 *
 * In portrait the answers sit in the lower part of the screen, where every visitor can reach
 * them; in landscape they form a 2 x 2 block under the question.
 *
 * A tapped answer fills with the accent colour and stays so for QUIZ_HIGHLIGHT_MS before the
 * next question comes (the state has moved on already: ui_quiz_highlighting); meanwhile the
 * answers take no taps, so a double tap cannot answer the next question too. Coming back to a
 * question (Back) shows the answer given before with an accent edge. */
#include <math.h>

#include "core/color.h"
#include "ui/widgets.h"

/* Sizes in units (widgets.h). */
enum {
    DOT = 18,            /* a progress dot */
    DOT_GAP = 14,
    BELOW_LABEL = 16,    /* after the quiz's name, after the intro */
    PROGRESS_GAP = 24,   /* between "question 2 of 6" and the dots */
    PROGRESS_DROP = 8,   /* the dots sit a little lower than the text's top */
    PROGRESS_LINE = 60,  /* height of the progress line */
    QUESTION_PX = 58,    /* the question: a title, one step under PX_TITLE */
    BELOW_QUESTION = 40,
    ANSWER_H_MAX = 190,
    ANSWER_H_TALL = 230, /* portrait: taller answers where the screen has the room */
    ICON_BAND_MIN = 260, /* portrait: free room from which on the quiz's picture fills it */
    ICON_MAX = 420,
    ANSWER_H_MIN = 120,
    BADGE = 72,          /* the round A/B/C/D badge */
    ANSWER_PAD = 28,
    ANSWER_PX = 36,      /* answer text and badge letter */
    CHOSEN_BORDER = 5,   /* the answer given (kept when coming back) */
    HIGHLIGHT_FADE_MS = 60, /* the chosen answer fills with accent this fast */
};

static void progress(Ctx *c, float x, float y, size_t pos, size_t n)
{
    float d = U(c, DOT), g = U(c, DOT_GAP);
    for (size_t i = 0; i < n; i++) {
        uint32_t col = i < pos ? c->t->accent
                     : i == pos ? c->t->text
                                : color_mix(c->t->background, c->t->text, 0.2);
        dlist_rect(c->d, (Rect){x + (float)i * (d + g), y, d, d}, col, d / 2);
    }
}

/* How an answer looks: 0 = not chosen, 1 = chosen before (an accent edge), 2 = just tapped
 * (filled with accent, `fill` 0..1 of the way there). */
static void answer_box(Ctx *c, Rect r, size_t i, const Answer *a, int chosen, float fill)
{
    const Theme *t = c->t;
    static const char *const letters[] = {"A", "B", "C", "D"};
    float radius = U(c, SZ_RADIUS), bh = r.h;
    uint32_t bg = chosen ? color_mix(t->surface, t->accent, chosen == 2 ? fill : 0.1) : t->surface;
    uint32_t fg = chosen == 2 && fill > 0.5f ? t->on_accent : t->text;
    if (chosen) {
        dlist_rect(c->d, r, bg, radius);
        dlist_frame(c->d, r, t->accent, radius, U(c, CHOSEN_BORDER));
    } else {
        w_surface(c, r, bg, radius);
    }
    c->bound = r;
    float badge = U(c, BADGE), pad = U(c, ANSWER_PAD);
    bool inverse = chosen == 2 && fill > 0.5f;
    dlist_rect(c->d, (Rect){r.x + pad, r.y + (bh - badge) / 2, badge, badge},
               inverse ? t->on_accent : t->accent, badge / 2);
    int lp = PX(c, ANSWER_PX);
    float lw = w_text_width(c, letters[i], FONT_BOLD, lp);
    w_text(c, (Rect){r.x + pad + (badge - lw) / 2, r.y + (bh - lp * 1.3f) / 2, lw + 2, 0},
           letters[i], (TextStyle){FONT_BOLD, lp, inverse ? t->accent : t->on_accent, 1, false, NULL});
    float tx = r.x + pad + badge + pad, tw = r.x + r.w - pad - tx;
    TextStyle st = {FONT_BOLD, PX(c, ANSWER_PX), fg, 2, false, "quiz answer"};
    float th = w_text_height(c, tw, T(c, &a->text), st);
    w_text(c, (Rect){tx, r.y + (bh - th) / 2, tw, 0}, T(c, &a->text), st);
    c->bound = (Rect){0};
}

void view_quiz(Ctx *c)
{
    const Quiz *q = c->b->quiz;
    const Theme *t = c->t;
    if (!q || q->n_questions == 0) return;
    const UiState *s = c->s;
    bool flash = ui_quiz_highlighting(s, c->now_ms);
    size_t pos = flash ? s->quiz_pos - 1 : s->quiz_pos;
    if (pos >= q->n_questions) pos = q->n_questions - 1;
    int chosen = pos < s->quiz_known ? s->answers[pos] : -1;
    float fill = 1;
    if (flash) {
        int64_t dt = c->now_ms - s->answered_ms;
        fill = dt >= HIGHLIGHT_FADE_MS ? 1 : (float)dt / HIGHLIGHT_FADE_MS;
        view_animate(c->info, 16); /* the fill, then the next question on time */
    }
    const Question *qu = &q->questions[pos];
    float m = U(c, SZ_MARGIN) * 1.5f, w = c->content.w - 2 * m, x = m, y = m;
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &q->title),
                (TextStyle){FONT_BOLD, PX(c, PX_BODY), t->muted, 1, false, NULL}) + U(c, BELOW_LABEL);
    char count[256];
    const char *of = dlist_strdup(c->d, ui_fill_count(count, sizeof count, S(c, STR_QUESTION_OF),
                                                       pos + 1, q->n_questions));
    float ow = w_text_width(c, of, FONT_REGULAR, PX(c, PX_SMALL));
    w_text(c, (Rect){x, y, fminf(ow + 4, w), 0}, of,
           (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->text, 1, false, NULL});
    progress(c, x + ow + U(c, PROGRESS_GAP), y + U(c, PROGRESS_DROP), pos, q->n_questions);
    y += U(c, PROGRESS_LINE);
    if (pos == 0 && text_present(&q->intro))
        y += w_text(c, (Rect){x, y, w * 0.8f, 0}, T(c, &q->intro),
                    (TextStyle){FONT_REGULAR, PX(c, PX_BODY), t->muted, 2, false, "quiz intro"}) + U(c, BELOW_LABEL);
    TextStyle qs = {FONT_BOLD, PX(c, QUESTION_PX), t->text, 3, false, "quiz question"};
    float qh = w_text_height(c, w, T(c, &qu->text), qs);
    size_t n = qu->n_answers;
    size_t cols = c->portrait ? 1 : 2, rows = (n + cols - 1) / cols;
    float g = U(c, SZ_GAP) * 1.5f;
    float bottom = c->content.h - m;
    float top = y + qh + U(c, BELOW_QUESTION);
    float hmax = U(c, c->portrait ? ANSWER_H_TALL : ANSWER_H_MAX);
    float bh = fminf(hmax, (bottom - top - g * (float)(rows - 1)) / (float)rows);
    if (bh < U(c, ANSWER_H_MIN)) bh = U(c, ANSWER_H_MIN);
    float bw = (w - g * (float)(cols - 1)) / (float)cols;
    if (c->portrait) {
        /* Answers low, within reach, and the question just above them, where the eyes are;
         * the room left between the progress line and the question shows the quiz's
         * picture rather than an empty band. */
        float ay = fmaxf(top, bottom - (float)rows * bh - g * (float)(rows - 1));
        float qy = ay - U(c, BELOW_QUESTION) - qh, band = qy - y;
        float side = fminf(fminf(band - 2 * U(c, BELOW_LABEL), U(c, ICON_MAX)), w);
        if (q->icon && band >= U(c, ICON_BAND_MIN)) {
            DlCmd *img = dlist_push(c->d, DL_IMAGE, (Rect){x + (w - side) / 2, y + (band - side) / 2,
                                                           side, side});
            img->image = q->icon;
        }
        y = qy;
    }
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &qu->text), qs) + U(c, BELOW_QUESTION);
    for (size_t i = 0; i < n; i++) {
        Rect r = {x + (float)(i % cols) * (bw + g), y + (float)(i / cols) * (bh + g), bw, bh};
        int look = (int)i != chosen ? 0 : flash ? 2 : 1;
        answer_box(c, r, i, &qu->answers[i], look, fill);
        if (!flash) dlist_hit(c->d, r, (Action){.kind = ACT_ANSWER, .arg = (int)i}, U(c, SZ_RADIUS));
    }
}
