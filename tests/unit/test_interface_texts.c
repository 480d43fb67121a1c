/* test_interface_texts.c: the kiosk's own words on screen come from the interface table, in
 * the language shown (issue 11).
 *
 * tests/good/interface is a five-language bundle (nl, de, fr, ar, en). For German, French and
 * Arabic every screen with a word of the kiosk's own (bottom bar, See also, Scan, the All
 * chip, the about screen, the quiz and its result, the attract line) is built with a fake
 * text measurer, and the words on it, read back from the display list, must include the
 * built-in text of that language and no English one. A bundle's `strings:` must win over the
 * table, and a language without built-in texts must show the bundle's words and fall back
 * to the default language for the rest. */
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"
#include "ui/session.h"
#include "ui/strings.h"
#include "check.h"
#include "fake_measure.h"

static Bundle *load(const char *dir)
{
    Bundle *b = bundle_load_reporting(dir, stderr);
    CHECK(b != NULL);
    return b;
}

/* Every line of text on the screen, joined with spaces (a wrapped text reads as it was
 * written; no-break spaces read as spaces). */
static const char *screen_words(Session *s)
{
    static char all[65536];
    size_t used = 0;
    const DisplayList *d = session_frame(s);
    for (size_t i = 0; i < d->n_cmds && used + 2 < sizeof all; i++) {
        const DlCmd *c = &d->cmds[i];
        if (c->kind != DL_TEXT || !c->text) continue;
        size_t len = c->len ? c->len : strlen(c->text);
        for (size_t k = 0; k < len && used + 2 < sizeof all; k++) {
            if ((unsigned char)c->text[k] == 0xC2 && k + 1 < len &&
                (unsigned char)c->text[k + 1] == 0xA0) {
                all[used++] = ' ';
                k++;
            } else {
                all[used++] = c->text[k];
            }
        }
        all[used++] = ' ';
    }
    all[used] = '\0';
    return all;
}

/* `phrase` appears in `words` as whole words ("All" is not in "Alle", "Info" not in "Infos"). */
static bool has_phrase(const char *words, const char *phrase)
{
    size_t n = strlen(phrase);
    for (const char *p = strstr(words, phrase); p; p = strstr(p + 1, phrase)) {
        bool start = p == words || p[-1] == ' ';
        bool end = p[n] == ' ' || p[n] == '\0';
        if (start && end) return true;
    }
    return false;
}

static bool open_screen(Session *s, const Bundle *b, const char *lang, const char *name,
                        float w, float h)
{
    bool ok = session_init(s, b, (TextMeasure){.width = fake_width}, w, h, 0);
    CHECK(ok);
    if (!ok) return false;
    int l = bundle_language_index(b, lang);
    CHECK(l >= 0);
    s->ui.lang = l < 0 ? 0 : (size_t)l;
    if (!session_open(s, name, 0)) {
        fprintf(stderr, "  cannot open '%s'\n", name);
        CHECK(0);
        session_free(s);
        return false;
    }
    return true;
}

/* The words of `ids` in `lang` are on screen `name`, and none of them in English. */
static void expect_words(const Bundle *b, const char *lang, const char *name,
                         const StringId *ids, size_t n)
{
    static const float sizes[][2] = {{1920, 1080}, {1080, 1920}};
    for (size_t z = 0; z < 2; z++) {
        Session s;
        if (!open_screen(&s, b, lang, name, sizes[z][0], sizes[z][1])) return;
        const char *words = screen_words(&s);
        for (size_t i = 0; i < n; i++) {
            const char *want = uitext_builtin(lang, ids[i]), *english = uitext_builtin("en", ids[i]);
            CHECK(want != NULL);
            if (!want) continue;
            /* A text with a blank ("Scan: {site}") is looked for up to its blank. */
            char fixed[256];
            snprintf(fixed, sizeof fixed, "%.*s", (int)strcspn(want, "{"), want);
            bool found = strstr(words, fixed) != NULL;
            if (!found)
                fprintf(stderr, "  %s %s at %gx%g: no \"%s\" (%s) in: %s\n", lang, name,
                        (double)sizes[z][0], (double)sizes[z][1], want, uitext_key(ids[i]), words);
            CHECK(found);
            if (strcmp(want, english) != 0 && has_phrase(words, english)) {
                fprintf(stderr, "  %s %s: English \"%s\" on screen\n", lang, name, english);
                CHECK(0);
            }
        }
        session_free(&s);
    }
}

