/* test_wrap.c: where lines break, specified with fake measurers.
 *
 * The main fake measurer charges 10 px per character (code point), so max_width 100 holds
 * ten characters, and "-" costs 10 px like any other. Style 1 ("bold") charges 12 px.
 * Layouts are shown as text: lines joined by '|', a flagged hyphen drawn as '-'. */
#include "layout/wrap.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REGULAR = 0, BOLD = 1, ITALIC = 2 };

/* Characters as wrap.c counts them: a valid sequence is one, every other byte is one. This
 * decoder is deliberately lenient (tests only feed it well-formed or single stray bytes). */
static int count_chars(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; n++) {
        unsigned char b = (unsigned char)s[i];
        size_t need = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 1;
        if (b >= 0xF5) need = 1;
        bool ok = i + need <= len;
        for (size_t k = 1; ok && k < need; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
        i += ok ? need : 1;
    }
    return n;
}

/* 10 px per byte: for text that is all ASCII and stray bytes, whatever a decoder thinks. */
static int measure_bytes(void *ctx, int style, const char *s, size_t len)
{
    (void)ctx; (void)style; (void)s;
    return (int)len * 10;
}

static int measure_fixed(void *ctx, int style, const char *s, size_t len)
{
    int *calls = ctx;
    if (calls) ++*calls;
    return count_chars(s, len) * (style == BOLD ? 12 : 10);
}

/* Kerning: each pair of neighbours is 1 px tighter, so "abcd" is 37, not 4 * 10. */
static int measure_kerned(void *ctx, int style, const char *s, size_t len)
{
    (void)ctx; (void)style;
    int n = count_chars(s, len);
    return n ? 10 * n - (n - 1) : 0;
}

typedef struct {
    int lines;
    int count;
    bool overflow;
    char text[1024];     /* the layout drawn as text */
    int widest;          /* widest line drawn, hyphens included */
    bool x_consistent;   /* every fragment starts where the previous one on its line ended */
    WrapFragment frags[WRAP_MAX_FRAGMENTS];
} Layout;

static void show(Layout *l, const WrapRun *runs, int n, WrapMeasureFn m, int max_width, int cap)
{
    memset(l, 0, sizeof *l);
    WrapOutput out = { .frags = l->frags, .cap = cap };
    l->lines = wrap_text(runs, n, m, NULL, max_width, &out);
    l->count = out.count;
    l->overflow = out.overflow;
    l->x_consistent = true;
    int line = 0, x = 0;
    for (int i = 0; i < out.count; i++) {
        const WrapFragment *f = &l->frags[i];
        for (; line < f->line; line++) { strcat(l->text, "|"); x = 0; }
        if (f->x != x) l->x_consistent = false;
        x = f->x + f->width;
        strncat(l->text, runs[f->run].text + f->start, f->len);
        int drawn = x;
        if (f->flags & WRAP_FRAG_HYPHEN) {
            strcat(l->text, "-");
            drawn += m(NULL, runs[f->run].style, "-", 1);
        }
        if (drawn > l->widest) l->widest = drawn;
    }
    for (; line < l->lines - 1; line++) strcat(l->text, "|");
}

static void show1(Layout *l, const char *s, int max_width)
{
    WrapRun run = { s, strlen(s), REGULAR };
    show(l, &run, 1, measure_fixed, max_width, WRAP_MAX_FRAGMENTS);
}

static void test_simple_sentence(void)
{
    Layout l;
    show1(&l, "De kiosk toont techniek aan jou", 100);
    CHECK_STR(l.text, "De kiosk|toont|techniek|aan jou");
    CHECK_INT(l.lines, 4);
    CHECK(l.widest <= 100);
    CHECK(l.x_consistent);
    CHECK_INT(l.frags[1].start, 9); /* "toont" is bytes 9..14 of the run */
    CHECK_INT(l.frags[1].len, 5);
    CHECK_INT(l.frags[1].line, 1);

    show1(&l, "De kiosk toont", 80); /* exactly 80 px still fits */
    CHECK_STR(l.text, "De kiosk|toont");
    show1(&l, "De kiosk toont", 79);
    CHECK_STR(l.text, "De|kiosk|toont");
    show1(&l, "De kiosk toont", 1000);
    CHECK_STR(l.text, "De kiosk toont");
    CHECK_INT(l.count, 1); /* one run, one line: one fragment */
}

static void test_spaces_collapse_at_line_ends_only(void)
{
    Layout l;
    show1(&l, "   aa   bb   ", 100);
    CHECK_STR(l.text, "aa   bb"); /* kept inside, dropped at both ends */
    CHECK_INT(l.frags[0].start, 3);
    show1(&l, "aa   bb", 40);
    CHECK_STR(l.text, "aa|bb");
    CHECK_INT(l.frags[1].x, 0); /* no leading space on the new line */
}

