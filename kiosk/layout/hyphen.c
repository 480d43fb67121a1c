/* hyphen.c: libhyphen dictionaries, one per language, and the word-to-points adapter.
 *
 * The distribution's dictionaries come in two encodings (hyph_nl and hyph_de are ISO-8859-1,
 * hyph_en_US is UTF-8; the first line of the file says which, and libhyphen records it). A
 * word from the bundle is UTF-8 in any case, so it is lowercased and re-encoded per character
 * (the patterns are lowercase), hyphenated, and the points, which libhyphen reports per
 * character for both encodings, are mapped back to UTF-8 byte offsets. A word with a
 * character the dictionary's encoding cannot hold is simply not hyphenated.
 *
 * Non-standard points (libhyphen's replacements, e.g. old German "Schiff=fahrt") are skipped:
 * the layout can only draw a hyphen after the bytes that are there. */
#include "layout/hyphen.h"

#include "core/utf8.h"

#include <hyphen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HYPHEN_MAX_LANGS = 16, HYPHEN_LANG_CODE = 16 };

typedef struct Dict {
    char lang[HYPHEN_LANG_CODE];
    char *file;       /* NULL: looked for and not found */
    HyphenDict *dict; /* NULL when file is NULL or could not be read */
} Dict;

static Dict dicts[HYPHEN_MAX_LANGS];
static size_t n_dicts;
/* Dictionaries are loaded ahead on another thread (hyphen_preload), so the list is shared. A
 * Dict never moves or changes once made, so only finding and making one needs the lock. */
static pthread_mutex_t dicts_lock = PTHREAD_MUTEX_INITIALIZER;
static bool released; /* after hyphen_release: a preload still running loads nothing more */

static bool readable(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f) fclose(f);
    return f != NULL;
}

/* "pt-BR" -> tries hyph_pt_BR.dic, then hyph_pt.dic, then hyph_pt_PT.dic (the main region). */
static char *find_file(const char *lang)
{
    char base[HYPHEN_LANG_CODE], region[HYPHEN_LANG_CODE] = "", path[256];
    size_t n = strcspn(lang, "-_");
    if (n == 0 || n >= sizeof base) return NULL;
    memcpy(base, lang, n);
    base[n] = '\0';
    if (lang[n]) snprintf(region, sizeof region, "%s", lang + n + 1);
    char upper[HYPHEN_LANG_CODE];
    for (size_t i = 0; i <= n; i++) upper[i] = (char)(base[i] >= 'a' && base[i] <= 'z' ? base[i] - 32 : base[i]);
    const char *fallback_region = strcmp(base, "en") == 0 ? "US" : upper;
    if (*region) {
        snprintf(path, sizeof path, "%s/hyph_%s_%s.dic", HYPHEN_DIR, base, region);
        if (readable(path)) return strdup(path);
    }
    snprintf(path, sizeof path, "%s/hyph_%s.dic", HYPHEN_DIR, base);
    if (readable(path)) return strdup(path);
    snprintf(path, sizeof path, "%s/hyph_%s_%s.dic", HYPHEN_DIR, base, fallback_region);
    if (readable(path)) return strdup(path);
    return NULL;
}

static Dict *dict_for_locked(const char *lang)
{
    if (!lang || !*lang || strlen(lang) >= HYPHEN_LANG_CODE) return NULL;
    for (size_t i = 0; i < n_dicts; i++)
        if (strcmp(dicts[i].lang, lang) == 0) return &dicts[i];
    if (n_dicts == HYPHEN_MAX_LANGS || released) return NULL; /* more than a bundle can have */
    Dict d = {0};
    snprintf(d.lang, sizeof d.lang, "%s", lang);
    d.file = find_file(lang);
    d.dict = d.file ? hnj_hyphen_load(d.file) : NULL;
    dicts[n_dicts] = d;
    return &dicts[n_dicts++];
}

static Dict *dict_for(const char *lang)
{
    pthread_mutex_lock(&dicts_lock);
    Dict *d = dict_for_locked(lang);
    pthread_mutex_unlock(&dicts_lock);
    return d;
}

void hyphen_preload(const char *const *langs, size_t n)
{
    for (size_t i = 0; i < n; i++) dict_for(langs[i]);
}

typedef struct Preload {
    size_t n;
    char langs[HYPHEN_MAX_LANGS][HYPHEN_LANG_CODE];
} Preload;

static void *preload_thread(void *arg)
{
    Preload *p = arg;
    for (size_t i = 0; i < p->n; i++) dict_for(p->langs[i]);
    free(p);
    return NULL;
}

