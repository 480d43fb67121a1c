/* test_hyphen.c: dictionary hyphenation (libhyphen with the distribution's hyph_*.dic) and
 * how wrap_text_opts uses it, with UAX #14 break opportunities from libunibreak.
 *
 * The fake measurer charges 10 px per code point, so max_width 100 holds ten characters.
 * Layouts are shown as text: lines joined by '|', a drawn hyphen as '-'. The dictionaries are
 * Debian's hyphen-nl, hyphen-de and hyphen-en-us (run.sh installs them). */
#include "layout/hyphen.h"
#include "layout/wrap.h"
#include "check.h"

#include <string.h>

static int measure(void *ctx, int style, const char *s, size_t len)
{
    (void)ctx; (void)style;
    int n = 0;
    for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n * 10;
}

/* The word with '-' at each dictionary point. */
static const char *points(const char *lang, const char *word)
{
    static char out[512];
    unsigned char p[256];
    size_t n = strlen(word), o = 0;
    hyphen_points(NULL, lang, word, n, p);
    for (size_t i = 0; i < n; i++) {
        out[o++] = word[i];
        if (p[i]) out[o++] = '-';
    }
    out[o] = '\0';
    return out;
}

typedef struct {
    char text[1024];
    int lines, word_cuts, hyphenations;
} Shown;

static Shown wrap(const char *lang, bool hyphens, bool fill, const char *s, int max_width)
{
    Shown sh = { "", 0, 0, 0 };
    WrapFragment frags[WRAP_MAX_FRAGMENTS];
    WrapOutput out = { .frags = frags, .cap = WRAP_MAX_FRAGMENTS };
    WrapOptions o = { lang, hyphens ? hyphen_points : NULL, NULL, fill };
    WrapRun run = { s, strlen(s), 0 };
    sh.lines = wrap_text_opts(&run, 1, measure, NULL, max_width, &o, &out);
    sh.word_cuts = out.word_cuts;
    sh.hyphenations = out.hyphenations;
    int line = 0;
    for (int i = 0; i < out.count; i++) {
        for (; line < frags[i].line; line++) strcat(sh.text, "|");
        strncat(sh.text, s + frags[i].start, frags[i].len);
        if (frags[i].flags & WRAP_FRAG_HYPHEN) strcat(sh.text, "-");
    }
    return sh;
}

/* Loaded ahead on another thread while this one asks for points: the asking thread gets the
 * same answer (it waits for the load), and nothing is loaded twice (ASan/TSan-clean). */
static void test_preload_on_another_thread(void)
{
    const char *const langs[] = {"fr", "es"};
    hyphen_preload_async(langs, 2);
    CHECK(hyphen_available("fr"));
    CHECK(hyphen_available("es"));
    CHECK(strchr(points("fr", "exposition"), '-') != NULL);
}

static void test_dictionaries_are_installed(void)
{
    CHECK(hyphen_available("nl"));
    CHECK(hyphen_available("de"));
    CHECK(hyphen_available("en"));
    CHECK(hyphen_available("en-GB")); /* the region falls back to the language */
    CHECK(!hyphen_available("xx"));
    CHECK(hyphen_file("nl") != NULL);
}

static void test_dutch_points(void)
{
    CHECK_STR(points("nl", "Vliegtuigen"), "Vlieg-tui-gen");
    CHECK_STR(points("nl", "Tentoonstelling"), "Ten-toon-stel-ling");
    CHECK_STR(points("nl", "Techniekpact"), "Tech-niek-pact");
    CHECK_STR(points("nl", "IJsselmeer"), "IJs-sel-meer");
    CHECK_STR(points("nl", "\xC4\xB2sselmeer"), "\xC4\xB2s-sel-meer"); /* the ligature Ĳ whole */
}

static void test_german_points(void)
{
    CHECK_STR(points("de", "Ausstellung"), "Aus-stel-lung");
    CHECK_STR(points("de", "Öffentlichkeitsarbeit"), "Öf-fent-lich-keits-ar-beit");
    const char *p = points("de", "Flugzeuginstandhaltungstechnikerausbildung");
    CHECK(strstr(p, "Flug-zeug-") == p);
    CHECK(strstr(p, "-bil-dung") != NULL);
    CHECK(strstr(p, "-sbildung") == NULL); /* the "…technikerau-sbildung" */
}

