/* test_languages.c: what passes --check looks right on screen, in any language.
 *
 * With the real fonts (SDL_ttf through fontconfig, nothing drawn):
 *   - the languages bundle (tests/good/languages: nl, de, en, ar; German compounds, emoji,
 *     accented capitals, Dutch ij, Arabic with Latin) and the default bundle give no layout
 *     warning at any of the four sizes;
 *   - every character of every text on every screen of the languages bundle, at every size
 *     and in every language, has a glyph in the font the fallback chooses for it
 *     (TTF_GlyphIsProvided32 on that font): no missing-glyph boxes;
 *   - a title that cannot fit is reported at its own file:line:col with the screen and size;
 *   - an Arabic interface mirrors the screen: Back sits on the right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/layout_check.h"
#include "check.h"
#include "layout/hyphen.h"
#include "platform/fonts.h"
#include "platform/textrun.h"
#include "ui/session.h"

static const struct { int w, h; } SIZES[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

static Bundle *load(const char *dir)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    if (d.warnings || !b) diags_print(&d, stderr);
    CHECK_INT(d.warnings, 0);
    diags_free(&d);
    return b;
}

/* layout_check's output for b, in a string owned by the caller. */
static char *check_output(const Bundle *b, size_t *warnings)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    *warnings = layout_check(b, f);
    fclose(f);
    return buf;
}

static void test_no_layout_warnings_in_the_languages_bundle(void);
static void test_no_layout_warnings_in_the_default_bundle(void);

static void no_layout_warnings(const char *dir)
{
    Bundle *b = load(dir);
    if (!b) return;
    size_t n;
    char *out = check_output(b, &n);
    if (n) fprintf(stderr, "%s", out);
    CHECK_INT(n, 0);
    free(out);
    bundle_free(b);
}

/* Every character of every DL_TEXT on one screen has a glyph where it is drawn. */
static void test_no_layout_warnings_in_the_languages_bundle(void)
{
    no_layout_warnings("tests/good/languages");
}

static void test_no_layout_warnings_in_the_default_bundle(void)
{
    no_layout_warnings("content/techniekpact");
}

static size_t glyphs_of(Fonts *fonts, const DisplayList *dl, const char *screen, const char *lang)
{
    size_t checked = 0;
    for (size_t i = 0; i < dl->n_cmds; i++) {
        const DlCmd *c = &dl->cmds[i];
        if (c->kind != DL_TEXT || !c->len) continue;
        long missing = textrun_missing(fonts, c->font, c->text, c->len);
        if (missing) fprintf(stderr, "  %s (%s): U+%04lX in \"%.*s\" has no glyph\n", screen, lang,
                             missing, (int)c->len, c->text);
        CHECK_INT(missing, 0);
        checked += c->len;
    }
    return checked;
}

static void test_every_character_has_a_glyph(void)
{
    Bundle *b = load("tests/good/languages");
    if (!b) return;
    Fonts *fonts = fonts_create_with(b->theme.font, b->theme.fonts_dir);
    CHECK(fonts != NULL);
    if (!fonts) return;
    const char *screens[] = {"home", "about", "attract", "hangar", "careers", "vliegtuigen",
                             "drone", "monteur"};
    size_t bytes = 0;
    for (size_t z = 0; z < sizeof SIZES / sizeof SIZES[0]; z++)
        for (size_t l = 0; l < b->n_languages; l++) {
            Session s;
            CHECK(session_init(&s, b, (TextMeasure){fonts, fonts_measure}, (float)SIZES[z].w,
                               (float)SIZES[z].h, 0));
            s.ui.lang = l;
            for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
                CHECK(session_open(&s, screens[i], 0));
                bytes += glyphs_of(fonts, session_frame(&s), screens[i], b->languages[l]);
            }
            session_free(&s);
        }
    printf("glyphs: %zu bytes of text checked glyph by glyph\n", bytes);
    CHECK(bytes > 10000);
    fonts_destroy(fonts);
    bundle_free(b);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void test_a_title_that_cannot_fit_is_reported_where_it_is_written(void)
{
    char dir[] = "/tmp/kiosk-layout-XXXXXX";
    if (!mkdtemp(dir)) return;
    char path[256];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    write_file(path,
               "format: 1\n"
               "meta: {id: t, title: T, version: \"1\", languages: [nl], default_language: nl}\n"
               "theme: {font: DejaVu Sans}\n"
               "home:\n"
               "  tiles:\n"
               "    - target: things\n"
               "      title: Onderhoudswerkplaatsmedewerkersvakbondsvergaderingsagenda en nog veel meer woorden\n"
               "    - target: about\n"
               "collections:\n"
               "  - id: things\n"
               "    title: Dingen\n"
               "    items:\n"
               "      - id: one\n"
               "        title: Een\n"
               "        body: Zie xqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqzxqz hier.\n");
    Bundle *b = load(dir);
    if (b) {
        size_t n;
        char *out = check_output(b, &n);
        char want[512];
        snprintf(want, sizeof want, "%s/bundle.yaml:7:14: warning: tile title \"Onderhouds", dir);
        CHECK(strstr(out, want) != NULL);
        CHECK(strstr(out, "on the home screen (nl) at ") != NULL);
        CHECK(strstr(out, "is cut to \"Onderhoudswerk-plaatsmedewerker-\xE2\x80\xA6\"") != NULL ||
              strstr(out, "-\xE2\x80\xA6\" on the home") != NULL); /* inside a word: "-…" */
        CHECK(strstr(out, "1080x1920") != NULL);
        CHECK(strstr(out, "shorten it or add short_title") != NULL);
        snprintf(want, sizeof want, "%s/bundle.yaml:15:15: warning: body text \"Zie xqz", dir);
        CHECK(strstr(out, want) != NULL);
        CHECK(strstr(out, "breaks inside a word where no hyphenation dictionary allows it") != NULL);
        CHECK(n >= 2);
        if (!strstr(out, want)) fprintf(stderr, "got:\n%s\n", out);
        free(out);
        bundle_free(b);
    }
    unlink(path);
    rmdir(dir);
}

