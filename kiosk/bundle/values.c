/* values.c: reading typed values from YAML nodes, each with its own plain-language message.
 *
 * Every reader accepts a NULL node as "not given" so callers can write
 * read_text(l, f, ynode_get(map, "subtitle"), &item->subtitle) without checking first. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle/body.h"
#include "core/util.h"
#include "bundle/loader.h"
#include "bundle/paths.h"
#include "core/poly.h"

static void vreport(Loader *l, DiagSeverity sev, const YFile *f, const YNode *n,
                    const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag_add(l->diags, sev, f->name, n ? n->line : 0, n ? n->col : 0, "%s", msg);
}

void load_error(Loader *l, const YFile *f, const YNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(l, DIAG_ERROR, f, n, fmt, ap);
    va_end(ap);
}

void load_warning(Loader *l, const YFile *f, const YNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(l, DIAG_WARNING, f, n, fmt, ap);
    va_end(ap);
}

static const char *language_name(const char *code)
{
    static const char *const names[][2] = {
        {"nl", "Dutch"}, {"en", "English"}, {"de", "German"}, {"fr", "French"},
        {"fy", "Frisian"}, {"es", "Spanish"}, {"tr", "Turkish"}, {"ar", "Arabic"},
        {"pl", "Polish"}, {"uk", "Ukrainian"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], code) == 0) return names[i][1];
    return code;
}

/* YAML trees live in scratch memory that is dropped after loading: everything the bundle
 * keeps is copied into the bundle's own arena. */
static const char *keep(Loader *l, const YFile *f, const YNode *n)
{
    const char *s = arena_strndup(l->arena, n->str, n->len);
    origins_add(l, f, n, s, n->len);
    return s;
}

static bool scalar_or_error(Loader *l, const YFile *f, const YNode *n, const char *expected)
{
    if (n->kind == YNODE_SCALAR) return true;
    load_error(l, f, n, "expected %s here, but found a %s", expected,
               n->kind == YNODE_SEQ ? "list" : "mapping");
    return false;
}

/* Text must be sane to show: no control characters, no NUL, bounded length. */
static bool check_string(Loader *l, const YFile *f, const YNode *n)
{
    if (n->len > BUNDLE_MAX_TEXT_BYTES) {
        load_error(l, f, n, "this text is %zu bytes long; the limit is %d (about 10 screens)",
                   n->len, BUNDLE_MAX_TEXT_BYTES);
        return false;
    }
    for (size_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->str[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            load_error(l, f, n, "this text contains an invisible control character (code %u); "
                       "remove it", c);
            return false;
        }
    }
    return true;
}

