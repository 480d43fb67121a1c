/* fonts.c: fontconfig lookup and an SDL_ttf font cache.
 *
 * fontconfig always returns *some* font; we check that the family we got is the one asked for
 * and otherwise fall back to DejaVu Sans explicitly, so a typo in the theme gives a known,
 * complete font instead of whatever the system prefers. Open fonts are kept per (face, px):
 * a screen uses a handful of sizes, and opening a font costs more than drawing with it. */
#include "platform/fonts.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "core/util.h"
#include "platform/fallback.h"
#include "platform/textrun.h"

enum { FONTS_MAX_OPEN = 48, FONTS_PER_FACE = 8, WIDTHS = 16384 };

/* Text widths already measured: the layout asks for the same words and lines every time a
 * screen is rebuilt (a few hundred per frame; a title is wrapped at several sizes while it is
 * fitted), and shaping them again costs far more than a lookup. Direct-mapped by a 64-bit
 * hash of (font, size, text), which is also the key: a text is not stored, and two texts
 * would have to collide in all 64 bits and in length to be confused. */
typedef struct Width {
    uint64_t hash;
    uint32_t len;
    int width;
} Width;

typedef struct OpenFont {
    TTF_Font *font;
    int id; /* a face: a FontId, or FONT_COUNT + a fallback font's index */
    int px;
    unsigned long used;
} OpenFont;

struct Fonts {
    char *files[FONT_COUNT];
    /* Each face's file, read once: FreeType reads glyphs through the stream it was opened
     * with, and from a file that is a seek and a read per glyph at every new size. */
    void *data[FONT_COUNT];
    size_t size[FONT_COUNT];
    OpenFont open[FONTS_MAX_OPEN];
    size_t n_open;
    unsigned long tick;
    bool reported;
    bool found; /* the theme's family was found (else DejaVu Sans stands in) */
    Fallback *fallback; /* fonts for the characters the theme's font lacks */
    Width widths[WIDTHS];
};

/* fontconfig keeps global state; it is released when the last Fonts goes, so a leak checker
 * sees a clean exit (fontconfig itself reports its cache as leaked otherwise). */
static int fc_users;

