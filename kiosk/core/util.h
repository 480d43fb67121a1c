/* util.h: small helpers that several layers need, kept in one place so they agree.
 *
 *   hash:   FNV-1a, for the texture cache, the bundle's id maps, the font width cache and
 *           the bundle folder's fingerprint;
 *   err:    the error-buffer convention of functions that return false with a reason;
 *   paths:  the folder part of a file path. */
#ifndef KIOSK_UTIL_H
#define KIOSK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { HASH_SEED = 0 }; /* hash_* start from the FNV offset basis mixed with a seed */

/* FNV-1a of len bytes, continued from `h` (start with hash_start(seed)). */
uint64_t hash_start(uint64_t seed);
uint64_t hash_bytes(uint64_t h, const void *data, size_t len);
uint64_t hash_str(const char *s);
/* One 64-bit value mixed in (sizes, times). */
uint64_t hash_u64(uint64_t h, uint64_t v);

/* Writes a message into err (n bytes; nothing when err is NULL or n is 0). */
void err_set(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The bundle's rule for ids: 1..max lowercase letters, digits and '-', starting with a letter.
 * A name ("Anna de Vries") or a sentence cannot pass it. */
bool text_is_id(const char *s, size_t len, size_t max);
/* The bundle's rule for language codes: "nl", "en", "pap", "pt-BR". */
bool text_is_language(const char *s);

/* The folder holding `path`: "." for a bare name, "/" for a file in the root. */
void path_dir(const char *path, char *dir, size_t n);
/* The last component of `path` (borrowed from it). */
const char *path_base(const char *path);

#endif
