/* fonts.c: fontconfig lookup and an SDL_ttf font cache.
 *
 * fontconfig always returns *some* font; we check that the family we got is the one asked for
 * and otherwise fall back to DejaVu Sans explicitly, so a typo in the theme gives a known,
 * complete font instead of whatever the system prefers. Open fonts are kept per (face, px):
 * a screen uses a handful of sizes, and opening a font costs more than drawing with it. */
#include "core/util.h"
#include "platform/fonts.h"
#include "core/log.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { FONTS_MAX_OPEN = 48, FONTS_MEASURE_MAX = 4096, WIDTHS = 4096, WIDTH_KEY = 48 };

/* Text widths already measured: the layout asks for the same words every time a screen is
 * rebuilt (a few hundred per frame), and shaping them again costs far more than a lookup.
 * Direct-mapped by a hash of (font, size, text); longer texts are simply not cached. */
typedef struct Width {
    unsigned char id;
    unsigned short px;
    unsigned char len;
    int width;
    char text[WIDTH_KEY];
} Width;

typedef struct OpenFont {
    TTF_Font *font;
    FontId id;
    int px;
    unsigned long used;
} OpenFont;

struct Fonts {
    char *files[FONT_COUNT];
    OpenFont open[FONTS_MAX_OPEN];
    size_t n_open;
    unsigned long tick;
    bool reported;
    Width widths[WIDTHS];
};

/* fontconfig keeps global state; it is released when the last Fonts goes, so a leak checker
 * sees a clean exit (fontconfig itself reports its cache as leaked otherwise). */
static int fc_users;

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
    if (!FcInit()) {
        log_error("fontconfig could not start");
        return NULL;
    }
    Fonts *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    fc_users++;
    for (int id = 0; id < FONT_COUNT; id++) {
        f->files[id] = family ? match(family, (FontId)id) : NULL;
        if (!f->files[id]) {
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

void fonts_destroy(Fonts *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->n_open; i++) TTF_CloseFont(f->open[i].font);
    for (int id = 0; id < FONT_COUNT; id++) free(f->files[id]);
    free(f);
    if (--fc_users == 0) FcFini();
}

TTF_Font *fonts_get(Fonts *f, FontId id, int px)
{
    if (px < 4) px = 4;
    if (px > 1000) px = 1000;
    f->tick++;
    for (size_t i = 0; i < f->n_open; i++)
        if (f->open[i].id == id && f->open[i].px == px) {
            f->open[i].used = f->tick;
            return f->open[i].font;
        }
    TTF_Font *font = TTF_OpenFont(f->files[id], px);
    if (!font) {
        /* Said once: a missing font would otherwise repeat on every frame. */
        if (!f->reported) log_error("cannot open font %s: %s", f->files[id], TTF_GetError());
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
    Width *slot = NULL;
    if (len < WIDTH_KEY && px > 0 && px < 65536) {
        uint64_t h = hash_bytes(hash_start((uint64_t)id ^ ((uint64_t)px << 8)), s, len);
        slot = &f->widths[h % WIDTHS];
        if (slot->len == len && slot->id == id && slot->px == px && memcmp(slot->text, s, len) == 0)
            return slot->width;
    }
    TTF_Font *font = fonts_get(fonts, id, px);
    if (!font) return 0;
    char buf[FONTS_MEASURE_MAX];
    if (len >= sizeof buf) len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(font, buf, &w, &h) != 0) return (int)len * px / 2;
    if (slot) {
        *slot = (Width){(unsigned char)id, (unsigned short)px, (unsigned char)len, w, {0}};
        memcpy(slot->text, s, len);
    }
    return w;
}
