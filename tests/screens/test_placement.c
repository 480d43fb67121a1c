/* test_placement.c: where things sit on the screen (issue 12, "portrait and placement").
 *
 * On the default bundle and on tests/good/dark (dark theme, no pictures, German and Arabic),
 * in every language, at 1280x720, 1920x1080, 3840x2160 and 1080x1920, real fonts:
 *   - every item with links shows its QR code(s) whole, above the bottom bar, at scroll 0,
 *     and they stay put when the text scrolls (not in the scrolling part), with A+ too;
 *   - each caption names the site ("Scan: kiesmbo.nl");
 *   - no empty band taller than a quarter of the screen on collection and item screens
 *     (collections of at least FEW_ITEMS items);
 *   - in portrait, a collection's chips (every control but the cards) lie in the lower two
 *     thirds, whichever filter is chosen;
 *   - an item without a picture gets no picture panel and no monogram;
 *   - a dark theme gets a dark picture panel by default. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bands.h"
#include "bundle/bundle.h"
#include "check.h"
#include "core/color.h"
#include "platform/canvas.h"
#include "ui/session.h"

static const int SIZES[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
enum { N_SIZES = sizeof SIZES / sizeof SIZES[0], FEW_ITEMS = 3 };
static const char *assets = "assets";
static float worst_band;           /* the tallest empty band seen, as a share of the height */
static char worst_where[200];

typedef struct Rig {
    Canvas *canvas; /* fonts only */
    Session s;
} Rig;

/* A session on `b` at size z in language l, showing `screen`. */
static bool rig_open(Rig *r, const Bundle *b, int z, size_t l, const char *screen)
{
    r->canvas = canvas_create(64, 64, &b->theme, assets, 8 << 20);
    if (!r->canvas) return false;
    bool ok = session_init(&r->s, b, canvas_measure(r->canvas), (float)SIZES[z][0],
                           (float)SIZES[z][1], 0);
    if (!ok) {
        canvas_destroy(r->canvas);
        return false;
    }
    r->s.ui.lang = l;
    return session_open(&r->s, screen, 0);
}

static void rig_close(Rig *r)
{
    session_free(&r->s);
    canvas_destroy(r->canvas);
}

static Bundle *load(const char *dir)
{
    return bundle_load_reporting(dir, stderr);
}

static float bar_top(int z)
{
    float w = (float)SIZES[z][0], h = (float)SIZES[z][1];
    return h - 136 * fminf(w, h) / 1080.0f;
}

/* The QR codes of the list, in order; returns how many (at most max). */
static size_t qr_codes(const DisplayList *d, Rect *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_cmds && n < max; i++)
        if (d->cmds[i].kind == DL_QR) {
            Rect v = band_visible(d, i), r = d->cmds[i].r;
            /* a code cut by a clip counts as its visible part, which fails the checks below */
            out[n++] = (v.w < r.w - 0.5f || v.h < r.h - 0.5f) ? v : r;
        }
    return n;
}

/* The text of the list's lines, joined, without the invisible marks the view adds to let a
 * host name break after a dot (U+200B, U+200E). */
static bool shows_text(const DisplayList *d, const char *want)
{
    for (size_t i = 0; i < d->n_cmds; i++) {
        const DlCmd *c = &d->cmds[i];
        if (c->kind != DL_TEXT) continue;
        char line[256];
        size_t n = 0;
        for (size_t k = 0; k < c->len && n + 1 < sizeof line; k++) {
            if (k + 2 < c->len && !memcmp(c->text + k, "\xE2\x80", 2) &&
                ((unsigned char)c->text[k + 2] == 0x8B || (unsigned char)c->text[k + 2] == 0x8E)) {
                k += 2;
                continue;
            }
            line[n++] = c->text[k];
        }
        line[n] = '\0';
        if (strstr(line, want)) return true;
    }
    return false;
}

