/* arena.c: a bump allocator over a chain of chunks.
 *
 * Allocations are never freed one by one; the chain is released at once. Chunks grow
 * geometrically (64 KiB, doubling up to 1 MiB) so a 5,000-item bundle costs few mallocs, and a
 * request larger than a chunk gets a chunk of its own. */
#include "core/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_FIRST_CHUNK = 64 * 1024, ARENA_MAX_CHUNK = 1024 * 1024 };

typedef struct Chunk {
    struct Chunk *next;
    size_t size; /* usable bytes in data[] */
    size_t used;
    max_align_t data[];
} Chunk;

struct Arena {
    Chunk *head;
    size_t next_size;
    size_t total;
};

Arena *arena_create(void)
{
    Arena *a = calloc(1, sizeof *a);
    if (a) a->next_size = ARENA_FIRST_CHUNK;
    return a;
}

void arena_destroy(Arena *a)
{
    if (!a) return;
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *arena_alloc(Arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    Chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t want = a->next_size;
        if (want < size) want = size;
        c = malloc(sizeof *c + want);
        if (!c) return NULL;
        c->size = want;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        if (a->next_size < ARENA_MAX_CHUNK) a->next_size *= 2;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

void *arena_calloc(Arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    return arena_alloc(a, n * size);
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t arena_used(const Arena *a)
{
    return a->total;
}
