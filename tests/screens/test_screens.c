/* test_screens.c: what a person would see, checked from the display list and the pixels.
 *
 * For every screen of the default bundle, in both languages, at 1280x720, 1920x1080,
 * 3840x2160 and 1080x1920, with normal and with larger text (A+) (real fonts, real layout):
 *   - nothing overflows: no text leaves its box or the screen, none runs into the bottom bar,
 *     the display list never runs out of room;
 *   - every touch target is at least ~9 mm (100 px at 1080p, scaled) and inside the screen;
 *     no two targets overlap;
 *   - every text has at least 4.5:1 contrast with what it is drawn on (WCAG AA);
 *   - every touchable face (card, tile, chip, button) stands out 3:1 from the page by its
 *     colour or its edge (WCAG 1.4.11, non-text contrast).
 * Then golden screenshots: a few screens compared with the PNGs in tests/golden/.
 * Refresh them after an intended change with:  build-test/tests/test_screens --refresh  */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL_image.h>

#include "platform/lockdown.h"
#include "app/options.h"
#include "bundle/bundle.h"
#include "check.h"
#include "core/color.h"
#include "platform/canvas.h"
#include "platform/decoder.h"
#include "ui/schedule.h"
#include "ui/session.h"

static const int SIZES[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
static Bundle *bundle;
static const char *assets = "assets";
static bool refresh;
static int screens_checked, texts_checked, targets_checked;

static uint32_t background_at(const DisplayList *d, size_t before, float x, float y)
{
    for (size_t j = before; j-- > 0;) {
        const DlCmd *c = &d->cmds[j];
        if (c->kind == DL_RECT && c->alpha == 255 && rect_contains(c->r, x, y)) return c->color;
    }
    return 0xFFFFFF;
}

static int edges_checked;

static bool same_rect(Rect a, Rect b)
{
    return fabsf(a.x - b.x) < 1 && fabsf(a.y - b.y) < 1 && fabsf(a.w - b.w) < 1 && fabsf(a.h - b.h) < 1;
}

/* WCAG 1.4.11: a touchable face (a filled rect where a target is) stands out 3:1 from the page,
 * by its fill or by an outline drawn on it. */
static void check_edge(const DisplayList *d, const Hit *hit, const char *where)
{
    uint32_t page = bundle->theme.background;
    for (size_t j = d->n_cmds; j-- > 0;) {
        const DlCmd *c = &d->cmds[j];
        if (c->kind != DL_RECT || c->alpha != 255 || !same_rect(c->r, hit->r)) continue;
        edges_checked++;
        double best = color_contrast(c->color, page);
        for (size_t k = j + 1; k < d->n_cmds; k++)
            if (d->cmds[k].kind == DL_FRAME && same_rect(d->cmds[k].r, hit->r))
                best = fmax(best, color_contrast(d->cmds[k].color, page));
        if (best < 3.0)
            fprintf(stderr, "%s: target at %.0f,%.0f %.0fx%.0f stands out only %.2f:1 from the page\n",
                    where, hit->r.x, hit->r.y, hit->r.w, hit->r.h, best);
        CHECK(best >= 3.0);
        return;
    }
}

static void check_list(const DisplayList *d, float w, float h, const char *what)
{
    screens_checked++;
    char where[200];
    snprintf(where, sizeof where, "%s at %.0fx%.0f", what, w, h);
    if (d->overflow) fprintf(stderr, "%s: display list overflow\n", where);
    CHECK(!d->overflow);
    float u = fminf(w, h) / 1080.0f, bar_top = h - 136 * u;
    Rect screen = {0, 0, w, h};
    for (size_t i = 0; i < d->n_cmds; i++) {
        const DlCmd *c = &d->cmds[i];
        if (c->kind != DL_TEXT) continue;
        texts_checked++;
        bool in_box = c->r.x >= c->box.x - 1 && c->r.x + c->r.w <= c->box.x + c->box.w + 1;
        bool in_screen = c->r.x >= -0.5f && c->r.x + c->r.w <= w + 0.5f &&
                         (c->clipped || (c->r.y >= -0.5f && c->r.y + c->r.h <= h + 0.5f));
        bool above_bar = c->clipped || c->box.y >= bar_top || c->r.y + c->r.h <= bar_top + 1 ||
                         strncmp(what, "attract", 7) == 0 || strncmp(what, "pin", 3) == 0 ||
                         strncmp(what, "admin", 5) == 0; /* screens without the bottom bar */
        bool on_card = c->bound.w <= 0 || rect_inside(c->r, c->bound, 1);
        if (!on_card)
            fprintf(stderr, "%s: text '%.*s' at %.0f,%.0f %.0fx%.0f leaves its card %.0f,%.0f "
                    "%.0fx%.0f\n", where, (int)c->len, c->text, c->r.x, c->r.y, c->r.w, c->r.h,
                    c->bound.x, c->bound.y, c->bound.w, c->bound.h);
        CHECK(on_card);
        if (!in_box || !in_screen || !above_bar)
            fprintf(stderr, "%s: text '%.*s' at %.0f,%.0f %.0fx%.0f leaves its box %.0f..%.0f "
                    "(in_box %d, in_screen %d, above_bar %d)\n", where, (int)c->len, c->text,
                    c->r.x, c->r.y, c->r.w, c->r.h, c->box.x, c->box.x + c->box.w, in_box,
                    in_screen, above_bar);
        CHECK(in_box && in_screen && above_bar);
        uint32_t bg = background_at(d, i, c->r.x + fminf(c->r.w, 4) / 2, c->r.y + c->r.h / 2);
        double contrast = color_contrast(c->color, bg);
        if (contrast < 4.5)
            fprintf(stderr, "%s: text '%.*s' has contrast %.2f:1 (#%06X on #%06X)\n", where,
                    (int)c->len, c->text, contrast, c->color, bg);
        CHECK(contrast >= 4.5);
    }
    float min = view_min_target(w, h);
    for (size_t i = 0; i < d->n_hits; i++) {
        const Hit *a = &d->hits[i];
        targets_checked++;
        bool big = a->r.w >= min - 0.5f && a->r.h >= min - 0.5f;
        bool inside = rect_inside(a->clip, screen, 0.5f);
        if (!big || !inside)
            fprintf(stderr, "%s: target %zu (action %d) is %.0fx%.0f at %.0f,%.0f; minimum %.0f\n",
                    where, i, a->action.kind, a->r.w, a->r.h, a->r.x, a->r.y, min);
        CHECK(big && inside);
        if (!a->poly) check_edge(d, a, where);
        for (size_t j = i + 1; j < d->n_hits; j++) {
            const Hit *b = &d->hits[j];
            if (a->poly || b->poly) continue; /* map shapes: tested by their own polygons */
            Rect ai = rect_intersect(a->clip, b->clip);
            bool overlap = ai.w > 0.5f && ai.h > 0.5f;
            if (overlap)
                fprintf(stderr, "%s: targets %zu and %zu overlap\n", where, i, j);
            CHECK(!overlap);
        }
    }
}

/* Pages with a table (issue 17): the table bundle (right to left too) and the open day's
 * practical pages, at every size, in every language, with and without larger text. */
static void test_tables_every_size(void)
{
    static const struct { const char *dir, *item; } pages[] = {
        {"tests/good/table", "prices"}, {"tests/good/table", "hours"},
        {"content/opendag", "info-open"}, {"content/opendag", "info-eten"},
    };
    int before = screens_checked;
    for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
        Bundle *b = bundle_load_reporting(pages[p].dir, stderr);
        CHECK(b != NULL);
        if (!b) continue;
        Canvas *c = canvas_create(64, 64, &b->theme, assets, 8 << 20); /* fonts only */
        for (size_t si = 0; c && si < sizeof SIZES / sizeof SIZES[0]; si++)
            for (int large = 0; large < 2; large++)
                for (size_t l = 0; l < b->n_languages; l++) {
                    Session s;
                    CHECK(session_init(&s, b, canvas_measure(c), (float)SIZES[si][0],
                                       (float)SIZES[si][1], 0));
                    s.ui.lang = l;
                    CHECK(session_open(&s, pages[p].item, 0));
                    s.ui.large_text = large;
                    s.dirty = true;
                    char what[160];
                    snprintf(what, sizeof what, "%s (%s%s)", pages[p].item, b->languages[l],
                             large ? ", larger text" : "");
                    check_list(session_frame(&s), (float)SIZES[si][0], (float)SIZES[si][1], what);
                    session_free(&s);
                }
        canvas_destroy(c);
        bundle_free(b);
    }
    CHECK_INT(screens_checked - before, 4 * 2 * (3 + 3 + 3 + 3));
}