void unknown_language(Loader *l, const YFile *f, const YNode *k)
{
    const Bundle *b = l->b;
    char list[128] = "";
    for (size_t j = 0; j < b->n_languages; j++) {
        strncat(list, j ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, b->languages[j], sizeof list - strlen(list) - 1);
    }
    const char *word = k->kind == YNODE_SCALAR ? k->str : "?";
    const char *hint = k->kind == YNODE_SCALAR
                           ? schema_suggest(word, b->languages, b->n_languages) : NULL;
    load_error(l, f, k, "'%s' is not one of the bundle's languages (%s)%s%s%s", word, list,
               hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
}

/* `{nl: Hal, plek A, en: Hall}`: inside { } the ', ' ended the Dutch text, and "plek A"
 * became a key without a value. Say so, with the text as it was meant, in quotes. */
static bool split_by_comma(Loader *l, const YFile *f, const YNode *map, size_t i)
{
    const YNode *k = map->kids[i], *v = map->kids[i + 1];
    bool empty = v->kind == YNODE_SCALAR && v->plain && v->len == 0;
    if (!map->flow || i < 2 || k->kind != YNODE_SCALAR || !empty) return false;
    const YNode *pk = map->kids[i - 2], *pv = map->kids[i - 1];
    if (pk->kind != YNODE_SCALAR || pv->kind != YNODE_SCALAR) return false;
    load_error(l, f, k, "inside { } a ', ' ends the text, so '%s' was read as a language; put "
               "the whole text in quotes: %s: \"%s, %s\"", k->str, pk->str, pv->str, k->str);
    return true;
}

/* Reads a per-language mapping, calling `one` for each language's node; fills `given`. */
static bool read_languages(Loader *l, const YFile *f, const YNode *n,
                           const YNode *per_lang[BUNDLE_MAX_LANGS])
{
    const Bundle *b = l->b;
    bool ok = true;
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const YNode *k = n->kids[i], *v = n->kids[i + 1];
        int lang = k->kind == YNODE_SCALAR ? bundle_language_index(b, k->str) : -1;
        if (lang < 0 && split_by_comma(l, f, n, i)) {
            ok = false;
            continue;
        }
        if (lang < 0) {
            unknown_language(l, f, k);
            ok = false;
            continue;
        }
        if (per_lang[lang]) {
            load_error(l, f, k, "the language '%s' appears twice in this text", k->str);
            ok = false;
            continue;
        }
        if (!scalar_or_error(l, f, v, "a text")) {
            ok = false;
            continue;
        }
        per_lang[lang] = v;
    }
    if (!ok) return false;
    if (!per_lang[b->default_language]) {
        load_error(l, f, n, "this text has no %s ('%s') version, and that is the default "
                   "language", language_name(b->languages[b->default_language]),
                   b->languages[b->default_language]);
        return false;
    }
    for (size_t j = 0; j < b->n_languages; j++)
        if (!per_lang[j])
            load_warning(l, f, n, "no %s ('%s') text here; %s is shown instead",
                         language_name(b->languages[j]), b->languages[j],
                         language_name(b->languages[b->default_language]));
    return true;
}

bool read_text(Loader *l, const YFile *f, const YNode *n, Text *out)
{
    if (!n) return true;
    const Bundle *b = l->b;
    if (n->kind == YNODE_SCALAR) {
        if (!check_string(l, f, n)) return false;
        const char *copy = keep(l, f, n);
        for (size_t i = 0; i < b->n_languages; i++) out->s[i] = copy;
        if (b->n_languages == 0) out->s[0] = copy;
        return true;
    }
    if (n->kind != YNODE_MAP) {
        load_error(l, f, n, "expected a text (a string, or one per language like 'nl: ...'), "
                   "but found a list");
        return false;
    }
    const YNode *per_lang[BUNDLE_MAX_LANGS] = {0};
    if (!read_languages(l, f, n, per_lang)) return false;
    bool ok = true;
    for (size_t j = 0; j < b->n_languages; j++)
        if (per_lang[j] && !check_string(l, f, per_lang[j])) ok = false;
    if (!ok) return false;
    const char *copies[BUNDLE_MAX_LANGS] = {0};
    for (size_t j = 0; j < b->n_languages; j++)
        if (per_lang[j]) copies[j] = keep(l, f, per_lang[j]);
    for (size_t j = 0; j < b->n_languages; j++)
        out->s[j] = copies[j] ? copies[j] : copies[b->default_language];
    return true;
}

