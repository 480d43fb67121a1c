/* test_facts.c: facts of the default bundle that were once wrong stay right (issue 13).
 *
 * Run as `test_facts [BUNDLE]` (default content/techniekpact). It loads the bundle with the real
 * loader and checks what a fact-check found wrong before:
 * - the landsdelen: none is titled "Zuid" alone, "Zuidoost" is there, Zuidwest includes
 *   West-Brabant (in its text, and Breda lies inside its shape on the map, Eindhoven inside
 *   Zuidoost's);
 * - Doekle Terpstra was the pact's "aanjager" from 2014 to 2019: no sentence puts that in the
 *   present tense, and the bundle says who leads the pact today (Thea Koster);
 * - every career has a link (a QR code to where its courses are listed);
 * - every career has its own picture: different files with different content;
 * - the quiz: with "Kort: ik wil snel aan het werk" no career that needs hbo or university comes
 *   first (tried for every combination of the other answers), and the top three never tie, so
 *   the order of careers.yaml never decides;
 * - the quiz as a reward (issue 12): over all ways to answer, every career comes first at least
 *   once, every match on the result has a "why", and every answer has its short `why` in
 *   every language of the bundle.
 * Pointed at the bundle as it was before issue 13, it fails on each of these. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle/bundle.h"
#include "check.h"
#include "ui/geom.h"
#include "ui/quiz_rank.h"
#include "ui/state.h"

static Bundle *g_bundle;

static const Collection *collection(const char *id)
{
    for (size_t i = 0; i < g_bundle->n_collections; i++)
        if (strcmp(g_bundle->collections[i].id, id) == 0) return &g_bundle->collections[i];
    fprintf(stderr, "no collection '%s' in the bundle\n", id);
    return NULL;
}

static void append(char *buf, size_t size, const char *s)
{
    if (!s) return;
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s\n", s);
}

/* Every text of an item in one language, one piece per line: title, subtitle, facts, body. */
static void item_text(const Item *it, size_t lang, char *buf, size_t size)
{
    buf[0] = '\0';
    append(buf, size, text_get(&it->title, lang));
    append(buf, size, text_get(&it->subtitle, lang));
    for (size_t i = 0; i < it->n_facts; i++) {
        append(buf, size, text_get(&it->facts[i].label, lang));
        append(buf, size, text_get(&it->facts[i].value, lang));
    }
    for (size_t i = 0; i < it->body[lang].n_blocks; i++) {
        const Block *bl = &it->body[lang].blocks[i];
        for (size_t j = 0; j < bl->n_spans; j++) {
            size_t n = strlen(buf);
            snprintf(buf + n, size - n, "%s", bl->spans[j].text);
        }
        append(buf, size, "");
    }
}

static bool has_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i])) i++;
        if (i == n) return true;
    }
    return false;
}

static void test_landsdelen(void)
{
    const Collection *c = collection("regions");
    CHECK(c != NULL);
    if (!c) return;
    const Item *zw = NULL, *zo = NULL;
    for (size_t i = 0; i < c->n_items; i++) {
        const Item *it = &c->items[i];
        const char *nl = text_get(&it->title, 0), *en = text_get(&it->title, 1);
        if (strcmp(nl, "Zuid") == 0 || strcmp(en, "South") == 0)
            fprintf(stderr, "landsdeel '%s' is titled '%s': the name is Zuidoost\n", it->id, nl);
        CHECK(strcmp(nl, "Zuid") != 0);
        CHECK(strcmp(en, "South") != 0);
        if (strcmp(nl, "Zuidwest") == 0) zw = it;
        if (strcmp(nl, "Zuidoost") == 0) zo = it;
    }
    CHECK(zw != NULL);
    CHECK(zo != NULL);
    static char text[1 << 16];
    if (zw) {
        item_text(zw, 0, text, sizeof text);
        if (!strstr(text, "West-Brabant")) fprintf(stderr, "Zuidwest does not mention West-Brabant\n");
        CHECK(strstr(text, "West-Brabant") != NULL);
        CHECK(zw->subtitle.s[0] && strstr(zw->subtitle.s[0], "West-Brabant") != NULL);
    }
    if (!zw || !zo) return;
    item_text(zo, 0, text, sizeof text);
    CHECK(strstr(text, "Limburg") != NULL && strstr(text, "Midden-") != NULL);
    /* The map: Breda (West-Brabant) in Zuidwest, Eindhoven and Tilburg in Zuidoost, in the
     * map's 1000 x 1200 space (the outline the regions.yaml shapes are drawn in). */
    struct { const char *city; float x, y; const Item *in, *not_in; } places[] = {
        {"Breda", 387, 850, zw, zo},
        {"Eindhoven", 592, 900, zo, zw},
        {"Tilburg", 478, 860, zo, zw},
    };
    for (size_t p = 0; p < sizeof places / sizeof places[0]; p++) {
        bool in = false, other = false;
        for (size_t k = 0; k < places[p].in->n_shape; k++)
            in |= poly_contains(places[p].in->shape[k].xy, places[p].in->shape[k].n_points,
                                places[p].x, places[p].y);
        for (size_t k = 0; k < places[p].not_in->n_shape; k++)
            other |= poly_contains(places[p].not_in->shape[k].xy,
                                   places[p].not_in->shape[k].n_points, places[p].x, places[p].y);
        if (!in || other)
            fprintf(stderr, "%s is not drawn inside %s on the map\n", places[p].city,
                    places[p].in->id);
        CHECK(in);
        CHECK(!other);
    }
}

