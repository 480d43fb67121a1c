/* test_lru.c: the texture cache's promises, from lru.h.
 *
 * Values are slots of a static table, so the free callback can count frees per value and
 * catch a double free or a free of something never put. The randomised test drives the cache
 * and a naive model (an array in recency order) side by side with a fixed seed, and compares
 * them after every step. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lru.h"
#include "check.h"

enum { MAX_VALUES = 20000 };

/* Value i is &values[i]; frees[i] counts how often the cache freed it. */
typedef struct {
    int values[MAX_VALUES];
    int frees[MAX_VALUES];
    size_t total_frees;
    int next;
} Pool;

static void count_free(void *value, void *ctx)
{
    Pool *p = ctx;
    int i = (int)((int *)value - p->values);
    if (i < 0 || i >= p->next) {
        fprintf(stderr, "  freed a value that was never put (%p)\n", value);
        CHECK(0);
        return;
    }
    p->frees[i]++;
    p->total_frees++;
}

static void *new_value(Pool *p)
{
    return &p->values[p->next++];
}

static void test_put_then_get(void)
{
    static Pool p;
    memset(&p, 0, sizeof p);
    Lru *c = lru_create(1000, count_free, &p);
    CHECK(c != NULL);
    if (!c) return;
    void *a = new_value(&p), *b = new_value(&p);
    CHECK(lru_put(c, "a", a, 100));
    CHECK(lru_put(c, "b", b, 200));
    CHECK(lru_get(c, "a") == a);
    CHECK(lru_get(c, "b") == b);
    CHECK(lru_get(c, "c") == NULL);
    CHECK(lru_get(c, "") == NULL);
    CHECK_INT(lru_count(c), 2);
    CHECK_INT(lru_bytes(c), 300);
    CHECK_INT(lru_evictions(c), 0);
    CHECK_INT(p.total_frees, 0); /* nothing is freed while it fits */
    lru_destroy(c);
    CHECK_INT(p.total_frees, 2);
}

static void test_least_recently_used_goes_first(void)
{
    static Pool p;
    memset(&p, 0, sizeof p);
    Lru *c = lru_create(300, count_free, &p);
    if (!c) { CHECK(c != NULL); return; }
    void *a = new_value(&p), *b = new_value(&p), *v3 = new_value(&p), *d = new_value(&p);
    lru_put(c, "a", a, 100);
    lru_put(c, "b", b, 100);
    lru_put(c, "c", v3, 100);
    /* without any get, "a" is the oldest: a fourth entry evicts it */
    lru_put(c, "d", d, 100);
    CHECK(lru_get(c, "a") == NULL);
    CHECK_INT(p.frees[0], 1);
    CHECK_INT(lru_evictions(c), 1);
    /* now "b" is the oldest; reading it makes "c" the oldest instead */
    CHECK(lru_get(c, "b") == b);
    void *e = new_value(&p);
    lru_put(c, "e", e, 100);
    CHECK(lru_get(c, "c") == NULL);
    CHECK(lru_get(c, "b") == b);
    CHECK(lru_get(c, "d") == d);
    CHECK(lru_get(c, "e") == e);
    CHECK_INT(p.frees[1], 0); /* b survived */
    CHECK_INT(p.frees[2], 1); /* c went */
    CHECK_INT(lru_evictions(c), 2);
    /* one big entry evicts as many old ones as it needs, oldest first: the reads just above
     * left the order b, d, e (oldest first), and 200 bytes need two of them gone */
    void *big = new_value(&p);
    lru_put(c, "big", big, 200);
    CHECK(lru_get(c, "b") == NULL);
    CHECK(lru_get(c, "d") == NULL);
    CHECK(lru_get(c, "e") == e);
    CHECK_INT(lru_count(c), 2);
    CHECK_INT(lru_bytes(c), 300);
    lru_destroy(c);
}

static void test_entry_larger_than_budget_is_kept_alone(void)
{
    static Pool p;
    memset(&p, 0, sizeof p);
    Lru *c = lru_create(1000, count_free, &p);
    if (!c) { CHECK(c != NULL); return; }
    for (int i = 0; i < 5; i++) {
        char key[16];
        snprintf(key, sizeof key, "small%d", i);
        lru_put(c, key, new_value(&p), 100);
    }
    void *huge = new_value(&p);
    CHECK(lru_put(c, "huge", huge, 5000));
    CHECK(lru_get(c, "huge") == huge); /* kept, so the frame that needs it can draw it */
    CHECK_INT(lru_count(c), 1);
    CHECK_INT(lru_bytes(c), 5000);
    CHECK_INT(p.total_frees, 5);
    /* the next put, however small, pushes it out: back within budget */
    lru_put(c, "after", new_value(&p), 10);
    CHECK(lru_get(c, "huge") == NULL);
    CHECK_INT(lru_count(c), 1);
    CHECK_INT(lru_bytes(c), 10);
    lru_destroy(c);
    CHECK_INT(p.total_frees, 7);
}

