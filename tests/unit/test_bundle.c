/* test_bundle.c: what the loader builds from valid bundles.
 *
 * tests/good/mini uses every part of the format on a small scale; the default bundle is
 * spot-checked against what its YAML says. */
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "bundle/schema.h"
#include "check.h"

static Bundle *load(const char *dir, Diags *d)
{
    diags_init(d);
    Bundle *b = bundle_load(dir, d);
    if (!b) diags_print(d, stderr);
    CHECK(b != NULL);
    return b;
}

static void test_mini_meta_and_theme(void)
{
    Diags d;
    Bundle *b = load("tests/good/mini", &d);
    if (!b) return;
    CHECK_STR(b->id, "mini");
    CHECK_STR(b->version, "0.1");
    CHECK_INT(b->n_languages, 2);
    CHECK_STR(b->languages[1], "en");
    CHECK_STR(text_get(&b->title, 0), "Mini-bundel");
    CHECK_STR(text_get(&b->title, 1), "Mini bundle");
    CHECK_INT(b->theme.accent, 0x0B6E4F);
    CHECK_INT(b->theme.background, 0xF4F6FA); /* default kept */
    CHECK_STR(b->theme.font, "DejaVu Sans");
    CHECK_STR(b->theme.heading_font, "DejaVu Sans");
    CHECK(b->theme.logo && strcmp(b->theme.logo->rel, "images/dot.svg") == 0);
    CHECK_INT(b->kiosk.idle_timeout_s, 45);
    CHECK_INT(b->kiosk.attract_delay_s, 30);
    CHECK_INT(b->kiosk.n_attract_slides, 1);
    CHECK_STR(b->kiosk.attract_slides[0].item->id, "robot");
    CHECK_INT(b->n_sources, 1);
    CHECK_STR(b->sources[0].url, "https://example.org/bron");
    CHECK_INT(b->n_images, 1); /* one file, referenced three times */
    CHECK_INT(b->n_files, 2);
    bundle_free(b);
    diags_free(&d);
}

static void test_language_fallback_warns(void)
{
    Diags d;
    Bundle *b = load("tests/good/mini", &d);
    if (!b) return;
    const Item *robot = bundle_find_item(b, "robot");
    CHECK(robot != NULL);
    if (!robot) return;
    /* subtitle has only nl: English falls back to Dutch, with one warning at that spot */
    CHECK_STR(text_get(&robot->subtitle, 1), "Een uur");
    CHECK_INT(d.warnings, 1);
    CHECK_INT(d.errors, 0);
    if (d.count == 1) {
        CHECK_INT(d.items[0].line, 42);
        CHECK_INT(d.items[0].col, 19);
        CHECK(strstr(d.items[0].message, "no English ('en') text") != NULL);
    }
    /* a plain string is the same in every language */
    const Item *ada = bundle_find_item(b, "ada");
    CHECK(ada && strcmp(text_get(&ada->title, 1), "Ada") == 0);
    bundle_free(b);
    diags_free(&d);
}

static void test_body_markdown(void)
{
    Diags d;
    Bundle *b = load("tests/good/mini", &d);
    if (!b) return;
    const Item *robot = bundle_find_item(b, "robot");
    const Body *nl = &robot->body[0];
    CHECK_INT(nl->n_blocks, 3);
    CHECK_INT(nl->blocks[0].kind, BLOCK_PARAGRAPH);
    CHECK_INT(nl->blocks[0].n_spans, 5);
    CHECK_STR(nl->blocks[0].spans[1].text, "robot");
    CHECK_INT(nl->blocks[0].spans[1].style, SPAN_BOLD);
    CHECK_STR(nl->blocks[0].spans[3].text, "rijdt");
    CHECK_INT(nl->blocks[0].spans[3].style, SPAN_ITALIC);
    CHECK_INT(nl->blocks[1].kind, BLOCK_BULLET);
    CHECK_STR(nl->blocks[2].spans[0].text, "programmeren");
    CHECK_INT(robot->body[1].n_blocks, 1);
    CHECK_STR(robot->body[1].blocks[0].spans[0].text, "You build a ");
    bundle_free(b);
    diags_free(&d);
}

/* Languages [de, nl, en, fr], texts and bodies in nl and en only: German and French show the
 * Dutch body (it used to be empty: two missing languages were taken for one shared text). */
