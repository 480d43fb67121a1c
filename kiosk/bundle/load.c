/* load.c: reading a bundle folder: files, includes, meta and theme, and the order of work.
 *
 * Loading runs in phases so that every problem can be reported in one run:
 *   1. read bundle.yaml, then `meta` (the languages are needed to read any text);
 *   2. walk the files in document order, following includes (cycles and repeats refused),
 *      collecting the sections each file holds;
 *   3. build collections and items, registering every id;
 *   4. build home, quiz and kiosk settings, then resolve every reference by id.
 * YAML trees live in a scratch arena that is dropped at the end; the bundle keeps only what the
 * screens need, in its own arena. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"
#include "bundle/loader.h"
#include "bundle/paths.h"
#include "core/color.h"

/* ---- StrMap ---------------------------------------------------------------------------- */

void *strmap_get(const StrMap *m, const char *key)
{
    if (!m->cap) return NULL;
    for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i]) return NULL;
        if (strcmp(m->keys[i], key) == 0) return m->vals[i];
    }
}

bool strmap_put(StrMap *m, const char *key, void *val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        StrMap g = {calloc(cap, sizeof *g.keys), calloc(cap, sizeof *g.vals), cap, 0};
        if (!g.keys || !g.vals) {
            free(g.keys);
            free(g.vals);
            return false;
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) strmap_put(&g, m->keys[i], m->vals[i]);
        strmap_free(m);
        *m = g;
    }
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) m->n++;
    m->keys[i] = key;
    m->vals[i] = val;
    return true;
}

void strmap_free(StrMap *m)
{
    free(m->keys);
    free(m->vals);
    *m = (StrMap){0};
}

/* ---- files and includes ----------------------------------------------------------------- */

static void read_file_sections(Loader *l, const YFile *f, bool is_root);

static void take_section(Loader *l, Section *s, const YFile *f, const YNode *key,
                         const YNode *value)
{
    if (s->node) {
        load_error(l, f, key, "'%s' is already given in %s (line %d); it may appear in only "
                   "one file", key->str, s->file->name, s->node->line);
        return;
    }
    *s = (Section){f, value};
}

static void include_file(Loader *l, const YFile *from, const YNode *n)
{
    const char *rel = NULL;
    char real[PATH_MAX];
    if (!read_path(l, from, n, "the included file", &rel, real, sizeof real)) return;
    /* A file still open on the include stack means a loop; one read before is a repeat. */
    for (size_t i = 0; i < l->n_seen; i++)
        if (strcmp(l->seen[i], real) == 0) {
            bool open = false;
            for (size_t j = 0; j < l->n_open; j++)
                if (strcmp(l->open_real[j], real) == 0) open = true;
            if (open)
                load_error(l, from, n, "including '%s' here makes a loop: that file is already "
                           "being read and (directly or through others) includes this one",
                           rel);
            else
                load_error(l, from, n, "'%s' is included a second time; include each file once",
                           rel);
            return;
        }
    if (l->n_seen == BUNDLE_MAX_FILES || l->n_open == BUNDLE_MAX_FILES) {
        load_error(l, from, n, "too many included files; a bundle may have at most %d",
                   BUNDLE_MAX_FILES);
        return;
    }
    l->seen[l->n_seen++] = strdup(real);
    YFile *f = arena_alloc(l->scratch, sizeof *f);
    if (!f) return;
    const char *shown = arena_printf(l->scratch, "%s/%s", l->b->dir, rel);
    if (!ytree_load(l->scratch, real, shown, l->diags, f)) return;
    l->b->n_files++;
    if (!f->root) return; /* an empty included file is allowed: it adds nothing */
    l->open_real[l->n_open++] = l->seen[l->n_seen - 1];
    read_file_sections(l, f, false);
    l->n_open--;
}

static void add_collection_section(Loader *l, const YFile *f, const YNode *n)
{
    if (l->n_collections == l->cap_collections) {
        size_t cap = l->cap_collections ? l->cap_collections * 2 : 16;
        Section *s = realloc(l->collections, cap * sizeof *s);
        if (!s) return;
        l->collections = s;
        l->cap_collections = cap;
    }
    l->collections[l->n_collections++] = (Section){f, n};
}