static void test_german_french_arabic_on_every_screen(void)
{
    Bundle *b = load("tests/good/interface");
    if (!b) return;
    static const char *const langs[] = {"de", "fr", "ar"};
    for (size_t l = 0; l < 3; l++) {
        const char *lang = langs[l];
        const StringId item[] = {STR_BACK, STR_HOME, STR_ABOUT, STR_SEE_ALSO, STR_SCAN_SITE};
        expect_words(b, lang, "robots", item, 5);
        const StringId collection[] = {STR_ALL, STR_BACK, STR_HOME};
        expect_words(b, lang, "workshops", collection, 3);
        const StringId about[] = {STR_ABOUT_TITLE, STR_CREDITS, STR_SOURCES};
        expect_words(b, lang, "about", about, 3);
        const StringId result[] = {STR_RESULT, STR_AGAIN};
        expect_words(b, lang, "result", result, 2);
        /* The counted phrase, with its numbers filled in. */
        Session s;
        if (open_screen(&s, b, lang, "quiz", 1920, 1080)) {
            char want[256];
            ui_fill_count(want, sizeof want, uitext_builtin(lang, STR_QUESTION_OF), 1, 1);
            if (!strstr(screen_words(&s), want)) fprintf(stderr, "  %s: no \"%s\"\n", lang, want);
            CHECK(strstr(screen_words(&s), want) != NULL);
            session_free(&s);
        }
    }
    /* The language button names the next language in itself: after de comes Français. */
    Session s;
    if (open_screen(&s, b, "de", "home", 1920, 1080)) {
        CHECK(strstr(screen_words(&s), "Français") != NULL);
        session_free(&s);
    }
    bundle_free(b);
}

/* The attract line: the invitation in every language of the bundle, each from the table. */
static void test_attract_line_in_the_bundle_languages(void)
{
    Bundle *b = load("tests/good/interface");
    if (!b) return;
    static const float sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}};
    for (size_t z = 0; z < 3; z++) {
        Session s;
        if (!open_screen(&s, b, "nl", "attract", sizes[z][0], sizes[z][1])) continue;
        const char *words = screen_words(&s);
        for (size_t l = 0; l < b->n_languages; l++) {
            const char *want = uitext_builtin(b->languages[l], STR_TOUCH_TO_START);
            if (!strstr(words, want)) fprintf(stderr, "  attract: no \"%s\" in %s\n", want, words);
            CHECK(strstr(words, want) != NULL);
        }
        session_free(&s);
    }
    bundle_free(b);
}

static void test_ui_fill_count(void)
{
    char buf[64];
    CHECK_STR(ui_fill_count(buf, sizeof buf, "Vraag {n} van {total}", 3, 8), "Vraag 3 van 8");
    CHECK_STR(ui_fill_count(buf, sizeof buf, "السؤال {n} من {total}", 2, 12), "السؤال 2 من 12");
    CHECK_STR(ui_fill_count(buf, sizeof buf, "%s %n {x}", 1, 2), "%s %n {x}"); /* no printf */
    CHECK_STR(ui_fill_count(buf, 6, "Frage {n} von {total}", 1, 2), "Frage");
}

/* Every built-in language has every text, and each differs from the English one where the
 * languages differ (a copy-paste of English would pass the other tests). */
static void test_tables_are_complete(void)
{
    for (size_t l = 0; l < UITEXT_N_LANGUAGES; l++)
        for (int id = 0; id < STR_COUNT; id++) {
            const char *s = uitext_builtin(UITEXT_LANGUAGES[l], (StringId)id);
            if (!s || !*s) fprintf(stderr, "  %s has no '%s'\n", UITEXT_LANGUAGES[l], UITEXT_KEYS[id]);
            CHECK(s && *s);
        }
    CHECK(strcmp(uitext_builtin("de", STR_SEE_ALSO), "See also") != 0);
    CHECK(uitext_builtin("fy", STR_BACK) == NULL);
    CHECK_STR(uitext_builtin("fy", STR_LANGUAGE_NAME), "Frysk");
    CHECK_INT(uitext_find("see_also"), STR_SEE_ALSO);
    CHECK_INT(uitext_find("See_also"), -1);
}

/* tests/bad/i11-interface-texts: Frisian is not built in; the bundle gives three words. */
static void test_bundle_strings_win_and_fall_back(void)
{
    Bundle *b = load("tests/bad/i11-interface-texts");
    if (!b) return;
    int fy = bundle_language_index(b, "fy"), nl = bundle_language_index(b, "nl");
    CHECK_STR(bundle_ui_text(b, (size_t)fy, STR_BACK), "Werom");
    CHECK_STR(bundle_ui_text(b, (size_t)fy, STR_SEE_ALSO), "Sjoch ek");
    CHECK_STR(bundle_ui_text(b, (size_t)fy, STR_ABOUT_TITLE), "Over deze kiosk"); /* from nl */
    CHECK_STR(bundle_ui_text(b, (size_t)fy, STR_LANGUAGE_NAME), "Frysk");
    CHECK_STR(bundle_ui_text(b, (size_t)nl, STR_BACK), "Terug");
    Session s;
    if (open_screen(&s, b, "fy", "plane", 1920, 1080)) {
        const char *words = screen_words(&s);
        CHECK(strstr(words, "Werom") != NULL);
        CHECK(strstr(words, "Begjin") != NULL);
        CHECK(strstr(words, "Deutsch") != NULL); /* the next language's button */
        session_free(&s);
    }
    bundle_free(b);
}

int main(void)
{
    RUN(test_german_french_arabic_on_every_screen);
    RUN(test_attract_line_in_the_bundle_languages);
    RUN(test_ui_fill_count);
    RUN(test_tables_are_complete);
    RUN(test_bundle_strings_win_and_fall_back);
    return check_summary();
}
