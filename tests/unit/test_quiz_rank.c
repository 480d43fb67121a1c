/* test_quiz_rank.c: the quiz result as data (ui/quiz_rank.c) and Back inside the quiz.
 *
 * tests/good/quiz-ties has three items (apple, brick, cable, in that file order) and three
 * questions whose first answers give all three one point each: a three-way tie that the
 * documented rule decides (smaller FNV-1a hash of the id first: cable, apple, brick), where
 * the file order or the alphabet would put apple first. */
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "check.h"
#include "ui/quiz_rank.h"
#include "ui/state.h"

static Bundle *bundle;

static const char *ids(const QuizMatch *m, size_t n)
{
    static char buf[128];
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, sizeof buf - used, "%s%s:%d", i ? " " : "", m[i].item->id, m[i].points);
    }
    return buf;
}

static size_t rank3(int a, int b, int c, QuizMatch *m)
{
    int answers[3] = {a, b, c};
    return quiz_rank(bundle->quiz, answers, 3, m, QUIZ_RANK_MAX);
}

static void test_ties_follow_the_rule_not_the_file(void)
{
    const Collection *things = &bundle->collections[0];
    /* The premise: file order and the alphabet both say apple first. */
    CHECK_STR(things->items[0].id, "apple");
    CHECK(quiz_tie_hash("cable") < quiz_tie_hash("apple"));
    CHECK(quiz_tie_hash("apple") < quiz_tie_hash("brick"));
    /* the standard FNV-1a 64, as content/README.md says (its test vector for "a") */
    CHECK(quiz_tie_hash("a") == 0xaf63dc4c8601ec8cull);
    QuizMatch m[QUIZ_RANK_MAX];
    CHECK_INT(rank3(0, 0, 0, m), 3);
    CHECK_STR(ids(m, 3), "cable:3 apple:3 brick:3");
    CHECK(quiz_before(m[0].item, 3, m[1].item, 3));
    CHECK(!quiz_before(m[1].item, 3, m[0].item, 3));
    CHECK(quiz_before(m[2].item, 4, m[0].item, 3)); /* points first, always */
    /* A two-way tie under a clear winner. */
    CHECK_INT(rank3(0, 1, 0, m), 3);
    CHECK_STR(ids(m, 3), "brick:5 cable:2 apple:2");
}

static void test_only_totals_above_zero(void)
{
    QuizMatch m[QUIZ_RANK_MAX];
    /* brick: 1 + 1 - 5 < 0 is left out; cable 1 + 1 + 2 */
    CHECK_INT(rank3(0, 0, 1, m), 2);
    CHECK_STR(ids(m, 2), "cable:4 apple:2");
    /* max limits the count */
    int answers[3] = {0, 0, 0};
    CHECK_INT(quiz_rank(bundle->quiz, answers, 3, m, 1), 1);
    CHECK_STR(m[0].item->id, "cable");
    /* an answer out of range gives no result rather than reading past the answers */
    int bad[3] = {0, 7, 0};
    CHECK_INT(quiz_rank(bundle->quiz, bad, 3, m, 3), 0);
}

static void test_match_percent_on_one_scale(void)
{
    /* Best possible per item: apple 2+1+1 = 4, brick 1+3+1 = 5, cable 1+1+2 = 4 -> 5. */
    CHECK_INT(quiz_best_possible(bundle->quiz), 5);
    QuizMatch m[QUIZ_RANK_MAX];
    CHECK_INT(rank3(0, 1, 0, m), 3);
    CHECK_INT(m[0].percent, 100);
    CHECK_INT(m[1].percent, 40);
    CHECK_INT(m[2].percent, 40);
    CHECK_INT(rank3(0, 0, 0, m), 3);
    CHECK_INT(m[0].percent, 60); /* a three-way tie is no 100 % match */
}

static void test_why_names_the_answers_that_counted(void)
{
    const Quiz *q = bundle->quiz;
    QuizMatch m[QUIZ_RANK_MAX];
    CHECK_INT(rank3(1, 0, 1, m), 2); /* apple 2+1+0 = 3, cable 0+1+2 = 3: cable first */
    CHECK_STR(ids(m, 2), "cable:3 apple:3");
    /* cable: the second question's first answer and the third's second, in question order */
    CHECK_INT(m[0].n_why, 2);
    CHECK(m[0].why[0] == &q->questions[1].answers[0]);
    CHECK(m[0].why[1] == &q->questions[2].answers[1]);
    CHECK_STR(text_get(&m[0].why[1]->why, 1), "no bricks");
    /* apple: the first question's "apples" and the second's answer (no `why`: its text) */
    CHECK_INT(m[1].n_why, 2);
    CHECK(m[1].why[0] == &q->questions[0].answers[1]);
    CHECK(!text_present(&m[1].why[1]->why));
}