static void check_item_qr(const Bundle *b, const Item *it, int z, size_t l, bool large)
{
    Rig r;
    if (!rig_open(&r, b, z, l, it->id)) {
        CHECK(false);
        return;
    }
    r.s.ui.large_text = large;
    r.s.dirty = true;
    char where[160];
    snprintf(where, sizeof where, "%s (%s%s) at %dx%d", it->id, b->languages[l],
             large ? ", A+" : "", SIZES[z][0], SIZES[z][1]);
    const DisplayList *d = session_frame(&r.s);
    Rect at0[4], at1[4];
    size_t want = it->n_links < 2 ? it->n_links : 2, n0 = qr_codes(d, at0, 4);
    if (n0 < want) fprintf(stderr, "%s: %zu QR codes shown, %zu expected\n", where, n0, want);
    CHECK(n0 >= want);
    float w = (float)SIZES[z][0], top = bar_top(z);
    for (size_t i = 0; i < n0 && i < want; i++) {
        bool ok = at0[i].x >= 0 && at0[i].y >= 0 && at0[i].x + at0[i].w <= w &&
                  at0[i].y + at0[i].h <= top;
        if (!ok)
            fprintf(stderr, "%s: QR code %zu at %.0f,%.0f %.0fx%.0f is not whole above the bar "
                    "(top %.0f)\n", where, i, at0[i].x, at0[i].y, at0[i].w, at0[i].h, top);
        CHECK(ok);
    }
    /* scrolled to the end, the fixed codes are where they were */
    ui_top(&r.s.ui)->scroll = fmaxf(0, r.s.info.scroll_content - r.s.info.scroll_viewport);
    r.s.dirty = true;
    d = session_frame(&r.s);
    size_t n1 = qr_codes(d, at1, 4);
    CHECK(n1 >= want);
    for (size_t i = 0; i < want && i < n1 && i < n0; i++) {
        bool still = fabsf(at0[i].y - at1[i].y) < 0.5f && fabsf(at0[i].x - at1[i].x) < 0.5f;
        if (!still) fprintf(stderr, "%s: QR code %zu moves with the scroll\n", where, i);
        CHECK(still);
    }
    rig_close(&r);
}

static void test_qr_visible_without_scrolling(void)
{
    Bundle *bundles[2] = {load("content/techniekpact"), load("tests/good/dark")};
    size_t items = 0;
    for (int k = 0; k < 2; k++) {
        const Bundle *b = bundles[k];
        CHECK(b != NULL);
        if (!b) continue;
        for (size_t c = 0; c < b->n_collections; c++)
            for (size_t i = 0; i < b->collections[c].n_items; i++) {
                const Item *it = &b->collections[c].items[i];
                if (it->n_links == 0) continue;
                items++;
                for (int z = 0; z < N_SIZES; z++)
                    for (size_t l = 0; l < b->n_languages; l++)
                        for (int large = 0; large < 2; large++) check_item_qr(b, it, z, l, large);
            }
    }
    fprintf(stderr, "QR codes checked on %zu items with links\n", items);
    CHECK(items > 10);
    for (int k = 0; k < 2; k++) bundle_free(bundles[k]);
}

static void test_captions_name_the_site(void)
{
    Bundle *b = load("content/techniekpact");
    CHECK(b != NULL);
    if (!b) return;
    Rig r;
    CHECK(rig_open(&r, b, 3, 0, "career-software-developer"));
    const DisplayList *d = session_frame(&r.s);
    CHECK(shows_text(d, "Scan: kiesmbo.nl"));
    CHECK(shows_text(d, "Scan: studiekeuze123.nl"));
    CHECK(shows_text(d, "Mbo-opleiding zoeken (Kies mbo)")); /* the link's own caption too */
    rig_close(&r);
    bundle_free(b);
    b = load("tests/good/dark");
    CHECK(b != NULL);
    if (!b) return;
    CHECK(rig_open(&r, b, 1, 0, "netz"));
    /* no scheme, no www., no port, no path */
    CHECK(shows_text(session_frame(&r.s), "example.com"));
    CHECK(!shows_text(session_frame(&r.s), "8080"));
    CHECK(!shows_text(session_frame(&r.s), "www."));
    rig_close(&r);
    bundle_free(b);
}

