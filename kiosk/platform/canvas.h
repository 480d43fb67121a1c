/* canvas.h: an off-screen picture drawn by SDL's software renderer; saved as PNG.
 *
 * This is the headless backend: no display, no GPU, the same Drawer as the window. */
#ifndef KIOSK_CANVAS_H
#define KIOSK_CANVAS_H

#include <stdbool.h>

#include "platform/draw.h"

typedef struct Canvas Canvas;

/* Initialises SDL_ttf/SDL_image on first use. NULL (with a message) on failure. */
Canvas *canvas_create(int w, int h, const Theme *theme, const char *assets, size_t budget);
void canvas_destroy(Canvas *c);
TextMeasure canvas_measure(Canvas *c);
Drawer *canvas_drawer(Canvas *c);
void canvas_draw(Canvas *c, const DisplayList *list);
/* Draws the list over what the canvas holds, only inside these rectangles (as the window
 * presents only what changed, ui/damage.h). */
void canvas_draw_in(Canvas *c, const DisplayList *list, const DamageRect *rects, size_t n);
bool canvas_save_png(Canvas *c, const char *path);
/* The pixels (ARGB8888, pitch = w * 4), for tests and the contact sheet. Borrowed. */
const unsigned *canvas_pixels(const Canvas *c, int *w, int *h);

/* A tall picture put together from strips of canvases (a scrolled screen at its full height,
 * for `--render-all --full`). */
typedef struct TallShot TallShot;
TallShot *tall_create(int w, int h);
/* Copies rows [src_y, src_y + rows) of canvas c to row dst_y (clipped to both pictures). */
void tall_paste(TallShot *t, const Canvas *c, int src_y, int rows, int dst_y);
bool tall_save_png(TallShot *t, const char *path);
void tall_destroy(TallShot *t);

/* A contact sheet: thumbnails of many canvases in a grid, filled one shot at a time so only
 * one full-size picture is in memory. A sheet is a page of at most SHEET_MAX_W x SHEET_MAX_H
 * pixels, whatever the screen shape or the number of screens: each thumbnail fits a
 * thumb_box x thumb_box square, and more screens than a page holds go on further pages (one
 * sheet of 10,000 items at 1920x1080 took 2.56 GB; a 64x16384 screen made 24 GB). */
enum { SHEET_MAX_W = 4096, SHEET_MAX_H = 4096 };
typedef struct ContactSheet ContactSheet;
ContactSheet *sheet_create(int count, int columns, int thumb_box, int src_w, int src_h);
/* How many thumbnails one page holds. */
int sheet_capacity(const ContactSheet *s);
/* Puts the canvas at place `index` (0 .. sheet_capacity - 1) of the page. */
void sheet_add(ContactSheet *s, const Canvas *c, int index);
bool sheet_save(ContactSheet *s, const char *path);
/* Empties the page for the next one. */
void sheet_clear(ContactSheet *s);
void sheet_destroy(ContactSheet *s);

#endif
