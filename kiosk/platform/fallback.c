/* fallback.c: per-character font fallback through fontconfig coverage.
 *
 * The theme's font draws what it has; for any other character we ask fontconfig for the
 * installed fonts sorted by closeness to a sans-serif and take the first whose coverage
 * (FC_CHARSET) holds that character: coverage, not the family name, decides. Bitmap-only
 * fonts are passed over, except colour emoji fonts (Noto Color Emoji): SDL_ttf 2.20 draws
 * their glyphs in colour at the font's one fixed size, which textrun.c scales to the line.
 * Without one installed, an emoji is drawn by a monochrome font such as Symbola. The sorted list is made once; answers are cached per character
 * in a small open-addressed table, so a screen full of Arabic costs one lookup per letter. */
#include "platform/fallback.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

enum { CACHE = 4096 };

typedef struct Entry {
    long cp;   /* 0: empty slot */
    int index; /* -1: no font */
} Entry;

struct Fallback {
    FcFontSet *sorted;   /* every installed font, best first */
    char *files[FALLBACK_MAX_FILES];
    bool color[FALLBACK_MAX_FILES];
    int n_files;
    Entry cache[CACHE];
};

Fallback *fallback_create(void)
{
    if (!FcInit()) return NULL;
    Fallback *fb = calloc(1, sizeof *fb);
    if (!fb) return NULL;
    FcPattern *p = FcNameParse((const FcChar8 *)"sans-serif");
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult r;
    fb->sorted = FcFontSort(NULL, p, FcFalse, NULL, &r);
    FcPatternDestroy(p);
    return fb;
}

void fallback_destroy(Fallback *fb)
{
    if (!fb) return;
    if (fb->sorted) FcFontSetDestroy(fb->sorted);
    for (int i = 0; i < fb->n_files; i++) free(fb->files[i]);
    free(fb);
}

bool fallback_invisible(long cp)
{
    return cp < 0x20 || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x200E ||
           cp == 0x200F || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
           (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

static bool is_color(FcPattern *font)
{
    FcBool b;
    return FcPatternGetBool(font, FC_COLOR, 0, &b) == FcResultMatch && b;
}

static bool usable(FcPattern *font)
{
    FcBool b;
    if (!is_color(font) && FcPatternGetBool(font, FC_SCALABLE, 0, &b) == FcResultMatch && !b)
        return false;
    FcChar8 *fmt;
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
        strcmp((const char *)fmt, "TrueType") != 0 && strcmp((const char *)fmt, "CFF") != 0)
        return false;
    return true;
}

static int file_index(Fallback *fb, const char *file, bool color)
{
    for (int i = 0; i < fb->n_files; i++)
        if (strcmp(fb->files[i], file) == 0) return i;
    if (fb->n_files == FALLBACK_MAX_FILES) return -1;
    fb->color[fb->n_files] = color;
    fb->files[fb->n_files] = strdup(file);
    return fb->files[fb->n_files] ? fb->n_files++ : -1;
}

/* The first font in the sorted list that has cp; a colour font first when one has it (an
 * emoji is meant to be in colour), else the closest outline font. */
static int search(Fallback *fb, long cp)
{
    if (!fb->sorted) return -1;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < fb->sorted->nfont; i++) {
            FcPattern *font = fb->sorted->fonts[i];
            FcCharSet *cs;
            FcChar8 *file;
            if ((pass == 0) != is_color(font) ||
                FcPatternGetCharSet(font, FC_CHARSET, 0, &cs) != FcResultMatch ||
                !FcCharSetHasChar(cs, (FcChar32)cp) || !usable(font) ||
                FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
                continue;
            return file_index(fb, (const char *)file, is_color(font));
        }
    return -1;
}

int fallback_for(Fallback *fb, long cp)
{
    if (cp <= 0) return -1;
    size_t h = ((size_t)cp * 2654435761u) % CACHE;
    for (size_t k = 0; k < CACHE; k++) {
        Entry *e = &fb->cache[(h + k) % CACHE];
        if (e->cp == cp) return e->index;
        if (e->cp == 0) {
            *e = (Entry){cp, search(fb, cp)};
            return e->index;
        }
    }
    return search(fb, cp); /* a full table: answer without remembering */
}

const char *fallback_file(const Fallback *fb, int i)
{
    return i >= 0 && i < fb->n_files ? fb->files[i] : NULL;
}

bool fallback_is_color(const Fallback *fb, int i)
{
    return i >= 0 && i < fb->n_files && fb->color[i];
}