static void test_every_screen_every_size(void)
{
    size_t n = 7 + bundle->n_collections + bundle->n_items;
    const char **names = calloc(n, sizeof *names);
    size_t k = 0;
    names[k++] = "home";
    names[k++] = "attract";
    names[k++] = "pin";
    names[k++] = "admin";
    names[k++] = "about";
    names[k++] = "quiz";
    names[k++] = "result";
    for (size_t i = 0; i < bundle->n_collections; i++) {
        names[k++] = bundle->collections[i].id;
        for (size_t j = 0; j < bundle->collections[i].n_items; j++)
            names[k++] = bundle->collections[i].items[j].id;
    }
    for (size_t si = 0; si < sizeof SIZES / sizeof SIZES[0]; si++) {
        int w = SIZES[si][0], h = SIZES[si][1];
        Canvas *c = canvas_create(64, 64, &bundle->theme, assets, 8 << 20); /* fonts only */
        CHECK(c != NULL);
        if (!c) break;
        for (int large = 0; large < 2; large++) /* normal text, then larger text ("A+") */
            for (size_t l = 0; l < bundle->n_languages; l++)
                for (size_t i = 0; i < k; i++) {
                    Session s;
                    CHECK(session_init(&s, bundle, canvas_measure(c), (float)w, (float)h, 0));
                    s.ui.lang = l;
                    CHECK(session_open(&s, names[i], 0));
                    s.ui.large_text = large;
                    s.dirty = true;
                    char what[160];
                    snprintf(what, sizeof what, "%s (%s%s)", names[i], bundle->languages[l],
                             large ? ", larger text" : "");
                    check_list(session_frame(&s), (float)w, (float)h, what);
                    session_free(&s);
                }
        canvas_destroy(c);
    }
    free(names);
    fprintf(stderr, "checked %d screens, %d texts, %d touch targets (%d faces for their edge)\n",
            screens_checked, texts_checked, targets_checked, edges_checked);
    CHECK(screens_checked >= 4 * 2 * 2 * 60);
    CHECK(edges_checked >= screens_checked); /* at least the bottom bar's buttons on each */
}