static void test_english_points(void)
{
    CHECK_STR(points("en", "hyphenation"), "hy-phen-ation");
    CHECK_STR(points("en", "exhibition"), "ex-hi-bi-tion");
}

static void test_no_dictionary_no_points(void)
{
    unsigned char p[16];
    CHECK(!hyphen_points(NULL, "xx", "Vliegtuigen", 11, p));
    CHECK(!hyphen_points(NULL, NULL, "Vliegtuigen", 11, p));
    CHECK_INT(p[4], 0);
}

static void test_never_a_lone_last_letter(void)
{
    /* Every width from 3 to 12 characters: a break is at a dictionary point or not at all. */
    for (int w = 30; w <= 120; w += 10) {
        Shown s = wrap("nl", true, false, "Vliegtuigen", w);
        CHECK(strstr(s.text, "Vliegtuige-n") == NULL);
        CHECK(strstr(s.text, "|n") == NULL);
    }
    Shown s = wrap("nl", true, false, "Vliegtuigen", 100);
    CHECK_STR(s.text, "Vliegtui-|gen");
    CHECK_INT(s.hyphenations, 1);
    CHECK_INT(s.word_cuts, 0);
}

static void test_without_dictionary_the_cut_is_counted(void)
{
    Shown s = wrap("nl", false, false, "Vliegtuigen", 100);
    CHECK_STR(s.text, "Vliegtuig-|en");
    CHECK_INT(s.word_cuts, 1);
    CHECK_INT(s.hyphenations, 0);
}

static void test_german_compound_on_narrow_lines(void)
{
    Shown s = wrap("de", true, false, "Flugzeuginstandhaltungstechnikerausbildung", 160);
    CHECK_INT(s.word_cuts, 0);
    CHECK(s.hyphenations >= 2);
    CHECK_STR(s.text, "Flugzeuginstand-|haltungstechni-|kerausbildung");
}

static void test_fill_hyphenates_the_overflowing_word(void)
{
    /* Without fill, a word that fits on the next line moves there whole. */
    Shown whole = wrap("nl", true, false, "De Tentoonstelling", 120);
    CHECK_STR(whole.text, "De|Tentoonstel-|ling");
    Shown fill = wrap("nl", true, true, "De Tentoonstelling", 120);
    CHECK_STR(fill.text, "De Tentoon-|stelling");
    CHECK_INT(fill.hyphenations, 1);
}

static void test_uax14_no_break_space_and_punctuation(void)
{
    /* U+00A0 keeps "10 km" together; "!" never starts a line. */
    Shown s = wrap("nl", false, false, "Het is 10\xC2\xA0km ver!", 100);
    CHECK_STR(s.text, "Het is|10\xC2\xA0km ver!");
    Shown t = wrap("en", false, false, "abc defgh !", 100);
    CHECK_STR(t.text, "abc|defgh !");
}

static void test_soft_hyphen_beats_the_dictionary(void)
{
    /* The author's soft hyphen is a break like any other and draws '-'. */
    Shown s = wrap("nl", true, false, "Vlieg\xC2\xADtuigen", 80);
    CHECK_STR(s.text, "Vlieg-|tuigen");
    CHECK_INT(s.word_cuts, 0);
}

static void test_punctuation_around_a_word_is_not_hyphenated(void)
{
    Shown s = wrap("de", true, false, "(Ausstellung),", 90);
    CHECK_STR(s.text, "(Ausstel-|lung),");
}

int main(void)
{
    RUN(test_dictionaries_are_installed);
    RUN(test_preload_on_another_thread);
    RUN(test_dutch_points);
    RUN(test_german_points);
    RUN(test_english_points);
    RUN(test_no_dictionary_no_points);
    RUN(test_never_a_lone_last_letter);
    RUN(test_without_dictionary_the_cut_is_counted);
    RUN(test_german_compound_on_narrow_lines);
    RUN(test_fill_hyphenates_the_overflowing_word);
    RUN(test_uax14_no_break_space_and_punctuation);
    RUN(test_soft_hyphen_beats_the_dictionary);
    RUN(test_punctuation_around_a_word_is_not_hyphenated);
    hyphen_release();
    return check_summary();
}