bool read_body(Loader *l, const YFile *f, const YNode *n, Body out[BUNDLE_MAX_LANGS])
{
    if (!n) return true;
    const Bundle *b = l->b;
    const YNode *per_lang[BUNDLE_MAX_LANGS] = {0};
    if (n->kind == YNODE_SCALAR) {
        for (size_t j = 0; j < b->n_languages; j++) per_lang[j] = n;
    } else if (n->kind == YNODE_MAP) {
        if (!read_languages(l, f, n, per_lang)) return false;
    } else {
        load_error(l, f, n, "expected body text (a string, or one per language like 'nl: |'), "
                   "but found a list");
        return false;
    }
    bool ok = true;
    Body parsed[BUNDLE_MAX_LANGS] = {0};
    for (size_t j = 0; j < b->n_languages; j++) {
        if (!per_lang[j]) continue;
        size_t same = 0; /* one text for all languages is parsed (and reported) once */
        while (same < j && per_lang[same] != per_lang[j]) same++;
        if (same < j) parsed[j] = parsed[same];
        else if (!check_string(l, f, per_lang[j]) ||
                 !body_parse(l->arena, f, per_lang[j], &parsed[j], l->diags))
            ok = false;
    }
    if (!ok) return false;
    for (size_t j = 0; j < b->n_languages; j++)
        if (per_lang[j]) origins_add_body(l, f, per_lang[j], &parsed[j]);
    /* A missing language shows the default language's body, as the check's warning says; it
     * used to compare two missing languages' NULLs as "the same text" and show nothing. */
    for (size_t j = 0; j < b->n_languages; j++)
        out[j] = per_lang[j] ? parsed[j] : parsed[b->default_language];
    return true;
}

bool read_string(Loader *l, const YFile *f, const YNode *n, const char **out)
{
    if (!n) return true;
    if (!scalar_or_error(l, f, n, "a single value") || !check_string(l, f, n)) return false;
    *out = keep(l, f, n);
    return true;
}

bool read_id(Loader *l, const YFile *f, const YNode *n, const char **out)
{
    if (!n) return true;
    if (!scalar_or_error(l, f, n, "an id")) return false;
    const char *s = n->str;
    if (!text_is_id(s, n->len, 64)) {
        load_error(l, f, n, "'%.64s' is not a valid id; use lowercase letters, digits and '-', "
                   "starting with a letter (like 'goal-7')", s);
        return false;
    }
    *out = keep(l, f, n);
    return true;
}

bool read_int(Loader *l, const YFile *f, const YNode *n, int min, int max, int *out)
{
    if (!n) return true;
    if (!scalar_or_error(l, f, n, "a whole number")) return false;
    char *end;
    long v = strtol(n->str, &end, 10);
    if (n->len == 0 || *end != '\0' || n->len > 12) {
        load_error(l, f, n, "expected a whole number, but found '%.40s'", n->str);
        return false;
    }
    if (v < min || v > max) {
        load_error(l, f, n, "%ld is out of range; use a number from %d to %d", v, min, max);
        return false;
    }
    *out = (int)v;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* `color: #F2A900` is `color:` and a comment to YAML: an empty value with '#' after it on
 * the same line. Returns true (and reports it at the '#') when that is what happened. */
static bool unquoted_colour(Loader *l, const YFile *f, const YNode *n)
{
    if (n->kind != YNODE_SCALAR || !n->plain || n->len != 0 || !f->text) return false;
    size_t i = 0;
    for (int line = 1; line < n->line && i < f->text_len; i++)
        if (f->text[i] == '\n') line++;
    size_t end = i;
    while (end < f->text_len && f->text[end] != '\n') end++;
    const char *hash = memchr(f->text + i, '#', end - i);
    if (!hash) return false;
    int line, col;
    ytree_position(f->text, f->text_len, (size_t)(hash - f->text), &line, &col);
    size_t len = strcspn(hash, " \t\r\n");
    diag_add(l->diags, DIAG_ERROR, f->name, line, col, "colours must be in quotes: write "
             "\"%.*s\"; without quotes YAML reads '#' as the start of a comment, so no colour "
             "was given here", (int)(len < 16 ? len : 16), hash);
    return true;
}

bool read_color(Loader *l, const YFile *f, const YNode *n, uint32_t *out, bool *has)
{
    if (!n) return true;
    if (unquoted_colour(l, f, n)) return false;
    if (!scalar_or_error(l, f, n, "a colour")) return false;
    bool ok = n->len == 7 && n->str[0] == '#';
    uint32_t v = 0;
    for (size_t i = 1; ok && i < 7; i++) {
        int h = hexval(n->str[i]);
        ok = h >= 0;
        v = v << 4 | (uint32_t)(h < 0 ? 0 : h);
    }
    if (!ok) {
        load_error(l, f, n, "'%.40s' is not a colour; write it as \"#RRGGBB\" in quotes, e.g. "
                   "\"#D1495B\"", n->str);
        return false;
    }
    *out = v;
    if (has) *has = true;
    return true;
}

/* Holds the checked picture file open for as long as the bundle lives: a kept bundle whose
 * folder is deleted (or replaced by a broken one) still shows every picture, not only those
 * already decoded. Reading through /proc/self/fd gives each decode its own file offset. */
static void keep_open(Loader *l, Image *img, const char *real)
{
    Bundle *b = l->b;
    if (b->n_kept_fds >= BUNDLE_MAX_KEPT_FILES) return;
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (fd < 0) return;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return;
    }
    img->kept = arena_printf(l->arena, "/proc/self/fd/%d", fd);
    if (!img->kept) {
        close(fd);
        return;
    }
    b->kept_fds[b->n_kept_fds++] = fd;
}