/* The screen an action opens, by name ("" when it stays on this screen). */
static void target_name(const Action *a, char *buf, size_t size)
{
    switch (a->kind) {
    case ACT_COLLECTION: snprintf(buf, size, "%s", a->collection->id); break;
    case ACT_ITEM: snprintf(buf, size, "%s", a->item->id); break;
    case ACT_QUIZ: snprintf(buf, size, "quiz"); break;
    case ACT_ABOUT: snprintf(buf, size, "about"); break;
    default: buf[0] = '\0'; break;
    }
}

/* Every screen is reachable from home in three taps or fewer, and none is a dead end. */
static void test_three_taps_and_no_dead_ends(void)
{
    enum { MAX = 512 };
    char *seen[MAX];
    int depth_of[MAX], n = 0;
    seen[n] = strdup("home");
    depth_of[n++] = 0;
    Canvas *c = canvas_create(64, 64, &bundle->theme, assets, 8 << 20);
    CHECK(c != NULL);
    if (!c) return;
    for (int i = 0; i < n; i++) {
        Session s;
        session_init(&s, bundle, canvas_measure(c), 1920, 1080, 0);
        CHECK(session_open(&s, seen[i], 0));
        const DisplayList *d = session_frame(&s);
        bool back = false, home = false;
        for (size_t h = 0; h < d->n_hits; h++) {
            back |= d->hits[h].action.kind == ACT_BACK;
            home |= d->hits[h].action.kind == ACT_HOME;
            char name[128];
            target_name(&d->hits[h].action, name, sizeof name);
            if (!name[0] || depth_of[i] >= 3) continue;
            bool known = false;
            for (int k = 0; k < n; k++) known |= strcmp(seen[k], name) == 0;
            if (!known && n < MAX) {
                seen[n] = strdup(name);
                depth_of[n++] = depth_of[i] + 1;
            }
        }
        /* Scrolling is not a tap: every item of a collection is one tap from it. */
        const Collection *col = bundle_find_collection(bundle, seen[i]);
        for (size_t k2 = 0; col && depth_of[i] < 3 && k2 < col->n_items; k2++) {
            bool known = false;
            for (int k = 0; k < n; k++) known |= strcmp(seen[k], col->items[k2].id) == 0;
            if (!known && n < MAX) {
                seen[n] = strdup(col->items[k2].id);
                depth_of[n++] = depth_of[i] + 1;
            }
        }
        if (i > 0 && !(back && home)) fprintf(stderr, "%s: no way back or home\n", seen[i]);
        if (i > 0) CHECK(back && home);
        session_free(&s);
    }
    canvas_destroy(c);
    /* Every collection and item, the quiz and the about screen must have been reached. */
    size_t want = bundle->n_collections + bundle->n_items + 3; /* + home, quiz, about */
    for (size_t ci = 0; ci < bundle->n_collections; ci++)
        for (size_t ii = 0; ii <= bundle->collections[ci].n_items; ii++) {
            const char *id = ii == 0 ? bundle->collections[ci].id
                                     : bundle->collections[ci].items[ii - 1].id;
            bool found = false;
            for (int k = 0; k < n; k++) found |= strcmp(seen[k], id) == 0;
            if (!found) fprintf(stderr, "%s is more than three taps from home\n", id);
            CHECK(found);
        }
    CHECK_INT((size_t)n, want);
    for (int k = 0; k < n; k++) free(seen[k]);
}

