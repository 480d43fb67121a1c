/* arena.h: one owner for many small allocations, freed in one call.
 *
 * A loaded bundle owns every string and array it points to through one Arena, so a bundle is
 * freed with a single arena_destroy() and no pointer inside it can outlive or leak past it. */
#ifndef KIOSK_ARENA_H
#define KIOSK_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

/* Returns a new, empty arena (owned by the caller), or NULL when out of memory. */
Arena *arena_create(void);
/* Frees every allocation made from the arena, then the arena. NULL is allowed. */
void arena_destroy(Arena *a);

/* Zeroed, max-aligned memory owned by the arena; NULL only when out of memory. */
void *arena_alloc(Arena *a, size_t size);
/* Zeroed array of n elements of size each; NULL on overflow or out of memory. */
void *arena_calloc(Arena *a, size_t n, size_t size);
/* Copy of s[0..len) plus a terminating NUL, owned by the arena. */
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_strdup(Arena *a, const char *s);
/* printf into arena memory. */
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Bytes handed out so far (for the benchmark's memory figures). */
size_t arena_used(const Arena *a);

#endif