/* A sentence that calls Terpstra the aanjager must say it is over. */
static bool past(const char *s)
{
    static const char *const marks[] = {" was ", "Was ", "voormalig", "tot 2019", "–2019",
                                        "-2019", " former", "Former", "to 2019"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(s, marks[i])) return true;
    return false;
}

static void test_terpstra_and_who_leads(void)
{
    static char text[1 << 16];
    bool koster = false;
    size_t terpstra_sentences = 0;
    for (size_t ci = 0; ci < g_bundle->n_collections; ci++) {
        const Collection *c = &g_bundle->collections[ci];
        for (size_t i = 0; i < c->n_items; i++) {
            const Item *it = &c->items[i];
            if (strcmp(text_get(&it->title, 0), "Thea Koster") == 0) koster = true;
            bool about_him = strcmp(it->id, "doekle-terpstra") == 0;
            for (size_t lang = 0; lang < g_bundle->n_languages && lang < 2; lang++) {
                item_text(it, lang, text, sizeof text);
                /* Sentences end at '.', '!', '?' or a line end. */
                for (char *s = text; *s;) {
                    size_t n = strcspn(s, ".!?\n");
                    char keep = s[n];
                    s[n] = '\0';
                    bool role = has_ci(s, "aanjager") || has_ci(s, "driving force");
                    if (role && (about_him || strstr(s, "Terpstra"))) {
                        terpstra_sentences++;
                        if (!past(s))
                            fprintf(stderr, "%s: present tense for Terpstra's role: \"%s\"\n",
                                    it->id, s);
                        CHECK(past(s));
                    }
                    s[n] = keep;
                    s += n + (keep ? 1 : 0);
                }
            }
        }
    }
    CHECK(terpstra_sentences > 0); /* the role is still told, in the past tense */
    CHECK(koster);
}