bool read_image(Loader *l, const YFile *f, const YNode *n, const Image **out)
{
    if (!n) return true;
    const char *rel = NULL;
    if (!read_string(l, f, n, &rel)) return false;
    const Image *known = strmap_get(&l->images, rel);
    if (known) {
        *out = known;
        return true;
    }
    char real[PATH_MAX];
    PathStatus st = paths_resolve(l->root_real, rel, real, sizeof real);
    if (st != PATH_OK) {
        load_error(l, f, n, "the picture '%s' %s", rel, paths_explain(st));
        return false;
    }
    Image *img = arena_alloc(l->arena, sizeof *img);
    if (!img) return false;
    const char *why = image_probe(real, rel, &img->type, &img->width, &img->height);
    if (why) {
        if (img->width > BUNDLE_MAX_IMAGE_SIDE || img->height > BUNDLE_MAX_IMAGE_SIDE)
            load_error(l, f, n, "the picture '%s' is %d x %d pixels; the limit is %d x %d, so "
                       "scale it down", rel, img->width, img->height, BUNDLE_MAX_IMAGE_SIDE,
                       BUNDLE_MAX_IMAGE_SIDE);
        else
            load_error(l, f, n, "the picture '%s' %s", rel, why);
        return false;
    }
    img->rel = rel;
    img->path = arena_strdup(l->arena, real);
    keep_open(l, img, real);
    if (!img->path || !strmap_put(&l->images, rel, img)) return false;
    *out = img;
    return true;
}

bool read_path(Loader *l, const YFile *f, const YNode *n, const char *what, const char **rel,
               char *real, size_t size)
{
    if (!read_string(l, f, n, rel)) return false;
    PathStatus st = paths_resolve(l->root_real, *rel, real, size);
    if (st != PATH_OK) load_error(l, f, n, "%s '%s' %s", what, *rel, paths_explain(st));
    return st == PATH_OK;
}

bool read_url(Loader *l, const YFile *f, const YNode *n, const char **out)
{
    if (!n) return true;
    const char *s = NULL;
    if (!read_string(l, f, n, &s)) return false;
    if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0) {
        load_error(l, f, n, "'%.60s' is not a web address; it must start with https:// or "
                   "http://", s);
        return false;
    }
    if (strlen(s) > 1000 || strpbrk(s, " \t\n")) {
        load_error(l, f, n, "this web address is too long or contains spaces");
        return false;
    }
    *out = s;
    return true;
}

const YNode *read_seq(Loader *l, const YFile *f, const YNode *n, size_t min, size_t max,
                      const char *what)
{
    if (!n) return NULL;
    if (n->kind != YNODE_SEQ) {
        load_error(l, f, n, "expected a list of %s here (lines starting with '- ')", what);
        return NULL;
    }
    if (n->n < min) {
        load_error(l, f, n, "needs at least %zu %s", min, what);
        return NULL;
    }
    if (n->n > max) {
        load_error(l, f, n, "has %zu %s; at most %zu are allowed", n->n, what, max);
        return NULL;
    }
    return n;
}

