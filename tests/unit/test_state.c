/* test_state.c: the navigation reducer, specified on tests/good/mini.
 *
 * mini has two collections (people: ada, no categories; workshops: robot, one category),
 * two languages (nl default, en) and a one-question quiz whose answer 0 scores robot 2 and
 * ada 1, and answer 1 scores ada 2. Time is a parameter: each action gets its own "now". */
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "ui/state.h"
#include "check.h"

static Bundle *bundle;
static const Collection *workshops, *people;
static const Item *robot, *ada;

static Action open_collection(const Collection *c)
{
    return (Action){.kind = ACT_COLLECTION, .collection = c};
}
static Action open_item(const Item *it) { return (Action){.kind = ACT_ITEM, .item = it}; }
static Action act(ActionKind k) { return (Action){.kind = k}; }
static Action act_arg(ActionKind k, int arg) { return (Action){.kind = k, .arg = arg}; }

/* The top screen as a short name, so failures read "got item:ada, expected collection:…". */
static const char *top_name(const UiState *s)
{
    static char buf[80];
    const Screen *t = ui_top_const(s);
    switch (t->kind) {
    case SCREEN_HOME: return "home";
    case SCREEN_ABOUT: return "about";
    case SCREEN_QUIZ: return "quiz";
    case SCREEN_RESULT: return "result";
    case SCREEN_COLLECTION: snprintf(buf, sizeof buf, "collection:%s", t->collection->id); return buf;
    case SCREEN_ITEM: snprintf(buf, sizeof buf, "item:%s", t->item->id); return buf;
    case SCREEN_PHOTO: snprintf(buf, sizeof buf, "photo:%s:%d", t->item->id, t->picture); return buf;
    case SCREEN_PIN: return "pin";
    case SCREEN_ADMIN: return "admin";
    }
    return "?";
}

static void test_starts_at_home_in_default_language(void)
{
    UiState s;
    ui_init(&s, bundle, 1000);
    CHECK_STR(top_name(&s), "home");
    CHECK_INT(s.depth, 1);
    CHECK_INT(s.lang, bundle->default_language);
    CHECK_STR(bundle->languages[s.lang], "nl");
    CHECK_INT(s.focus, -1);
    CHECK_INT(s.quiz_pos, 0);
    CHECK(!s.pressing);
    CHECK_INT(s.changed_ms, 1000);
    CHECK_INT(ui_top(&s)->filter, -1);
}

static void test_open_and_back(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    CHECK(ui_apply(&s, open_collection(workshops), 100));
    CHECK_STR(top_name(&s), "collection:workshops");
    CHECK_INT(s.changed_ms, 100);
    CHECK(ui_apply(&s, open_item(robot), 200));
    CHECK_STR(top_name(&s), "item:robot");
    CHECK_INT(s.depth, 3);
    CHECK(ui_apply(&s, act(ACT_BACK), 300));
    CHECK_STR(top_name(&s), "collection:workshops");
    CHECK_INT(s.depth, 2);
    CHECK_INT(s.changed_ms, 300);
    /* home from any depth goes straight to depth 1 */
    CHECK(ui_apply(&s, open_item(robot), 400));
    CHECK(ui_apply(&s, open_item(ada), 500)); /* a related item */
    CHECK_INT(s.depth, 4);
    CHECK(ui_apply(&s, act(ACT_HOME), 600));
    CHECK_INT(s.depth, 1);
    CHECK_STR(top_name(&s), "home");
    CHECK(!ui_apply(&s, act(ACT_HOME), 700)); /* already home: nothing changed */
    CHECK_INT(s.changed_ms, 600);
}

static void test_scroll_is_kept_when_coming_back(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, open_collection(workshops), 0);
    ui_top(&s)->scroll = 120;
    ui_apply(&s, open_item(robot), 0);
    CHECK_NEAR(ui_top(&s)->scroll, 0, 0); /* a new screen starts at the top */
    ui_apply(&s, act(ACT_BACK), 0);
    CHECK_NEAR(ui_top(&s)->scroll, 120, 0);
}

