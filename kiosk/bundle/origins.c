/* origins.c: where each text of the bundle was written, found again from a pointer into it.
 *
 * Screens draw pieces of the bundle's own strings (a fragment points into the arena copy of
 * a title), so a layout problem found on a screen can be reported at the text's own
 * file:line:col without the screens carrying positions around: the loader records the range
 * of every string it keeps, and a lookup finds the range holding a pointer (binary search over
 * the ranges sorted by address). Body text is recorded span by span at its body's position. */
#include <stdlib.h>
#include <string.h>

#include "bundle/loader.h"

void origins_add(Loader *l, const YFile *f, const YNode *n, const char *text, size_t len)
{
    if (!text || !f || !n) return;
    if (l->n_origins == l->cap_origins) {
        size_t cap = l->cap_origins ? 2 * l->cap_origins : 256;
        TextOrigin *grown = realloc(l->origins, cap * sizeof *grown);
        if (!grown) return; /* positions are a convenience: a warning will lack one */
        l->origins = grown;
        l->cap_origins = cap;
    }
    if (f != l->origin_file) { /* file names live in scratch memory: keep one copy per file */
        l->origin_file = f;
        l->origin_name = arena_strndup(l->arena, f->name, strlen(f->name));
    }
    l->origins[l->n_origins++] = (TextOrigin){text, len, l->origin_name, n->line, n->col};
}

void origins_add_body(Loader *l, const YFile *f, const YNode *n, const Body *body)
{
    for (size_t i = 0; i < body->n_blocks; i++)
        for (size_t k = 0; k < body->blocks[i].n_spans; k++) {
            const char *s = body->blocks[i].spans[k].text;
            origins_add(l, f, n, s, strlen(s));
        }
}

static int by_address(const void *a, const void *b)
{
    const char *x = ((const TextOrigin *)a)->text, *y = ((const TextOrigin *)b)->text;
    return x < y ? -1 : x > y;
}

void origins_freeze(Loader *l)
{
    Bundle *b = l->b;
    if (l->n_origins) {
        TextOrigin *all = arena_alloc(l->arena, l->n_origins * sizeof *all);
        if (all) {
            memcpy(all, l->origins, l->n_origins * sizeof *all);
            qsort(all, l->n_origins, sizeof *all, by_address);
            b->origins = all;
            b->n_origins = l->n_origins;
        }
    }
    free(l->origins);
    l->origins = NULL;
    l->n_origins = l->cap_origins = 0;
}

const TextOrigin *bundle_text_origin(const Bundle *b, const char *p)
{
    size_t lo = 0, hi = b->n_origins;
    while (lo < hi) { /* first range starting after p */
        size_t mid = (lo + hi) / 2;
        if (b->origins[mid].text <= p) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return NULL;
    const TextOrigin *o = &b->origins[lo - 1];
    return p < o->text + o->len + 1 ? o : NULL; /* + 1: the terminating NUL belongs too */
}
