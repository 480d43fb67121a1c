/* pin.c: yescrypt hashing of the admin PIN and the lockout after wrong PINs.
 *
 * Why yescrypt through libxcrypt: it is the default password hash of current Debian, it is
 * deliberately slow and memory-hard, and the salt and cost travel inside the hash string, so
 * the config file needs one line. crypt_r() with its own struct crypt_data (32 KB, on the
 * heap) keeps this thread-safe; the struct is wiped before it is freed because it held the PIN.
 *
 * Only "$y$" hashes are ever passed to crypt_r(): libxcrypt would happily treat any other
 * string as an old DES or MD5 setting, and a plain PIN pasted into the config must not turn
 * into something that can match.
 *
 * The guard keeps two numbers, the count of wrong PINs and when the last one was typed; the
 * lock length follows from the count, so nothing else needs to be stored or reset. */
#include "ops/pin.h"

#include <crypt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

const char *pin_problem(const char *pin)
{
    if (!pin) return "no PIN given";
    size_t len = strlen(pin);
    for (size_t i = 0; i < len; i++)
        if (pin[i] < '0' || pin[i] > '9') return "a PIN has only digits (0 to 9)";
    if (len < PIN_MIN_DIGITS) return "a PIN has at least 4 digits";
    if (len > PIN_MAX_DIGITS) return "a PIN has at most 12 digits";
    return NULL;
}

bool pin_valid(const char *pin)
{
    return pin_problem(pin) == NULL;
}

bool pin_is_hash(const char *hash)
{
    if (!hash || strncmp(hash, PIN_HASH_PREFIX, strlen(PIN_HASH_PREFIX)) != 0) return false;
    size_t len = strlen(hash), dollars = 0;
    if (len >= PIN_HASH_SIZE) return false;
    for (size_t i = 0; i < len; i++) {
        char c = hash[i];
        if (c == '$') dollars++;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '/'))
            return false;
    }
    return dollars == 4 && hash[len - 1] != '$';
}

/* crypt_r() on the heap; returns the hash (inside *data) or NULL. */
static const char *hash_with(const char *pin, const char *setting, struct crypt_data **data)
{
    *data = calloc(1, sizeof **data);
    if (!*data) return NULL;
    const char *h = crypt_r(pin, setting, *data);
    /* libxcrypt reports failure as NULL or as a string starting with '*' ("*0", "*1"). */
    return h && h[0] != '*' ? h : NULL;
}

static void wipe_free(struct crypt_data *data)
{
    if (!data) return;
    explicit_bzero(data, sizeof *data);
    free(data);
}

bool pin_hash(const char *pin, char *out, size_t n)
{
    if (n) out[0] = '\0';
    if (!pin_valid(pin) || n == 0) return false;
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    /* NULL random bytes: libxcrypt takes them from the system (getrandom). */
    if (!crypt_gensalt_rn(PIN_HASH_PREFIX, 0, NULL, 0, setting, (int)sizeof setting))
        return false;
    struct crypt_data *data;
    const char *h = hash_with(pin, setting, &data);
    bool ok = h && pin_is_hash(h) && strlen(h) < n;
    if (ok) memcpy(out, h, strlen(h) + 1);
    wipe_free(data);
    return ok;
}

/* Compares two strings of the same length without stopping at the first difference, so the
 * time taken does not tell how much of a guess was right. */
static bool same_bytes(const char *a, const char *b, size_t len)
{
    volatile unsigned char diff = 0;
    for (size_t i = 0; i < len; i++) diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

bool pin_verify(const char *pin, const char *hash)
{
    if (!pin_valid(pin) || !pin_is_hash(hash)) return false;
    struct crypt_data *data;
    const char *h = hash_with(pin, hash, &data);
    /* The length of a hash is public (it is in the config file); only its bytes are compared
     * in constant time. */
    bool ok = h && strlen(h) == strlen(hash) && same_bytes(h, hash, strlen(hash));
    wipe_free(data);
    return ok;
}

/* The lock that the `failures`-th wrong PIN in a row starts, in ms (0 = none). */
static int64_t lock_ms(int failures)
{
    if (failures < PIN_GUARD_LOCK_AFTER) return 0;
    int64_t ms = PIN_GUARD_FIRST_LOCK_MS;
    for (int i = PIN_GUARD_LOCK_AFTER; i < failures && ms < PIN_GUARD_MAX_LOCK_MS; i++) ms *= 2;
    return ms < PIN_GUARD_MAX_LOCK_MS ? ms : PIN_GUARD_MAX_LOCK_MS;
}

int64_t pin_guard_wait_ms(const PinGuard *g, int64_t now_ms)
{
    int64_t lock = lock_ms(g->failures);
    if (lock == 0) return 0;
    int64_t elapsed = now_ms - g->last_failure_ms;
    if (elapsed < 0) return lock; /* the clock went backwards: wait one full lock, no more */
    return elapsed >= lock ? 0 : lock - elapsed;
}

bool pin_guard_allowed(const PinGuard *g, int64_t now_ms)
{
    return pin_guard_wait_ms(g, now_ms) == 0;
}

void pin_guard_failed(PinGuard *g, int64_t now_ms)
{
    if (g->failures < INT_MAX) g->failures++;
    g->last_failure_ms = now_ms;
}

void pin_guard_succeeded(PinGuard *g)
{
    *g = (PinGuard){0};
}
