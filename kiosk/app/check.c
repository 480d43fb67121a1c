/* check.c: the organiser's pre-flight check of a bundle.
 *
 * Problems go to stderr in file:line:col form (so editors can jump to them); the summary goes
 * to stdout, short enough to read at a glance before a fair. */
#include "app/check.h"

#include "app/layout_check.h"
#include "bundle/bundle.h"
#include "core/caldate.h"
#include "ops/config.h"

static const char *layout_name(Layout l)
{
    switch (l) {
    case LAYOUT_GRID: return "grid";
    case LAYOUT_LIST: return "list";
    case LAYOUT_CARDS: return "cards";
    case LAYOUT_MAP: return "map";
    case LAYOUT_FIGURES: return "figures";
    case LAYOUT_SCHEDULE: return "schedule";
    }
    return "?";
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
    fprintf(out, "  sources:     %zu\n", b->n_sources);
    fprintf(out, "  files:       %zu YAML\n", b->n_files);
    fprintf(out, "OK: %zu items, %zu warning%s\n", b->n_items, d.warnings,
            d.warnings == 1 ? "" : "s");
    bundle_free(b);
    diags_free(&d);
    return 0;
}