static void test_body_fallback_per_language(void)
{
    Diags d;
    Bundle *b = load("tests/good/four-languages", &d);
    if (!b) return;
    const Item *one = bundle_find_item(b, "one");
    CHECK(one != NULL);
    if (!one) return;
    static const char *const want[] = {"Dit is ", "Dit is ", "This is ", "Dit is "};
    for (int lang = 0; lang < 4; lang++) {
        CHECK_INT(one->body[lang].n_blocks, 1);
        if (one->body[lang].n_blocks == 1) CHECK_STR(one->body[lang].blocks[0].spans[0].text, want[lang]);
        CHECK_STR(text_get(&one->title, lang), lang == 2 ? "One" : "Een");
    }
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 8); /* de and fr: bundle title, collection title, item title, body */
    bundle_free(b);
    diags_free(&d);
}

static void test_includes_and_cross_references(void)
{
    Diags d;
    Bundle *b = load("tests/good/mini", &d);
    if (!b) return;
    CHECK_INT(b->n_collections, 2);
    /* include comes before collections in bundle.yaml: document order */
    CHECK_STR(b->collections[0].id, "people");
    CHECK_STR(b->collections[1].id, "workshops");
    const Item *robot = bundle_find_item(b, "robot"), *ada = bundle_find_item(b, "ada");
    CHECK(robot && ada);
    if (!robot || !ada) return;
    CHECK_INT(robot->n_related, 1);
    CHECK(robot->related[0] == ada);
    CHECK(ada->related[0] == robot);
    CHECK_STR(ada->collection->id, "people");
    CHECK_INT(ada->n_shape, 2);
    CHECK_INT(ada->shape[1].n_points, 3);
    CHECK_NEAR(ada->shape[1].xy[4], 90.0, 0.001);
    CHECK_INT(ada->color, 0x30638E);
    CHECK_INT(robot->n_categories, 1);
    CHECK_STR(robot->collection->categories[robot->categories[0]].id, "hands-on");
    CHECK_INT(robot->n_links, 1);
    CHECK_STR(text_get(&robot->links[0].caption, 1), "Scan for more");
    CHECK_STR(text_get(&robot->facts[0].value, 1), "B1.12");
    bundle_free(b);
    diags_free(&d);
}

static void test_home_and_quiz(void)
{
    Diags d;
    Bundle *b = load("tests/good/mini", &d);
    if (!b) return;
    CHECK_INT(b->n_tiles, 4);
    CHECK_INT(b->tiles[0].kind, TARGET_COLLECTION);
    CHECK_STR(text_get(&b->tiles[0].title, 0), "Workshops"); /* from the collection */
    CHECK_INT(b->tiles[1].color, 0xFFEECC);
    CHECK_INT(b->tiles[2].kind, TARGET_QUIZ);
    CHECK_STR(text_get(&b->tiles[2].title, 1), "What fits?");
    CHECK_INT(b->tiles[3].kind, TARGET_ITEM);
    CHECK_STR(b->tiles[3].item->id, "robot");
    CHECK_STR(text_get(&b->home_title, 0), "Mini-bundel"); /* defaults to meta.title */
    CHECK(b->quiz != NULL);
    if (!b->quiz) return;
    CHECK_INT(b->quiz->n_questions, 1);
    CHECK_INT(b->quiz->result_count, 2);
    const Answer *a = &b->quiz->questions[0].answers[0];
    CHECK_INT(a->n_scores, 2);
    CHECK_STR(a->scores[1].item->id, "ada");
    CHECK_INT(a->scores[0].points, 2);
    bundle_free(b);
    diags_free(&d);
}