enum { SHAPE_MAX_POINTS = POLY_MAX_POINTS, SHAPE_MAX_PARTS = 32, SHAPE_MAX_TOTAL_POINTS = 4000 };
/* A region's name on a map is about four times as wide as tall: look for room across. */
#define LABEL_SQUASH 4.0f

static bool parse_polygon(Loader *l, const YFile *f, const YNode *n, const Collection *c,
                          Polygon *out)
{
    if (!scalar_or_error(l, f, n, "points like \"10,20 30,40 50,10\"")) return false;
    float xy[SHAPE_MAX_POINTS * 2];
    size_t count = 0;
    const char *p = n->str;
    for (;;) {
        while (*p == ' ' || *p == '\n' || *p == '\t') p++;
        if (!*p) break;
        char *end;
        float x = strtof(p, &end);
        if (end == p || *end != ',') goto bad;
        p = end + 1;
        float y = strtof(p, &end);
        if (end == p) goto bad;
        p = end;
        if (count == SHAPE_MAX_POINTS) {
            load_error(l, f, n, "a shape may have at most %d points", SHAPE_MAX_POINTS);
            return false;
        }
        if (!(x >= 0 && y >= 0 && x <= c->map_w && y <= c->map_h)) {
            load_error(l, f, n, "the point %g,%g lies outside the %s is %g x %g)", (double)x,
                       (double)y, shape_space(c), (double)c->map_w, (double)c->map_h);
            return false;
        }
        xy[count * 2] = x;
        xy[count * 2 + 1] = y;
        count++;
    }
    if (count < 3) {
        load_error(l, f, n, "a shape needs at least 3 points");
        return false;
    }
    float *kept = arena_calloc(l->arena, count * 2, sizeof *kept);
    if (!kept) return false;
    memcpy(kept, xy, count * 2 * sizeof *kept);
    *out = (Polygon){.xy = kept, .n_points = count};
    return true;
bad:
    load_error(l, f, n, "cannot read the points near '%.20s'; write them as \"x,y x,y x,y\"", p);
    return false;
}

/* Refuses an outline that crosses itself, then triangulates it once for every frame to come. */
static bool check_polygon(Loader *l, const YFile *f, const YNode *n, Polygon *poly)
{
    const float *xy = poly->xy;
    size_t count = poly->n_points, ea, eb;
    if (poly_self_intersects(xy, count, &ea, &eb)) {
        size_t ea2 = (ea + 1) % count, eb2 = (eb + 1) % count;
        load_error(l, f, n, "the shape crosses itself: the line from point %zu (%g,%g) to point "
                   "%zu meets the line from point %zu (%g,%g) to point %zu; draw the outline "
                   "without crossings (use a list of parts for separate areas)",
                   ea + 1, (double)xy[2 * ea], (double)xy[2 * ea + 1], ea2 + 1, eb + 1,
                   (double)xy[2 * eb], (double)xy[2 * eb + 1], eb2 + 1);
        return false;
    }
    unsigned short *tris = arena_calloc(l->arena, 3 * count, sizeof *tris);
    if (!tris) return false;
    size_t n_tris = poly_triangulate(xy, count, tris, count);
    if (n_tris == 0) {
        load_error(l, f, n, "the shape encloses no area (its points lie on one line)");
        return false;
    }
    poly->tris = tris;
    poly->n_tris = n_tris;
    poly->area = poly_area(xy, count);
    return true;
}