/* A table whose widest words cannot stand side by side on a portrait screen: one warning, at
 * the cell that misses its column most; and the table bundle's tables fit everywhere. */
static void test_a_table_that_cannot_fit_is_reported_at_its_cell(void)
{
    no_layout_warnings("tests/good/table");
    char dir[] = "/tmp/kiosk-table-XXXXXX";
    if (!mkdtemp(dir)) return;
    char path[256];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    write_file(path,
               "format: 1\n"
               "meta: {id: t, title: T, version: \"1\", languages: [nl], default_language: nl}\n"
               "home: {tiles: [{target: c}]}\n"
               "collections:\n"
               "  - id: c\n"
               "    title: C\n"
               "    items:\n"
               "      - id: wide\n"
               "        title: Breed\n"
               "        table:\n"
               "          rows:\n"
               "            - [Fiets, Kraftfahrzeughaftpflichtversicherung, \"€ 12,00\", "
               "Donaudampfschifffahrtsgesellschaftskapitän]\n");
    Bundle *b = load(dir);
    if (b) {
        size_t n;
        char *out = check_output(b, &n);
        char want[512];
        snprintf(want, sizeof want, "%s/bundle.yaml:12:72: warning: table cell "
                 "\"Donaudampfschifffahrtsgesellschaftskapitän\" does not fit its column on the "
                 "wide screen (nl) at ", dir);
        CHECK(strstr(out, want) != NULL);
        CHECK(strstr(out, "1080x1920") != NULL);
        CHECK(strstr(out, "give the table fewer columns") != NULL);
        CHECK_INT(n, 1);
        if (!strstr(out, want)) fprintf(stderr, "got:\n%s\n", out);
        free(out);
        bundle_free(b);
    }
    unlink(path);
    rmdir(dir);
}

static void test_arabic_mirrors_the_screen(void)
{
    Bundle *b = load("tests/good/languages");
    if (!b) return;
    Fonts *fonts = fonts_create_with(b->theme.font, NULL);
    Session s;
    if (fonts && session_init(&s, b, (TextMeasure){fonts, fonts_measure}, 1920, 1080, 0)) {
        for (size_t l = 0; l < b->n_languages; l++) {
            s.ui.lang = l;
            CHECK(session_open(&s, "vliegtuigen", 0));
            const DisplayList *dl = session_frame(&s);
            float back_x = -1;
            for (size_t i = 0; i < dl->n_hits; i++)
                if (dl->hits[i].action.kind == ACT_BACK) back_x = dl->hits[i].r.x;
            bool rtl = strcmp(b->languages[l], "ar") == 0;
            CHECK(back_x >= 0);
            CHECK(rtl ? back_x > 1920 / 2 : back_x < 1920 / 2);
        }
        session_free(&s);
    }
    fonts_destroy(fonts);
    bundle_free(b);
}

int main(void)
{
    RUN(test_no_layout_warnings_in_the_languages_bundle);
    RUN(test_no_layout_warnings_in_the_default_bundle);
    RUN(test_every_character_has_a_glyph);
    RUN(test_a_title_that_cannot_fit_is_reported_where_it_is_written);
    RUN(test_a_table_that_cannot_fit_is_reported_at_its_cell);
    RUN(test_arabic_mirrors_the_screen);
    hyphen_release();
    return check_summary();
}
