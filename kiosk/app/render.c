/* render.c: `--render` and `--render-all`: screens to PNG without a display.
 *
 * --render-all writes every screen of the bundle in every language, plus contact sheets per
 * language (pages of at most SHEET_MAX_W x SHEET_MAX_H pixels), so an organiser can look
 * through a whole bundle on a laptop before a fair. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/options.h"
#include "app/review.h"
#include "bundle/bundle.h"
#include "platform/canvas.h"
#include "ui/session.h"
#include "core/log.h"
#include "ops/config.h"

static Bundle *load_or_report(const char *dir)
{
    Bundle *b = bundle_load_reporting(dir, stderr);
    if (!b) log_warning("the bundle %s has errors (see above); run kiosk --check", dir);
    return b;
}

static bool set_language(Session *s, const char *code)
{
    int i = bundle_language_index(s->ui.bundle, code);
    if (i < 0) return false;
    s->ui.lang = (size_t)i;
    s->dirty = true;
    return true;
}

/* Renders one screen of session `s` (already set up) to path. */
static bool shoot(Session *s, Canvas *c, const char *path, bool full)
{
    const DisplayList *dl = session_frame(s);
    if (dl->overflow) log_warning("%s: the screen holds more than fits a frame", path);
    if (full) return review_save_full(s, c, path);
    canvas_draw(c, dl);
    bench_first_frame();
    return canvas_save_png(c, path);
}

/* With --config, the kiosk's own settings that change what is drawn (here: the "you are
 * here" region), so an organiser sees the screen as this kiosk will show it. */
static void apply_settings(const Options *o, Session *s, KioskConfig *cfg)
{
    if (!o->config) return;
    Diags d;
    diags_init(&d);
    config_load(o->config, cfg, &d);
    diags_print(&d, stderr);
    diags_free(&d);
    if (!session_set_here(s, cfg->here))
        log_warning("warning: here: '%s' in %s is no place on the bundle's map or plan; no \"you are "
                    "here\" marker", cfg->here, o->config);
}

static int render_one(const Options *o, const Bundle *b, const char *assets)
{
    Canvas *c = canvas_create(o->width, o->height, &b->theme, assets, cache_budget(o, 0));
    if (!c) return 1;
    Session s;
    KioskConfig cfg = {0}; /* outlives the session, which borrows cfg.here */
    int rc = 1;
    if (!session_init(&s, b, canvas_measure(c), (float)o->width, (float)o->height, 0)) goto out;
    review_set_clock(&s, o->clock, 0);
    apply_settings(o, &s, &cfg);
    if (o->lang && !set_language(&s, o->lang)) {
        log_warning("the bundle has no language '%s'", o->lang);
        goto out_session;
    }
    if (!session_open(&s, o->render, 0)) {
        log_warning("no screen '%s'; use home, attract, about, quiz, result, or a "
                "collection or item id", o->render);
        goto out_session;
    }
    const char *out = o->output ? o->output : "screen.png";
    if (shoot(&s, c, out, o->full)) {
        printf("%s\n", out);
        rc = 0;
    }
out_session:
    session_free(&s);
out:
    config_free(&cfg);
    canvas_destroy(c);
    return rc;
}

/* The output folder exists (or is made) and takes files: checked once, before any screen is
 * drawn, so a wrong DIR gives one message instead of one per screen. */
static bool output_folder_ready(const char *dir)
{
    struct stat st;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        log_error("cannot make the folder %s: %s", dir, strerror(errno));
        return false;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        log_error("cannot write into %s: it is not a folder (a file has that name)", dir);
        return false;
    }
    /* A real write, not access(): it also sees a read-only file system and root's limits. */
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/.kiosk-write-test-XXXXXX", dir);
    int fd = mkstemp(probe);
    if (fd < 0) {
        log_error("cannot write into the folder %s: %s", dir, strerror(errno));
        return false;
    }
    close(fd);
    unlink(probe);
    return true;
}

