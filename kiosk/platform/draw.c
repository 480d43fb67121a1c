/* draw.c: display list -> SDL renderer calls.
 *
 * Shapes are built from triangles (SDL_RenderGeometry), which every SDL renderer supports,
 * including the software one used for PNG output. Text, pictures, icons and QR codes become
 * textures once and live in an LRU cache keyed by what they show and the size they are shown
 * at, so pictures are decoded at display size (SVG rasterised sharp at that size, photos
 * scaled once) and a steady screen costs no decoding at all.
 *
 * A picture that cannot be decoded is drawn as a visible placeholder and reported once. */
#include "platform/draw.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/color.h"
#include "core/lru.h"
#include "platform/decoder.h"
#include "platform/fonts.h"
#include "platform/polyfill.h"
#include "platform/premade.h"
#include "platform/qrsurface.h"
#include "core/log.h"
#include "core/starttrace.h"
#include "platform/retained.h"
#include "platform/rounded.h"
#include "platform/textrun.h"
#include "ui/fit.h"

/* After the kiosk's first frame, which has everything: DRAW_SYNC_PIXELS: the largest picture
 * the window decodes in a frame, an icon. Content costs more (an SVG tile of 130x130 1.5-2 ms
 * here, a detail page's picture 5-30 ms): the worker's. DRAW_MAKE_NS: a frame makes new
 * textures (texts, pictures that arrived) for about this long per 1920x1080 of screen, at most
 * twice that (3 ms at 4K: with 6 ms, 4K frames that made texts were the p99, 19 ms), once it
 * made one; the rest waits for the next frame, which the drawer asks for: a new screen's
 * texts and textures cost 5-20 ms at 1080p; the frame-time target is 6 ms (16 at 4K). */
enum { FAILED_MAX = 64, DRAW_SYNC_PIXELS = 16384, DRAW_MAKE_NS = 1500000 };

struct Drawer {
    SDL_Renderer *r;
    Fonts *fonts;
    Lru *cache;
    const char *assets;
    const Theme *theme;
    /* What the fonts were made from, copied: the theme belongs to a bundle that a swap frees
     * before the new theme arrives, so the old one must not be read then. */
    char *font_family, *font_dir;
    char *failed[FAILED_MAX]; /* pictures already reported as broken */
    size_t n_failed;
    size_t decodes, decode_failures;
    /* Asynchronous decoding (the window): large pictures, and small ones past this frame's
     * budget, are decoded by the worker and drawn as nothing until they arrive. */
    Decoder *decoder;
    int budget_ms;       /* synchronous decoding of small pictures allowed per frame */
    uint64_t frame_decode_ns;
    uint64_t frame_make_ns; /* new textures made in this frame */
    uint64_t make_ns;       /* ... and allowed (DRAW_MAKE_NS for the screen's size) */
    bool deferred;          /* this frame left texts or pictures for the next one */
    bool shown, first;      /* a frame was drawn; this is the first */
    void (*notify)(void *ctx); void *notify_ctx;
    /* DL_VIDEO: the window's player draws the clip (videoout.c); NULL off screen, where the
     * poster under it is what a PNG shows */
    void (*video)(void *ctx, const DlCmd *c);
    void *video_ctx;
    /* Retained drawing (retained.c): cards and tiles kept as pictures; off for comparing. */
    bool retain;
    Retained retained;
    Premade premade; /* textures made between frames for pictures on their way */
    SDL_Rect clip; /* the clip in force, which drawing into a texture drops */
    bool clipping;
    /* limit: this pass draws only there (damage.h), every clip cut to it; nothing: the clip
     * in force is empty, commands are skipped; pending: a picture is still on its way */
    SDL_Rect limit;
    bool limiting, nothing, pending;
    SDL_Rect view;       /* the frame's pixels */
    SDL_Texture *target; /* what the frame is drawn into (retained.c draws cards elsewhere) */
};

void drawer_set_video(Drawer *d, void (*draw)(void *ctx, const DlCmd *c), void *ctx)
{
    d->video = draw;
    d->video_ctx = ctx;
}

static void collect_decoded(Drawer *d, bool all);

static uint64_t ns_since(uint64_t t0)
{
    return (SDL_GetPerformanceCounter() - t0) * 1000000000u / SDL_GetPerformanceFrequency();
}

/* True when this frame may make another texture; false (and the frame is to be drawn again)
 * once it has spent its time. Without a worker (PNG output) everything is made at once. */
