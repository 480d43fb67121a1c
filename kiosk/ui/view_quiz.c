/* view_quiz.c: one question at a time with big answers, then the result.
 *
 * In portrait the answers sit in the lower part of the screen, where every visitor can reach
 * them; in landscape they form a 2 x 2 block under the question. */
#include <math.h>

#include "core/color.h"
#include "ui/widgets.h"

static void progress(Ctx *c, float x, float y, size_t pos, size_t n)
{
    float d = U(c, 18), g = U(c, 14);
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
                (TextStyle){FONT_BOLD, PX(c, PX_BODY), t->muted, 1, false, NULL}) + U(c, 16);
    const char *of = dlist_printf(c->d, S(c, STR_QUESTION_OF), pos + 1, q->n_questions);
    float ow = w_text_width(c, of, FONT_REGULAR, PX(c, PX_SMALL));
    w_text(c, (Rect){x, y, fminf(ow + 4, w), 0}, of,
           (TextStyle){FONT_REGULAR, PX(c, PX_SMALL), t->text, 1, false, NULL});
    progress(c, x + ow + U(c, 24), y + U(c, 8), pos, q->n_questions);
    y += U(c, 60);
    if (pos == 0 && text_present(&q->intro))
        y += w_text(c, (Rect){x, y, w * 0.8f, 0}, T(c, &q->intro),
                    (TextStyle){FONT_REGULAR, PX(c, PX_BODY), t->muted, 2, false, "quiz intro"}) + U(c, 16);
    y += w_text(c, (Rect){x, y, w, 0}, T(c, &qu->text),
                (TextStyle){FONT_BOLD, PX(c, 58), t->text, 3, false, "quiz question"});
    y += U(c, 40);

    size_t n = qu->n_answers;
    size_t cols = c->portrait ? 1 : 2, rows = (n + cols - 1) / cols;
    float g = U(c, SZ_GAP) * 1.5f;
    float bottom = c->content.h - m;
    float bh = fminf(U(c, 190), (bottom - y - g * (float)(rows - 1)) / (float)rows);
    if (bh < U(c, 120)) bh = U(c, 120);
    float bw = (w - g * (float)(cols - 1)) / (float)cols;
    if (c->portrait) y = fmaxf(y, bottom - (float)rows * bh - g * (float)(rows - 1));
    static const char *const letters[] = {"A", "B", "C", "D"};
    for (size_t i = 0; i < n; i++) {
        Rect r = {x + (float)(i % cols) * (bw + g), y + (float)(i / cols) * (bh + g), bw, bh};
        float radius = U(c, SZ_RADIUS);
        dlist_rect(c->d, r, t->surface, radius);
        dlist_frame(c->d, r, color_mix(t->surface, t->text, 0.18), radius, U(c, 2));
        c->bound = r;
        float badge = U(c, 72);
        dlist_rect(c->d, (Rect){r.x + U(c, 28), r.y + (bh - badge) / 2, badge, badge}, t->accent, badge / 2);
        int lp = PX(c, 36);
        float lw = w_text_width(c, letters[i], FONT_BOLD, lp);
        w_text(c, (Rect){r.x + U(c, 28) + (badge - lw) / 2, r.y + (bh - lp * 1.3f) / 2, lw + 2, 0},
               letters[i], (TextStyle){FONT_BOLD, lp, t->on_accent, 1, false, NULL});
        float tx = r.x + U(c, 28) + badge + U(c, 28), tw = r.x + r.w - U(c, 28) - tx;
        TextStyle st = {FONT_BOLD, PX(c, 36), t->text, 2, false, "quiz answer"};
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
    float again_h = U(c, 110);
    float avail = c->content.h - y - again_h - 2 * m;
    if (c->portrait) {
        float rh = fminf(U(c, 170), (avail - g * (float)(n ? n - 1 : 0)) / (float)(n ? n : 1));
        for (size_t i = 0; i < n; i++)
            w_item_row(c, (Rect){m, y + (float)i * (rh + g), w, rh}, best[i]);
        y += (float)n * (rh + g);
    } else {
        float cw = fminf((w - g * (float)(cols - 1)) / (float)cols, U(c, 520));
        float ch = fminf(avail, U(c, 440));
        for (size_t i = 0; i < n; i++)
            w_item_card(c, (Rect){m + (float)i * (cw + g), y, cw, ch}, best[i]);
        y += ch + g;
    }
    (void)t;
    w_button(c, (Rect){m, y + m / 2, U(c, 340), again_h}, S(c, STR_AGAIN), "again", BTN_ACCENT,
             (Action){.kind = ACT_QUIZ_AGAIN});
}