static void check_bands(const Bundle *b, const char *screen, int z, size_t l)
{
    Rig r;
    if (!rig_open(&r, b, z, l, screen)) {
        CHECK(false);
        return;
    }
    float w = (float)SIZES[z][0], h = (float)SIZES[z][1], u = fminf(w, h) / 1080.0f, at;
    float band = band_largest_empty(session_frame(&r.s), 0, bar_top(z), 16 * u, &at);
    char where[200];
    snprintf(where, sizeof where, "%s (%s) at %dx%d: %.0f px at y %.0f", screen,
             b->languages[l], SIZES[z][0], SIZES[z][1], band, at);
    if (band / h > worst_band) {
        worst_band = band / h;
        snprintf(worst_where, sizeof worst_where, "%s", where);
    }
    if (band > 0.25f * h) fprintf(stderr, "%s: empty band of %.0f%% of the height\n", where, 100 * band / h);
    CHECK(band <= 0.25f * h);
    rig_close(&r);
}

static void test_no_empty_bands(void)
{
    const char *dirs[] = {"content/techniekpact", "tests/good/dark"};
    for (int k = 0; k < 2; k++) {
        Bundle *b = load(dirs[k]);
        CHECK(b != NULL);
        if (!b) continue;
        for (int z = 0; z < N_SIZES; z++)
            for (size_t l = 0; l < b->n_languages; l++)
                for (size_t c = 0; c < b->n_collections; c++) {
                    const Collection *col = &b->collections[c];
                    /* One or two items cannot fill a portrait screen without distorting
                     * their cards (they grow, up to twice, and stop there): not checked. */
                    if (col->n_items >= FEW_ITEMS) check_bands(b, col->id, z, l);
                    else if (z == 0 && l == 0)
                        fprintf(stderr, "note: %s has %zu items; its bands are not checked\n",
                                col->id, col->n_items);
                    for (size_t i = 0; i < col->n_items; i++) check_bands(b, col->items[i].id, z, l);
                }
        /* The screens of their own: home, the quiz and its result, about. */
        static const char *const own[] = {"home", "quiz", "result", "about"};
        for (int z = 0; z < N_SIZES; z++)
            for (size_t l = 0; l < b->n_languages; l++)
                for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
                    /* about is a page of credits and sources: with as little as the dark
                     * test bundle has, it is a short page, not a layout fault */
                    if ((b->quiz || own[i][0] == 'h') && (k == 0 || own[i][0] != 'a'))
                        check_bands(b, own[i], z, l);
        bundle_free(b);
    }
    fprintf(stderr, "tallest empty band: %.1f%% of the height (%s)\n", 100 * worst_band, worst_where);
}

/* Every hit area but the cards (ACT_ITEM) in the lower two thirds, for every filter. */
static void check_controls_low(const Bundle *b, const Collection *col, size_t l)
{
    for (int f = -1; f < (int)col->n_categories; f++) {
        Rig r;
        if (!rig_open(&r, b, 3, l, col->id)) {
            CHECK(false);
            return;
        }
        ui_top(&r.s.ui)->filter = f;
        r.s.dirty = true;
        const DisplayList *d = session_frame(&r.s);
        float third = (float)SIZES[3][1] / 3;
        size_t chips = 0;
        for (size_t i = 0; i < d->n_hits; i++) {
            const Hit *hit = &d->hits[i];
            if (hit->action.kind == ACT_ITEM) continue;
            chips += hit->action.kind == ACT_FILTER;
            if (hit->clip.y < third)
                fprintf(stderr, "%s (%s, filter %d) at 1080x1920: control (action %d) at y %.0f, "
                        "above the lower two thirds (%.0f)\n", col->id, b->languages[l], f,
                        hit->action.kind, hit->clip.y, third);
            CHECK(hit->clip.y >= third);
        }
        CHECK_INT(chips, col->n_categories + 1);
        rig_close(&r);
    }
}