static bool may_make(Drawer *d)
{
    if (!d->decoder || d->frame_make_ns < d->make_ns) return true;
    d->deferred = true;
    return false;
}

static void free_texture(void *value, void *ctx)
{
    (void)ctx;
    SDL_DestroyTexture(value);
}

Drawer *drawer_create(SDL_Renderer *r, const Theme *theme, const char *assets, size_t budget)
{
    Drawer *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->r = r;
    d->assets = assets;
    d->theme = theme;
    d->fonts = fonts_create_with(theme->font, theme->fonts_dir);
    d->font_family = theme->font ? strdup(theme->font) : NULL;
    d->font_dir = theme->fonts_dir ? strdup(theme->fonts_dir) : NULL;
    d->cache = lru_create(budget, free_texture, NULL);
    /* Off unless KIOSK_RETAIN=1 (docs/performance.md): a picture inside a kept card may land
     * a pixel apart from the same card drawn directly, which partial frames would show */
    const char *retain = getenv("KIOSK_RETAIN");
    d->retain = retain && strcmp(retain, "1") == 0;
    if (!d->fonts || !d->cache) {
        drawer_destroy(d);
        return NULL;
    }
    return d;
}

void drawer_destroy(Drawer *d)
{
    if (!d) return;
    decoder_stop(d->decoder);
    retained_free(&d->retained);
    premade_free(&d->premade);
    lru_destroy(d->cache);
    fonts_destroy(d->fonts);
    for (size_t i = 0; i < d->n_failed; i++) free(d->failed[i]);
    free(d->font_family);
    free(d->font_dir);
    free(d);
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

void drawer_set_theme(Drawer *d, const Theme *theme)
{
    collect_decoded(d, true); /* results for the old bundle's pictures go with the cache */
    lru_clear(d->cache);
    premade_free(&d->premade);
    for (size_t i = 0; i < d->n_failed; i++) free(d->failed[i]); /* a new bundle may fix them */
    d->n_failed = 0;
    if (!same(theme->font, d->font_family) || !same(theme->fonts_dir, d->font_dir)) {
        Fonts *f = fonts_create_with(theme->font, theme->fonts_dir);
        if (f) {
            fonts_destroy(d->fonts);
            d->fonts = f;
            free(d->font_family);
            free(d->font_dir);
            d->font_family = theme->font ? strdup(theme->font) : NULL;
            d->font_dir = theme->fonts_dir ? strdup(theme->fonts_dir) : NULL;
        }
    }
    d->theme = theme;
}

/* Through the drawer, not its Fonts: a new theme may bring new fonts, and a measurer handed
 * out before must keep working. */
static int measure_text(void *drawer, FontId font, int px, const char *s, size_t len)
{
    const Drawer *d = drawer;
    return fonts_measure(d->fonts, font, px, s, len);
}

TextMeasure drawer_measure(Drawer *d)
{
    return (TextMeasure){d, measure_text};
}

void drawer_set_retain(Drawer *d, bool on)
{
    d->retain = on;
}

DrawStats drawer_stats(const Drawer *d)
{
    return (DrawStats){lru_bytes(d->cache), lru_count(d->cache), lru_evictions(d->cache),
                       d->decodes, d->decode_failures, d->retained.kept, d->retained.made,
                       d->retained.direct, d->retained.reused, d->premade.used,
                       d->premade.missed};
}

/* ---- shapes ----------------------------------------------------------------------------- */

static SDL_Color rgba(uint32_t c, uint8_t a)
{
    return (SDL_Color){(Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c, a};
}

/* ---- textures ----------------------------------------------------------------------------- */

static SDL_Texture *cache_surface(Drawer *d, const char *key, SDL_Surface *s)
{
    if (!s) return NULL;
    uint64_t t0 = SDL_GetPerformanceCounter();
    SDL_Texture *t = premade_take(&d->premade, key, s); /* made while it was decoded */
    if (!t) t = SDL_CreateTextureFromSurface(d->r, s);
    size_t bytes = (size_t)s->w * (size_t)s->h * 4;
    SDL_FreeSurface(s);
    d->frame_make_ns += ns_since(t0); /* fresh memory: page faults, 2 ms for a card here */
    if (!t) return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    lru_put(d->cache, key, t, bytes);
    return t;
}

/* Glyphs rendered in their own colour (the colour is part of the key): a texture tinted per
 * draw takes SDL's slow modulate-and-blend blitter, about three times a plain blended blit,
 * and a screen uses only a few text colours. A colour emoji keeps its colours this way too.
 * Fallback fonts and right-to-left order are applied in textrun.c. */
static SDL_Texture *text_texture(Drawer *d, const DlCmd *c, int *w, int *h)
{
    char key[600];
    uint32_t rgb = c->color & 0xFFFFFF;
    int n = snprintf(key, sizeof key, "t%d/%d/%06x/", (int)c->font, c->px, (unsigned)rgb);
    size_t len = c->len < sizeof key - (size_t)n - 1 ? c->len : sizeof key - (size_t)n - 1;
    memcpy(key + n, c->text, len);
    key[n + (int)len] = '\0';
    SDL_Texture *t = c->len < 500 ? lru_get(d->cache, key) : NULL;
    if (!t) {
        /* drawn in a later frame; a text too long for the cache is made in every frame */
        if (c->len < 500 && !may_make(d)) return NULL;
        uint64_t t0 = SDL_GetPerformanceCounter();
        SDL_Surface *surf = textrun_render(d->fonts, c->font, c->px, c->text, c->len, rgb);
        d->frame_make_ns += ns_since(t0);
        t = cache_surface(d, key, surf);
        if (!t) return NULL;
    }
    SDL_QueryTexture(t, NULL, NULL, w, h);
    return t;
}

static bool already_failed(Drawer *d, const char *path)
{
    for (size_t i = 0; i < d->n_failed; i++)
        if (strcmp(d->failed[i], path) == 0) return true;
    if (d->n_failed < FAILED_MAX) d->failed[d->n_failed++] = strdup(path);
    return false;
}

static void picture_failed(Drawer *d, const char *path)
{
    d->decode_failures++;
    if (!already_failed(d, path))
        log_error("cannot show picture %s: %s (a placeholder is shown)", path,
                IMG_GetError());
}

/* The texture of a picture at w x h, or NULL: broken (*loading false) or still being decoded
 * by the worker (*loading true). */
static SDL_Texture *picture(Drawer *d, const Image *img, int w, int h, bool *loading)
{
    const char *path = img->path;
    bool svg = img->type == IMAGE_SVG;
    char key[4200];
    DecodeSize ds;
    decoder_key(img, w, h, key, sizeof key, &ds);
    *loading = false;
    SDL_Texture *t = lru_get(d->cache, key);
    if (t) return t;
    for (size_t i = 0; i < d->n_failed; i++) /* broken: not tried again on every frame */
        if (strcmp(d->failed[i], path) == 0) return NULL;
    /* After the first frame, only a small picture is decoded in the frame, within its budget:
     * a large decode would hold the frame for its whole length (12-18 ms for a detail page's
     * photo). Its size is known before decoding (the photo's header, read at load; an SVG's box). */
    bool large = (svg ? (long long)w * h : (long long)ds.decode_w * ds.decode_h) > DRAW_SYNC_PIXELS;
    if (d->decoder && !d->first) {
        if (decoder_pending(d->decoder, key) ||
            ((large || d->frame_decode_ns >= (uint64_t)d->budget_ms * 1000000u ||
              d->frame_make_ns >= d->make_ns) &&
             premade_request(&d->premade, d->decoder, key, decoder_source(img), svg, &ds, w, h))) {
            *loading = true;
            return NULL;
        }
    }
    uint64_t t0 = SDL_GetPerformanceCounter();
    d->decodes++;
    SDL_Surface *s = decoder_decode(decoder_source(img), svg, w, h);
    uint64_t spent = ns_since(t0);
    d->frame_decode_ns += spent;
    d->frame_make_ns += spent;
    if (!s) {
        picture_failed(d, path);
        return NULL;
    }
    return cache_surface(d, key, s);
}

void drawer_set_async(Drawer *d, void (*notify)(void *ctx), void *ctx, int budget_ms)
{
    decoder_stop(d->decoder); /* with the pictures it was decoding */
    premade_free(&d->premade);
    d->decoder = decoder_start(notify, ctx);
    d->budget_ms = budget_ms;
    d->notify = notify;
    d->notify_ctx = ctx;
}

/* Finished decodes become textures (on the render thread, as SDL requires): all of them, or
 * as many as this frame has time for. */
static void collect_decoded(Drawer *d, bool all)
{
    if (!d->decoder) return;
    static DecodeResult res; /* 8 KB; only the render thread collects */
    while ((all || may_make(d)) && decoder_take(d->decoder, &res, 1) == 1) {
        d->decodes++;
        if (res.surface) {
            cache_surface(d, res.key, res.surface);
        } else {
            premade_take(&d->premade, res.key, NULL); /* its texture made ahead goes */
            picture_failed(d, res.path);
        }
    }
}

static SDL_Texture *qr_texture(Drawer *d, const char *url, int side)
{
    char key[1200];
    snprintf(key, sizeof key, "q%d/%s", side, url);
    SDL_Texture *t = lru_get(d->cache, key);
    if (t) return t;
    t = cache_surface(d, key, qrsurface_make(url, side));
    if (t) SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest);
    return t;
}

static void placeholder(Drawer *d, Rect r)
{
    rounded_placeholder(d->r, d->cache, r, rgba(d->theme->muted, 160));
}

static void blit_contain(Drawer *d, SDL_Texture *t, Rect r, uint32_t tint, bool tinted, bool flip,
                         uint8_t alpha)
{
    int tw, th;
    SDL_QueryTexture(t, NULL, NULL, &tw, &th);
    float s = fminf(r.w / (float)tw, r.h / (float)th);
    if (s > 1.0f && !tinted) s = 1.0f; /* photos are never scaled up past decode */
    float w = (float)tw * s, h = (float)th * s;
    SDL_FRect dst = {r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
    if (tinted) SDL_SetTextureColorMod(t, (Uint8)(tint >> 16), (Uint8)(tint >> 8), (Uint8)tint);
    else SDL_SetTextureColorMod(t, 255, 255, 255);
    SDL_SetTextureAlphaMod(t, alpha);
    /* RenderCopyEx only when it must flip: the software renderer takes a slower, general path
     * for it even with no flip and no angle */
    if (flip) SDL_RenderCopyExF(d->r, t, NULL, &dst, 0, NULL, SDL_FLIP_HORIZONTAL);
    else SDL_RenderCopyF(d->r, t, NULL, &dst);
}

/* A picture filling r, cut around the command's crop point. Its texture is the whole picture
 * at the size that covers r: a photo's from its header; an SVG's from a first rasterisation in
 * r, whose shape tells the size to rasterise at. Returns false while it is not there yet. */
static bool draw_cover(Drawer *d, const DlCmd *c, bool *loading)
{
    const Image *img = c->image;
    float pw = (float)img->width, ph = (float)img->height;
    SDL_Texture *t = NULL;
    if (img->type == IMAGE_SVG) {
        t = picture(d, img, (int)lroundf(c->r.w), (int)lroundf(c->r.h), loading);
        int tw, th;
        if (!t || SDL_QueryTexture(t, NULL, NULL, &tw, &th) != 0) return false;
        pw = (float)tw;
        ph = (float)th;
    }
    float s = fit_cover_scale(pw, ph, c->r.w, c->r.h);
    int w = (int)lroundf(pw * s), h = (int)lroundf(ph * s);
    if (w <= 0 || h <= 0) return false;
    t = picture(d, img, w, h, loading);
    int tw, th;
    if (!t || SDL_QueryTexture(t, NULL, NULL, &tw, &th) != 0) return false;
    if (c->alpha == 0) return true;
    Rect src = fit_cover_source((float)tw, (float)th, c->r.w, c->r.h, c->crop_x, c->crop_y);
    SDL_Rect sr = {(int)lroundf(src.x), (int)lroundf(src.y), (int)lroundf(src.w), (int)lroundf(src.h)};
    SDL_FRect dst = {c->r.x, c->r.y, c->r.w, c->r.h};
    SDL_SetTextureColorMod(t, 255, 255, 255);
    SDL_SetTextureAlphaMod(t, c->alpha);
    SDL_RenderCopyF(d->r, t, &sr, &dst);
    return true;
}

/* A picture decoded for a box of decode_w x decode_h and contained in r at whatever scale r
 * asks for (a pinch zoom). */
static bool draw_detailed(Drawer *d, const DlCmd *c, bool *loading)
{
    SDL_Texture *t = picture(d, c->image, (int)lroundf(c->decode_w), (int)lroundf(c->decode_h),
                             loading);
    int tw, th;
    if (!t || SDL_QueryTexture(t, NULL, NULL, &tw, &th) != 0) return false;
    if (c->alpha == 0) return true;
    Rect r = fit_contain(c->r, (float)tw, (float)th);
    SDL_SetTextureColorMod(t, 255, 255, 255);
    SDL_SetTextureAlphaMod(t, c->alpha);
    SDL_RenderCopyF(d->r, t, NULL, &(SDL_FRect){r.x, r.y, r.w, r.h});
    return true;
}

/* False while the picture is on its way (drawn as nothing yet). */
static bool draw_image(Drawer *d, const DlCmd *c)
{
    bool loading = false;
    if (c->image && (c->cover || c->decode_w > 0)) {
        if (c->r.w < 1 || c->r.h < 1) return true;
        bool drawn = c->cover ? draw_cover(d, c, &loading) : draw_detailed(d, c, &loading);
        if (!drawn && !loading && c->alpha) placeholder(d, c->r);
        return !loading;
    }
    /* A zooming picture is decoded once at the largest zoom and only scaled while it moves:
     * decoding at every frame's size would rasterise the SVG again 30 times a second. */
    bool zooms = c->zoom > 1.0f;
    float big = zooms ? DL_ZOOM_MAX : 1.0f;
    int w = (int)lroundf(c->r.w * big), h = (int)lroundf(c->r.h * big);
    if (w <= 0 || h <= 0) return true;
    SDL_Texture *t = c->image ? picture(d, c->image, w, h, &loading) : NULL;
    Rect r = c->r;
    if (zooms) {
        float z = fminf(c->zoom, DL_ZOOM_MAX);
        float fx = r.x + r.w * c->focus_x, fy = r.y + r.h * c->focus_y;
        r = (Rect){fx - (fx - r.x) * z, fy - (fy - r.y) * z, r.w * z, r.h * z};
    }
    if (c->alpha == 0) return !loading; /* only fetched ahead (the attract loop's next slide) */
    if (t) blit_contain(d, t, r, 0, false, false, c->alpha);
    else if (!loading) placeholder(d, c->r); /* a picture on its way shows nothing yet */
    return !loading;
}

static bool draw_icon(Drawer *d, const DlCmd *c)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/icons/%s.svg", d->assets, c->icon);
    int side = (int)lroundf(fminf(c->r.w, c->r.h));
    if (side <= 0) return true;
    bool loading;
    const Image icon = {.rel = c->icon, .path = path, .type = IMAGE_SVG};
    SDL_Texture *t = picture(d, &icon, side, side, &loading);
    if (t && c->alpha) blit_contain(d, t, c->r, c->color, true, c->flip, c->alpha);
    return !loading;
}

static void set_clip(Drawer *d, Rect r)
{
    d->clipping = r.w > 0;
    d->clip = (SDL_Rect){(int)floorf(r.x), (int)floorf(r.y), (int)ceilf(r.w), (int)ceilf(r.h)};
    if (d->limiting) {
        SDL_Rect cut = d->limit;
        if (d->clipping && !SDL_IntersectRect(&d->clip, &d->limit, &cut)) cut = (SDL_Rect){0};
        d->clip = cut;
        d->clipping = true;
    }
    d->nothing = d->clipping && (d->clip.w <= 0 || d->clip.h <= 0);
    SDL_RenderSetClipRect(d->r, d->clipping && !d->nothing ? &d->clip : NULL);
}

/* One command; false when it is not final yet (a picture on its way). */
/* Nothing of it is seen (past the screen's edge, outside the clip or this pass's damage), so
 * no text is rendered and no picture decoded for it: a screen sliding in renders its texts as
 * they come into view, not all in its first frame. */
static bool unseen(Drawer *d, const DlCmd *c)
{
    if (SDL_GetRenderTarget(d->r) != d->target) return false; /* a card kept as a picture */
    const SDL_Rect *v = d->clipping ? &d->clip : &d->view;
    return damage_unseen(c, (Rect){(float)v->x, (float)v->y, (float)v->w, (float)v->h});
}

static bool draw_one(Drawer *d, const DlCmd *c)
{
    if ((d->nothing && c->kind != DL_CLIP) || unseen(d, c)) return true;
    switch (c->kind) {
    case DL_RECT: rounded_fill(d->r, d->cache, c->r, c->radius, rgba(c->color, c->alpha)); break;
    case DL_FRAME:
        rounded_stroke(d->r, d->cache, c->r, c->radius, c->stroke, rgba(c->color, c->alpha));
        break;
    case DL_TEXT: {
        int w, h;
        SDL_Texture *t = text_texture(d, c, &w, &h);
        if (!t) return !d->deferred; /* not final when it is left for the next frame */
        SDL_SetTextureAlphaMod(t, c->alpha);
        SDL_FRect dst = {roundf(c->r.x), roundf(c->r.y + (c->r.h - (float)h) / 2), (float)w, (float)h};
        SDL_RenderCopyF(d->r, t, NULL, &dst);
        break;
    }
    case DL_IMAGE: return draw_image(d, c);
    case DL_ICON: return draw_icon(d, c);
    case DL_QR: {
        int side = (int)lroundf(fminf(c->r.w, c->r.h));
        SDL_Texture *t = qr_texture(d, c->text, side);
        if (t) blit_contain(d, t, c->r, 0, false, false, c->alpha);
        break;
    }
    case DL_POLY: polygon_fill(d->r, c); break;
    case DL_VIDEO:
        if (d->video && c->alpha) d->video(d->video_ctx, c);
        break;
    case DL_CLIP: set_clip(d, c->r); break;
    case DL_GROUP: break; /* drawn by drawer_draw */
    }
    return true;
}

static bool draw_cmd(void *drawer, const DlCmd *c)
{
    bool final = draw_one(drawer, c);
    ((Drawer *)drawer)->pending |= !final;
    return final;
}

static void draw_pass(Drawer *d, const DisplayList *list)
{
    set_clip(d, (Rect){0});
    for (size_t i = 0; i < list->n_cmds; i++) {
        const DlCmd *c = &list->cmds[i];
        if (c->kind == DL_GROUP && d->retain && !d->nothing)
            i += retained_draw(d->r, d->cache, list, i, d->clipping ? &d->clip : NULL, draw_cmd, d,
                               &d->retained);
        else draw_cmd(d, c);
    }
}

void drawer_draw_in(Drawer *d, const DisplayList *list, const DamageRect *rects, size_t n)
{
    d->frame_decode_ns = d->frame_make_ns = 0;
    d->pending = d->deferred = false;
    int w = 0, h = 0;
    /* the allowance grows with the screen, up to twice: a 4K frame is 9 ms before any making */
    SDL_GetRendererOutputSize(d->r, &w, &h);
    d->make_ns = (uint64_t)(DRAW_MAKE_NS * fmin(2.0, fmax(1.0, (double)w * h / (1920.0 * 1080.0))));
    /* The first frame has nothing before it to show meanwhile: drawn whole, pictures too
     * (empty tiles filling in would be the kiosk's first impression, and come later). */
    d->first = !d->shown;
    if (d->first) d->make_ns = UINT64_MAX;
    d->shown = true;
    collect_decoded(d, false);
    retained_frame(&d->retained);
    d->target = SDL_GetRenderTarget(d->r);
    SDL_RenderGetViewport(d->r, &d->view);
    for (size_t k = 0; k < (n ? n : 1); k++) {
        d->limiting = n > 0;
        if (n) d->limit = (SDL_Rect){rects[k].x, rects[k].y, rects[k].w, rects[k].h};
        draw_pass(d, list);
    }
    d->limiting = false;
    set_clip(d, (Rect){0});
    if (d->first) {
        char what[96];
        snprintf(what, sizeof what, "first frame: of its drawing, %zu pictures decoded in %.1f ms",
                 d->decodes, (double)d->frame_decode_ns / 1e6);
        start_mark(what);
    }
    if (d->deferred && d->notify) d->notify(d->notify_ctx); /* the rest in the next frame */
}

void drawer_draw(Drawer *d, const DisplayList *list)
{
    drawer_draw_in(d, list, NULL, 0);
}

bool drawer_pending(const Drawer *d)
{
    return d->pending;
}

bool drawer_prepare(Drawer *d, const DisplayList *list, int budget_ms)
{
    d->make_ns = UINT64_MAX; /* its own budget, not a frame's (reset by the next frame) */
    Uint64 until = SDL_GetPerformanceCounter() + SDL_GetPerformanceFrequency() * (Uint64)budget_ms / 1000;
    for (size_t i = 0; i < list->n_cmds; i++) {
        if (SDL_GetPerformanceCounter() > until) return false;
        DlCmd c = list->cmds[i];
        c.alpha = 0; /* fetched, not drawn */
        int w, h;
        if (c.kind == DL_TEXT) text_texture(d, &c, &w, &h);
        else if (c.kind == DL_IMAGE && list->cmds[i].alpha) draw_image(d, &c);
        else if (c.kind == DL_ICON) draw_icon(d, &c);
    }
    /* and the textures of its large pictures, while the worker decodes them: the frame they
     * arrive in then only copies their pixels (premade.h) */
    while (SDL_GetPerformanceCounter() < until && premade_idle(&d->premade, d->r)) {}
    return true;
}

bool drawer_idle(Drawer *d)
{
    return premade_idle(&d->premade, d->r) || (d->retain && retained_idle(&d->retained, d->r));
}