static void read_file_sections(Loader *l, const YFile *f, bool is_root)
{
    const YNode *root = f->root;
    if (root->kind != YNODE_MAP) {
        load_error(l, f, root, "the file should be a mapping of keys like 'collections:', but "
                   "it is a %s", root->kind == YNODE_SEQ ? "list" : "single value");
        return;
    }
    schema_check(is_root ? &SCHEMA_ROOT : &SCHEMA_INCLUDED, root, f->name, l->diags);
    for (size_t i = 0; i + 1 < root->n; i += 2) {
        const YNode *k = root->kids[i], *v = root->kids[i + 1];
        if (k->kind != YNODE_SCALAR) continue;
        if (strcmp(k->str, "theme") == 0) take_section(l, &l->theme, f, k, v);
        else if (strcmp(k->str, "kiosk") == 0) take_section(l, &l->kiosk, f, k, v);
        else if (strcmp(k->str, "home") == 0) take_section(l, &l->home, f, k, v);
        else if (strcmp(k->str, "quiz") == 0) take_section(l, &l->quiz, f, k, v);
        else if (strcmp(k->str, "strings") == 0) take_section(l, &l->strings, f, k, v);
        else if (strcmp(k->str, "collections") == 0) {
            const YNode *seq = read_seq(l, f, v, 0, BUNDLE_MAX_ITEMS, "collections");
            for (size_t j = 0; seq && j < seq->n; j++) add_collection_section(l, f, seq->kids[j]);
        } else if (strcmp(k->str, "include") == 0) {
            const YNode *seq = read_seq(l, f, v, 0, BUNDLE_MAX_FILES, "files");
            for (size_t j = 0; seq && j < seq->n; j++) include_file(l, f, seq->kids[j]);
        }
    }
}

/* ---- meta and theme --------------------------------------------------------------------- */