/* Mean absolute channel difference, and the share of pixels off by more than 48. */
static void compare(const unsigned *a, const SDL_Surface *b, int w, int h, double *mean,
                    double *bad)
{
    double sum = 0;
    long off = 0;
    for (int y = 0; y < h; y++) {
        const unsigned *row = (const unsigned *)((const char *)b->pixels + (size_t)y * (size_t)b->pitch);
        for (int x = 0; x < w; x++) {
            unsigned p = a[(size_t)y * (size_t)w + x], q = row[x];
            int worst = 0;
            for (int sh = 0; sh < 24; sh += 8) {
                int d = abs((int)(p >> sh & 0xFF) - (int)(q >> sh & 0xFF));
                sum += d;
                if (d > worst) worst = d;
            }
            if (worst > 48) off++;
        }
    }
    *mean = sum / ((double)w * h * 3);
    *bad = (double)off / ((double)w * h);
}

static char diff_dir[4096]; /* where a differing screen is saved: the test program's folder */

/* `prefix` names the bundle in the golden's file name ("" for the default bundle); wall_s is
 * the wall clock timetables show (0: none set). */
static void golden_of(const Bundle *b, const char *prefix, const char *screen, int w, int h,
                      int64_t wall_s)
{
    char path[256];
    snprintf(path, sizeof path, "tests/golden/%s%s-%dx%d.png", prefix, screen, w, h);
    Canvas *c = canvas_create(w, h, &b->theme, assets, 64 << 20);
    CHECK(c != NULL);
    if (!c) return;
    Session s;
    session_init(&s, b, canvas_measure(c), (float)w, (float)h, 0);
    if (wall_s) session_set_wall_clock(&s, wall_s * 1000, 0);
    CHECK(session_open(&s, screen, 0));
    canvas_draw(c, session_frame(&s));
    if (refresh) {
        CHECK(canvas_save_png(c, path));
        fprintf(stderr, "wrote %s\n", path);
    } else {
        SDL_Surface *raw = IMG_Load(path);
        if (!raw) fprintf(stderr, "%s: missing golden (run build-test/tests/test_screens --refresh)\n", path);
        CHECK(raw != NULL);
        SDL_Surface *want = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
        if (raw) SDL_FreeSurface(raw);
        if (want) {
            CHECK_INT(want->w, w);
            CHECK_INT(want->h, h);
            if (want->w == w && want->h == h) {
                int cw, ch;
                const unsigned *px = canvas_pixels(c, &cw, &ch);
                double mean, bad;
                compare(px, want, w, h, &mean, &bad);
                if (mean > 0.5 || bad > 0.003) {
                    char got[4400];
                    /* Beside the test program, in the build tree: tests never write into the
                     * source tree. */
                    snprintf(got, sizeof got, "%s/golden-diff-%s-%dx%d.png", diff_dir, screen, w, h);
                    canvas_save_png(c, got);
                    fprintf(stderr, "%s: differs (mean %.3f, %.3f%% of pixels); got %s\n", path,
                            mean, bad * 100, got);
                }
                CHECK(mean <= 0.5);
                CHECK(bad <= 0.003);
            }
            SDL_FreeSurface(want);
        }
    }
    session_free(&s);
    canvas_destroy(c);
}