/* The screens: home, attract, about, quiz, result, every collection, every item. */
static const char **screen_names(const Bundle *b, size_t *count)
{
    const char **names = calloc(5 + b->n_collections + b->n_items, sizeof *names);
    if (!names) return NULL;
    size_t k = 0;
    names[k++] = "home";
    names[k++] = "attract";
    names[k++] = "about";
    if (b->quiz) {
        names[k++] = "quiz";
        names[k++] = "result";
    }
    for (size_t i = 0; i < b->n_collections; i++) names[k++] = b->collections[i].id;
    for (size_t i = 0; i < b->n_collections; i++)
        for (size_t j = 0; j < b->collections[i].n_items; j++)
            names[k++] = b->collections[i].items[j].id;
    *count = k;
    return names;
}

typedef struct RenderAll {
    const Options *o;
    const Bundle *b;
    Canvas *c;
    const char **names;
    size_t n_names;
    int failures, shots;
} RenderAll;

/* Every screen of language l, and its contact sheet pages. False when a file could not be
 * written: the next ones would fail the same way (a full disk), so rendering stops. */
static bool render_language(RenderAll *ra, size_t l)
{
    const Options *o = ra->o;
    const char *lang = ra->b->languages[l];
    ContactSheet *sheet = sheet_create((int)ra->n_names, 6, 320, o->width, o->height);
    size_t per_page = sheet ? (size_t)sheet_capacity(sheet) : 0;
    bool written = true;
    for (size_t i = 0; i < ra->n_names && written; i++) {
        Session s;
        if (!session_init(&s, ra->b, canvas_measure(ra->c), (float)o->width, (float)o->height, 0)) {
            ra->failures++;
            continue;
        }
        set_language(&s, lang);
        review_set_clock(&s, o->clock, 0);
        char path[2048];
        snprintf(path, sizeof path, "%s/%s-%s.png", o->render_all, lang, ra->names[i]);
        if (!session_open(&s, ra->names[i], 0)) ra->failures++;
        else if ((written = shoot(&s, ra->c, path, o->full))) ra->shots++;
        session_free(&s);
        if (!sheet || !written) continue;
        sheet_add(sheet, ra->c, (int)(i % per_page));
        if ((i + 1) % per_page != 0 && i + 1 != ra->n_names) continue;
        /* A full page (or the last one): contact-sheet-nl.png, then -nl-2.png, ... */
        char page[32] = "";
        if (i / per_page > 0) snprintf(page, sizeof page, "-%zu", i / per_page + 1);
        snprintf(path, sizeof path, "%s/contact-sheet-%s%s.png", o->render_all, lang, page);
        if ((written = sheet_save(sheet, path))) printf("%s\n", path);
        sheet_clear(sheet);
    }
    sheet_destroy(sheet);
    if (!written) ra->failures++;
    return written;
}

static int render_all(const Options *o, const Bundle *b, const char *assets)
{
    RenderAll ra = {.o = o, .b = b};
    ra.names = screen_names(b, &ra.n_names);
    ra.c = ra.names ? canvas_create(o->width, o->height, &b->theme, assets, cache_budget(o, 0))
                    : NULL;
    if (!ra.c) {
        free(ra.names);
        return 1;
    }
    bool stopped = false;
    for (size_t l = 0; l < b->n_languages && !stopped; l++) stopped = !render_language(&ra, l);
    if (stopped)
        log_error("stopped after %d screens: a file could not be written (see above)", ra.shots);
    else
        printf("%d screens in %zu languages written to %s%s\n", ra.shots, b->n_languages,
               o->render_all, ra.failures ? " (with failures, see above)" : "");
    canvas_destroy(ra.c);
    free(ra.names);
    return ra.failures ? 1 : 0;
}

int render_run(const Options *o)
{
    const char *assets = assets_dir();
    if (!assets) {
        log_error("cannot find the program's assets folder (assets/icons)");
        return 1;
    }
    if (o->render_all && !output_folder_ready(o->render_all)) return 1;
    Bundle *b = load_or_report(o->bundle);
    if (!b) return 1;
    int rc = o->render_all ? render_all(o, b, assets) : render_one(o, b, assets);
    bundle_free(b);
    return rc;
}