static void test_long_dutch_compound_is_cut_with_hyphens(void)
{
    static const char *word = "arbeidsongeschiktheidsverzekeringsmaatschappij"; /* 46 letters */
    Layout l;
    show1(&l, word, 100);
    CHECK_STR(l.text, "arbeidson-|geschikth-|eidsverze-|keringsma-|atschappij");
    CHECK_INT(l.lines, 5);
    CHECK(l.widest <= 100); /* nine letters plus the drawn hyphen; the last ten fit bare */
    CHECK_INT(l.frags[0].flags, WRAP_FRAG_HYPHEN);
    CHECK_INT(l.frags[3].flags, WRAP_FRAG_HYPHEN);
    CHECK_INT(l.frags[4].flags, 0);

    show1(&l, "De arbeidsongeschiktheidsverzekeringsmaatschappij belt", 200);
    CHECK_STR(l.text, "De|arbeidsongeschikthe-|idsverzekeringsmaat-|schappij belt");
    CHECK(l.widest <= 200);
}

static void test_hyphen_is_the_preferred_break(void)
{
    Layout l;
    show1(&l, "Noord-Hollandse", 100);
    CHECK_STR(l.text, "Noord-|Hollandse"); /* not "NoordHoll-|andse" */
    CHECK_INT(l.frags[0].flags, 0);        /* the '-' is in the text: nothing to add */
    show1(&l, "Noord-Hollandse", 1000);
    CHECK_STR(l.text, "Noord-Hollandse");
    show1(&l, "is -12", 40);               /* a leading minus is not a break: not "is -|12" */
    CHECK_STR(l.text, "is|-12");
    show1(&l, "-123456789", 50);
    CHECK_STR(l.text, "-123-|4567-|89");
}

static void test_soft_hyphen_breaks_and_draws_a_hyphen(void)
{
    Layout l;
    show1(&l, "tech\xC2\xADniek\xC2\xADpact", 60);
    CHECK_STR(l.text, "tech-|niek-|pact");
    CHECK_INT(l.frags[0].flags, WRAP_FRAG_HYPHEN);
    CHECK(l.widest <= 60);
    show1(&l, "tech\xC2\xADniek\xC2\xADpact", 90);
    CHECK_STR(l.text, "techniek-|pact");
    show1(&l, "tech\xC2\xADniek\xC2\xADpact", 200); /* unbroken: the soft hyphens vanish */
    CHECK_STR(l.text, "techniekpact");
    CHECK_INT(l.count, 3);
    CHECK_INT(l.frags[2].x, 80);
    CHECK_INT(l.frags[2].flags, 0);
}

static void test_newline_forces_a_break(void)
{
    Layout l;
    show1(&l, "een\ntwee", 1000);
    CHECK_STR(l.text, "een|twee");
    show1(&l, "een\n\ntwee", 1000);
    CHECK_STR(l.text, "een||twee");
    CHECK_INT(l.lines, 3);
    show1(&l, "een  \n  twee", 1000);
    CHECK_STR(l.text, "een|twee");
    show1(&l, "een\n", 1000); /* a YAML block's final newline adds no line */
    CHECK_INT(l.lines, 1);
    show1(&l, "een\n\n", 1000);
    CHECK_INT(l.lines, 2);
    show1(&l, "\n", 1000);
    CHECK_INT(l.lines, 1);
    CHECK_INT(l.count, 0);
    show1(&l, "een\r\ntwee", 1000);
    CHECK_STR(l.text, "een|twee");
}

static void test_style_changes_inside_a_word_do_not_break_it(void)
{
    WrapRun runs[] = { { "Tech", 4, BOLD }, { "niek is ", 8, REGULAR }, { "leuk", 4, ITALIC } };
    Layout l;
    show(&l, runs, 3, measure_fixed, 100, WRAP_MAX_FRAGMENTS);
    CHECK_STR(l.text, "Techniek|is leuk");
    CHECK_INT(l.count, 4);
    CHECK_INT(l.frags[0].run, 0);
    CHECK_INT(l.frags[0].width, 48); /* bold, measured in its own style */
    CHECK_INT(l.frags[1].run, 1);
    CHECK_INT(l.frags[1].x, 48);
    CHECK_INT(l.frags[2].start, 5);  /* "is " */
    CHECK_INT(l.frags[3].run, 2);
    CHECK_INT(l.frags[3].x, 30);
    CHECK(l.x_consistent);

    show(&l, runs, 3, measure_fixed, 60, WRAP_MAX_FRAGMENTS);
    /* "Tech" is bold: 48 px plus a bold hyphen of 12 fills 60 exactly */
    CHECK_STR(l.text, "Tech-|niek|is|leuk");
    CHECK(l.widest <= 60);
}

