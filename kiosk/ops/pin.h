/* pin.h: the admin PIN, stored only as a salted yescrypt hash, and a guard against guessing.
 *
 * The PIN itself is never stored or logged: `kiosk --set-pin` hashes it with pin_hash() and
 * writes the hash to the config file; the admin screen checks an entry with pin_verify().
 * The guard is pure (time is a parameter, in milliseconds of a monotonic clock), so the
 * lockout schedule is tested on a fake clock. */
#ifndef KIOSK_PIN_H
#define KIOSK_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    PIN_MIN_DIGITS = 4,
    PIN_MAX_DIGITS = 12,
    PIN_HASH_SIZE = 128, /* buffer for a hash with its NUL; yescrypt's are about 73 bytes */
};

/* The prefix of every hash pin_hash() writes and pin_verify() accepts (yescrypt). */
#define PIN_HASH_PREFIX "$y$"

/* NULL when `pin` is acceptable (PIN_MIN_DIGITS to PIN_MAX_DIGITS digits 0-9, nothing else),
 * otherwise a plain-language reason for the person typing it (which never repeats the PIN). */
const char *pin_problem(const char *pin);
bool pin_valid(const char *pin);

/* True when `s` has the shape of a hash pin_hash() writes: PIN_HASH_PREFIX, then parameters,
 * salt and hash separated by '$' in crypt's base-64 alphabet. A PIN itself never is. */
bool pin_is_hash(const char *s);

/* Hashes a valid PIN with a fresh random salt into out (n bytes; PIN_HASH_SIZE is enough).
 * The result starts with PIN_HASH_PREFIX. Returns false, with out set to "", when the PIN is
 * not valid, the system has no randomness or no yescrypt, or out is too small. Every copy of
 * the PIN this function makes is wiped before it returns. */
bool pin_hash(const char *pin, char *out, size_t n);

/* True when `pin` hashes to `hash`. False for an invalid PIN and for any hash that is not a
 * well-formed yescrypt hash (so a plain PIN in the config never matches anything). The final
 * comparison takes the same time however many characters agree. Takes about as long as
 * pin_hash() (tens of milliseconds, on purpose). */
bool pin_verify(const char *pin, const char *hash);

/* The lockout schedule: the PIN_GUARD_LOCK_AFTER-th wrong PIN in a row locks the PIN entry
 * for PIN_GUARD_FIRST_LOCK_MS; each further wrong PIN doubles the lock, up to
 * PIN_GUARD_MAX_LOCK_MS. A right PIN resets everything. */
enum {
    PIN_GUARD_LOCK_AFTER = 3,
    PIN_GUARD_FIRST_LOCK_MS = 30 * 1000,
    PIN_GUARD_MAX_LOCK_MS = 15 * 60 * 1000,
};

/* Start from a zeroed PinGuard (`PinGuard g = {0};`). It lives in memory only, so a restart
 * forgets it: with PIN_GUARD_LOCK_AFTER free tries per restart, guessing a 4-digit PIN that
 * way takes thousands of restarts. Persist it if that ever matters. */
typedef struct PinGuard {
    int failures;            /* wrong PINs since the last right one */
    int64_t last_failure_ms; /* when the last wrong PIN was entered (monotonic ms) */
} PinGuard;

/* True when a PIN may be tried at `now_ms`. */
bool pin_guard_allowed(const PinGuard *g, int64_t now_ms);
/* Records a wrong PIN at `now_ms` (also when called while locked: it then locks longer). */
void pin_guard_failed(PinGuard *g, int64_t now_ms);
/* Records a right PIN: the count and any lock are forgotten. */
void pin_guard_succeeded(PinGuard *g);
/* Milliseconds until a PIN may be tried again, 0 when allowed now. Never more than the length
 * of the current lock, even if the clock went backwards. */
int64_t pin_guard_wait_ms(const PinGuard *g, int64_t now_ms);

#endif
