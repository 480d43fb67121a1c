/* diag.c: a growable list of located messages.
 *
 * The format is the one compilers use (file:line:col: severity: message) because editors and
 * terminals already know how to jump to it. */
#include "bundle/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diags_init(Diags *d)
{
    memset(d, 0, sizeof *d);
}

void diags_free(Diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

void diag_add(Diags *d, DiagSeverity sev, const char *file, int line, int col,
              const char *fmt, ...)
{
    if (sev == DIAG_ERROR) d->errors++;
    else d->warnings++;
    if (d->count >= DIAG_MAX) {
        d->dropped = true;
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        Diag *items = realloc(d->items, cap * sizeof *items);
        if (!items) {
            d->dropped = true;
            return;
        }
        d->items = items;
        d->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = malloc(n > 0 ? (size_t)n + 1 : 1);
    char *f = strdup(file ? file : "");
    if (!msg || !f) {
        free(msg);
        free(f);
        d->dropped = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->items[d->count++] = (Diag){sev, f, line, col, msg};
}

const char *diag_format(const Diag *g, char *buf, size_t size)
{
    const char *sev = g->severity == DIAG_ERROR ? "error" : "warning";
    if (g->line > 0)
        snprintf(buf, size, "%s:%d:%d: %s: %s", g->file, g->line, g->col, sev, g->message);
    else
        snprintf(buf, size, "%s: %s: %s", g->file, sev, g->message);
    return buf;
}

void diags_print(const Diags *d, FILE *out)
{
    char buf[2048];
    for (size_t i = 0; i < d->count; i++)
        fprintf(out, "%s\n", diag_format(&d->items[i], buf, sizeof buf));
    if (d->dropped)
        fprintf(out, "(%zu more problems not shown)\n",
                d->errors + d->warnings - d->count);
}

size_t diags_to_text(const Diags *d, char *buf, size_t size)
{
    size_t used = 0;
    if (size) buf[0] = '\0';
    for (size_t i = 0; i < d->count && used + 1 < size; i++) {
        char line[1024];
        int n = snprintf(buf + used, size - used, "%s\n", diag_format(&d->items[i], line, sizeof line));
        if (n < 0) break;
        used += (size_t)n < size - used ? (size_t)n : size - used - 1;
    }
    return used;
}

/* Insertion sort: at most DIAG_MAX entries, mostly in order already, and it is stable. */
void diags_sort_from(Diags *d, size_t first)
{
    if (first >= d->count) return;
    /* The rank of a file is where it first appears, so files keep their reading order. */
    size_t n = d->count - first;
    size_t *rank = malloc(n * sizeof *rank);
    if (!rank) return;
    for (size_t i = 0; i < n; i++) {
        rank[i] = i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(d->items[first + j].file, d->items[first + i].file) == 0) {
                rank[i] = rank[j];
                break;
            }
    }
    for (size_t i = 1; i < n; i++) {
        Diag g = d->items[first + i];
        size_t r = rank[i], j = i;
        while (j > 0) {
            const Diag *p = &d->items[first + j - 1];
            size_t pr = rank[j - 1];
            bool after = pr > r || (pr == r && (p->line > g.line ||
                                                (p->line == g.line && p->col > g.col)));
            if (!after) break;
            d->items[first + j] = *p;
            rank[j] = pr;
            j--;
        }
        d->items[first + j] = g;
        rank[j] = r;
    }
    free(rank);
}