static bool read_meta(Loader *l, const YFile *f, const YNode *meta)
{
    Bundle *b = l->b;
    if (!meta) return false;
    if (!schema_check(&SCHEMA_META, meta, f->name, l->diags)) {
        load_error(l, f, meta, "'meta' should be a mapping with id, title, version, languages "
                   "and default_language");
        return false;
    }
    const YNode *langs = read_seq(l, f, ynode_get(meta, "languages"), 1, BUNDLE_MAX_LANGS,
                                  "language codes");
    bool ok = langs != NULL;
    for (size_t i = 0; langs && i < langs->n; i++) {
        const YNode *c = langs->kids[i];
        if (c->kind != YNODE_SCALAR || !text_is_language(c->str)) {
            load_error(l, f, c, "'%s' is not a language code; use codes like nl, en or de",
                       c->kind == YNODE_SCALAR ? c->str : "?");
            ok = false;
            continue;
        }
        if (bundle_language_index(b, c->str) >= 0) {
            load_error(l, f, c, "the language '%s' is listed twice", c->str);
            ok = false;
            continue;
        }
        l->language_nodes[b->n_languages] = c;
        b->languages[b->n_languages++] = arena_strndup(l->arena, c->str, c->len);
    }
    const YNode *def = ynode_get(meta, "default_language");
    if (def && ok) {
        int idx = def->kind == YNODE_SCALAR ? bundle_language_index(b, def->str) : -1;
        if (idx < 0) {
            const char *hint = def->kind == YNODE_SCALAR
                                   ? schema_suggest(def->str, b->languages, b->n_languages)
                                   : NULL;
            load_error(l, f, def, "the default language must be one of 'languages'%s%s%s",
                       hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
            ok = false;
        } else {
            b->default_language = (size_t)idx;
        }
    }
    if (!ok || !def) return false; /* without languages no text can be read */
    read_id(l, f, ynode_get(meta, "id"), &b->id);
    read_text(l, f, ynode_get(meta, "title"), &b->title);
    read_string(l, f, ynode_get(meta, "version"), &b->version);
    read_text(l, f, ynode_get(meta, "description"), &b->description);
    read_text(l, f, ynode_get(meta, "credits"), &b->credits);
    const YNode *src = read_seq(l, f, ynode_get(meta, "sources"), 0, 200, "sources");
    if (src) {
        Source *s = arena_calloc(l->arena, src->n ? src->n : 1, sizeof *s);
        for (size_t i = 0; s && i < src->n; i++) {
            const YNode *n = src->kids[i];
            if (!schema_check(&SCHEMA_SOURCE, n, f->name, l->diags)) {
                load_error(l, f, n, "a source should be a mapping with 'title' and 'url'");
                continue;
            }
            read_text(l, f, ynode_get(n, "title"), &s[b->n_sources].title);
            read_url(l, f, ynode_get(n, "url"), &s[b->n_sources].url);
            b->n_sources++;
        }
        b->sources = s;
    }
    return true;
}

/* The theme's colours by name, where they live in a Theme. */
static const struct {
    const char *name;
    size_t at;
} THEME_COLOURS[] = {
    {"background", offsetof(Theme, background)}, {"surface", offsetof(Theme, surface)},
    {"text", offsetof(Theme, text)},             {"muted", offsetof(Theme, muted)},
    {"accent", offsetof(Theme, accent)},         {"on_accent", offsetof(Theme, on_accent)},
    {"edge", offsetof(Theme, edge)},             {"picture_panel", offsetof(Theme, picture_panel)},
};
enum { N_THEME_COLOURS = sizeof THEME_COLOURS / sizeof THEME_COLOURS[0] };

/* Not a colour (colours are 24-bit): edge or picture_panel was not given. */
enum { COLOUR_UNSET = 0x1000000 };

static uint32_t *theme_colour(Theme *t, size_t at)
{
    return (uint32_t *)((char *)t + at);
}

/* True when the colour at offset `at` was given but could not be read: a contrast computed
 * with the default in its place would only add a second, misleading message. */
static bool colour_bad(const bool bad[N_THEME_COLOURS], size_t at)
{
    for (size_t i = 0; i < N_THEME_COLOURS; i++)
        if (THEME_COLOURS[i].at == at) return bad[i];
    return false;
}

/* The panel behind pictures, when the theme does not name one: the surface leaning toward
 * the background, so pictures sit on the theme's own tone (light on a light theme, dark on a
 * dark one), never on a fixed cream. */
static uint32_t default_picture_panel(const Theme *t)
{
    return color_mix(t->surface, t->background, 0.5);
}

static void read_theme(Loader *l)
{
    bool bad[N_THEME_COLOURS] = {0};
    Theme *t = &l->b->theme;
    *t = (Theme){.background = 0xF4F6FA, .surface = 0xFFFFFF, .text = 0x14213D,
                 .muted = 0x4A5568, .accent = 0xC43D50, .on_accent = 0xFFFFFF,
                 .edge = COLOUR_UNSET, .picture_panel = COLOUR_UNSET, .font = "Inter",
                 .heading_font = NULL};
    const YFile *f = l->theme.file;
    const YNode *n = l->theme.node;
    if (n) {
        if (!schema_check(&SCHEMA_THEME, n, f->name, l->diags)) {
            load_error(l, f, n, "'theme' should be a mapping (colors, font, heading_font, logo)");
        } else {
            const YNode *c = ynode_get(n, "colors");
            if (c && !schema_check(&SCHEMA_COLORS, c, f->name, l->diags))
                load_error(l, f, c, "'colors' should be a mapping of names to \"#RRGGBB\"");
            else if (c) {
                for (size_t i = 0; i < N_THEME_COLOURS; i++)
                    bad[i] = !read_color(l, f, ynode_get(c, THEME_COLOURS[i].name),
                                         theme_colour(t, THEME_COLOURS[i].at), NULL);
            }
            read_string(l, f, ynode_get(n, "font"), &t->font);
            read_string(l, f, ynode_get(n, "heading_font"), &t->heading_font);
            read_image(l, f, ynode_get(n, "logo"), &t->logo);
        }
    }
    if (!t->heading_font) t->heading_font = t->font;
    if (t->edge == COLOUR_UNSET) {
        t->edge = color_reach_contrast(t->surface, t->text, t->background, t->surface, 3.0);
    } else if (!colour_bad(bad, offsetof(Theme, edge)) &&
               color_contrast(t->edge, t->background) < 3.0) {
        load_warning(l, f, n,
                     "the colour edge has a contrast of %.1f:1 against the background; at least "
                     "3:1 is needed to see where a card ends (leave it out to have one chosen)",
                     color_contrast(t->edge, t->background));
    }
    if (t->picture_panel == COLOUR_UNSET) t->picture_panel = default_picture_panel(t);
    /* WCAG AA: 4.5:1 for normal text. Checked here so an organiser hears it before a fair. */
    static const struct {
        size_t fg, bg;
        const char *what;
    } pairs[] = {
        {offsetof(Theme, text), offsetof(Theme, background), "text on background"},
        {offsetof(Theme, text), offsetof(Theme, surface), "text on surface"},
        {offsetof(Theme, muted), offsetof(Theme, background), "muted on background"},
        {offsetof(Theme, muted), offsetof(Theme, surface), "muted on surface"},
        {offsetof(Theme, on_accent), offsetof(Theme, accent), "on_accent on accent"},
        /* an item without a picture shows its initial on the panel, on cards */
        {offsetof(Theme, text), offsetof(Theme, picture_panel), "text on picture_panel"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (colour_bad(bad, pairs[i].fg) || colour_bad(bad, pairs[i].bg)) continue;
        uint32_t fg = *theme_colour(t, pairs[i].fg), bg = *theme_colour(t, pairs[i].bg);
        double ratio = color_contrast(fg, bg);
        if (ratio < 4.5)
            load_warning(l, f ? f : &(YFile){.name = l->b->dir}, n,
                         "the colours %s have a contrast of %.1f:1; at least 4.5:1 is needed "
                         "to be readable from a distance",
                         pairs[i].what, ratio);
    }
}

/* ---- the whole load ----------------------------------------------------------------------- */

int bundle_language_index(const Bundle *b, const char *code)
{
    for (size_t i = 0; i < b->n_languages; i++)
        if (strcmp(b->languages[i], code) == 0) return (int)i;
    return -1;
}

const Item *bundle_find_item(const Bundle *b, const char *id)
{
    for (size_t c = 0; c < b->n_collections; c++)
        for (size_t i = 0; i < b->collections[c].n_items; i++)
            if (strcmp(b->collections[c].items[i].id, id) == 0) return &b->collections[c].items[i];
    return NULL;
}

const Collection *bundle_find_collection(const Bundle *b, const char *id)
{
    for (size_t c = 0; c < b->n_collections; c++)
        if (strcmp(b->collections[c].id, id) == 0) return &b->collections[c];
    return NULL;
}

static void collect_images(Loader *l)
{
    Bundle *b = l->b;
    const Image **all = arena_calloc(l->arena, l->images.n ? l->images.n : 1, sizeof *all);
    if (!all) return;
    for (size_t i = 0; i < l->images.cap; i++)
        if (l->images.keys[i]) all[b->n_images++] = l->images.vals[i];
    b->images = all;
}

/* Phases 3 and 4, once every file's sections are known. */
static void read_content(Loader *l)
{
    read_theme(l);
    read_bundle_fonts(l);
    content_collections(l);
    content_kiosk(l);
    content_quiz(l);
    content_home(l);
    content_resolve(l);
    content_strings(l);
    collect_images(l);
    origins_freeze(l);
}

static void loader_free(Loader *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->n_seen; i++) free(l->seen[i]);
    strmap_free(&l->ids);
    strmap_free(&l->images);
    free(l->collections);
    free(l->refs);
    free(l->origins); /* still here when loading stopped early */
    free(l);
}

Bundle *bundle_load_reporting(const char *dir, FILE *out)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(dir, &d);
    diags_print(&d, out);
    diags_free(&d);
    return b;
}