static void test_controls_low_in_portrait(void)
{
    const char *dirs[] = {"content/techniekpact", "tests/good/dark"};
    size_t checked = 0;
    for (int k = 0; k < 2; k++) {
        Bundle *b = load(dirs[k]);
        CHECK(b != NULL);
        if (!b) continue;
        for (size_t c = 0; c < b->n_collections; c++)
            if (b->collections[c].n_categories && b->collections[c].layout != LAYOUT_MAP)
                for (size_t l = 0; l < b->n_languages; l++, checked++)
                    check_controls_low(b, &b->collections[c], l);
        bundle_free(b);
    }
    CHECK(checked >= 4); /* careers (nl, en), berufe (de, ar) */
}

/* The quiz in portrait: every answer and every button of the result (its cards aside) in the
 * lower two thirds, in both languages. */
static void test_quiz_controls_low_in_portrait(void)
{
    Bundle *b = load("content/techniekpact");
    CHECK(b != NULL);
    if (!b || !b->quiz) return;
    size_t checked = 0;
    for (size_t l = 0; l < b->n_languages; l++)
        for (int result = 0; result < 2; result++) {
            Rig r;
            if (!rig_open(&r, b, 3, l, result ? "result" : "quiz")) {
                CHECK(false);
                continue;
            }
            int64_t t = 0;
            for (size_t q = 0; q < (result ? 1 : b->quiz->n_questions); q++) {
                session_tick(&r.s, t += 1000); /* settled: no highlight, no entry motion */
                r.s.dirty = true;
                const DisplayList *d = session_frame(&r.s);
                float third = (float)SIZES[3][1] / 3;
                for (size_t i = 0; i < d->n_hits; i++) {
                    const Hit *hit = &d->hits[i];
                    if (hit->action.kind == ACT_ITEM) continue;
                    checked++;
                    if (hit->clip.y < third)
                        fprintf(stderr, "%s (%s) question %zu at 1080x1920: control (action %d) "
                                "at y %.0f, above the lower two thirds\n", result ? "result" : "quiz",
                                b->languages[l], q + 1, hit->action.kind, hit->clip.y);
                    CHECK(hit->clip.y >= third);
                }
                if (!result) session_apply(&r.s, (Action){.kind = ACT_ANSWER, .arg = 0}, t);
            }
            rig_close(&r);
        }
    CHECK(checked >= 2 * (8 * 2 + 2)); /* at least two answers a question, two result buttons */
    bundle_free(b);
}

/* tests/good/dark has no pictures: its item pages are text first, no panel, no initial. */
static void test_text_first_without_picture(void)
{
    Bundle *b = load("tests/good/dark");
    CHECK(b != NULL);
    if (!b) return;
    /* no picture_panel in its theme: the default follows the dark surface */
    CHECK(color_contrast(b->theme.picture_panel, 0xFFFFFF) > 10);
    CHECK(color_contrast(b->theme.text, b->theme.picture_panel) >= 4.5);
    for (size_t i = 0; i < b->collections[0].n_items; i++)
        for (int z = 0; z < N_SIZES; z++) {
            Rig r;
            const Item *it = &b->collections[0].items[i];
            CHECK(rig_open(&r, b, z, 0, it->id));
            const DisplayList *d = session_frame(&r.s);
            float u = fminf((float)SIZES[z][0], (float)SIZES[z][1]) / 1080.0f;
            for (size_t k = 0; k < d->n_cmds; k++) {
                const DlCmd *c = &d->cmds[k];
                bool monogram = c->kind == DL_TEXT && c->px > 90 * u;
                if (monogram || c->kind == DL_IMAGE)
                    fprintf(stderr, "%s at %dx%d: a picture or initial (%.*s, %d px)\n", it->id,
                            SIZES[z][0], SIZES[z][1], (int)c->len, c->text ? c->text : "", c->px);
                CHECK(!monogram && c->kind != DL_IMAGE);
            }
            rig_close(&r);
        }
    bundle_free(b);
}

int main(void)
{
    RUN(test_captions_name_the_site);
    RUN(test_qr_visible_without_scrolling);
    RUN(test_no_empty_bands);
    RUN(test_controls_low_in_portrait);
    RUN(test_quiz_controls_low_in_portrait);
    RUN(test_text_first_without_picture);
    return check_summary();
}