static void test_whole_fragments_are_measured(void)
{
    Layout l;
    WrapRun run = { "abcd efgh", 9, REGULAR };
    show(&l, &run, 1, measure_kerned, 37, WRAP_MAX_FRAGMENTS);
    CHECK_STR(l.text, "abcd|efgh"); /* 37 px kerned; adding up characters would say 40 */
}

static void test_other_scripts(void)
{
    Layout l;
    show1(&l, "日本語テキスト", 30); /* no spaces: breaks between characters, no hyphens */
    CHECK_STR(l.text, "日本語|テキス|ト");
    CHECK_INT(l.frags[0].len, 9);
    CHECK_INT(l.frags[0].flags, 0);
    show1(&l, "日本語。テスト", 30); /* 。 may not start a line */
    CHECK_STR(l.text, "日本|語。テ|スト");
    show1(&l, "Ελληνικά και 日本語", 80);
    CHECK_STR(l.text, "Ελληνικά|και 日本語");
    show1(&l, "Ελληνικά και 日本語", 50);
    CHECK_STR(l.text, "Ελλη-|νικά|και 日|本語");
    CHECK_INT(l.frags[0].len, 8); /* four two-byte letters, never half of one */
    show1(&l, "Emoji 😀😀", 60);
    CHECK_STR(l.text, "Emoji|😀😀");
}

static void test_invalid_utf8_is_one_character_per_byte(void)
{
    Layout l;
    show1(&l, "a\xFF\xFE" "b", 20);
    CHECK_STR(l.text, "a-|\xFF-|\xFE" "b");
    show1(&l, "\xE6\x97" "x" "日", 1000); /* a cut sequence does not swallow what follows */
    CHECK_INT(l.count, 1);
    CHECK_INT(l.frags[0].len, 6);
    /* overlong '/', a surrogate, past U+10FFFF: nine stray bytes, two plus a hyphen a line */
    WrapRun bad = { "\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80", 9, REGULAR };
    show(&l, &bad, 1, measure_bytes, 30, WRAP_MAX_FRAGMENTS);
    CHECK_STR(l.text, "\xC0\xAF-|\xED\xA0-|\x80\xF4-|\x90\x80\x80");
    CHECK_INT(l.lines, 4);

    show(&l, &(WrapRun){ "\xE0\x80\xAF", 3, REGULAR }, 1, measure_bytes, 20, WRAP_MAX_FRAGMENTS);
    CHECK_STR(l.text, "\xE0-|\x80\xAF"); /* overlong 3-byte '/': three characters, not one */
    show(&l, &(WrapRun){ "\xF0\x80\x80\xAF", 4, REGULAR }, 1, measure_bytes, 20, WRAP_MAX_FRAGMENTS);
    CHECK_STR(l.text, "\xF0-|\x80-|\x80\xAF");

    /* A style change placed inside 日 by mistake: each run is read only up to its length */
    static const char both[] = "ab\xE6\x97\xA5" "cd";
    WrapRun split[] = { { both, 3, REGULAR }, { both + 3, 4, REGULAR } };
    show(&l, split, 2, measure_fixed, 1000, WRAP_MAX_FRAGMENTS);
    CHECK_INT(l.frags[0].len, 3);
    CHECK_INT(l.lines, 1);
    CHECK_INT(l.count, 2);
    CHECK_INT(l.frags[1].x, 30); /* "ab" + one stray byte */
}

static void test_width_below_one_character(void)
{
    Layout l;
    show1(&l, "abc", 5);
    CHECK_STR(l.text, "a|b|c"); /* one per line, and no hyphen that would not fit either */
    CHECK_INT(l.frags[0].flags, 0);
    show1(&l, "a b", 0);
    CHECK_STR(l.text, "a|b");
    show1(&l, "日本", -10);
    CHECK_STR(l.text, "日|本");
    show1(&l, "ab", 15); /* a fits, a plus hyphen does not */
    CHECK_STR(l.text, "a|b");
}

static void test_empty_input(void)
{
    Layout l;
    show(&l, NULL, 0, measure_fixed, 100, WRAP_MAX_FRAGMENTS);
    CHECK_INT(l.lines, 0);
    WrapRun none[] = { { NULL, 0, REGULAR }, { "", 0, BOLD } };
    show(&l, none, 2, measure_fixed, 100, WRAP_MAX_FRAGMENTS);
    CHECK_INT(l.lines, 0);
    CHECK_INT(l.count, 0);
    show1(&l, "   ", 100);
    CHECK_INT(l.lines, 1); /* a line with nothing to draw */
    CHECK_INT(l.count, 0);
}