static bool same_or_null(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static char *match(const char *family, FontId id)
{
    FcPattern *p = FcPatternCreate();
    FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
    bool bold = id == FONT_BOLD || id == FONT_BOLD_ITALIC;
    bool italic = id == FONT_ITALIC || id == FONT_BOLD_ITALIC;
    FcPatternAddInteger(p, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(p, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult r;
    FcPattern *m = FcFontMatch(NULL, p, &r);
    char *file = NULL;
    FcChar8 *got_family = NULL, *path = NULL;
    if (m && FcPatternGetString(m, FC_FAMILY, 0, &got_family) == FcResultMatch &&
        strcasecmp((const char *)got_family, family) == 0 &&
        FcPatternGetString(m, FC_FILE, 0, &path) == FcResultMatch)
        file = strdup((const char *)path);
    if (m) FcPatternDestroy(m);
    FcPatternDestroy(p);
    return file;
}

Fonts *fonts_create(const char *family)
{
    return fonts_create_with(family, NULL);
}

bool fonts_found(const Fonts *f)
{
    return f->found;
}

/* The fontconfig half of fonts_create_with (no SDL_ttf): the faces' files and the fallback
 * list. */
static Fonts *fonts_match(const char *family, const char *dir)
{
    if (!FcInit()) {
        log_error("fontconfig could not start");
        return NULL;
    }
    Fonts *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    fc_users++;
    if (dir && !FcConfigAppFontAddDir(NULL, (const FcChar8 *)dir))
        log_warning("cannot add the fonts in %s", dir);
    f->found = true;
    f->fallback = fallback_create();
    for (int id = 0; id < FONT_COUNT; id++) {
        f->files[id] = family ? match(family, (FontId)id) : NULL;
        if (!f->files[id]) {
            if (id == FONT_REGULAR) f->found = false;
            if (family && id == FONT_REGULAR)
                log_warning("font '%s' not found; using DejaVu Sans", family);
            f->files[id] = match("DejaVu Sans", (FontId)id);
        }
        if (!f->files[id]) {
            log_warning("neither '%s' nor DejaVu Sans is installed (install "
                    "fonts-dejavu-core)", family ? family : "(none)");
            fonts_destroy(f);
            return NULL;
        }
    }
    return f;
}

/* What fonts_prepare found, for the next fonts_create_with of the same family and folder. */
static struct {
    Fonts *fonts;
    char *family, *dir;
} prepared;

static Fonts *take_prepared(const char *family, const char *dir)
{
    Fonts *f = NULL;
    if (prepared.fonts && same_or_null(prepared.family, family) && same_or_null(prepared.dir, dir)) {
        f = prepared.fonts;
        prepared.fonts = NULL;
    }
    fonts_prepare_drop();
    return f;
}

void fonts_prepare(const char *family, const char *dir)
{
    fonts_prepare_drop();
    prepared.fonts = fonts_match(family, dir);
    prepared.family = family ? strdup(family) : NULL;
    prepared.dir = dir ? strdup(dir) : NULL;
}

void fonts_prepare_drop(void)
{
    fonts_destroy(prepared.fonts);
    free(prepared.family);
    free(prepared.dir);
    prepared.fonts = NULL;
    prepared.family = prepared.dir = NULL;
}

Fonts *fonts_create_with(const char *family, const char *dir)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        log_error("cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    Fonts *f = take_prepared(family, dir);
    return f ? f : fonts_match(family, dir);
}

void fonts_destroy(Fonts *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->n_open; i++) TTF_CloseFont(f->open[i].font);
    for (int id = 0; id < FONT_COUNT; id++) {
        free(f->files[id]);
        SDL_free(f->data[id]);
    }
    fallback_destroy(f->fallback);
    free(f);
    if (--fc_users == 0) FcFini();
}

TTF_Font *fonts_get(Fonts *f, FontId id, int px)
{
    return fonts_face(f, (int)id, px);
}

Fallback *fonts_fallback(Fonts *f)
{
    return f->fallback;
}

TTF_Font *fonts_face(Fonts *f, int id, int px)
{
    const char *file = id < FONT_COUNT ? f->files[id]
                       : f->fallback ? fallback_file(f->fallback, id - FONT_COUNT) : NULL;
    if (!file) return NULL;
    if (px < 4) px = 4;
    if (px > 1000) px = 1000;
    f->tick++;
    for (size_t i = 0; i < f->n_open; i++)
        if (f->open[i].id == id && f->open[i].px == px) {
            f->open[i].used = f->tick;
            return f->open[i].font;
        }
    /* A face open at many sizes already (titles step down while they are fitted, and --check
     * lays out four screen sizes): resize its least used one, which costs no file reading,
     * instead of opening the file once more. */
    size_t same = 0, lru_same = 0;
    for (size_t i = 0; i < f->n_open; i++)
        if (f->open[i].id == id && (same++ == 0 || f->open[i].used < f->open[lru_same].used))
            lru_same = i;
    if (same >= FONTS_PER_FACE && TTF_SetFontSize(f->open[lru_same].font, px) == 0) {
        f->open[lru_same].px = px;
        f->open[lru_same].used = f->tick;
        return f->open[lru_same].font;
    }
    if (id < FONT_COUNT && !f->data[id]) f->data[id] = SDL_LoadFile(file, &f->size[id]);
    TTF_Font *font = id < FONT_COUNT && f->data[id]
                         ? TTF_OpenFontRW(SDL_RWFromConstMem(f->data[id], (int)f->size[id]), 1, px)
                         : TTF_OpenFont(file, px);
    if (!font) {
        /* Said once: a missing font would otherwise repeat on every frame. */
        if (!f->reported) log_error("cannot open font %s: %s", file, TTF_GetError());
        f->reported = true;
        return NULL;
    }
    size_t slot = f->n_open;
    if (f->n_open == FONTS_MAX_OPEN) {
        slot = 0;
        for (size_t i = 1; i < f->n_open; i++)
            if (f->open[i].used < f->open[slot].used) slot = i;
        TTF_CloseFont(f->open[slot].font);
    } else {
        f->n_open++;
    }
    f->open[slot] = (OpenFont){font, id, px, f->tick};
    return font;
}

int fonts_measure(void *fonts, FontId id, int px, const char *s, size_t len)
{
    Fonts *f = fonts;
    if (len == 0) return 0;
    uint64_t h = hash_bytes(hash_start((uint64_t)id ^ ((uint64_t)px << 8)), s, len);
    Width *slot = &f->widths[h % WIDTHS];
    if (slot->hash == h && slot->len == len) return slot->width;
    int w = textrun_width(f, id, px, s, len);
    if (w < 0) return (int)len * px / 2;
    *slot = (Width){h, (uint32_t)len, w};
    return w;
}