static void golden(const char *screen, int w, int h)
{
    golden_of(bundle, "", screen, w, h, 0);
}

/* The open-day example (issue 17): its timetable at 11:05 on the day, in Amsterdam time, and
 * an item with a gallery. */
static void test_golden_open_day(void)
{
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    int64_t wall = 0;
    CHECK(schedule_parse_local("2027-03-13 11:05", &wall));
    Bundle *od = bundle_load_reporting("content/opendag", stderr);
    CHECK(od != NULL);
    if (!od) return;
    static const char *const screens[] = {"home", "programme", "s-robotarm", "info-eten",
                                          "area-mechatronica", "plan"};
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        golden_of(od, "opendag-", screens[i], 1920, 1080, wall);
        golden_of(od, "opendag-", screens[i], 1080, 1920, wall);
    }
    bundle_free(od);
}

static void test_golden_screenshots(void)
{
    static const char *const screens[] = {"home", "goals", "goal-7", "regions", "quiz",
                                          "result", "andre-kuipers"};
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        golden(screens[i], 1920, 1080);
        golden(screens[i], 1080, 1920);
    }
}

/* A golden comparison must be able to fail: a changed screen is caught. */
static void test_golden_detects_change(void)
{
    Canvas *c = canvas_create(1920, 1080, &bundle->theme, assets, 64 << 20);
    SDL_Surface *raw = IMG_Load("tests/golden/home-1920x1080.png");
    CHECK(c && raw);
    if (!c || !raw) {
        canvas_destroy(c);
        if (raw) SDL_FreeSurface(raw);
        return;
    }
    SDL_Surface *want = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    Session s;
    session_init(&s, bundle, canvas_measure(c), 1920, 1080, 0);
    session_open(&s, "home", 0);
    session_apply(&s, (Action){.kind = ACT_LANGUAGE}, 0); /* English instead of Dutch */
    canvas_draw(c, session_frame(&s));
    int w, h;
    double mean, bad;
    compare(canvas_pixels(c, &w, &h), want, 1920, 1080, &mean, &bad);
    CHECK(bad > 0.003);
    session_free(&s);
    SDL_FreeSurface(want);
    SDL_FreeSurface(raw);
    canvas_destroy(c);
}

/* The window draws exactly what --render draws: the same drawer, the same pixels. */
static const char *kiosk_binary;

