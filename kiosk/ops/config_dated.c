/* config_dated.c: the settings' `bundles_by_date`: another bundle on some days (a fair week).
 *
 *   bundles_by_date:
 *     - {bundle: /srv/kiosk/fair-2027, from: 2027-03-08, to: 2027-03-14}
 *
 * Dates are whole local days, `to` included. A day can show one bundle only, so ranges that
 * overlap are an error (the later one is pointed at, with the line of the one it overlaps).
 * Days no range covers show `bundle:`; when that is not set either, the kiosk would show its
 * built-in bundle on those days, which is worth a warning with the days in question. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle/schema.h"
#include "core/caldate.h"
#include "ops/config.h"

static const SchemaKey DATED_KEYS[] = {{"bundle", true}, {"from", true}, {"to", true}};
static const Schema SCHEMA_DATED = {"a dated bundle", DATED_KEYS, 3};

typedef struct Pending {
    DatedBundle d;
    const YNode *at; /* the entry, for messages */
} Pending;

static bool read_date(const YNode *m, const char *key, const char *file, Diags *diags, int32_t *out)
{
    const YNode *v = ynode_get(m, key);
    if (!v) return false;
    if (v->kind == YNODE_SCALAR && caldate_parse(v->str, out)) return true;
    diag_add(diags, DIAG_ERROR, file, v->line, v->col, "%s must be a date like 2027-03-13 "
             "(year-month-day, a real day between 2000 and 2099)", key);
    return false;
}

static bool read_entry(const YNode *m, const char *file, Diags *diags, Pending *p)
{
    if (!schema_check(&SCHEMA_DATED, m, file, diags)) {
        diag_add(diags, DIAG_ERROR, file, m->line, m->col, "each dated bundle is a mapping like "
                 "'{bundle: /srv/kiosk/fair, from: 2027-03-08, to: 2027-03-14}'");
        return false;
    }
    const YNode *b = ynode_get(m, "bundle");
    bool ok = read_date(m, "from", file, diags, &p->d.from);
    ok = read_date(m, "to", file, diags, &p->d.to) && ok;
    if (b && (b->kind != YNODE_SCALAR || b->str[0] != '/' || b->len >= CONFIG_MAX_PATH_BYTES)) {
        diag_add(diags, DIAG_ERROR, file, b->line, b->col, "bundle must be a bundle folder's "
                 "full path starting with '/', like /srv/kiosk/fair-2027");
        ok = false;
    }
    if (ok && p->d.to < p->d.from) {
        const YNode *to = ynode_get(m, "to");
        diag_add(diags, DIAG_ERROR, file, to->line, to->col, "'to' is before 'from': the dates "
                 "are days, 'to' included (the same day twice for a single day)");
        ok = false;
    }
    if (!ok || !b) return false;
    p->d.bundle = strdup(b->str);
    p->at = m;
    return p->d.bundle != NULL;
}

static int by_from(const void *a, const void *b)
{
    const Pending *x = a, *y = b;
    return x->d.from < y->d.from ? -1 : x->d.from > y->d.from;
}

/* Overlaps are errors; gaps are warned about when no `bundle:` covers them. */
static bool check_ranges(Pending *p, size_t n, const YNode *list, const char *file, Diags *diags,
                         bool has_default)
{
    bool ok = true;
    char a[CALDATE_TEXT], b[CALDATE_TEXT];
    size_t last = 0; /* the range reaching furthest so far: what a later one must follow */
    for (size_t i = 1; i < n; i++) {
        const Pending *prev = &p[last], *cur = &p[i];
        if (cur->d.from <= prev->d.to) {
            caldate_format(prev->d.from, a);
            caldate_format(prev->d.to, b);
            diag_add(diags, DIAG_ERROR, file, cur->at->line, cur->at->col, "these dates overlap "
                     "those on line %d (%s to %s); a day can show one bundle only", prev->at->line,
                     a, b);
            ok = false;
        } else if (!has_default && cur->d.from > prev->d.to + 1) {
            caldate_format(prev->d.to + 1, a);
            caldate_format(cur->d.from - 1, b);
            diag_add(diags, DIAG_WARNING, file, cur->at->line, cur->at->col, "no bundle is set "
                     "for %s to %s, the days before these: the kiosk shows its built-in bundle "
                     "then; set 'bundle:' for the days in between", a, b);
        }
        if (cur->d.to > prev->d.to) last = i;
    }
    if (!has_default && n > 0)
        diag_add(diags, DIAG_WARNING, file, list->line, list->col, "no 'bundle:' is set for the "
                 "days outside these dates: the kiosk shows its built-in bundle then");
    return ok;
}

bool config_read_dated(const YNode *n, const char *file, Diags *diags, KioskConfig *c)
{
    if (n->kind != YNODE_SEQ || n->n == 0 || n->n > CONFIG_MAX_DATED) {
        diag_add(diags, DIAG_ERROR, file, n->line, n->col, "bundles_by_date must be a list of 1 "
                 "to %d dated bundles, each '- {bundle: /srv/kiosk/fair, from: 2027-03-08, to: "
                 "2027-03-14}'", CONFIG_MAX_DATED);
        return false;
    }
    Pending *p = calloc(n->n, sizeof *p);
    if (!p) return false;
    size_t k = 0;
    bool ok = true;
    for (size_t i = 0; i < n->n; i++) {
        if (read_entry(n->kids[i], file, diags, &p[k])) k++;
        else ok = false;
    }
    qsort(p, k, sizeof *p, by_from);
    ok = check_ranges(p, k, n, file, diags, c->bundle != NULL) && ok;
    c->dated = ok ? calloc(k, sizeof *c->dated) : NULL;
    for (size_t i = 0; i < k; i++) {
        if (c->dated) c->dated[i] = p[i].d;
        else free(p[i].d.bundle);
    }
    c->n_dated = c->dated ? k : 0;
    free(p);
    return ok && c->dated;
}

const char *config_dated_bundle(const KioskConfig *c, int32_t day)
{
    for (size_t i = 0; i < c->n_dated; i++)
        if (day >= c->dated[i].from && day <= c->dated[i].to) return c->dated[i].bundle;
    return NULL;
}

void config_free_dated(KioskConfig *c)
{
    for (size_t i = 0; i < c->n_dated; i++) free(c->dated[i].bundle);
    free(c->dated);
    c->dated = NULL;
    c->n_dated = 0;
}
