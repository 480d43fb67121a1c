/* figure.c: an item's figure (a number with its year) and its series (a chart's bars).
 *
 * Numbers are written plainly in YAML (1861000, 12.5) and kept as exact decimals; the screens
 * add each language's separators. A Dutch organiser's "29.200" would silently be 29.2 to a
 * parser, so a point followed by exactly three digits (or any second separator) is refused
 * with the plain number to write instead. A figure always names its source (the item's first
 * source), because a number without year and source is a rumour. */
#include <stdlib.h>
#include <string.h>

#include "bundle/loader.h"

/* Numbers up to 10^15: far beyond any count an exhibit shows, and safe in int64 math. */
#define NUMBER_MAX 1000000000000000LL

bool read_mapping(Loader *l, const YFile *f, const YNode *n, const Schema *s)
{
    if (schema_check(s, n, f->name, l->diags)) return true;
    load_error(l, f, n, "expected %s here (a mapping of keys like 'value: ...'), but found %s",
               s->what, n->kind == YNODE_SEQ ? "a list" : "a single value");
    return false;
}

/* The digits of s without '.', ',', ' ' and '\'' (for "write 29200"), into out. */
static void plain_digits(const char *s, char *out, size_t size)
{
    size_t k = 0;
    for (; *s && k + 1 < size; s++)
        if (*s >= '0' && *s <= '9') out[k++] = *s;
    out[k] = '\0';
}

static bool separator_misused(const char *s)
{
    const char *dot = strchr(s, '.');
    if (strpbrk(s, ", '") || (dot && strchr(dot + 1, '.'))) return true;
    return dot && strlen(dot + 1) == 3; /* "29.200": Dutch thousands, not 29.2 */
}

/* A plain decimal number: optional '-', digits, optional '.' and one or two digits. */
static bool read_number(Loader *l, const YFile *f, const YNode *n, int64_t *value, int *decimals)
{
    if (n->kind != YNODE_SCALAR) {
        load_error(l, f, n, "expected a number like 29200 or 12.5, but found a %s",
                   n->kind == YNODE_SEQ ? "list" : "mapping");
        return false;
    }
    const char *s = n->str;
    if (n->len > 0 && n->len < 24 && separator_misused(s)) {
        char plain[32];
        plain_digits(s, plain, sizeof plain);
        load_error(l, f, n, "write the number '%s' without separators: %s (a decimal has at "
                   "most two digits after the point, like 12.5)", s, plain);
        return false;
    }
    const char *p = s + (*s == '-');
    int64_t v = 0;
    int digits = 0, dec = -1;
    for (; *p; p++) {
        if (*p == '.' && dec < 0) {
            dec = 0;
            continue;
        }
        if (*p < '0' || *p > '9' || v > NUMBER_MAX || dec >= NUMFMT_MAX_DECIMALS) break;
        v = v * 10 + (*p - '0');
        digits++;
        if (dec >= 0) dec++;
    }
    if (*p || digits == 0 || dec == 0) {
        load_error(l, f, n, "expected a number like 29200 or 12.5, but found '%.40s'", s);
        return false;
    }
    if (v > NUMBER_MAX) {
        load_error(l, f, n, "'%.40s' is too large for a figure", s);
        return false;
    }
    *value = *s == '-' ? -v : v;
    *decimals = dec < 0 ? 0 : dec;
    return true;
}

bool read_flag(Loader *l, const YFile *f, const YNode *n, bool *out)
{
    if (!n) return true;
    static const char *const yes[] = {"true", "yes"}, *const no[] = {"false", "no"};
    for (size_t i = 0; n->kind == YNODE_SCALAR && i < 2; i++) {
        if (strcmp(n->str, yes[i]) == 0) return *out = true;
        if (strcmp(n->str, no[i]) == 0) return !(*out = false);
    }
    load_error(l, f, n, "expected true or false here");
    return false;
}

static void read_unit(Loader *l, const YFile *f, const YNode *n, NumUnit *out)
{
    static const char *const names[] = {"number", "percent"};
    if (!n) return;
    for (size_t i = 0; n->kind == YNODE_SCALAR && i < 2; i++)
        if (strcmp(n->str, names[i]) == 0) {
            *out = (NumUnit)i;
            return;
        }
    const char *hint = n->kind == YNODE_SCALAR ? schema_suggest(n->str, names, 2) : NULL;
    if (n->kind == YNODE_SCALAR && strcmp(n->str, "%") == 0) hint = "percent";
    load_error(l, f, n, "'unit' must be number or percent%s%s%s",
               hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
}

void read_figure(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    if (!n || !read_mapping(l, f, n, &SCHEMA_FIGURE)) return;
    Figure *fig = arena_calloc(l->arena, 1, sizeof *fig);
    if (!fig) return;
    const YNode *v = ynode_get(n, "value");
    bool ok = v && read_number(l, f, v, &fig->value, &fig->decimals);
    ok = read_text(l, f, ynode_get(n, "year"), &fig->year) && ok;
    read_unit(l, f, ynode_get(n, "unit"), &fig->unit);
    ok = read_flag(l, f, ynode_get(n, "or_more"), &fig->or_more) && ok;
    if (!ok) return;
    if (it->n_sources == 0)
        load_error(l, f, n, "a figure needs its source: add 'sources' to the item (the first "
                   "one is shown under the number)");
    it->figure = fig;
}

void read_series(Loader *l, const YFile *f, const YNode *n, Item *it)
{
    const YNode *seq = read_seq(l, f, n, 0, SIZE_MAX, "points (year and value)");
    if (!seq) return;
    if (seq->n < SERIES_MIN_POINTS || seq->n > SERIES_MAX_POINTS) {
        load_error(l, f, seq, "a series has %zu point%s; a chart needs %d to %d, each like "
                   "'- {year: \"2019\", value: 1582000}'", seq->n, seq->n == 1 ? "" : "s",
                   SERIES_MIN_POINTS, SERIES_MAX_POINTS);
        return;
    }
    SeriesPoint *pts = arena_calloc(l->arena, seq->n, sizeof *pts);
    if (!pts) return;
    bool ok = true;
    for (size_t i = 0; i < seq->n; i++) {
        const YNode *m = seq->kids[i];
        if (!read_mapping(l, f, m, &SCHEMA_POINT)) {
            ok = false;
            continue;
        }
        ok = read_text(l, f, ynode_get(m, "year"), &pts[i].year) && ok;
        const YNode *v = ynode_get(m, "value");
        if (!v || !read_number(l, f, v, &pts[i].value, &pts[i].decimals)) {
            ok = false;
        } else if (pts[i].value < 0) {
            load_error(l, f, v, "a value in a series must be 0 or more (its bar starts at 0)");
            ok = false;
        }
    }
    if (!ok) return;
    it->series = pts;
    it->n_series = seq->n;
}