static void test_window_matches_headless(void)
{
    if (!kiosk_binary) return;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "SDL_VIDEODRIVER=dummy %s --windowed 1280x720 --window-shot "
             "build-window-shot.png content/techniekpact 2>/dev/null", kiosk_binary);
    CHECK_INT(system(cmd), 0);
    SDL_Surface *raw = IMG_Load("build-window-shot.png");
    CHECK(raw != NULL);
    if (!raw) return;
    SDL_Surface *got = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    Canvas *c = canvas_create(1280, 720, &bundle->theme, assets, 64 << 20);
    Session s;
    session_init(&s, bundle, canvas_measure(c), 1280, 720, 0);
    session_open(&s, "home", 0);
    canvas_draw(c, session_frame(&s));
    int w, h;
    double mean, bad;
    CHECK_INT(got->w, 1280);
    CHECK_INT(got->h, 720);
    if (got->w == 1280 && got->h == 720) {
        compare(canvas_pixels(c, &w, &h), got, 1280, 720, &mean, &bad);
        if (bad > 0.001) fprintf(stderr, "window differs from --render: mean %.3f, %.3f%% pixels\n", mean, bad * 100);
        CHECK(bad <= 0.001);
    }
    session_free(&s);
    canvas_destroy(c);
    SDL_FreeSurface(got);
    SDL_FreeSurface(raw);
    remove("build-window-shot.png");
}

/* In fullscreen every way out is ignored; ordinary keys are not. */
static void test_exit_shortcuts_are_refused(void)
{
    CHECK(lockdown_is_exit_shortcut(SDLK_ESCAPE, 0));
    CHECK(lockdown_is_exit_shortcut(SDLK_F4, KMOD_LALT));
    CHECK(lockdown_is_exit_shortcut(SDLK_q, KMOD_LCTRL));
    CHECK(lockdown_is_exit_shortcut(SDLK_w, KMOD_RCTRL));
    CHECK(lockdown_is_exit_shortcut(SDLK_q, KMOD_LGUI));
    CHECK(lockdown_is_exit_shortcut(SDLK_BACKSPACE, KMOD_LCTRL | KMOD_LALT));
    CHECK(!lockdown_is_exit_shortcut(SDLK_F4, 0));
    CHECK(!lockdown_is_exit_shortcut(SDLK_q, 0));
    CHECK(!lockdown_is_exit_shortcut(SDLK_BACKSPACE, 0)); /* Backspace means "back" */
    CHECK(!lockdown_is_exit_shortcut(SDLK_TAB, KMOD_LALT));
}

/* Every picture of the default bundle exists and draws something (not an empty picture). */
static void test_every_image_renders(void)
{
    CHECK(bundle->n_images >= 30);
    for (size_t i = 0; i < bundle->n_images; i++) {
        const Image *img = bundle->images[i];
        SDL_Surface *raw = decoder_decode(img->path, img->type == IMAGE_SVG, 256, 256);
        if (!raw) fprintf(stderr, "%s does not decode: %s\n", img->rel, IMG_GetError());
        CHECK(raw != NULL);
        if (!raw) continue;
        SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
        long opaque = 0;
        for (int y = 0; y < s->h; y++)
            for (int x = 0; x < s->w; x++)
                opaque += (((const unsigned *)((const char *)s->pixels + (size_t)y * (size_t)s->pitch))[x] >> 24) > 128;
        double share = (double)opaque / ((double)s->w * s->h);
        if (share < 0.02) fprintf(stderr, "%s draws almost nothing (%.1f%% of pixels)\n", img->rel, share * 100);
        CHECK(share >= 0.02);
        CHECK(s->w >= 128 || s->h >= 128); /* rasterised at the size asked, not a thumbnail */
        SDL_FreeSurface(s);
        SDL_FreeSurface(raw);
    }
}

/* A picture that passes the header check but is damaged draws a placeholder: no crash. */
static void test_broken_picture_shows_placeholder(void)
{
    char dir[] = "/tmp/kiosk-brokenpic-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[300];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "format: 1\nmeta: {id: t, title: T, version: '1', languages: [nl], default_language: nl}\n"
               "home:\n  tiles: [{target: c}]\ncollections:\n  - id: c\n    title: C\n    items:\n"
               "      - {id: a, title: A, image: broken.png}\n");
    fclose(f);
    snprintf(path, sizeof path, "%s/broken.png", dir);
    f = fopen(path, "wb");
    static const unsigned char head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                         'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0,
                                         0x5c, 0x72, 0xa8, 0x66, /* the header's CRC is right */
                                         0, 0, 0, 9, 'I', 'D', 'A', 'T', 1, 2};
    fwrite(head, 1, sizeof head, f);
    fclose(f);
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    CHECK(b != NULL); /* the header is fine: the checker accepts it */
    if (b) {
        Canvas *c = canvas_create(640, 360, &b->theme, assets, 8 << 20);
        Session s;
        session_init(&s, b, canvas_measure(c), 640, 360, 0);
        session_open(&s, "a", 0);
        canvas_draw(c, session_frame(&s));
        canvas_draw(c, session_frame(&s));
        CHECK(drawer_stats(canvas_drawer(c)).decode_failures >= 1);
        session_free(&s);
        canvas_destroy(c);
        bundle_free(b);
    }
    diags_free(&d);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
}

