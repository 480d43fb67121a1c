/* lru.c: hash table with chaining plus a doubly linked recency list.
 *
 * Both get and put are O(1) on average. The table doubles when it holds more entries than
 * buckets, so the chains stay short however many small text textures a screen creates. */
#include "core/util.h"
#include "core/lru.h"

#include <stdlib.h>
#include <string.h>

typedef struct Entry {
    struct Entry *next_in_bucket;
    struct Entry *prev, *next; /* recency: head is most recent */
    void *value;
    size_t bytes;
    size_t hash;
    char key[];
} Entry;

struct Lru {
    Entry **buckets;
    size_t n_buckets, count, bytes, budget, evictions;
    Entry *head, *tail;
    LruFreeFn free_value;
    void *ctx;
};

Lru *lru_create(size_t budget_bytes, LruFreeFn free_value, void *ctx)
{
    Lru *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->n_buckets = 256;
    c->buckets = calloc(c->n_buckets, sizeof *c->buckets);
    if (!c->buckets) {
        free(c);
        return NULL;
    }
    c->budget = budget_bytes;
    c->free_value = free_value;
    c->ctx = ctx;
    return c;
}

static void unlink_recency(Lru *c, Entry *e)
{
    if (e->prev) e->prev->next = e->next;
    else c->head = e->next;
    if (e->next) e->next->prev = e->prev;
    else c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void push_front(Lru *c, Entry *e)
{
    e->prev = NULL;
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
}

/* Unlinks e and frees it; its value is the caller's (returned). */
static void *unlink_entry(Lru *c, Entry *e)
{
    Entry **p = &c->buckets[e->hash & (c->n_buckets - 1)];
    while (*p != e) p = &(*p)->next_in_bucket;
    *p = e->next_in_bucket;
    unlink_recency(c, e);
    c->count--;
    c->bytes -= e->bytes;
    void *value = e->value;
    free(e);
    return value;
}

static void remove_entry(Lru *c, Entry *e)
{
    void *value = unlink_entry(c, e);
    if (c->free_value) c->free_value(value, c->ctx);
}

static Entry *find(const Lru *c, const char *key, size_t h)
{
    for (Entry *e = c->buckets[h & (c->n_buckets - 1)]; e; e = e->next_in_bucket)
        if (e->hash == h && strcmp(e->key, key) == 0) return e;
    return NULL;
}

void *lru_get(Lru *c, const char *key)
{
    Entry *e = find(c, key, hash_str(key));
    if (!e) return NULL;
    unlink_recency(c, e);
    push_front(c, e);
    return e->value;
}

void *lru_take(Lru *c, const char *key)
{
    Entry *e = find(c, key, hash_str(key));
    return e ? unlink_entry(c, e) : NULL;
}

static void grow(Lru *c)
{
    size_t n = c->n_buckets * 2;
    Entry **b = calloc(n, sizeof *b);
    if (!b) return; /* longer chains, still correct */
    for (size_t i = 0; i < c->n_buckets; i++)
        for (Entry *e = c->buckets[i], *next; e; e = next) {
            next = e->next_in_bucket;
            e->next_in_bucket = b[e->hash & (n - 1)];
            b[e->hash & (n - 1)] = e;
        }
    free(c->buckets);
    c->buckets = b;
    c->n_buckets = n;
}

bool lru_put(Lru *c, const char *key, void *value, size_t bytes)
{
    size_t h = hash_str(key);
    Entry *old = find(c, key, h);
    if (old) remove_entry(c, old);
    size_t kl = strlen(key) + 1;
    Entry *e = malloc(sizeof *e + kl);
    if (!e) {
        if (c->free_value) c->free_value(value, c->ctx);
        return false;
    }
    memcpy(e->key, key, kl);
    e->value = value;
    e->bytes = bytes;
    e->hash = h;
    /* Make room first, so the budget holds at every moment after this call. */
    while (c->tail && c->bytes + bytes > c->budget) {
        remove_entry(c, c->tail);
        c->evictions++;
    }
    if (c->count + 1 > c->n_buckets) grow(c);
    Entry **bucket = &c->buckets[h & (c->n_buckets - 1)];
    e->next_in_bucket = *bucket;
    *bucket = e;
    push_front(c, e);
    c->count++;
    c->bytes += bytes;
    return true;
}

size_t lru_bytes(const Lru *c) { return c->bytes; }
size_t lru_count(const Lru *c) { return c->count; }
size_t lru_evictions(const Lru *c) { return c->evictions; }

void lru_clear(Lru *c)
{
    while (c->tail) remove_entry(c, c->tail);
}

void lru_destroy(Lru *c)
{
    if (!c) return;
    lru_clear(c);
    free(c->buckets);
    free(c);
}