Bundle *bundle_load(const char *dir, Diags *diags)
{
    size_t errors_before = diags->errors, diags_before = diags->count;
    Arena *arena = arena_create(), *scratch = arena_create();
    Bundle *b = arena ? arena_alloc(arena, sizeof *b) : NULL;
    Loader *l = calloc(1, sizeof *l);
    if (!arena || !scratch || !b || !l) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "out of memory");
        goto done;
    }
    l->arena = arena;
    l->scratch = scratch;
    l->diags = diags;
    l->b = b;
    b->arena = arena;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dl--;
    b->dir = arena_strndup(arena, dir, dl);

    if (!realpath(b->dir, l->root_real)) {
        diag_add(diags, DIAG_ERROR, b->dir, 0, 0, "the bundle folder does not exist");
        goto done;
    }
    char root_file[PATH_MAX + 16];
    snprintf(root_file, sizeof root_file, "%s/bundle.yaml", l->root_real);
    YFile *rf = arena_alloc(scratch, sizeof *rf);
    const char *shown = arena_printf(scratch, "%s/bundle.yaml", b->dir);
    if (!rf || !shown) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "out of memory");
        goto done;
    }
    if (!ytree_load(scratch, root_file, shown, diags, rf)) goto done;
    b->n_files = 1;
    l->seen[l->n_seen++] = strdup(root_file);
    if (!rf->root) {
        diag_add(diags, DIAG_ERROR, shown, 1, 1, "the file is empty; it should start with "
                 "'format: 1' and a 'meta' section (see content/README.md)");
        goto done;
    }
    if (rf->root->kind != YNODE_MAP) {
        load_error(l, rf, rf->root, "bundle.yaml should be a mapping of keys like 'meta:', but "
                   "it is a %s", rf->root->kind == YNODE_SEQ ? "list" : "single value");
        goto done;
    }
    const YNode *format = ynode_get(rf->root, "format");
    int fmt = 0;
    if (format && read_int(l, rf, format, 0, 1000, &fmt) && fmt != BUNDLE_FORMAT)
        load_error(l, rf, format, "this bundle is written in format %d, but this kiosk reads "
                   "format %d; update the kiosk or the bundle", fmt, BUNDLE_FORMAT);
    l->meta_file = rf;
    if (!read_meta(l, rf, ynode_get(rf->root, "meta"))) {
        schema_check(&SCHEMA_ROOT, rf->root, rf->name, diags);
        goto done;
    }
    l->open_real[l->n_open++] = l->seen[0];
    read_file_sections(l, rf, true);
    l->n_open--;

    read_content(l);
    b->bytes = arena_used(arena);

done:
    diags_sort_from(diags, diags_before);
    loader_free(l);
    arena_destroy(scratch);
    if (diags->errors > errors_before) {
        if (b) bundle_free(b); /* closes the pictures it held open, frees the arena */
        else arena_destroy(arena);
        return NULL;
    }
    return b;
}

void bundle_free(Bundle *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n_kept_fds; i++) close(b->kept_fds[i]);
    arena_destroy(b->arena);
}