/* A kept bundle whose folder is deleted still draws its pictures: the files it checked are
 * held open (they used to become placeholders unless already decoded). */
static void test_deleted_bundle_keeps_its_pictures(void)
{
    char dir[] = "/tmp/kiosk-deleted-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "cp -r tests/good/mini/. %s/", dir);
    CHECK_INT(system(cmd), 0);
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    CHECK(b != NULL);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    if (b) {
        CHECK(b->n_images == 1 && b->images[0]->kept != NULL);
        Canvas *c = canvas_create(640, 360, &b->theme, assets, 8 << 20);
        Session s;
        session_init(&s, b, canvas_measure(c), 640, 360, 0);
        session_open(&s, "robot", 0);
        canvas_draw(c, session_frame(&s));
        canvas_draw(c, session_frame(&s));
        CHECK_INT(drawer_stats(canvas_drawer(c)).decode_failures, 0);
        CHECK(drawer_stats(canvas_drawer(c)).decodes >= 1);
        session_free(&s);
        canvas_destroy(c);
        bundle_free(b);
    }
    diags_free(&d);
}

/* Pictures decoded on the worker: the frame does not wait (a picture on its way is simply not
 * there yet), the worker says when it is ready, and the next frame equals a synchronous one. */
static SDL_atomic_t decoded_count;
static void count_decoded(void *ctx)
{
    (void)ctx;
    SDL_AtomicAdd(&decoded_count, 1);
}

static void test_async_decoding(void)
{
    Canvas *sync = canvas_create(1280, 720, &bundle->theme, assets, 64 << 20);
    Canvas *async = canvas_create(1280, 720, &bundle->theme, assets, 64 << 20);
    CHECK(sync && async);
    if (!sync || !async) return;
    drawer_set_async(canvas_drawer(async), count_decoded, NULL, 0); /* no time for decoding */
    /* many frames: kept cards would come in, whose pictures may land a pixel apart (see
     * test_retained); this test is about decoding */
    drawer_set_retain(canvas_drawer(async), false);
    Session s;
    session_init(&s, bundle, canvas_measure(async), 1280, 720, 0);
    session_open(&s, "home", 0);
    /* the kiosk's first frame has everything (there is nothing before it to show meanwhile);
     * after it, pictures above an icon's size go to the worker */
    canvas_draw(async, session_frame(&s));
    CHECK(!drawer_pending(canvas_drawer(async)));
    session_open(&s, "careers", 0);
    canvas_draw(async, session_frame(&s)); /* new pictures: requested, not waited for */
    CHECK(drawer_pending(canvas_drawer(async)));
    size_t before = drawer_stats(canvas_drawer(async)).decodes;
    for (int i = 0; i < 500 && SDL_AtomicGet(&decoded_count) < 1; i++) SDL_Delay(10);
    CHECK(SDL_AtomicGet(&decoded_count) >= 1);
    /* frames as the window draws them when told, until one has everything: each makes new
     * textures for a while only, and asks for the next frame when it left texts out */
    for (int i = 0; i < 400; i++) {
        int told = SDL_AtomicGet(&decoded_count);
        canvas_draw(async, session_frame(&s));
        if (!drawer_pending(canvas_drawer(async))) break;
        for (int k = 0; k < 200 && SDL_AtomicGet(&decoded_count) == told; k++) SDL_Delay(5);
    }
    CHECK(!drawer_pending(canvas_drawer(async)));
    CHECK(drawer_stats(canvas_drawer(async)).decodes > before);
    Session t;
    session_init(&t, bundle, canvas_measure(sync), 1280, 720, 0);
    session_open(&t, "careers", 0);
    canvas_draw(sync, session_frame(&t));
    int w, h;
    const unsigned *a = canvas_pixels(async, &w, &h), *b = canvas_pixels(sync, &w, &h);
    long off = 0;
    for (long i = 0; i < (long)w * h; i++) off += a[i] != b[i];
    if (off) fprintf(stderr, "async frame differs from sync in %ld pixels\n", off);
    CHECK(off == 0);
    session_free(&s);
    session_free(&t);
    canvas_destroy(async);
    canvas_destroy(sync);
}

