/* layout_check.c: every screen, every language, four sizes, real font metrics, no pixels.
 *
 * The screens are built exactly as the kiosk builds them (session + view into a display
 * list), with the theme's fonts measuring through SDL_ttf, but never drawn. The text blocks
 * record what they could not fit (ui/textblock.c: DlIssue), and this module turns those into
 * warnings at the text's own position (bundle_text_origin). One text cut on several screens
 * or at several sizes gives one warning that names them all, so an organiser reads a short
 * list of texts to shorten (or to give a short_title), not a long list of screens. */
#include "app/layout_check.h"

#include <stdlib.h>
#include <string.h>

#include "layout/hyphen.h"
#include "platform/fonts.h"
#include "platform/textrun.h"
#include "ui/session.h"

static const struct { int w, h; } SIZES[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
enum { N_SIZES = sizeof SIZES / sizeof SIZES[0], FOUND_MAX = 512, SHOWN_MAX = 160 };

typedef struct Found {
    const char *text; /* the text as given (pointer into the bundle), the key with what */
    const TextOrigin *at; /* where it was written; NULL for an interface text */
    const char *what;
    DlIssueKind kind;
    char shown[SHOWN_MAX];
    char screen[64];  /* the first screen it was seen on */
    const char *lang;
    unsigned sizes;   /* bit i: SIZES[i]; bit N_SIZES + i: SIZES[i] with larger text ("A+") */
} Found;

typedef struct Check {
    const Bundle *b;
    Found *found; /* FOUND_MAX */
    size_t n;
    size_t dropped;
} Check;

static void collect(Check *k, const DisplayList *dl, const char *screen, const char *lang, int size)
{
    for (size_t i = 0; i < dl->n_issues; i++) {
        const DlIssue *is = &dl->issues[i];
        /* With larger text a visitor asked for size over completeness: only titles must
         * still fit whole; a subtitle or intro may then be cut. */
        if (size >= N_SIZES && (!strstr(is->what, "title") || strstr(is->what, "subtitle"))) continue;
        Found *f = NULL;
        for (size_t j = 0; j < k->n && !f; j++)
            if (k->found[j].text == is->text && k->found[j].what == is->what &&
                k->found[j].kind == is->kind)
                f = &k->found[j];
        if (!f) {
            if (k->n == FOUND_MAX) { k->dropped++; continue; }
            f = &k->found[k->n++];
            *f = (Found){is->text, NULL, is->what, is->kind, "", "", lang, 0};
            snprintf(f->shown, sizeof f->shown, "%s", is->shown);
            snprintf(f->screen, sizeof f->screen, "%s", screen);
        }
        f->sizes |= 1u << size;
    }
}

/* The result once for every item the quiz scores, answered as that item would like best
 * (each question's answer that gives it most), so every title that can come first (and most
 * that come second and third) is laid out in the result's own boxes. */
static void check_results(Check *k, Session *s, const char *lang, int size)
{
    const Quiz *q = k->b->quiz;
    enum { MAX_FAVS = 256 };
    const Item *done[MAX_FAVS];
    size_t n_done = 0;
    for (size_t qi = 0; qi < q->n_questions && qi < QUIZ_MAX_QUESTIONS; qi++)
        for (size_t ai = 0; ai < q->questions[qi].n_answers; ai++)
            for (size_t si = 0; si < q->questions[qi].answers[ai].n_scores; si++) {
                const Item *fav = q->questions[qi].answers[ai].scores[si].item;
                bool seen = false;
                for (size_t d = 0; d < n_done; d++) seen |= done[d] == fav;
                if (seen || n_done == MAX_FAVS) continue;
                done[n_done++] = fav;
                for (size_t j = 0; j < q->n_questions && j < QUIZ_MAX_QUESTIONS; j++) {
                    const Question *qu = &q->questions[j];
                    int best = 0, most = -1000;
                    for (size_t a = 0; a < qu->n_answers; a++)
                        for (size_t x = 0; x < qu->answers[a].n_scores; x++)
                            if (qu->answers[a].scores[x].item == fav &&
                                qu->answers[a].scores[x].points > most) {
                                most = qu->answers[a].scores[x].points;
                                best = (int)a;
                            }
                    s->ui.answers[j] = best;
                }
                ui_settle(&s->ui, 0);
                s->dirty = true;
                collect(k, session_frame(s), "result", lang, size);
            }
}

/* Every picture of an item's gallery, on its page and full screen: each has its own caption
 * and credit. */
static void check_gallery(Check *k, Session *s, const char *id, const char *lang, int size)
{
    const Item *it = bundle_find_item(k->b, id);
    if (!it || it->n_gallery == 0) return;
    char buf[160];
    for (int full = 0; full < 2; full++) {
        snprintf(buf, sizeof buf, "photo:%s", id);
        if (full && !session_open(s, buf, 0)) return;
        s->ui.large_text = size >= N_SIZES;
        for (size_t i = full ? 0 : 1; i < it->n_gallery; i++) {
            if (i > 0) session_apply(s, (Action){.kind = ACT_PICTURE_NEXT}, 0);
            s->dirty = true;
            snprintf(buf, sizeof buf, "%s%s picture %zu", full ? "photo:" : "", id, i + 1);
            collect(k, session_frame(s), buf, lang, size);
        }
    }
}

/* Builds one screen and collects its issues; the quiz is walked question by question. */
static void check_screen(Check *k, Session *s, const char *name, const char *lang, int size)
{
    if (!session_open(s, name, 0)) return;
    s->ui.large_text = size >= N_SIZES;
    s->dirty = true;
    collect(k, session_frame(s), name, lang, size);
    check_gallery(k, s, name, lang, size);
    if (strcmp(name, "result") == 0 && k->b->quiz) check_results(k, s, lang, size);
    if (strcmp(name, "quiz") != 0 || !k->b->quiz) return;
    for (size_t q = 1; q < k->b->quiz->n_questions; q++) {
        session_apply(s, (Action){.kind = ACT_ANSWER, .arg = 0}, 0);
        ui_settle(&s->ui, 0); /* as session_open leaves it: no motion, no highlight */
        s->dirty = true;
        char buf[64];
        snprintf(buf, sizeof buf, "quiz question %zu", q + 1);
        collect(k, session_frame(s), buf, lang, size);
    }
}

static void check_all(Check *k, TextMeasure m)
{
    const Bundle *b = k->b;
    static const char *const fixed[] = {"home", "attract", "about", "quiz", "result"};
    for (int zz = 0; zz < 2 * N_SIZES; zz++) /* each size with normal, then larger text */
        for (size_t l = 0; l < b->n_languages; l++) {
            int z = zz % N_SIZES;
            Session s;
            if (!session_init(&s, b, m, (float)SIZES[z].w, (float)SIZES[z].h, 0)) return;
            s.ui.lang = l;
            s.list->widths_only = true; /* read for its issues, never drawn */
            for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
                if (b->quiz || (fixed[i][0] != 'q' && fixed[i][0] != 'r'))
                    check_screen(k, &s, fixed[i], b->languages[l], zz);
            for (size_t c = 0; c < b->n_collections; c++) {
                const Collection *col = &b->collections[c];
                check_screen(k, &s, col->id, b->languages[l], zz);
                for (size_t i = 0; i < col->n_items; i++)
                    check_screen(k, &s, col->items[i].id, b->languages[l], zz);
            }
            session_free(&s);
        }
}

/* Warnings in file, line, column order; interface texts (no position) last. */
static int by_position(const void *pa, const void *pb)
{
    const TextOrigin *a = ((const Found *)pa)->at, *b = ((const Found *)pb)->at;
    if (!a || !b) return (a == NULL) - (b == NULL);
    int c = strcmp(a->file, b->file);
    if (c) return c;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    return (a->col > b->col) - (a->col < b->col);
}

static void print_found(const Check *k, const Found *f, FILE *err)
{
    const TextOrigin *o = f->at;
    char where[512];
    if (o) snprintf(where, sizeof where, "%s:%d:%d", o->file, o->line, o->col);
    else snprintf(where, sizeof where, "%s (interface text)", k->b->dir);
    char sizes[320] = "";
    for (int zz = 0; zz < 2 * N_SIZES; zz++)
        if (f->sizes & (1u << zz)) {
            size_t used = strlen(sizes);
            int z = zz % N_SIZES;
            snprintf(sizes + used, sizeof sizes - used, "%s%dx%d%s", used ? ", " : "", SIZES[z].w,
                     SIZES[z].h, zz >= N_SIZES ? " with larger text (A+)" : "");
        }
    char text[96];
    size_t n = strlen(f->text) < sizeof text - 4 ? strlen(f->text) : sizeof text - 4;
    while (n > 0 && ((unsigned char)f->text[n] & 0xC0) == 0x80) n--; /* whole characters */
    snprintf(text, sizeof text, "%.*s%s", (int)n, f->text, n < strlen(f->text) ? "\xE2\x80\xA6" : "");
    for (char *p = text; *p; p++) if (*p == '\n') *p = ' ';
    bool short_ok = strstr(f->what, "title") &&
                    (strstr(f->what, "tile") || strstr(f->what, "card") || strstr(f->what, "list"));
    if (f->kind == DL_ISSUE_TOO_WIDE)
        fprintf(err, "%s: warning: %s \"%s\" does not fit its column on the %s screen (%s) at "
                "%s: the table's columns do not fit side by side, even with smaller text, so %s%s%s "
                "is broken; shorten it, or give the table fewer columns\n", where, f->what, text,
                f->screen, f->lang, sizes, strcmp(f->text, f->shown) ? "its word \"" : "it",
                strcmp(f->text, f->shown) ? f->shown : "", strcmp(f->text, f->shown) ? "\"" : "");
    else if (f->kind == DL_ISSUE_CUT)
        fprintf(err, "%s: warning: %s \"%s\" is cut to \"%s\" on the %s screen (%s) at %s; "
                "shorten it%s\n", where, f->what, text, f->shown, f->screen, f->lang, sizes,
                short_ok ? " or add short_title" : "");
    else
        fprintf(err, "%s: warning: %s \"%s\" breaks inside a word where no hyphenation "
                "dictionary allows it, on the %s screen (%s) at %s; add a soft hyphen "
                "(U+00AD) or shorten it\n", where, f->what, text, f->screen, f->lang, sizes);
}

static void print_at(const Bundle *b, const char *text, FILE *err)
{
    const TextOrigin *o = text ? bundle_text_origin(b, text) : NULL;
    if (o) fprintf(err, "%s:%d:%d: warning: ", o->file, o->line, o->col);
    else fprintf(err, "%s/bundle.yaml: warning: ", b->dir);
}

/* Every character of every text of the bundle, against the theme's font and the installed
 * fallback fonts, glyph by glyph. One warning per text (its first character nothing draws). */
static size_t check_glyphs(const Bundle *b, Fonts *fonts, FILE *err)
{
    size_t warnings = 0;
    for (size_t i = 0; i < b->n_origins; i++) {
        const TextOrigin *o = &b->origins[i];
        long cp = textrun_missing(fonts, FONT_REGULAR, o->text, o->len);
        if (cp == 0) cp = textrun_missing(fonts, FONT_BOLD, o->text, o->len);
        if (cp <= 0) continue;
        fprintf(err, "%s:%d:%d: warning: no installed font has the character U+%04lX; it would "
                "show as a box (install a font that has it, e.g. from fonts-noto-core, or put one "
                "in the bundle's fonts/ folder)\n", o->file, o->line, o->col, cp);
        warnings++;
    }
    return warnings;
}

static bool hyphenated_script(const char *lang)
{
    static const char *const none[] = {"ar", "he", "fa", "ur", "yi", "zh", "ja", "ko", "th"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (strncmp(lang, none[i], 2) == 0 && (lang[2] == '\0' || lang[2] == '-')) return false;
    return true;
}

size_t layout_check(const Bundle *b, FILE *err)
{
    size_t warnings = 0;
    for (size_t l = 0; l < b->n_languages; l++)
        if (hyphenated_script(b->languages[l]) && !hyphen_installed(b->languages[l])) {
            fprintf(err, "%s/bundle.yaml: warning: no hyphenation dictionary for '%s' is "
                    "installed (looked in %s); long words break only where Unicode allows, or "
                    "are cut (install hyphen-%s if Debian has it)\n",
                    b->dir, b->languages[l], HYPHEN_DIR, b->languages[l]);
            warnings++;
        }
    Fonts *fonts = fonts_create_with(b->theme.font, b->theme.fonts_dir);
    if (fonts && !fonts_found(fonts)) {
        print_at(b, b->theme.font, err);
        fprintf(err, "the theme font '%s' is not installed; DejaVu Sans is used instead (install "
                "it, or put its TTF/OTF files with their licence in the bundle's fonts/ folder)\n",
                b->theme.font);
        warnings++;
    }
    if (fonts) warnings += check_glyphs(b, fonts, err);
    Check k = {b, calloc(FOUND_MAX, sizeof(Found)), 0, 0};
    if (!fonts || !k.found) {
        fprintf(err, "%s: warning: the screens could not be laid out (no fonts)\n", b->dir);
        fonts_destroy(fonts);
        free(k.found);
        return warnings + 1;
    }
    check_all(&k, (TextMeasure){fonts, fonts_measure});
    for (size_t i = 0; i < k.n; i++) k.found[i].at = bundle_text_origin(b, k.found[i].text);
    qsort(k.found, k.n, sizeof *k.found, by_position);
    for (size_t i = 0; i < k.n; i++) print_found(&k, &k.found[i], err);
    warnings += k.n;
    if (k.dropped)
        fprintf(err, "%s: warning: %zu more texts do not fit (not listed)\n", b->dir, k.dropped);
    fonts_destroy(fonts);
    free(k.found);
    return warnings + (k.dropped ? 1 : 0);
}
