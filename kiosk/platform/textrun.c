/* textrun.c: measuring and drawing one line with per-character font fallback and bidi.
 *
 * A line is first put in visual order when it holds right-to-left text (bidi.c), then cut
 * into pieces that one font draws each: the theme's face for every character it has a glyph
 * for, else the fallback font fontconfig names for that character (fallback.c). Characters
 * that draw nothing (joiners, variation selectors) stay with the piece they follow. The
 * width is the sum of the pieces' widths, and drawing blits the pieces side by side on a
 * common baseline, so measuring and drawing agree. A line the theme's face covers entirely,
 * the usual case, is one piece and costs one TTF call as before. */
#include "platform/textrun.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <string.h>

#include "core/utf8.h"
#include "platform/bidi.h"
#include "platform/fallback.h"

enum { TEXTRUN_MAX_BYTES = 4096, TEXTRUN_MAX_PIECES = 64 };
#define EMOJI_HEIGHT 0.95f /* a colour emoji's height, as a part of the line's font height */

typedef struct Piece {
    TTF_Font *font;
    size_t start, len;
    float scale; /* 1, or for a colour emoji font (one fixed size) the factor to the line */
} Piece;

typedef struct Line {
    char text[TEXTRUN_MAX_BYTES * 4 + 1]; /* the line, '\0' ended, visual order */
    size_t len;
    Piece pieces[TEXTRUN_MAX_PIECES];
    int n;
} Line;

static long decode(const unsigned char *s, size_t len, size_t *adv)
{
    return utf8_decode(s, len, adv);
}

/* The face that draws cp: the theme's face when it has the glyph, else a fallback font that
 * has it, else the theme's face (which draws its missing-glyph box). */
static int face_for(Fonts *f, TTF_Font *primary, FontId id, long cp)
{
    if (cp < 0x80 || TTF_GlyphIsProvided32(primary, (Uint32)cp)) return (int)id;
    Fallback *fb = fonts_fallback(f);
    int i = fb ? fallback_for(fb, cp) : -1;
    return i < 0 ? (int)id : FONT_COUNT + i;
}

static bool split(Fonts *f, FontId id, int px, const char *s, size_t len, Line *l)
{
    TTF_Font *primary = fonts_get(f, id, px);
    if (!primary) return false;
    if (len > TEXTRUN_MAX_BYTES) len = TEXTRUN_MAX_BYTES;
    l->len = bidi_visual(s, len, l->text, sizeof l->text);
    if (!l->len) {
        memcpy(l->text, s, len);
        l->len = len;
    }
    l->text[l->len] = '\0';
    l->n = 0;
    int face = -1;
    for (size_t i = 0, adv; i < l->len; i += adv) {
        long cp = decode((const unsigned char *)l->text + i, l->len - i, &adv);
        int want = face >= 0 && fallback_invisible(cp) ? face : face_for(f, primary, id, cp);
        if (want != face && l->n < TEXTRUN_MAX_PIECES) {
            TTF_Font *font = fonts_face(f, want, px);
            if (!font) font = primary;
            float scale = 1;
            Fallback *fb = fonts_fallback(f);
            if (font != primary && fb && fallback_is_color(fb, want - FONT_COUNT) && TTF_FontHeight(font) > 0)
                scale = EMOJI_HEIGHT * (float)TTF_FontHeight(primary) / (float)TTF_FontHeight(font);
            l->pieces[l->n++] = (Piece){font, i, 0, scale};
            face = want;
        }
        l->pieces[l->n - 1].len = i + adv - l->pieces[l->n - 1].start;
    }
    return true;
}

static int piece_width(Line *l, const Piece *p)
{
    char saved = l->text[p->start + p->len];
    l->text[p->start + p->len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(p->font, l->text + p->start, &w, &h) != 0) w = 0;
    l->text[p->start + p->len] = saved;
    return p->scale == 1 ? w : (int)((float)w * p->scale + 0.5f);
}

static Line line; /* 16 KiB: drawing and measuring run on one thread */

int textrun_width(Fonts *f, FontId id, int px, const char *s, size_t len)
{
    if (!split(f, id, px, s, len, &line)) return -1;
    int w = 0;
    for (int i = 0; i < line.n; i++) w += piece_width(&line, &line.pieces[i]);
    return w;
}

/* Piece i drawn: glyphs in `fg`, a colour emoji piece in its own colours, scaled. */
static SDL_Surface *render_piece(Line *l, int i, SDL_Color fg)
{
    Piece *p = &l->pieces[i];
    char saved = l->text[p->start + p->len];
    l->text[p->start + p->len] = '\0';
    SDL_Surface *s = TTF_RenderUTF8_Blended(p->font, l->text + p->start, fg);
    l->text[p->start + p->len] = saved;
    if (!s || p->scale == 1) return s;
    int w = (int)((float)s->w * p->scale + 0.5f), h = (int)((float)s->h * p->scale + 0.5f);
    SDL_Surface *scaled = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, h > 0 ? h : 1, 32,
                                                         SDL_PIXELFORMAT_ARGB8888);
    if (scaled) {
        SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
        SDL_BlitScaled(s, NULL, scaled, NULL);
    }
    SDL_FreeSurface(s);
    return scaled;
}

SDL_Surface *textrun_render(Fonts *f, FontId id, int px, const char *s, size_t len, uint32_t rgb)
{
    if (!split(f, id, px, s, len, &line) || line.n == 0) return NULL;
    SDL_Color fg = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255};
    if (line.n == 1 && line.pieces[0].scale == 1)
        return TTF_RenderUTF8_Blended(line.pieces[0].font, line.text, fg);
    TTF_Font *primary = fonts_get(f, id, px);
    SDL_Surface *parts[TEXTRUN_MAX_PIECES] = {0};
    int w = 0, ascent = primary ? TTF_FontAscent(primary) : 0, height = primary ? TTF_FontHeight(primary) : 0;
    for (int i = 0; i < line.n; i++) {
        parts[i] = render_piece(&line, i, fg);
        if (!parts[i]) continue;
        w += parts[i]->w;
        Piece *p = &line.pieces[i];
        if (p->scale == 1 && TTF_FontAscent(p->font) > ascent) ascent = TTF_FontAscent(p->font);
        if (parts[i]->h > height) height = parts[i]->h;
    }
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, height > 0 ? height : 1,
                                                      32, SDL_PIXELFORMAT_ARGB8888);
    for (int i = 0, x = 0; i < line.n; i++) {
        if (!parts[i]) continue;
        if (out) {
            Piece *p = &line.pieces[i];
            /* Text on a common baseline; an emoji centred on the line. */
            int y = p->scale == 1 ? ascent - TTF_FontAscent(p->font) : (height - parts[i]->h) / 2;
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(parts[i], NULL, out, &(SDL_Rect){x, y, parts[i]->w, parts[i]->h});
        }
        x += parts[i]->w;
        SDL_FreeSurface(parts[i]);
    }
    return out;
}

long textrun_missing(Fonts *f, FontId id, const char *s, size_t len)
{
    enum { PROBE_PX = 16 };
    TTF_Font *primary = fonts_get(f, id, PROBE_PX);
    if (!primary) return -1;
    for (size_t i = 0, adv; i < len; i += adv) {
        long cp = decode((const unsigned char *)s + i, len - i, &adv);
        if (cp < 0x20 || fallback_invisible(cp)) continue;
        TTF_Font *font = fonts_face(f, face_for(f, primary, id, cp), PROBE_PX);
        if (!font || !TTF_GlyphIsProvided32(font, (Uint32)cp)) return cp;
    }
    return 0;
}