/* --rotate 90: the window shows the portrait screen turned clockwise, pixel for pixel. */
static void test_window_rotated(void)
{
    if (!kiosk_binary) return;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "SDL_VIDEODRIVER=dummy %s --windowed 1280x720 --rotate 90 "
             "--window-shot build-window-rot.png content/techniekpact 2>/dev/null", kiosk_binary);
    CHECK_INT(system(cmd), 0);
    SDL_Surface *raw = IMG_Load("build-window-rot.png");
    CHECK(raw != NULL);
    if (!raw) return;
    SDL_Surface *got = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    Canvas *c = canvas_create(720, 1280, &bundle->theme, assets, 64 << 20);
    Session s;
    session_init(&s, bundle, canvas_measure(c), 720, 1280, 0);
    session_open(&s, "home", 0);
    canvas_draw(c, session_frame(&s));
    int lw, lh;
    const unsigned *logical = canvas_pixels(c, &lw, &lh);
    long off = 0;
    for (int y = 0; y < 720; y++)
        for (int x = 0; x < 1280; x++) {
            float lx, ly;
            rotate_to_logical(90, 1280, 720, (float)x + 0.5f, (float)y + 0.5f, &lx, &ly);
            unsigned want = logical[(int)ly * lw + (int)lx];
            unsigned have = ((const unsigned *)((const char *)got->pixels + (size_t)y * (size_t)got->pitch))[x];
            int worst = 0;
            for (int sh = 0; sh < 24; sh += 8) {
                int dd = abs((int)(want >> sh & 0xFF) - (int)(have >> sh & 0xFF));
                if (dd > worst) worst = dd;
            }
            off += worst > 48;
        }
    double bad = (double)off / (1280.0 * 720.0);
    if (bad > 0.002) fprintf(stderr, "rotated window differs: %.3f%% of pixels\n", bad * 100);
    CHECK(bad <= 0.002);
    session_free(&s);
    canvas_destroy(c);
    SDL_FreeSurface(got);
    SDL_FreeSurface(raw);
    remove("build-window-rot.png");
}

int main(int argc, char **argv)
{
    snprintf(diff_dir, sizeof diff_dir, "%s", argv[0]);
    char *slash = strrchr(diff_dir, '/');
    if (slash) *slash = '\0';
    else snprintf(diff_dir, sizeof diff_dir, "/tmp");
    refresh = argc > 1 && strcmp(argv[1], "--refresh") == 0;
    if (argc > 2 && strcmp(argv[1], "--kiosk") == 0) kiosk_binary = argv[2];
    bundle = bundle_load_reporting("content/techniekpact", stderr);
    CHECK(bundle != NULL);
    if (!bundle) return check_summary();
    if (!refresh) RUN(test_every_screen_every_size);
    if (!refresh) RUN(test_tables_every_size);
    if (!refresh) RUN(test_three_taps_and_no_dead_ends);
    RUN(test_golden_screenshots);
    RUN(test_golden_open_day);
    if (!refresh) RUN(test_golden_detects_change);
    if (!refresh) RUN(test_async_decoding);
    if (!refresh) RUN(test_exit_shortcuts_are_refused);
    if (!refresh) RUN(test_every_image_renders);
    if (!refresh) RUN(test_broken_picture_shows_placeholder);
    if (!refresh) RUN(test_deleted_bundle_keeps_its_pictures);
    if (kiosk_binary) RUN(test_window_matches_headless);
    if (kiosk_binary) RUN(test_window_rotated);
    bundle_free(bundle);
    return check_summary();
}