static void test_replacing_a_key_frees_the_old_value(void)
{
    static Pool p;
    memset(&p, 0, sizeof p);
    Lru *c = lru_create(1000, count_free, &p);
    if (!c) { CHECK(c != NULL); return; }
    void *old = new_value(&p), *fresh = new_value(&p);
    lru_put(c, "k", old, 300);
    lru_put(c, "k", fresh, 500);
    CHECK_INT(p.frees[0], 1);
    CHECK_INT(p.frees[1], 0);
    CHECK(lru_get(c, "k") == fresh);
    CHECK_INT(lru_count(c), 1);
    CHECK_INT(lru_bytes(c), 500); /* the old size is not counted twice */
    CHECK_INT(lru_evictions(c), 0); /* a replacement is not an eviction */
    /* replacing with a size that would not fit next to the old value still fits alone */
    void *bigger = new_value(&p);
    lru_put(c, "k", bigger, 900);
    CHECK(lru_get(c, "k") == bigger);
    CHECK_INT(lru_bytes(c), 900);
    CHECK_INT(p.frees[1], 1);
    lru_destroy(c);
    CHECK_INT(p.frees[2], 1);
    CHECK_INT(p.total_frees, 3);
}

static void test_clear_frees_all(void)
{
    static Pool p;
    memset(&p, 0, sizeof p);
    Lru *c = lru_create(1 << 20, count_free, &p);
    if (!c) { CHECK(c != NULL); return; }
    /* enough entries to make the table grow a few times */
    for (int i = 0; i < 3000; i++) {
        char key[16];
        snprintf(key, sizeof key, "k%d", i);
        lru_put(c, key, new_value(&p), 7);
    }
    CHECK_INT(lru_count(c), 3000);
    CHECK_INT(lru_bytes(c), 21000);
    CHECK(lru_get(c, "k0") == &p.values[0]);
    CHECK(lru_get(c, "k2999") == &p.values[2999]);
    lru_clear(c);
    CHECK_INT(lru_count(c), 0);
    CHECK_INT(lru_bytes(c), 0);
    CHECK_INT(p.total_frees, 3000);
    CHECK(lru_get(c, "k5") == NULL);
    /* still usable after a clear */
    void *v = new_value(&p);
    CHECK(lru_put(c, "again", v, 1));
    CHECK(lru_get(c, "again") == v);
    lru_destroy(c);
    CHECK_INT(p.total_frees, 3001);
}

/* Model: keys in recency order, most recent first. */
typedef struct {
    int key[64];
    int value[64];
    size_t bytes[64];
    size_t n;
} Model;

static void model_touch(Model *m, size_t i)
{
    int k = m->key[i], v = m->value[i];
    size_t b = m->bytes[i];
    memmove(&m->key[1], &m->key[0], i * sizeof m->key[0]);
    memmove(&m->value[1], &m->value[0], i * sizeof m->value[0]);
    memmove(&m->bytes[1], &m->bytes[0], i * sizeof m->bytes[0]);
    m->key[0] = k;
    m->value[0] = v;
    m->bytes[0] = b;
}

static int model_find(const Model *m, int key)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->key[i] == key) return (int)i;
    return -1;
}

static void model_remove(Model *m, size_t i)
{
    memmove(&m->key[i], &m->key[i + 1], (m->n - i - 1) * sizeof m->key[0]);
    memmove(&m->value[i], &m->value[i + 1], (m->n - i - 1) * sizeof m->value[0]);
    memmove(&m->bytes[i], &m->bytes[i + 1], (m->n - i - 1) * sizeof m->bytes[0]);
    m->n--;
}

static size_t model_sum(const Model *m)
{
    size_t s = 0;
    for (size_t i = 0; i < m->n; i++) s += m->bytes[i];
    return s;
}

static void model_put(Model *m, int key, int value, size_t bytes, size_t budget)
{
    int at = model_find(m, key);
    if (at >= 0) model_remove(m, (size_t)at);
    while (m->n > 0 && model_sum(m) + bytes > budget) model_remove(m, m->n - 1);
    memmove(&m->key[1], &m->key[0], m->n * sizeof m->key[0]);
    memmove(&m->value[1], &m->value[0], m->n * sizeof m->value[0]);
    memmove(&m->bytes[1], &m->bytes[0], m->n * sizeof m->bytes[0]);
    m->key[0] = key;
    m->value[0] = value;
    m->bytes[0] = bytes;
    m->n++;
}

static uint32_t rng_state = 12345u;
static uint32_t rnd(uint32_t below)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return (rng_state >> 8) % below;
}

