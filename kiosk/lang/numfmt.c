/* numfmt.c: per-language digit grouping, decimal mark and percent sign.
 *
 * One row per language, from CLDR's "latn" number symbols (the kiosk shows Western digits in
 * every language, also in Arabic, as Dutch signs around it do). The spaces are the no-break
 * kinds CLDR uses, so a number never wraps in the middle. */
#include "lang/numfmt.h"

#include <stdio.h>
#include <string.h>

#define NBSP "\xC2\xA0"    /* U+00A0 */
#define NNBSP "\xE2\x80\xAF" /* U+202F, French thousands and percent */

typedef struct NumStyle {
    const char *code;
    const char *group, *decimal;
    const char *pct_before, *pct_after; /* around the number for NUM_PERCENT */
    int min_grouping; /* 2: a four-digit number is not grouped (es, pl, bg) */
} NumStyle;

static const NumStyle STYLES[] = {
    {"en", ",", ".", "", "%", 1},        {"nl", ".", ",", "", "%", 1},
    {"de", ".", ",", "", NBSP "%", 1},   {"fr", NNBSP, ",", "", NNBSP "%", 1},
    {"es", ".", ",", "", NBSP "%", 2},   {"tr", ".", ",", "%", "", 1},
    {"uk", NBSP, ",", "", "%", 1},       {"ar", ",", ".", "", "%", 1},
    {"fy", ".", ",", "", "%", 1},        {"li", ".", ",", "", "%", 1},
    {"pap", ".", ",", "", "%", 1},       {"it", ".", ",", "", "%", 1},
    {"pt", ".", ",", "", "%", 1},        {"ro", ".", ",", "", NBSP "%", 1},
    {"pl", NBSP, ",", "", "%", 2},       {"bg", NBSP, ",", "", "%", 2},
    {"ru", NBSP, ",", "", NBSP "%", 1},  {"da", ".", ",", "", NBSP "%", 1},
    {"sv", NBSP, ",", "", NBSP "%", 1},  {"nb", NBSP, ",", "", NBSP "%", 1},
    {"fi", NBSP, ",", "", NBSP "%", 1},  {"zh", ",", ".", "", "%", 1},
};

static const NumStyle *style_of(const char *lang)
{
    size_t n = 0;
    while (lang && lang[n] && lang[n] != '-' && lang[n] != '_') n++;
    for (size_t i = 0; i < sizeof STYLES / sizeof STYLES[0]; i++)
        if (strlen(STYLES[i].code) == n && strncmp(STYLES[i].code, lang, n) == 0)
            return &STYLES[i];
    return &STYLES[0];
}

int64_t numfmt_scale(int decimals)
{
    int64_t s = 1;
    for (int i = 0; i < decimals && i < NUMFMT_MAX_DECIMALS; i++) s *= 10;
    return s;
}

/* Appends s to buf[*used..size), never past the end. */
static void put(char *buf, size_t size, size_t *used, const char *s)
{
    size_t n = strlen(s);
    if (*used + n >= size) n = *used + 1 < size ? size - 1 - *used : 0;
    memcpy(buf + *used, s, n);
    *used += n;
    buf[*used] = '\0';
}

char *numfmt_format(char *buf, size_t size, int64_t scaled, int decimals, NumUnit unit,
                    bool or_more, const char *lang)
{
    if (size == 0) return buf;
    buf[0] = '\0';
    const NumStyle *st = style_of(lang);
    if (decimals < 0) decimals = 0;
    if (decimals > NUMFMT_MAX_DECIMALS) decimals = NUMFMT_MAX_DECIMALS;
    size_t used = 0;
    bool negative = scaled < 0;
    uint64_t v = negative ? 0 - (uint64_t)scaled : (uint64_t)scaled;
    uint64_t scale = (uint64_t)numfmt_scale(decimals);
    uint64_t whole = v / scale, frac = v % scale;
    char digits[24];
    int nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)whole);
    if (unit == NUM_PERCENT) put(buf, size, &used, st->pct_before);
    if (negative) put(buf, size, &used, "\xE2\x88\x92"); /* U+2212 minus sign */
    bool grouped = nd >= 4 + (st->min_grouping - 1);
    for (int i = 0; i < nd; i++) {
        char d[2] = {digits[i], '\0'};
        put(buf, size, &used, d);
        int left = nd - 1 - i;
        if (grouped && left > 0 && left % 3 == 0) put(buf, size, &used, st->group);
    }
    if (decimals > 0) {
        char f[24]; /* decimals is at most a few, but the compiler cannot know */
        snprintf(f, sizeof f, "%0*llu", decimals, (unsigned long long)frac);
        put(buf, size, &used, st->decimal);
        put(buf, size, &used, f);
    }
    if (or_more) put(buf, size, &used, "+");
    if (unit == NUM_PERCENT) put(buf, size, &used, st->pct_after);
    return buf;
}
