/* quiz_rank.c: totals per item, the ranking with its tie rule, the match share and the "why".
 *
 * A quiz scores a few dozen items, so a small table and linear searches will do. Ties are
 * broken by a hash of the item's id rather than by position: an item listed first in
 * careers.yaml (or named "a...") must not win every draw. The hash is the standard 64-bit
 * FNV-1a, computed here rather than with core/util.h's hash_str (a cache hash, free to change,
 * whose basis is not the standard one): the order is documented in content/README.md, and
 * the same answers must give the same order on every kiosk and every version. */
#include "ui/quiz_rank.h"

#include <limits.h>
#include <string.h>

uint64_t quiz_tie_hash(const char *id)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a 64: offset basis and prime */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) h = (h ^ *p) * 0x100000001b3ull;
    return h;
}

bool quiz_before(const Item *a, int pa, const Item *b, int pb)
{
    if (pa != pb) return pa > pb;
    uint64_t ha = quiz_tie_hash(a->id), hb = quiz_tie_hash(b->id);
    if (ha != hb) return ha < hb;
    return strcmp(a->id, b->id) < 0; /* two ids with one hash: still a fixed order */
}

typedef struct Tally {
    const Item *item[QUIZ_MAX_SCORED];
    int total[QUIZ_MAX_SCORED];
    size_t n;
} Tally;

static int slot(Tally *t, const Item *it)
{
    for (size_t j = 0; j < t->n; j++)
        if (t->item[j] == it) return (int)j;
    if (t->n == QUIZ_MAX_SCORED) return -1;
    t->item[t->n] = it;
    t->total[t->n] = 0;
    return (int)t->n++;
}

int quiz_best_possible(const Quiz *q)
{
    Tally t = {.n = 0};
    for (size_t qi = 0; qi < q->n_questions; qi++) {
        const Question *qu = &q->questions[qi];
        /* This question's best for each item: the most any answer gives it, and 0 when some
         * answer does not name it at all (choosing that one costs it nothing). */
        int best[QUIZ_MAX_SCORED];
        size_t named[QUIZ_MAX_SCORED] = {0};
        for (size_t j = 0; j < QUIZ_MAX_SCORED; j++) best[j] = INT_MIN;
        for (size_t a = 0; a < qu->n_answers; a++)
            for (size_t k = 0; k < qu->answers[a].n_scores; k++) {
                int j = slot(&t, qu->answers[a].scores[k].item);
                if (j < 0) continue;
                named[j]++;
                if (qu->answers[a].scores[k].points > best[j]) best[j] = qu->answers[a].scores[k].points;
            }
        for (size_t j = 0; j < t.n; j++) {
            if (best[j] == INT_MIN) continue;
            t.total[j] += named[j] < qu->n_answers && best[j] < 0 ? 0 : best[j];
        }
    }
    int most = 1;
    for (size_t j = 0; j < t.n; j++)
        if (t.total[j] > most) most = t.total[j];
    return most;
}

/* The answers that gave `it` the most points (at most QUIZ_WHY_COUNT, each above zero; of
 * equal points the earlier question), listed in question order, as the visitor gave them. */
static void reasons(const Quiz *q, const int *answers, size_t n_answered, QuizMatch *m)
{
    int pts[QUIZ_WHY_COUNT];
    size_t qis[QUIZ_WHY_COUNT];
    m->n_why = 0;
    for (size_t qi = 0; qi < n_answered; qi++) {
        const Answer *a = &q->questions[qi].answers[answers[qi]];
        int p = 0;
        for (size_t k = 0; k < a->n_scores; k++)
            if (a->scores[k].item == m->item) p += a->scores[k].points;
        if (p <= 0) continue;
        size_t at = m->n_why;
        if (at == QUIZ_WHY_COUNT) {
            /* Replace the weakest (the later one of equals) if this one gave more. */
            size_t weakest = 0;
            for (size_t i = 1; i < at; i++)
                if (pts[i] <= pts[weakest]) weakest = i;
            if (p <= pts[weakest]) continue;
            for (size_t i = weakest; i + 1 < at; i++) {
                pts[i] = pts[i + 1];
                qis[i] = qis[i + 1];
                m->why[i] = m->why[i + 1];
            }
            at--;
        }
        pts[at] = p;
        qis[at] = qi;
        m->why[at] = a;
        m->n_why = at + 1;
    }
}

size_t quiz_rank(const Quiz *q, const int *answers, size_t n_answered, QuizMatch *out, size_t max)
{
    Tally t = {.n = 0};
    if (n_answered > q->n_questions) n_answered = q->n_questions;
    for (size_t qi = 0; qi < n_answered; qi++) {
        const Question *qu = &q->questions[qi];
        if (answers[qi] < 0 || (size_t)answers[qi] >= qu->n_answers) return 0;
        const Answer *a = &qu->answers[answers[qi]];
        for (size_t k = 0; k < a->n_scores; k++) {
            int j = slot(&t, a->scores[k].item);
            if (j >= 0) t.total[j] += a->scores[k].points;
        }
    }
    int most = quiz_best_possible(q);
    bool used[QUIZ_MAX_SCORED] = {0};
    size_t n = 0;
    while (n < max) {
        int best = -1;
        for (size_t j = 0; j < t.n; j++)
            if (!used[j] && t.total[j] > 0 &&
                (best < 0 || quiz_before(t.item[j], t.total[j], t.item[best], t.total[best])))
                best = (int)j;
        if (best < 0) break;
        used[best] = true;
        QuizMatch *m = &out[n++];
        *m = (QuizMatch){.item = t.item[best], .points = t.total[best]};
        m->percent = t.total[best] >= most ? 100 : t.total[best] * 100 / most;
        reasons(q, answers, n_answered, m);
    }
    return n;
}