static void test_random_sequence_keeps_budget_and_order(void)
{
    enum { BUDGET = 10000, STEPS = 10000, KEYS = 40 };
    static Pool p;
    memset(&p, 0, sizeof p);
    static Model m;
    memset(&m, 0, sizeof m);
    Lru *c = lru_create(BUDGET, count_free, &p);
    if (!c) { CHECK(c != NULL); return; }
    size_t puts = 0, budget_breaks = 0, mismatches = 0;
    for (int step = 0; step < STEPS; step++) {
        char key[16];
        int k = (int)rnd(KEYS);
        snprintf(key, sizeof key, "tex/%d", k);
        if (rnd(2) == 0) {
            /* mostly textures of up to a fifth of the budget, now and then one too big */
            size_t bytes = rnd(50) == 0 ? BUDGET + rnd(BUDGET) : 1 + rnd(BUDGET / 5);
            void *v = new_value(&p);
            lru_put(c, key, v, bytes);
            puts++;
            model_put(&m, k, p.next - 1, bytes, BUDGET);
            bool ok = lru_bytes(c) <= BUDGET || (lru_count(c) == 1 && lru_bytes(c) == bytes);
            if (!ok) {
                if (budget_breaks++ == 0)
                    fprintf(stderr, "  step %d: %zu bytes in %zu entries, budget %d\n", step,
                            lru_bytes(c), lru_count(c), BUDGET);
            }
        } else {
            int at = model_find(&m, k);
            void *want = at >= 0 ? &p.values[m.value[at]] : NULL;
            void *got = lru_get(c, key);
            if (at >= 0) model_touch(&m, (size_t)at);
            if (got != want && mismatches++ == 0)
                fprintf(stderr, "  step %d: get %s gave %p, model says %p\n", step, key, got, want);
        }
        if ((lru_count(c) != m.n || lru_bytes(c) != model_sum(&m)) && mismatches++ == 0)
            fprintf(stderr, "  step %d: %zu entries / %zu bytes, model %zu / %zu\n", step,
                    lru_count(c), lru_bytes(c), m.n, model_sum(&m));
    }
    CHECK_INT(budget_breaks, 0);
    CHECK_INT(mismatches, 0);
    /* everything dropped so far was freed exactly once, everything still held not at all */
    size_t wrong = 0;
    for (int i = 0; i < p.next; i++) {
        bool held = false;
        for (size_t j = 0; j < m.n; j++) held = held || m.value[j] == i;
        if (p.frees[i] != (held ? 0 : 1)) wrong++;
    }
    CHECK_INT(wrong, 0);
    CHECK(lru_evictions(c) > 0); /* the sequence did exercise eviction */
    lru_destroy(c);
    CHECK_INT(p.total_frees, puts);
    size_t double_frees = 0;
    for (int i = 0; i < p.next; i++) double_frees += p.frees[i] != 1;
    CHECK_INT(double_frees, 0);
}

static void test_no_free_callback(void)
{
    /* values the cache does not own: no callback, nothing to crash on */
    Lru *c = lru_create(10, NULL, NULL);
    if (!c) { CHECK(c != NULL); return; }
    int a, b;
    CHECK(lru_put(c, "a", &a, 6));
    CHECK(lru_put(c, "b", &b, 6));
    CHECK(lru_get(c, "a") == NULL);
    CHECK(lru_get(c, "b") == &b);
    lru_destroy(c);
    lru_destroy(NULL); /* like free(NULL) */
}

static void test_take_hands_the_value_back(void)
{
    /* lru_take: the entry leaves the cache (count, bytes) and its value is not freed */
    static Pool p;
    memset(&p, 0, sizeof p);
    Lru *c = lru_create(1000, count_free, &p);
    if (!c) { CHECK(c != NULL); return; }
    void *a = new_value(&p), *b = new_value(&p);
    CHECK(lru_put(c, "a", a, 100));
    CHECK(lru_put(c, "b", b, 200));
    CHECK(lru_take(c, "a") == a);
    CHECK(lru_take(c, "a") == NULL);
    CHECK(lru_take(c, "zz") == NULL);
    CHECK(lru_get(c, "a") == NULL);
    CHECK(lru_get(c, "b") == b);
    CHECK_INT(lru_count(c), 1);
    CHECK_INT(lru_bytes(c), 200);
    CHECK_INT(p.total_frees, 0);
    lru_destroy(c);
    CHECK_INT(p.total_frees, 1); /* b only: a is the taker's */
    CHECK_INT(p.frees[0], 0);
}

int main(void)
{
    RUN(test_put_then_get);
    RUN(test_least_recently_used_goes_first);
    RUN(test_entry_larger_than_budget_is_kept_alone);
    RUN(test_replacing_a_key_frees_the_old_value);
    RUN(test_clear_frees_all);
    RUN(test_random_sequence_keeps_budget_and_order);
    RUN(test_no_free_callback);
    RUN(test_take_hands_the_value_back);
    return check_summary();
}