static void test_same_screen_twice_does_not_stack(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    CHECK(ui_apply(&s, open_collection(workshops), 10));
    CHECK(!ui_apply(&s, open_collection(workshops), 20));
    CHECK_INT(s.depth, 2);
    CHECK_INT(s.changed_ms, 10);
    CHECK(ui_apply(&s, open_item(robot), 30));
    CHECK(!ui_apply(&s, open_item(robot), 40));
    CHECK_INT(s.depth, 3);
    CHECK(ui_apply(&s, act(ACT_ABOUT), 50));
    CHECK(!ui_apply(&s, act(ACT_ABOUT), 60));
    CHECK_INT(s.depth, 4);
    /* one back undoes one open */
    ui_apply(&s, act(ACT_BACK), 70);
    CHECK_STR(top_name(&s), "item:robot");
}

static void test_back_at_home_is_a_no_op(void)
{
    UiState s;
    ui_init(&s, bundle, 5);
    CHECK(!ui_apply(&s, act(ACT_BACK), 10));
    CHECK_INT(s.depth, 1);
    CHECK_STR(top_name(&s), "home");
    CHECK_INT(s.changed_ms, 5);
    CHECK(!ui_apply(&s, act(ACT_NONE), 10));
    CHECK(!ui_apply(&s, open_collection(NULL), 10)); /* nothing to open */
    CHECK(!ui_apply(&s, open_item(NULL), 10));
    CHECK_INT(s.depth, 1);
}

static void test_language_cycles_and_wraps(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, open_item(robot), 0);
    CHECK(ui_apply(&s, act(ACT_LANGUAGE), 10));
    CHECK_STR(bundle->languages[s.lang], "en");
    CHECK(ui_apply(&s, act(ACT_LANGUAGE), 20));
    CHECK_STR(bundle->languages[s.lang], "nl"); /* wrapped */
    CHECK(ui_apply(&s, act(ACT_LANGUAGE), 30));
    CHECK_INT(s.lang, 1);
    /* the visitor stays where they are */
    CHECK_STR(top_name(&s), "item:robot");
    CHECK_INT(s.depth, 2);
}

static void test_filter_only_on_collections_with_valid_index(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, 0), 0)); /* home has no filter */
    CHECK_INT(ui_top(&s)->filter, -1);
    ui_apply(&s, open_collection(workshops), 0);
    CHECK_INT(workshops->n_categories, 1);
    ui_top(&s)->scroll = 300;
    CHECK(ui_apply(&s, act_arg(ACT_FILTER, 0), 0));
    CHECK_INT(ui_top(&s)->filter, 0);
    CHECK_NEAR(ui_top(&s)->scroll, 0, 0); /* a new filter shows its list from the top */
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, 0), 0)); /* already so */
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, 1), 0)); /* one past the last category */
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, -2), 0));
    CHECK_INT(ui_top(&s)->filter, 0);
    CHECK(ui_apply(&s, act_arg(ACT_FILTER, -1), 0)); /* all */
    CHECK_INT(ui_top(&s)->filter, -1);
    /* a collection without categories takes only "all", which it already shows */
    ui_apply(&s, open_collection(people), 0);
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, 0), 0));
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, -1), 0));
    /* an item screen has no filter */
    ui_apply(&s, open_item(robot), 0);
    CHECK(!ui_apply(&s, act_arg(ACT_FILTER, 0), 0));
    CHECK_INT(ui_top(&s)->filter, -1);
}

static void test_stack_is_bounded_with_home_at_the_bottom(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, open_collection(workshops), 0);
    size_t max_depth = 0, refused = 0;
    for (int i = 0; i < 100; i++) {
        const Item *it = i % 2 ? ada : robot;
        if (!ui_apply(&s, open_item(it), i)) refused++; /* a full stack still navigates */
        if (s.depth > max_depth) max_depth = s.depth;
        if (ui_top(&s)->item != it) refused++;
    }
    CHECK_INT(refused, 0);
    CHECK_INT(max_depth, NAV_MAX_DEPTH);
    CHECK_INT(s.depth, NAV_MAX_DEPTH);
    CHECK_INT(s.stack[0].kind, SCREEN_HOME);
    /* the newest screens are kept, in order: item 99 (ada) on top, 98 (robot) below it */
    CHECK_STR(top_name(&s), "item:ada");
    CHECK(s.stack[NAV_MAX_DEPTH - 2].item == robot);
    /* going back all the way ends at home, never below it */
    size_t backs = 0;
    while (ui_apply(&s, act(ACT_BACK), 0)) backs++;
    CHECK_INT(backs, NAV_MAX_DEPTH - 1);
    CHECK_STR(top_name(&s), "home");
}

