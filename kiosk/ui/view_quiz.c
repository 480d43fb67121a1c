/* view_quiz.c: one question at a time with big answers, then the result.
 *
 * In portrait the answers sit in the lower part of the screen, where every visitor can reach
 * them; in landscape they form a 2 x 2 block under the question. */
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
    ANSWER_H_MIN = 120,
    ANSWER_BORDER = 2,
    BADGE = 72,          /* the round A/B/C/D badge */
    ANSWER_PAD = 28,
    ANSWER_PX = 36,      /* answer text and badge letter */
    AGAIN_H = 110,       /* the result's "again" button */
    AGAIN_W = 340,
    RESULT_ROW_H = 170,  /* portrait: one row per match */
    RESULT_CARD_W = 520, /* landscape: one card per match */
    RESULT_CARD_H = 440,
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

void view_quiz(Ctx *c)
{
    const Quiz *q = c->b->quiz;
    const Theme *t = c->t;
    if (!q || q->n_questions == 0) return;
    size_t pos = c->s->quiz_pos < q->n_questions ? c->s->quiz_pos : q->n_questions - 1;
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
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &qu->text),
                (TextStyle){FONT_BOLD, PX(c, QUESTION_PX), t->text, 3, false, "quiz question"});
    y += U(c, BELOW_QUESTION);

    size_t n = qu->n_answers;
    size_t cols = c->portrait ? 1 : 2, rows = (n + cols - 1) / cols;
    float g = U(c, SZ_GAP) * 1.5f;
    float bottom = c->content.h - m;
    float bh = fminf(U(c, ANSWER_H_MAX), (bottom - y - g * (float)(rows - 1)) / (float)rows);
    if (bh < U(c, ANSWER_H_MIN)) bh = U(c, ANSWER_H_MIN);
    float bw = (w - g * (float)(cols - 1)) / (float)cols;
    if (c->portrait) y = fmaxf(y, bottom - (float)rows * bh - g * (float)(rows - 1));
    static const char *const letters[] = {"A", "B", "C", "D"};
    for (size_t i = 0; i < n; i++) {
        Rect r = {x + (float)(i % cols) * (bw + g), y + (float)(i / cols) * (bh + g), bw, bh};
        float radius = U(c, SZ_RADIUS);
        w_surface(c, r, t->surface, radius);
        c->bound = r;
        float badge = U(c, BADGE), pad = U(c, ANSWER_PAD);
        dlist_rect(c->d, (Rect){r.x + pad, r.y + (bh - badge) / 2, badge, badge}, t->accent, badge / 2);
        int lp = PX(c, ANSWER_PX);
        float lw = w_text_width(c, letters[i], FONT_BOLD, lp);
        w_text(c, (Rect){r.x + pad + (badge - lw) / 2, r.y + (bh - lp * 1.3f) / 2, lw + 2, 0},
               letters[i], (TextStyle){FONT_BOLD, lp, t->on_accent, 1, false, NULL});
        float tx = r.x + pad + badge + pad, tw = r.x + r.w - pad - tx;
        TextStyle st = {FONT_BOLD, PX(c, ANSWER_PX), t->text, 2, false, "quiz answer"};
        float th = w_text_height(c, tw, T(c, &qu->answers[i].text), st);
        w_text(c, (Rect){tx, r.y + (bh - th) / 2, tw, 0}, T(c, &qu->answers[i].text), st);
        c->bound = (Rect){0};
        dlist_hit(c->d, r, (Action){.kind = ACT_ANSWER, .arg = (int)i}, radius);
    }
}

void view_result(Ctx *c)
{
    const Quiz *q = c->b->quiz;
    const Theme *t = c->t;
    const char *title = text_present(&q->result_title) ? T(c, &q->result_title) : S(c, STR_RESULT);
    float y = w_header(c, title, T(c, &q->result_text));
    const Item *best[5];
    size_t n = ui_quiz_result(c->s, best, NULL, 5);
    float m = U(c, SZ_MARGIN), g = U(c, SZ_GAP);
    float w = c->content.w - 2 * m;
    size_t cols = c->portrait ? 1 : (n ? n : 1);
    float again_h = U(c, AGAIN_H);
    float avail = c->content.h - y - again_h - 2 * m;
    if (c->portrait) {
        float rh = fminf(U(c, RESULT_ROW_H), (avail - g * (float)(n ? n - 1 : 0)) / (float)(n ? n : 1));
        for (size_t i = 0; i < n; i++)
            w_item_row(c, (Rect){m, y + (float)i * (rh + g), w, rh}, best[i]);
        y += (float)n * (rh + g);
    } else {
        float cw = fminf((w - g * (float)(cols - 1)) / (float)cols, U(c, RESULT_CARD_W));
        float ch = fminf(avail, U(c, RESULT_CARD_H));
        for (size_t i = 0; i < n; i++)
            w_item_card(c, (Rect){m + (float)i * (cw + g), y, cw, ch}, best[i]);
        y += ch + g;
    }
    (void)t;
    w_button(c, (Rect){m, y + m / 2, U(c, AGAIN_W), again_h}, S(c, STR_AGAIN), "again", BTN_ACCENT,
             (Action){.kind = ACT_QUIZ_AGAIN});
}
