/* hyphen.h: hyphenation points from libhyphen and the distribution's dictionaries.
 *
 * One dictionary per language, found by code under HYPHEN_DIR (Debian's hyphen-nl, hyphen-de,
 * hyphen-en-us... install them there as hyph_<lang>[_<REGION>].dic), loaded on first use and
 * kept for the life of the process. No SDL; file reads only. A big dictionary (German's takes
 * seconds) is loaded ahead on another thread, so the first German visitor never waits. */
#ifndef KIOSK_HYPHEN_H
#define KIOSK_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>

#define HYPHEN_DIR "/usr/share/hyphen"

/* Letters a hyphenated word keeps before the first and after the last hyphen, at least (a
 * dictionary may ask for more): "Vliegtuige-n" can never happen. */
enum { HYPHEN_LEFT_MIN = 2, HYPHEN_RIGHT_MIN = 3, HYPHEN_WORD_MAX = 128 };

/* True when a dictionary for `lang` (e.g. "nl", "de", "en", "pt-BR") is installed. */
bool hyphen_available(const char *lang);
/* True when a dictionary file for `lang` is there, without loading it (a big one, such as
 * German's, takes seconds to load). */
bool hyphen_installed(const char *lang);
/* The dictionary file used for `lang`, or NULL; borrowed, valid until hyphen_release. */
const char *hyphen_file(const char *lang);
/* A WrapHyphenFn (layout/wrap.h): sets points[i] = 1 where `word` (UTF-8, len bytes) may be
 * broken after byte i with a hyphen, 0 elsewhere. Returns false (points all 0) when there is
 * no dictionary for `lang` or the word cannot be hyphenated (too long, not letters the
 * dictionary knows). ctx is unused. */
bool hyphen_points(void *ctx, const char *lang, const char *word, size_t len,
                   unsigned char *points);
/* Loads the dictionaries of these languages now (on the calling thread: the bundle reloader's),
 * or on a thread of their own (the first bundle, while the window starts). */
void hyphen_preload(const char *const *langs, size_t n);
void hyphen_preload_async(const char *const *langs, size_t n);
/* Frees every loaded dictionary (for a clean exit under a leak checker; no preload may be
 * running). */
void hyphen_release(void);

#endif
