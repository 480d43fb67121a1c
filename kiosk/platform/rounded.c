/* rounded.c: rounded rectangles from pixel-aligned bands and cached corner masks. */
#include "platform/rounded.h"

#include <math.h>
#include <stdio.h>

enum { SUPERSAMPLE = 4, MAX_RADIUS = 512 };

/* A quarter disc (width 0) or quarter ring of outer radius `radius` for the top-left corner,
 * white with coverage as alpha. */
static SDL_Texture *corner_mask(SDL_Renderer *r, Lru *cache, int radius, int width)
{
    char key[48];
    snprintf(key, sizeof key, "corner:%d:%d", radius, width);
    SDL_Texture *t = lru_get(cache, key);
    if (t) return t;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, radius, radius, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    const float outer = (float)radius, inner = width > 0 ? outer - (float)width : -1.0f;
    for (int y = 0; y < radius; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < radius; x++) {
            int hits = 0;
            for (int sy = 0; sy < SUPERSAMPLE; sy++)
                for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                    float px = (float)x + ((float)sx + 0.5f) / SUPERSAMPLE - outer;
                    float py = (float)y + ((float)sy + 0.5f) / SUPERSAMPLE - outer;
                    float dist = sqrtf(px * px + py * py);
                    hits += dist <= outer && dist >= inner;
                }
            Uint32 a = (Uint32)(hits * 255 / (SUPERSAMPLE * SUPERSAMPLE));
            row[x] = a << 24 | 0xFFFFFF;
        }
    }
    t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (!t) return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    lru_put(cache, key, t, (size_t)radius * (size_t)radius * 4);
    return lru_get(cache, key);
}

typedef struct Box {
    int x0, y0, x1, y1, radius;
} Box;

/* Snapped to whole pixels, so bands and corners meet without seams or overlaps. */
static Box snap(Rect rect, float radius)
{
    Box b = {(int)lroundf(rect.x), (int)lroundf(rect.y), (int)lroundf(rect.x + rect.w),
             (int)lroundf(rect.y + rect.h), 0};
    int half = (b.x1 - b.x0 < b.y1 - b.y0 ? b.x1 - b.x0 : b.y1 - b.y0) / 2;
    b.radius = (int)lroundf(fminf(radius, (float)MAX_RADIUS));
    if (b.radius > half) b.radius = half;
    if (b.radius < 0) b.radius = 0;
    return b;
}

static void set_colour(SDL_Renderer *r, SDL_Color col)
{
    SDL_SetRenderDrawColor(r, col.r, col.g, col.b, col.a);
    SDL_SetRenderDrawBlendMode(r, col.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
}

static void corners(SDL_Renderer *r, Lru *cache, Box b, int width, SDL_Color col)
{
    SDL_Texture *t = corner_mask(r, cache, b.radius, width);
    if (!t) return;
    SDL_SetTextureColorMod(t, col.r, col.g, col.b);
    SDL_SetTextureAlphaMod(t, col.a);
    int rr = b.radius;
    const struct {
        int x, y;
        SDL_RendererFlip flip;
    } at[4] = {{b.x0, b.y0, SDL_FLIP_NONE},
               {b.x1 - rr, b.y0, SDL_FLIP_HORIZONTAL},
               {b.x0, b.y1 - rr, SDL_FLIP_VERTICAL},
               {b.x1 - rr, b.y1 - rr, (SDL_RendererFlip)(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL)}};
    for (int i = 0; i < 4; i++)
        SDL_RenderCopyEx(r, t, NULL, &(SDL_Rect){at[i].x, at[i].y, rr, rr}, 0, NULL, at[i].flip);
}

void rounded_fill(SDL_Renderer *r, Lru *cache, Rect rect, float radius, SDL_Color col)
{
    Box b = snap(rect, radius);
    if (b.x1 <= b.x0 || b.y1 <= b.y0) return;
    int rr = b.radius, w = b.x1 - b.x0, h = b.y1 - b.y0;
    set_colour(r, col);
    /* Wide horizontal bands (the full-width middle, and the strips between the corners above
     * and below it): SDL's software fill goes row by row, so two narrow strips as tall as the
     * card cost about as much as the whole card (measured: one card's inside 0.6 ms as three
     * columns, 0.15 ms as three bands). The same pixels either way. */
    SDL_Rect body[3] = {{b.x0, b.y0 + rr, w, h - 2 * rr},
                        {b.x0 + rr, b.y0, w - 2 * rr, rr},
                        {b.x0 + rr, b.y1 - rr, w - 2 * rr, rr}};
    SDL_RenderFillRects(r, body, rr > 0 ? 3 : 1);
    if (rr > 0) corners(r, cache, b, 0, col);
}

void rounded_stroke(SDL_Renderer *r, Lru *cache, Rect rect, float radius, float width, SDL_Color col)
{
    Box b = snap(rect, radius);
    int sw = (int)lroundf(fmaxf(width, 1.0f)), rr = b.radius;
    int w = b.x1 - b.x0, h = b.y1 - b.y0;
    if (w <= 2 * sw || h <= 2 * sw) {
        rounded_fill(r, cache, rect, radius, col);
        return;
    }
    set_colour(r, col);
    /* A corner rounder than the stroke is wide gets a mask; a finer one would not show, and
     * square bands then meet without overlapping (a translucent stroke must not darken). */
    if (rr < sw) rr = 0;
    int side = rr > 0 ? rr : sw;
    SDL_Rect bands[4] = {{b.x0 + rr, b.y0, w - 2 * rr, sw},
                         {b.x0 + rr, b.y1 - sw, w - 2 * rr, sw},
                         {b.x0, b.y0 + side, sw, h - 2 * side},
                         {b.x1 - sw, b.y0 + side, sw, h - 2 * side}};
    SDL_RenderFillRects(r, bands, 4);
    if (rr > 0) corners(r, cache, b, sw, col);
}

/* A picture's placeholder in r: a rounded square with a small mountain-and-sun, the usual sign
 * for "a picture belongs here" (moved out of draw.c as it was). */
void rounded_placeholder(SDL_Renderer *ren, Lru *cache, Rect r, SDL_Color col)
{
    float side = fminf(r.w, r.h);
    Rect sq = {r.x + (r.w - side) / 2, r.y + (r.h - side) / 2, side, side};
    rounded_stroke(ren, cache, sq, side * 0.1f, fmaxf(2, side * 0.04f), col);
    /* A small mountain-and-sun: the usual sign for "a picture belongs here". */
    rounded_fill(ren, cache, (Rect){sq.x + side * 0.6f, sq.y + side * 0.22f, side * 0.16f, side * 0.16f},
                 side * 0.08f, col);
    SDL_Vertex v[3] = {{{sq.x + side * 0.18f, sq.y + side * 0.78f}, col, {0, 0}},
                       {{sq.x + side * 0.45f, sq.y + side * 0.38f}, col, {0, 0}},
                       {{sq.x + side * 0.72f, sq.y + side * 0.78f}, col, {0, 0}}};
    SDL_RenderGeometry(ren, NULL, v, 3, NULL, 0);
}
