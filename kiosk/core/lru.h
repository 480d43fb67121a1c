/* lru.h: a string-keyed cache with a byte budget, evicting the least recently used entry.
 *
 * Values are opaque (textures, in the backend); the cache calls `free_value` when it drops
 * one. The budget is never exceeded after lru_put returns, except by a single entry larger
 * than the whole budget, which is kept alone (so the frame that needs it can still draw it). */
#ifndef KIOSK_LRU_H
#define KIOSK_LRU_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Lru Lru;
typedef void (*LruFreeFn)(void *value, void *ctx);

Lru *lru_create(size_t budget_bytes, LruFreeFn free_value, void *ctx);
void lru_destroy(Lru *c);
/* The value for key (and marks it most recently used), or NULL. */
void *lru_get(Lru *c, const char *key);
/* Adds or replaces key; evicts old entries to stay within the budget. False on OOM (the value
 * is then freed). */
bool lru_put(Lru *c, const char *key, void *value, size_t bytes);
/* Removes key and hands its value to the caller (not freed), or NULL: for reusing it. */
void *lru_take(Lru *c, const char *key);
size_t lru_bytes(const Lru *c);
size_t lru_count(const Lru *c);
size_t lru_evictions(const Lru *c);
/* Drops everything (e.g. when the bundle changes). */
void lru_clear(Lru *c);

#endif