bool read_shape(Loader *l, const YFile *f, const YNode *n, const Collection *c,
                const Polygon **out, size_t *n_out)
{
    if (!n) return true;
    if (c->layout != LAYOUT_MAP && c->layout != LAYOUT_PLAN) {
        load_error(l, f, n, "'shape' is only used with 'layout: map' or 'layout: plan'");
        return false;
    }
    size_t parts = n->kind == YNODE_SEQ ? n->n : 1;
    if (parts == 0 || parts > SHAPE_MAX_PARTS) {
        load_error(l, f, n, "a shape needs 1 to %d parts", SHAPE_MAX_PARTS);
        return false;
    }
    Polygon *polys = arena_calloc(l->arena, parts, sizeof *polys);
    if (!polys) return false;
    size_t total = 0;
    for (size_t i = 0; i < parts; i++) {
        if (!parse_polygon(l, f, n->kind == YNODE_SEQ ? n->kids[i] : n, c, &polys[i]))
            return false;
        total += polys[i].n_points;
    }
    /* The limits first: the checks below cost O(n^2) a part. */
    if (total > SHAPE_MAX_TOTAL_POINTS) {
        load_error(l, f, n, "this shape has %zu points in all its parts; at most %d are allowed "
                   "(simplify the outline)", total, SHAPE_MAX_TOTAL_POINTS);
        return false;
    }
    l->shape_points += total;
    if (l->shape_points > BUNDLE_MAX_SHAPE_POINTS && l->shape_points - total <= BUNDLE_MAX_SHAPE_POINTS) {
        load_error(l, f, n, "the map shapes have more than %d points in all; simplify the "
                   "outlines", BUNDLE_MAX_SHAPE_POINTS);
        return false;
    }
    if (l->shape_points > BUNDLE_MAX_SHAPE_POINTS) return false; /* said once, above */
    for (size_t i = 0; i < parts; i++)
        if (!check_polygon(l, f, n->kind == YNODE_SEQ ? n->kids[i] : n, &polys[i])) return false;
    *out = polys;
    *n_out = parts;
    return true;
}

/* One corner of a region's outline, for finding the corners regions share. */
typedef struct Corner {
    float x, y;
    size_t item;
} Corner;

static int corner_cmp(const void *a, const void *b)
{
    const Corner *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return 0;
}

/* Whether another region than `item` has a corner at (x, y). */
static bool shared_corner(const Corner *all, size_t n, float x, float y, size_t item)
{
    Corner key = {x, y, 0};
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first corner not before (x, y) */
        size_t mid = (lo + hi) / 2;
        if (corner_cmp(&all[mid], &key) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (; lo < n && all[lo].x == x && all[lo].y == y; lo++)
        if (all[lo].item != item) return true;
    return false;
}

void map_label_points(Collection *c)
{
    size_t total = 0;
    for (size_t i = 0; i < c->n_items; i++)
        for (size_t p = 0; p < c->items[i].n_shape; p++) total += c->items[i].shape[p].n_points;
    Corner *all = total ? malloc(total * sizeof *all) : NULL;
    bool *open = malloc((SHAPE_MAX_POINTS + 1) * sizeof *open);
    if (!all || !open) goto out; /* the labels stay where check_polygon put them */
    size_t k = 0;
    for (size_t i = 0; i < c->n_items; i++)
        for (size_t p = 0; p < c->items[i].n_shape; p++)
            for (size_t j = 0; j < c->items[i].shape[p].n_points; j++) {
                const float *xy = c->items[i].shape[p].xy;
                all[k++] = (Corner){xy[2 * j], xy[2 * j + 1], i};
            }
    qsort(all, total, sizeof *all, corner_cmp);
    for (size_t i = 0; i < c->n_items; i++)
        for (size_t p = 0; p < c->items[i].n_shape; p++) {
            /* the loader's own polygons, in its arena: written once, before the bundle is
             * frozen */
            Polygon *pg = (Polygon *)&c->items[i].shape[p];
            for (size_t j = 0; j < pg->n_points; j++) {
                size_t j2 = (j + 1) % pg->n_points;
                open[j] = !shared_corner(all, total, pg->xy[2 * j], pg->xy[2 * j + 1], i) ||
                          !shared_corner(all, total, pg->xy[2 * j2], pg->xy[2 * j2 + 1], i);
            }
            poly_label_point(pg->xy, pg->n_points, LABEL_SQUASH, open, &pg->label_x, &pg->label_y);
        }
out:
    free(all);
    free(open);
}
