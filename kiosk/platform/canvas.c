/* canvas.c: software rendering into an SDL surface.
 *
 * SDL's software renderer draws into any surface we give it, so screenshots need no video
 * driver at all and look exactly like the window when that also uses the software renderer. */
#include "platform/canvas.h"
#include "core/log.h"
#include "platform/pngfile.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

struct Canvas {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    Drawer *drawer;
};

static bool libs_ready(void)
{
    static int state = 0; /* 0 unknown, 1 ok, -1 failed */
    if (state == 0) {
        state = (TTF_WasInit() || TTF_Init() == 0) ? 1 : -1;
        if (state < 0) log_warning("SDL_ttf: %s", TTF_GetError());
        IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    }
    return state > 0;
}

Canvas *canvas_create(int w, int h, const Theme *theme, const char *assets, size_t budget)
{
    if (!libs_ready()) return NULL;
    Canvas *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    c->renderer = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    c->drawer = c->renderer ? drawer_create(c->renderer, theme, assets, budget) : NULL;
    if (!c->drawer) {
        log_error("cannot make a %dx%d picture: %s", w, h, SDL_GetError());
        canvas_destroy(c);
        return NULL;
    }
    return c;
}

void canvas_destroy(Canvas *c)
{
    if (!c) return;
    drawer_destroy(c->drawer);
    if (c->renderer) SDL_DestroyRenderer(c->renderer);
    if (c->surface) SDL_FreeSurface(c->surface);
    free(c);
}

TextMeasure canvas_measure(Canvas *c) { return drawer_measure(c->drawer); }
Drawer *canvas_drawer(Canvas *c) { return c->drawer; }

void canvas_draw(Canvas *c, const DisplayList *list)
{
    SDL_SetRenderDrawColor(c->renderer, 0, 0, 0, 255);
    SDL_RenderClear(c->renderer);
    drawer_draw(c->drawer, list);
    SDL_RenderPresent(c->renderer);
}

void canvas_draw_in(Canvas *c, const DisplayList *list, const DamageRect *rects, size_t n)
{
    if (!n) return;
    drawer_draw_in(c->drawer, list, rects, n);
    SDL_RenderPresent(c->renderer);
}

bool canvas_save_png(Canvas *c, const char *path)
{
    return png_write_file(c->surface, path);
}

const unsigned *canvas_pixels(const Canvas *c, int *w, int *h)
{
    *w = c->surface->w;
    *h = c->surface->h;
    return c->surface->pixels;
}

struct ContactSheet {
    SDL_Surface *sheet;
    int columns, rows, thumb_w, thumb_h, gap;
};

enum { SHEET_BACKGROUND = 0xFF2A2F3A };

ContactSheet *sheet_create(int count, int columns, int thumb_box, int src_w, int src_h)
{
    ContactSheet *s = calloc(1, sizeof *s);
    if (!s || count <= 0 || columns <= 0 || thumb_box <= 0 || src_w <= 0 || src_h <= 0) {
        free(s);
        return NULL;
    }
    s->gap = 8;
    if (columns * (thumb_box + s->gap) + s->gap > SHEET_MAX_W)
        columns = (SHEET_MAX_W - s->gap) / (thumb_box + s->gap);
    if (columns < 1) columns = 1;
    s->columns = columns;
    /* Fit the screen's shape into the square box: a 64x16384 screen gives a 1x320 strip. */
    if (src_w >= src_h) {
        s->thumb_w = thumb_box;
        s->thumb_h = (int)((long long)thumb_box * src_h / src_w);
    } else {
        s->thumb_h = thumb_box;
        s->thumb_w = (int)((long long)thumb_box * src_w / src_h);
    }
    if (s->thumb_w < 1) s->thumb_w = 1;
    if (s->thumb_h < 1) s->thumb_h = 1;
    int rows = (count + columns - 1) / columns;
    int max_rows = (SHEET_MAX_H - s->gap) / (s->thumb_h + s->gap);
    s->rows = rows < max_rows ? rows : max_rows;
    if (s->rows < 1) s->rows = 1;
    s->sheet = SDL_CreateRGBSurfaceWithFormat(0, columns * (s->thumb_w + s->gap) + s->gap,
                                              s->rows * (s->thumb_h + s->gap) + s->gap, 32,
                                              SDL_PIXELFORMAT_ARGB8888);
    if (!s->sheet) {
        free(s);
        return NULL;
    }
    sheet_clear(s);
    return s;
}

int sheet_capacity(const ContactSheet *s) { return s->columns * s->rows; }

void sheet_clear(ContactSheet *s) { SDL_FillRect(s->sheet, NULL, SHEET_BACKGROUND); }

void sheet_add(ContactSheet *s, const Canvas *c, int index)
{
    if (index < 0 || index >= sheet_capacity(s)) return;
    SDL_Rect dst = {s->gap + (index % s->columns) * (s->thumb_w + s->gap),
                    s->gap + (index / s->columns) * (s->thumb_h + s->gap), s->thumb_w, s->thumb_h};
    SDL_Surface *thumb = SDL_CreateRGBSurfaceWithFormat(0, s->thumb_w, s->thumb_h, 32,
                                                        SDL_PIXELFORMAT_ARGB8888);
    if (!thumb) return;
    SDL_SoftStretchLinear(c->surface, NULL, thumb, NULL);
    SDL_BlitSurface(thumb, NULL, s->sheet, &dst);
    SDL_FreeSurface(thumb);
}

bool sheet_save(ContactSheet *s, const char *path)
{
    return png_write_file(s->sheet, path);
}

void sheet_destroy(ContactSheet *s)
{
    if (!s) return;
    SDL_FreeSurface(s->sheet);
    free(s);
}

struct TallShot {
    SDL_Surface *surface;
};

TallShot *tall_create(int w, int h)
{
    TallShot *t = calloc(1, sizeof *t);
    if (t) t->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (t && !t->surface) {
        log_error("cannot make a %d x %d picture: %s", w, h, SDL_GetError());
        free(t);
        return NULL;
    }
    return t;
}

void tall_paste(TallShot *t, const Canvas *c, int src_y, int rows, int dst_y)
{
    SDL_Rect src = {0, src_y, c->surface->w, rows}, dst = {0, dst_y, c->surface->w, rows};
    SDL_BlitSurface(c->surface, &src, t->surface, &dst);
}

bool tall_save_png(TallShot *t, const char *path)
{
    return png_write_file(t->surface, path);
}

void tall_destroy(TallShot *t)
{
    if (!t) return;
    SDL_FreeSurface(t->surface);
    free(t);
}
