/* bidi.c: the Unicode bidirectional algorithm and Arabic joining, from FriBidi.
 *
 * SDL_ttf shapes one run in one direction; a line that mixes Arabic with Latin (a name, a
 * number, "3D-printer") needs the bidirectional algorithm to order its runs. We give the
 * renderer the line in visual order with FriBidi's Arabic shaping applied (letters replaced
 * by their joined presentation forms), which a left-to-right renderer draws correctly: the
 * classic approach, and the same for measuring and drawing, so widths agree. Only lines with
 * a right-to-left character take this path; everything else is untouched. */
#include "platform/bidi.h"

#include <fribidi.h>
#include <string.h>

enum { BIDI_MAX_CHARS = 2048 };

static bool rtl_cp(unsigned long cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF);
}

bool bidi_has_rtl(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if (u[i] < 0xD6 || u[i] > 0xF0) continue; /* lead bytes of U+0590..U+10FFF only */
        unsigned long cp = 0;
        if (u[i] < 0xE0 && i + 1 < len) cp = ((u[i] & 0x1Ful) << 6) | (u[i + 1] & 0x3F);
        else if (u[i] < 0xF0 && i + 2 < len)
            cp = ((u[i] & 0x0Ful) << 12) | ((u[i + 1] & 0x3Ful) << 6) | (u[i + 2] & 0x3F);
        else if (i + 3 < len)
            cp = ((u[i] & 0x07ul) << 18) | ((u[i + 1] & 0x3Ful) << 12) |
                 ((u[i + 2] & 0x3Ful) << 6) | (u[i + 3] & 0x3F);
        if (rtl_cp(cp)) return true;
    }
    return false;
}

size_t bidi_visual(const char *s, size_t len, char *out, size_t cap)
{
    if (!bidi_has_rtl(s, len) || len >= BIDI_MAX_CHARS || cap < 4 * len + 1) return 0;
    static FriBidiChar logical[BIDI_MAX_CHARS], visual[BIDI_MAX_CHARS];
    FriBidiStrIndex n = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, s, (FriBidiStrIndex)len,
                                                   logical);
    FriBidiParType base = FRIBIDI_PAR_ON;
    if (!fribidi_log2vis(logical, n, &base, visual, NULL, NULL, NULL)) return 0;
    /* log2vis shapes Arabic with the default flags (FRIBIDI_FLAGS_ARABIC); joiners and
     * marks it leaves are invisible to the renderer. */
    FriBidiStrIndex m = 0;
    for (FriBidiStrIndex i = 0; i < n; i++)
        if (visual[i] != 0xFEFF) visual[m++] = visual[i];
    return (size_t)fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, visual, m, out);
}