static void test_default_bundle(void)
{
    Diags d;
    Bundle *b = load("content/techniekpact", &d);
    if (!b) return;
    CHECK_INT(d.warnings, 0);
    CHECK_STR(b->id, "techniekpact");
    CHECK_STR(b->languages[b->default_language], "nl");
    const Collection *goals = bundle_find_collection(b, "goals");
    CHECK(goals != NULL);
    if (goals) CHECK_INT(goals->n_items, 12);
    const Collection *amb = bundle_find_collection(b, "ambassadors");
    if (amb) CHECK_INT(amb->n_items, 4); /* the chair (since 2019) and three ambassadors */
    CHECK(amb && amb->layout == LAYOUT_CARDS);
    const Collection *regions = bundle_find_collection(b, "regions");
    CHECK(regions && regions->n_items == 5 && regions->layout == LAYOUT_MAP);
    const Item *kuipers = bundle_find_item(b, "andre-kuipers");
    CHECK(kuipers && strstr(text_get(&kuipers->title, 0), "Kuipers"));
    const Item *g7 = bundle_find_item(b, "goal-7");
    CHECK(g7 && g7->n_related > 0 && text_present(&g7->title));
    const Collection *careers = bundle_find_collection(b, "careers");
    CHECK(careers && careers->n_items >= 20 && careers->n_categories >= 5);
    CHECK(b->quiz && b->quiz->n_questions >= 6);
    /* Every career can come out of the quiz: some answer scores it. */
    for (size_t i = 0; careers && b->quiz && i < careers->n_items; i++) {
        bool scored = false;
        for (size_t q = 0; q < b->quiz->n_questions; q++)
            for (size_t a = 0; a < b->quiz->questions[q].n_answers; a++)
                for (size_t k = 0; k < b->quiz->questions[q].answers[a].n_scores; k++)
                    scored |= b->quiz->questions[q].answers[a].scores[k].item == &careers->items[i] &&
                              b->quiz->questions[q].answers[a].scores[k].points > 0;
        if (!scored) fprintf(stderr, "%s is never a quiz result\n", careers->items[i].id);
        CHECK(scored);
    }
    /* Each of the five regions links to at least two projects. */
    for (size_t i = 0; regions && i < regions->n_items; i++) {
        size_t projects = 0;
        for (size_t r = 0; r < regions->items[i].n_related; r++)
            projects += strcmp(regions->items[i].related[r]->collection->id, "projects") == 0;
        if (projects < 2) fprintf(stderr, "%s has %zu projects\n", regions->items[i].id, projects);
        CHECK(projects >= 2);
    }
    /* Every text exists in both languages, and the careers are grouped in categories. */
    for (size_t i = 0; careers && i < careers->n_items; i++) CHECK(careers->items[i].n_categories >= 1);
    bundle_free(b);
    diags_free(&d);
}

/* Every key the loader accepts must be documented for organisers. */
static void test_every_key_documented(void)
{
    FILE *f = fopen("content/README.md", "r");
    CHECK(f != NULL);
    if (!f) return;
    static char doc[256 * 1024];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    doc[n] = '\0';
    fclose(f);
    size_t keys = 0;
    for (size_t i = 0; i < SCHEMA_ALL_COUNT; i++)
        for (size_t j = 0; j < SCHEMA_ALL[i]->n_keys; j++) {
            char quoted[80];
            snprintf(quoted, sizeof quoted, "| `%s` |", SCHEMA_ALL[i]->keys[j].name);
            bool found = strstr(doc, quoted) != NULL;
            if (!found) {
                snprintf(quoted, sizeof quoted, "`%s`", SCHEMA_ALL[i]->keys[j].name);
                found = strstr(doc, quoted) != NULL;
            }
            if (!found)
                fprintf(stderr, "key '%s' of %s is not in content/README.md\n",
                        SCHEMA_ALL[i]->keys[j].name, SCHEMA_ALL[i]->what);
            CHECK(found);
            keys++;
        }
    CHECK(keys > 60);
    /* The names of the kiosk's own texts under `strings:` too (issue 11). */
    for (int id = 0; id < STR_COUNT; id++) {
        char quoted[80];
        snprintf(quoted, sizeof quoted, "| `%s` |", UITEXT_KEYS[id]);
        if (!strstr(doc, quoted))
            fprintf(stderr, "interface text '%s' is not in content/README.md\n", UITEXT_KEYS[id]);
        CHECK(strstr(doc, quoted) != NULL);
    }
}

int main(void)
{
    RUN(test_mini_meta_and_theme);
    RUN(test_language_fallback_warns);
    RUN(test_body_markdown);
    RUN(test_body_fallback_per_language);
    RUN(test_includes_and_cross_references);
    RUN(test_home_and_quiz);
    RUN(test_default_bundle);
    RUN(test_every_key_documented);
    return check_summary();
}