static void test_career_links(void)
{
    const Collection *c = collection("careers");
    CHECK(c != NULL);
    if (!c) return;
    CHECK(c->n_items >= 20);
    for (size_t i = 0; i < c->n_items; i++) {
        const Item *it = &c->items[i];
        if (it->n_links == 0) fprintf(stderr, "career '%s' has no link\n", it->id);
        CHECK(it->n_links >= 1);
        for (size_t k = 0; k < it->n_links; k++)
            CHECK(strncmp(it->links[k].url, "https://", 8) == 0);
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            cap = cap * 2 + 4096;
            char *nb = realloc(buf, cap);
            if (!nb) break;
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

static void test_career_pictures(void)
{
    const Collection *c = collection("careers");
    if (!c) return;
    enum { MAX = 64 };
    char *data[MAX] = {0};
    size_t len[MAX] = {0};
    size_t n = c->n_items < MAX ? c->n_items : MAX;
    for (size_t i = 0; i < n; i++) {
        const Item *it = &c->items[i];
        CHECK(it->image != NULL);
        if (!it->image) continue;
        data[i] = slurp(it->image->path, &len[i]);
        CHECK(data[i] != NULL);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const Image *a = c->items[i].image, *b = c->items[j].image;
            if (!a || !b || !data[i] || !data[j]) continue;
            bool same_file = strcmp(a->path, b->path) == 0;
            bool same_content = len[i] == len[j] && memcmp(data[i], data[j], len[i]) == 0;
            if (same_file || same_content)
                fprintf(stderr, "careers '%s' and '%s' show the same picture (%s)\n",
                        c->items[i].id, c->items[j].id, a->rel);
            CHECK(!same_file);
            CHECK(!same_content);
        }
    for (size_t i = 0; i < n; i++) free(data[i]);
}

/* A career needs hbo or university when its "Opleiding" fact does not mention mbo. */
static bool needs_higher_education(const Item *it)
{
    for (size_t i = 0; i < it->n_facts; i++)
        if (strcmp(text_get(&it->facts[i].label, 0), "Opleiding") == 0)
            return strstr(text_get(&it->facts[i].value, 0), "mbo") == NULL;
    return false;
}

static void test_quiz_short_route(void)
{
    const Quiz *q = g_bundle->quiz;
    CHECK(q != NULL);
    if (!q || q->n_questions > QUIZ_MAX_QUESTIONS) return;
    size_t kort_q = q->n_questions, kort_a = 0;
    for (size_t qi = 0; qi < q->n_questions; qi++)
        for (size_t ai = 0; ai < q->questions[qi].n_answers; ai++)
            if (strncmp(text_get(&q->questions[qi].answers[ai].text, 0), "Kort", 4) == 0) {
                kort_q = qi;
                kort_a = ai;
            }
    CHECK(kort_q < q->n_questions);
    if (kort_q == q->n_questions) return;
    UiState s;
    memset(&s, 0, sizeof s);
    s.bundle = g_bundle;
    s.quiz_pos = q->n_questions;
    size_t combos = 0, higher_first = 0, ties = 0;
    int idx[QUIZ_MAX_QUESTIONS] = {0};
    for (;;) {
        for (size_t qi = 0; qi < q->n_questions; qi++) s.answers[qi] = idx[qi];
        s.answers[kort_q] = (int)kort_a;
        const Item *best[3];
        int pts[3];
        size_t n = ui_quiz_result(&s, best, pts, 3);
        combos++;
        if (n > 0 && needs_higher_education(best[0])) {
            if (higher_first < 3)
                fprintf(stderr, "with 'Kort', '%s' (hbo/wo) comes first\n", best[0]->id);
            higher_first++;
        }
        for (size_t k = 1; k < n; k++) ties += pts[k] == pts[k - 1];
        /* next combination of the other questions */
        size_t qi = 0;
        while (qi < q->n_questions) {
            if (qi != kort_q && ++idx[qi] < (int)q->questions[qi].n_answers) break;
            idx[qi] = 0;
            qi++;
        }
        if (qi == q->n_questions) break;
    }
    printf("quiz: %zu ways to answer with 'Kort': hbo/wo-only career first %zu times, "
           "ties in the top three %zu\n", combos, higher_first, ties);
    CHECK(combos > 1000);
    CHECK_INT(higher_first, 0);
    CHECK_INT(ties, 0);
}

/* Every way to answer: which careers come first, and does every match say why. */
static void test_quiz_every_career_wins(void)
{
    const Quiz *q = g_bundle->quiz;
    const Collection *careers = collection("careers");
    CHECK(q != NULL && careers != NULL);
    if (!q || !careers || q->n_questions > QUIZ_MAX_QUESTIONS) return;
    for (size_t qi = 0; qi < q->n_questions; qi++)
        for (size_t ai = 0; ai < q->questions[qi].n_answers; ai++)
            for (size_t l = 0; l < g_bundle->n_languages; l++)
                if (!q->questions[qi].answers[ai].why.s[l]) {
                    fprintf(stderr, "question %zu, answer %zu has no 'why' in %s\n", qi + 1,
                            ai + 1, g_bundle->languages[l]);
                    CHECK(false);
                }
    size_t wins[256] = {0}, combos = 0, without_why = 0, short_results = 0;
    int idx[QUIZ_MAX_QUESTIONS] = {0};
    for (;;) {
        QuizMatch m[3];
        size_t n = quiz_rank(q, idx, q->n_questions, m, 3);
        combos++;
        short_results += n < 3;
        for (size_t k = 0; k < n; k++) without_why += m[k].n_why == 0;
        if (n > 0 && m[0].item->collection == careers && m[0].item->index < 256)
            wins[m[0].item->index]++;
        size_t qi = 0;
        while (qi < q->n_questions && ++idx[qi] >= (int)q->questions[qi].n_answers) idx[qi++] = 0;
        if (qi == q->n_questions) break;
    }
    size_t never = 0;
    for (size_t i = 0; i < careers->n_items; i++)
        if (wins[i] == 0) {
            fprintf(stderr, "career '%s' never comes first\n", careers->items[i].id);
            never++;
        }
    size_t least = combos;
    for (size_t i = 0; i < careers->n_items; i++)
        if (wins[i] < least) least = wins[i];
    printf("quiz: %zu ways to answer: every career first at least %zu times, %zu never; "
           "results with fewer than three %zu; matches without a why %zu\n", combos, least,
           never, short_results, without_why);
    CHECK(combos > 1000);
    CHECK_INT(never, 0);
    CHECK_INT(short_results, 0);
    CHECK_INT(without_why, 0);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "content/techniekpact";
    Diags d;
    diags_init(&d);
    g_bundle = bundle_load(dir, &d);
    if (!g_bundle) {
        diags_print(&d, stderr);
        fprintf(stderr, "%s: the bundle does not load\n", dir);
        diags_free(&d);
        return 1;
    }
    RUN(test_landsdelen);
    RUN(test_terpstra_and_who_leads);
    RUN(test_career_links);
    RUN(test_career_pictures);
    RUN(test_quiz_short_route);
    RUN(test_quiz_every_career_wins);
    bundle_free(g_bundle);
    diags_free(&d);
    return check_summary();
}