static void test_quiz_answers_lead_to_result(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    CHECK(!ui_apply(&s, act_arg(ACT_ANSWER, 0), 0)); /* no quiz on screen */
    CHECK(ui_apply(&s, act(ACT_QUIZ), 100));
    CHECK_STR(top_name(&s), "quiz");
    CHECK_INT(s.quiz_pos, 0);
    CHECK_INT(bundle->quiz->questions[0].n_answers, 2);
    CHECK(!ui_apply(&s, act_arg(ACT_ANSWER, 2), 110)); /* there is no third answer */
    CHECK(!ui_apply(&s, act_arg(ACT_ANSWER, -1), 110));
    CHECK_STR(top_name(&s), "quiz");
    CHECK_INT(s.quiz_pos, 0);
    CHECK(ui_apply(&s, act_arg(ACT_ANSWER, 0), 200));
    /* the last question answered: the quiz screen becomes the result, no extra stack level */
    CHECK_STR(top_name(&s), "result");
    CHECK_INT(s.depth, 2);
    /* the answered question shows its answer for QUIZ_HIGHLIGHT_MS; the result rises after */
    CHECK_INT(s.answered_ms, 200);
    CHECK_INT(s.changed_ms, 200 + QUIZ_HIGHLIGHT_MS);
    CHECK(ui_quiz_highlighting(&s, 200));
    CHECK(ui_quiz_highlighting(&s, 200 + QUIZ_HIGHLIGHT_MS - 1));
    CHECK(!ui_quiz_highlighting(&s, 200 + QUIZ_HIGHLIGHT_MS));
    CHECK(!ui_apply(&s, act_arg(ACT_ANSWER, 1), 300)); /* nothing left to answer */
    CHECK_INT(s.answers[0], 0);
    /* back from the result: the last question, its answer kept; back again leaves the quiz */
    CHECK(ui_apply(&s, act(ACT_BACK), 400));
    CHECK_STR(top_name(&s), "quiz");
    CHECK_INT(s.quiz_pos, 0);
    CHECK_INT(s.quiz_known, 1);
    CHECK_INT(s.answers[0], 0);
    CHECK(!ui_quiz_highlighting(&s, 400));
    CHECK(ui_apply(&s, act(ACT_BACK), 500));
    CHECK_STR(top_name(&s), "home");
}

static void test_quiz_result_ordered_by_points(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, act(ACT_QUIZ), 0);
    ui_apply(&s, act_arg(ACT_ANSWER, 0), 0);
    const Item *items[5] = {0};
    int points[5] = {0};
    size_t n = ui_quiz_result(&s, items, points, 5);
    CHECK_INT(n, 2); /* result count 2 */
    if (n == 2) {
        CHECK_STR(items[0]->id, "robot");
        CHECK_INT(points[0], 2);
        CHECK_STR(items[1]->id, "ada");
        CHECK_INT(points[1], 1);
    }
    /* max limits the count; points may be omitted */
    const Item *one[1] = {0};
    CHECK_INT(ui_quiz_result(&s, one, NULL, 1), 1);
    CHECK(one[0] == robot);

    /* the other answer scores only ada: one result, not a zero-point robot */
    ui_apply(&s, act(ACT_QUIZ_AGAIN), 0);
    ui_apply(&s, act_arg(ACT_ANSWER, 1), 0);
    memset(items, 0, sizeof items);
    n = ui_quiz_result(&s, items, points, 5);
    CHECK_INT(n, 1);
    if (n >= 1) {
        CHECK_STR(items[0]->id, "ada");
        CHECK_INT(points[0], 2);
    }
}

