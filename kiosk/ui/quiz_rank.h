/* quiz_rank.h: the quiz result as data: which items, in what order, how well, and why.
 *
 * Pure: the quiz and the answers in, ranked matches out; no state, no clock, no drawing, so
 * the tests can try every way to answer a quiz. */
#ifndef KIOSK_QUIZ_RANK_H
#define KIOSK_QUIZ_RANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle/bundle.h"

enum {
    QUIZ_RANK_MAX = 5,    /* a quiz's result shows 1 to 5 items */
    QUIZ_WHY_COUNT = 3,   /* answers named in a match's "you chose ..." line */
    QUIZ_MAX_SCORED = 256 /* distinct items one quiz can score */
};

typedef struct QuizMatch {
    const Item *item; /* borrowed from the bundle */
    int points;       /* the item's total over the answers given */
    /* points as a share of the most any item of this quiz can score (quiz_best_possible),
     * 0..100: one scale for every match, so the bars shrink down the ranking */
    int percent;
    const Answer *why[QUIZ_WHY_COUNT]; /* the answers that gave it most, in question order */
    size_t n_why;
} QuizMatch;

/* Ranks the items scored by answers[0..n_answered) (answers[i] answers question i): highest
 * total first, only totals above zero. Ties go to the item whose id has the smaller FNV-1a
 * hash (quiz_before): a fixed order that neither the order of the files nor the alphabet
 * decides. Writes at most max matches; returns how many. */
size_t quiz_rank(const Quiz *q, const int *answers, size_t n_answered, QuizMatch *out, size_t max);

/* The tie rule: true when a (with pa points) ranks before b (with pb points). */
uint64_t quiz_tie_hash(const char *id); /* standard 64-bit FNV-1a of the id's bytes */
bool quiz_before(const Item *a, int pa, const Item *b, int pb);

/* The most any one item can score: per item, the best answer of every question added up;
 * the largest of those. At least 1. */
int quiz_best_possible(const Quiz *q);

#endif