static Action act(ActionKind k, int arg) { return (Action){.kind = k, .arg = arg}; }

static void test_back_keeps_the_answers(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    CHECK(ui_apply(&s, act(ACT_QUIZ, 0), 0));
    CHECK(ui_apply(&s, act(ACT_ANSWER, 1), 100));
    CHECK(ui_apply(&s, act(ACT_ANSWER, 0), 400));
    CHECK_INT(s.quiz_pos, 2);
    CHECK(ui_apply(&s, act(ACT_BACK, 0), 700));
    CHECK_INT(ui_top(&s)->kind, SCREEN_QUIZ);
    CHECK_INT(s.quiz_pos, 1);
    CHECK_INT(s.quiz_known, 2);
    CHECK_INT(s.answers[1], 0);
    CHECK_INT(s.depth, 2); /* Back inside the quiz is no step on the screen stack */
    CHECK(ui_apply(&s, act(ACT_BACK, 0), 800));
    CHECK_INT(s.quiz_pos, 0);
    CHECK_INT(s.answers[0], 1);
    /* answering again keeps what came after */
    CHECK(ui_apply(&s, act(ACT_ANSWER, 0), 900));
    CHECK_INT(s.quiz_pos, 1);
    CHECK_INT(s.quiz_known, 2);
    CHECK_INT(s.answers[0], 0);
    CHECK_INT(s.answers[1], 0);
    CHECK(ui_apply(&s, act(ACT_ANSWER, 1), 1200));
    CHECK(ui_apply(&s, act(ACT_ANSWER, 0), 1500));
    CHECK_INT(ui_top(&s)->kind, SCREEN_RESULT);
    const Item *items[3];
    int points[3];
    CHECK_INT(ui_quiz_result(&s, items, points, 3), 3);
    CHECK_STR(items[0]->id, "brick");
    /* from the result: the last question; then back to the first and out of the quiz */
    CHECK(ui_apply(&s, act(ACT_BACK, 0), 2000));
    CHECK_INT(ui_top(&s)->kind, SCREEN_QUIZ);
    CHECK_INT(s.quiz_pos, 2);
    CHECK(ui_apply(&s, act(ACT_BACK, 0), 2100));
    CHECK(ui_apply(&s, act(ACT_BACK, 0), 2200));
    CHECK_INT(s.quiz_pos, 0);
    CHECK(ui_apply(&s, act(ACT_BACK, 0), 2300));
    CHECK_INT(ui_top(&s)->kind, SCREEN_HOME);
    /* a new quiz starts with nothing kept */
    CHECK(ui_apply(&s, act(ACT_QUIZ, 0), 2400));
    CHECK_INT(s.quiz_known, 0);
}

static void test_highlight_before_the_next_question(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, act(ACT_QUIZ, 0), 0);
    CHECK(!ui_quiz_highlighting(&s, 0));
    ui_apply(&s, act(ACT_ANSWER, 1), 1000);
    CHECK_INT(s.quiz_pos, 1); /* the state moves on at once: replayable, and ui_apply is pure */
    CHECK(ui_quiz_highlighting(&s, 1000));
    CHECK(ui_quiz_highlighting(&s, 1000 + QUIZ_HIGHLIGHT_MS - 1));
    CHECK(!ui_quiz_highlighting(&s, 1000 + QUIZ_HIGHLIGHT_MS));
    CHECK_INT(s.changed_ms, 1000 + QUIZ_HIGHLIGHT_MS); /* the next question rises after it */
    ui_settle(&s, 1010);
    CHECK(!ui_quiz_highlighting(&s, 1010));
}

int main(void)
{
    Diags d;
    diags_init(&d);
    bundle = bundle_load("tests/good/quiz-ties", &d);
    if (!bundle) {
        diags_print(&d, stderr);
        return 1;
    }
    RUN(test_ties_follow_the_rule_not_the_file);
    RUN(test_only_totals_above_zero);
    RUN(test_match_percent_on_one_scale);
    RUN(test_why_names_the_answers_that_counted);
    RUN(test_back_keeps_the_answers);
    RUN(test_highlight_before_the_next_question);
    bundle_free(bundle);
    diags_free(&d);
    return check_summary();
}