static void test_quiz_again_restarts(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, act(ACT_QUIZ), 0);
    ui_apply(&s, act_arg(ACT_ANSWER, 1), 0);
    CHECK_STR(top_name(&s), "result");
    s.focus = 2; /* the visitor reached "again" with the keyboard */
    CHECK(ui_apply(&s, act(ACT_QUIZ_AGAIN), 500));
    CHECK_STR(top_name(&s), "quiz");
    CHECK_INT(s.quiz_pos, 0);
    CHECK_INT(s.depth, 2); /* the result is replaced, not stacked on */
    CHECK_INT(s.changed_ms, 500);
    /* Regression (fixed): state.c ui_apply(ACT_QUIZ_AGAIN) on the result screen changes the screen but keeps
     * the keyboard focus index (every other screen change sets focus = -1). The old index
     * then lands on an unrelated hit of the quiz screen (e.g. "back"), so a second Enter
     * leaves the quiz. */
    CHECK_INT(s.focus, -1);
    /* no answers carried over: the result again comes only from the new answer */
    ui_apply(&s, act_arg(ACT_ANSWER, 0), 600);
    const Item *items[2];
    int points[2];
    CHECK_INT(ui_quiz_result(&s, items, points, 2), 2);
    CHECK_INT(points[0], 2);
}

static void test_navigation_clears_focus(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    s.focus = 3;
    ui_apply(&s, open_collection(workshops), 0);
    CHECK_INT(s.focus, -1);
    s.focus = 1;
    ui_apply(&s, act(ACT_BACK), 0);
    CHECK_INT(s.focus, -1);
    ui_apply(&s, act(ACT_QUIZ), 0);
    s.focus = 0;
    ui_apply(&s, act_arg(ACT_ANSWER, 0), 0);
    CHECK_INT(s.focus, -1);
}

static void test_reset_returns_to_fresh_visitor(void)
{
    UiState s;
    ui_init(&s, bundle, 0);
    ui_apply(&s, act(ACT_LANGUAGE), 10);
    ui_apply(&s, open_collection(workshops), 20);
    ui_apply(&s, open_item(robot), 30);
    ui_apply(&s, act(ACT_QUIZ), 40);
    s.focus = 4;
    s.pressing = true;
    ui_reset(&s, 9000);
    CHECK_STR(top_name(&s), "home");
    CHECK_INT(s.depth, 1);
    CHECK_INT(s.lang, bundle->default_language);
    CHECK_INT(s.quiz_pos, 0);
    CHECK_INT(s.focus, -1);
    CHECK(!s.pressing);
    CHECK_INT(s.changed_ms, 9000);
    CHECK(s.bundle == bundle);
    CHECK_INT(ui_top(&s)->filter, -1);
}

int main(void)
{
    Diags d;
    diags_init(&d);
    bundle = bundle_load("tests/good/mini", &d);
    if (!bundle) diags_print(&d, stderr);
    CHECK(bundle != NULL);
    if (!bundle) {
        diags_free(&d);
        return check_summary();
    }
    workshops = bundle_find_collection(bundle, "workshops");
    people = bundle_find_collection(bundle, "people");
    robot = bundle_find_item(bundle, "robot");
    ada = bundle_find_item(bundle, "ada");
    CHECK(workshops && people && robot && ada && bundle->quiz);
    if (!workshops || !people || !robot || !ada || !bundle->quiz) goto done;

    RUN(test_starts_at_home_in_default_language);
    RUN(test_open_and_back);
    RUN(test_scroll_is_kept_when_coming_back);
    RUN(test_same_screen_twice_does_not_stack);
    RUN(test_back_at_home_is_a_no_op);
    RUN(test_language_cycles_and_wraps);
    RUN(test_filter_only_on_collections_with_valid_index);
    RUN(test_stack_is_bounded_with_home_at_the_bottom);
    RUN(test_quiz_answers_lead_to_result);
    RUN(test_quiz_result_ordered_by_points);
    RUN(test_quiz_again_restarts);
    RUN(test_navigation_clears_focus);
    RUN(test_reset_returns_to_fresh_visitor);
done:
    bundle_free(bundle);
    diags_free(&d);
    return check_summary();
}