void hyphen_preload_async(const char *const *langs, size_t n)
{
    Preload *p = calloc(1, sizeof *p);
    if (!p) return;
    for (size_t i = 0; i < n && p->n < HYPHEN_MAX_LANGS; i++)
        snprintf(p->langs[p->n++], HYPHEN_LANG_CODE, "%s", langs[i]);
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, preload_thread, p) != 0) free(p); /* then loaded on first use */
    pthread_attr_destroy(&attr);
}

bool hyphen_available(const char *lang)
{
    Dict *d = dict_for(lang);
    return d && d->dict;
}

bool hyphen_installed(const char *lang)
{
    if (!lang || !*lang || strlen(lang) >= HYPHEN_LANG_CODE) return false;
    char *file = find_file(lang);
    free(file);
    return file != NULL;
}

const char *hyphen_file(const char *lang)
{
    Dict *d = dict_for(lang);
    return d && d->dict ? d->file : NULL;
}

/* Next code point of s[*i..len), or -1 for a byte that is not well-formed UTF-8. */
static long next_cp(const unsigned char *s, size_t len, size_t *i)
{
    size_t n;
    long cp = utf8_decode(s + *i, len - *i, &n);
    *i += n;
    return cp;
}

/* Lowercase for the scripts the dictionaries cover (Latin, Greek, Cyrillic basics). */
static long lower(long cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
    if ((cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x410 && cp <= 0x42F)) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) return cp + 1; /* Latin Extended-A pairs (mostly) */
    return cp;
}

static size_t put_utf8(char *out, long cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The word lowercased in the dictionary's encoding; end[k] is the UTF-8 byte offset just past
 * character k of the original (0: inside one original character, no break there). Returns the number of characters, or -1 when it cannot be. */
static int encode(const HyphenDict *dict, const char *word, size_t len, char *out, size_t *out_len,
                  size_t end[HYPHEN_WORD_MAX])
{
    int chars = 0;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        long cp = next_cp((const unsigned char *)word, len, &i);
        if (cp < 0 || chars + 1 >= HYPHEN_WORD_MAX) return -1;
        cp = lower(cp);
        if (cp == 0x132 || cp == 0x133) { /* the Dutch ligature IJ: the patterns spell it "ij" */
            out[o++] = 'i';
            end[chars++] = 0; /* no break between its two halves */
            cp = 'j';
        }
        if (dict->utf8) o += put_utf8(out + o, cp);
        else if (cp <= 0xFF) out[o++] = (char)cp;
        else return -1;
        end[chars++] = i;
    }
    out[o] = '\0';
    *out_len = o;
    return chars;
}

bool hyphen_points(void *ctx, const char *lang, const char *word, size_t len,
                   unsigned char *points)
{
    (void)ctx;
    memset(points, 0, len);
    Dict *d = dict_for(lang);
    if (!d || !d->dict || len == 0 || len >= HYPHEN_WORD_MAX) return false;
    char enc[HYPHEN_WORD_MAX * 4 + 1], hyphens[HYPHEN_WORD_MAX * 4 + 5];
    size_t end[HYPHEN_WORD_MAX], enc_len = 0;
    int chars = encode(d->dict, word, len, enc, &enc_len, end);
    if (chars < HYPHEN_LEFT_MIN + HYPHEN_RIGHT_MIN) return false;
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    memset(hyphens, 0, sizeof hyphens);
    bool any = false;
    if (hnj_hyphen_hyphenate3(d->dict, enc, (int)enc_len, hyphens, NULL, &rep, &pos, &cut,
                              HYPHEN_LEFT_MIN, HYPHEN_RIGHT_MIN, HYPHEN_LEFT_MIN,
                              HYPHEN_RIGHT_MIN) == 0) {
        for (int k = HYPHEN_LEFT_MIN - 1; k < chars - HYPHEN_RIGHT_MIN; k++)
            if ((hyphens[k] & 1) && !(rep && rep[k]) && end[k]) {
                points[end[k] - 1] = 1;
                any = true;
            }
    }
    if (rep) {
        for (int k = 0; k < (int)enc_len; k++) free(rep[k]);
        free(rep);
    }
    free(pos);
    free(cut);
    return any;
}

void hyphen_release(void)
{
    pthread_mutex_lock(&dicts_lock);
    for (size_t i = 0; i < n_dicts; i++) {
        if (dicts[i].dict) hnj_hyphen_free(dicts[i].dict);
        free(dicts[i].file);
    }
    n_dicts = 0;
    released = true;
    pthread_mutex_unlock(&dicts_lock);
}
