/* check.c: the organiser's pre-flight check of a bundle.
 *
 * Problems go to stderr in file:line:col form (so editors can jump to them); the summary goes
 * to stdout, short enough to read at a glance before a fair. */
#include "app/check.h"

#include "app/layout_check.h"
#include "bundle/bundle.h"
#include "core/caldate.h"
#include "ops/config.h"
#include "platform/player.h"

static const char *layout_name(Layout l)
{
    switch (l) {
    case LAYOUT_GRID: return "grid";
    case LAYOUT_LIST: return "list";
    case LAYOUT_CARDS: return "cards";
    case LAYOUT_MAP: return "map";
    case LAYOUT_FIGURES: return "figures";
    case LAYOUT_SCHEDULE: return "schedule";
    case LAYOUT_PLAN: return "plan";
    }
    return "?";
}

/* Opens every clip with the media library, as the kiosk will (the loader only saw the path
 * and the size): container, codec, duration and picture size against the documented limits,
 * each problem at the clip's `file:`. Returns the number of problems; counts the clips. */
static size_t check_videos(const Bundle *b, FILE *err, size_t *n_videos)
{
    Diags d;
    diags_init(&d);
    *n_videos = 0;
    for (size_t i = 0; i < b->n_collections; i++)
        for (size_t j = 0; j < b->collections[i].n_items; j++) {
            const Video *v = b->collections[i].items[j].video;
            if (!v) continue;
            ++*n_videos;
            VideoProbe p;
            char why[256], limit[256];
            const char *bad = player_probe(v->path, &p, why, sizeof why)
                                  ? player_limits(&p, limit, sizeof limit) : why;
            if (bad) diag_add(&d, DIAG_ERROR, v->file, v->line, v->col, "the video '%s' %s",
                              v->rel, bad);
        }
    diags_print(&d, err);
    size_t errors = d.errors;
    diags_free(&d);
    return errors;
}

int check_settings(const char *path, FILE *out, FILE *err)
{
    Diags d;
    diags_init(&d);
    KioskConfig c;
    bool ok = config_load(path, &c, &d);
    diags_print(&d, err);
    if (!c.found) fprintf(err, "%s: no such file; every setting has its default\n", path);
    fprintf(out, "settings %s: %zu error%s, %zu warning%s\n", path, d.errors,
            d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
    fprintf(out, "  bundle:      %s\n", c.bundle ? c.bundle : "(not set: the built-in bundle)");
    for (size_t i = 0; i < c.n_dated; i++) {
        char from[CALDATE_TEXT], to[CALDATE_TEXT];
        caldate_format(c.dated[i].from, from);
        caldate_format(c.dated[i].to, to);
        fprintf(out, "  %s to %s: %s\n", from, to, c.dated[i].bundle);
    }
    bool found = c.found;
    config_free(&c);
    diags_free(&d);
    return ok && found ? 0 : 1;
}

int check_run(const char *dir, FILE *out, FILE *err)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    diags_print(&d, err);
    if (!b) {
        fprintf(err, "%s: %zu error%s, %zu warning%s: the bundle cannot be shown\n", dir,
                d.errors, d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
        diags_free(&d);
        return 1;
    }
    size_t n_videos = 0, bad_videos = check_videos(b, err, &n_videos);
    if (bad_videos) {
        fprintf(err, "%s: %zu video%s cannot be played: the kiosk would show %s poster%s "
                "instead\n", dir, bad_videos, bad_videos == 1 ? "" : "s",
                bad_videos == 1 ? "its" : "their", bad_videos == 1 ? "" : "s");
        bundle_free(b);
        diags_free(&d);
        return 1;
    }
    d.warnings += layout_check(b, err);
    size_t lang = b->default_language;
    fprintf(out, "%s (%s), version %s\n", text_get(&b->title, lang), b->id, b->version);
    fprintf(out, "  languages:   ");
    for (size_t i = 0; i < b->n_languages; i++)
        fprintf(out, "%s%s%s", i ? ", " : "", b->languages[i],
                i == b->default_language ? " (default)" : "");
    fprintf(out, "\n  home tiles:  %zu\n", b->n_tiles);
    for (size_t i = 0; i < b->n_collections; i++) {
        const Collection *c = &b->collections[i];
        fprintf(out, "  %-12s %4zu items (%s", c->id, c->n_items, layout_name(c->layout));
        if (c->n_categories) fprintf(out, ", %zu categories", c->n_categories);
        fprintf(out, ")\n");
    }
    if (b->quiz) fprintf(out, "  quiz:        %zu questions\n", b->quiz->n_questions);
    fprintf(out, "  images:      %zu\n", b->n_images);
    if (n_videos) fprintf(out, "  videos:      %zu\n", n_videos);
    fprintf(out, "  sources:     %zu\n", b->n_sources);
    fprintf(out, "  files:       %zu YAML\n", b->n_files);
    fprintf(out, "OK: %zu items, %zu warning%s\n", b->n_items, d.warnings,
            d.warnings == 1 ? "" : "s");
    bundle_free(b);
    diags_free(&d);
    return 0;
}