static void test_capacity_overflow_is_flagged_not_overrun(void)
{
    Layout l;
    memset(&l, 0, sizeof l);
    WrapRun run = { "a b c d e", 9, REGULAR };
    WrapFragment frags[4];
    memset(frags, 0x5A, sizeof frags);
    WrapOutput out = { .frags = frags, .cap = 3 };
    int lines = wrap_text(&run, 1, measure_fixed, NULL, 10, &out);
    CHECK_INT(lines, 5); /* the height is still known */
    CHECK_INT(out.count, 3);
    CHECK(out.overflow);
    CHECK_INT(frags[2].start, 4);
    unsigned char *guard = (unsigned char *)&frags[3];
    CHECK_INT(guard[0], 0x5A);
    CHECK_INT(guard[sizeof frags[3] - 1], 0x5A);

    WrapFragment five[5];
    WrapOutput exact = { .frags = five, .cap = 5 };
    CHECK_INT(wrap_text(&run, 1, measure_fixed, NULL, 10, &exact), 5);
    CHECK(!exact.overflow);
}

static void test_measurer_gets_the_context(void)
{
    int calls = 0;
    WrapRun run = { "een twee drie", 13, REGULAR };
    WrapFragment frags[8];
    WrapOutput out = { .frags = frags, .cap = 8 };
    wrap_text(&run, 1, measure_fixed, &calls, 60, &out);
    CHECK(calls > 0);
}

/* Whatever the width: nothing but spaces and soft hyphens is lost, nothing is duplicated or
 * reordered, and no line is wider than allowed unless it holds a single character. */
static void test_any_width_keeps_every_character(void)
{
    static const char *texts[] = {
        "De kiosk toont techniek aan jou, elke dag opnieuw.",
        "arbeidsongeschiktheidsverzekeringsmaatschappij-medewerker",
        "tech\xC2\xADniek\xC2\xADpact in Noord-Holland\nen 日本語テキスト。",
        "a\xFF b\xC3 \xE2\x82 c  \n\n  d",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        int bad = 0;
        for (int w = -5; w <= 260; w += 5) {
            Layout l;
            show1(&l, texts[i], w);
            char kept[1024] = "", want[1024] = "";
            for (int f = 0; f < l.count; f++)
                for (size_t k = 0; k < l.frags[f].len; k++)
                    if (texts[i][l.frags[f].start + k] != ' ')
                        strncat(kept, texts[i] + l.frags[f].start + k, 1);
            for (const char *p = texts[i]; *p; p++) {
                if (*p == ' ' || *p == '\n') continue;
                if (strncmp(p, "\xC2\xAD", 2) == 0) { p++; continue; }
                strncat(want, p, 1);
            }
            /* 10 px is one character: below that a lone character may stick out */
            bool ok = strcmp(kept, want) == 0 && l.x_consistent && (w < 10 || l.widest <= w);
            if (!ok && bad++ == 0) { /* show the first failure in full */
                fprintf(stderr, "  text %zu at width %d: widest %d\n", i, w, l.widest);
                CHECK_STR(kept, want);
                CHECK(l.x_consistent);
            }
        }
        CHECK_INT(bad, 0);
    }
}

/* The first character of a title (the letter shown on a card without a picture): an empty
 * title has none, and nothing past its end is read. */
static void test_first_character(void)
{
    char *empty = malloc(1); /* exactly one byte: ASan reports any read past it */
    empty[0] = '\0';
    CHECK_INT(utf8_char_len(empty), 0);
    free(empty);
    CHECK_INT(utf8_char_len("a"), 1);
    CHECK_INT(utf8_char_len("\xC3\xA9t"), 2);         /* é */
    CHECK_INT(utf8_char_len("\xE6\x97\xA5\xE6"), 3); /* 日 and a cut sequence */
    CHECK_INT(utf8_char_len("\xF0\x9F\x9A\x80!"), 4); /* 🚀 */
}

int main(void)
{
    RUN(test_first_character);
    RUN(test_simple_sentence);
    RUN(test_spaces_collapse_at_line_ends_only);
    RUN(test_long_dutch_compound_is_cut_with_hyphens);
    RUN(test_hyphen_is_the_preferred_break);
    RUN(test_soft_hyphen_breaks_and_draws_a_hyphen);
    RUN(test_newline_forces_a_break);
    RUN(test_style_changes_inside_a_word_do_not_break_it);
    RUN(test_whole_fragments_are_measured);
    RUN(test_other_scripts);
    RUN(test_invalid_utf8_is_one_character_per_byte);
    RUN(test_width_below_one_character);
    RUN(test_empty_input);
    RUN(test_capacity_overflow_is_flagged_not_overrun);
    RUN(test_measurer_gets_the_context);
    RUN(test_any_width_keeps_every_character);
    return check_summary();
}
