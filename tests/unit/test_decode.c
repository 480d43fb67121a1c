/* test_decode: decode sizing (core/decodesize.c, a pure function) and the drawer's picture
 * cache seen from outside: a box that shows a photo bigger is never drawn from the smaller
 * texture made for an earlier, smaller box (issue 16, part 2).
 *
 * The drawer half draws on an off-screen canvas (SDL's software renderer, no display) and
 * writes its test pictures into a temporary folder. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>
#include <turbojpeg.h>
#include <unistd.h>

#include "check.h"
#include "core/decodesize.h"
#include "platform/canvas.h"
#include "platform/decoder.h"

/* libjpeg-turbo 2.1's factors, as tjGetScalingFactors lists them (enlarging ones included:
 * decode_size must skip them). */
static const ScaleFactor TJ[] = {{2, 1}, {15, 8}, {7, 4}, {13, 8}, {3, 2}, {11, 8}, {5, 4},
                                 {9, 8}, {1, 1}, {7, 8}, {3, 4}, {5, 8}, {1, 2}, {3, 8},
                                 {1, 4}, {1, 8}};
enum { NTJ = sizeof TJ / sizeof TJ[0] };

static DecodeSize plan(int sw, int sh, int ww, int wh)
{
    DecodeSize d = {0};
    CHECK(decode_size(sw, sh, ww, wh, TJ, NTJ, &d));
    return d;
}

static void test_usual_sizes(void)
{
    /* The benchmark's photo in a grid tile: 1/8 (375x250) is too small, 1/4 is the one. */
    DecodeSize d = plan(3000, 2000, 400, 300);
    CHECK_INT(d.shown_w, 400);
    CHECK_INT(d.shown_h, 267);
    CHECK_INT(d.num * 8 / d.denom, 2);
    CHECK_INT(d.decode_w, 750);
    CHECK_INT(d.decode_h, 500);
    /* A 4000x3000 photo filling 1920x1080: 1440x1080 shown, 3/8 decodes 1500x1125. */
    d = plan(4000, 3000, 1920, 1080);
    CHECK_INT(d.shown_w, 1440);
    CHECK_INT(d.shown_h, 1080);
    CHECK_INT(d.num, 3);
    CHECK_INT(d.denom, 8);
    CHECK_INT(d.decode_w, 1500);
    CHECK_INT(d.decode_h, 1125);
    /* Portrait: the height decides. */
    d = plan(2000, 3000, 1920, 1080);
    CHECK_INT(d.shown_w, 720);
    CHECK_INT(d.shown_h, 1080);
    CHECK_INT(d.decode_w, 750);
    CHECK_INT(d.decode_h, 1125);
    /* Exactly half: 1/2, no further scaling needed. */
    d = plan(4000, 3000, 2000, 1500);
    CHECK_INT(d.num * 2, d.denom);
    CHECK_INT(d.decode_w, d.shown_w);
    CHECK_INT(d.decode_h, d.shown_h);
}

static void test_edges(void)
{
    DecodeSize d;
    /* Tiny: a 1x1 picture anywhere is decoded and shown at 1x1. */
    d = plan(1, 1, 100, 100);
    CHECK_INT(d.decode_w, 1);
    CHECK_INT(d.shown_w, 1);
    CHECK_INT(d.shown_h, 1);
    d = plan(1, 1, 1, 1);
    CHECK_INT(d.decode_h, 1);
    /* Huge, at the limit, in a small box: 1/8 and a box filter the rest of the way. */
    d = plan(8192, 8192, 100, 100);
    CHECK_INT(d.num * 8 / d.denom, 1);
    CHECK_INT(d.decode_w, 1024);
    CHECK_INT(d.shown_w, 100);
    /* A sliver: never a zero side. */
    d = plan(8192, 1, 100, 100);
    CHECK_INT(d.shown_w, 100);
    CHECK_INT(d.shown_h, 1);
    CHECK_INT(d.decode_w, 1024);
    CHECK_INT(d.decode_h, 1);
    /* Wanted larger than the source: never enlarged, never an enlarging factor. */
    d = plan(640, 480, 3840, 2160);
    CHECK_INT(d.num, 1);
    CHECK_INT(d.denom, 1);
    CHECK_INT(d.decode_w, 640);
    CHECK_INT(d.shown_w, 640);
    CHECK_INT(d.shown_h, 480);
    /* TJSCALED rounds up: 3001 / 8 is 376 pixels. */
    CHECK_INT(decode_scaled(3001, (ScaleFactor){1, 8}), 376);
    CHECK_INT(decode_scaled(3000, (ScaleFactor){1, 8}), 375);
    /* Zero or negative sizes: refused. */
    CHECK(!decode_size(0, 100, 10, 10, TJ, NTJ, &d));
    CHECK(!decode_size(100, 0, 10, 10, TJ, NTJ, &d));
    CHECK(!decode_size(100, 100, 0, 10, TJ, NTJ, &d));
    CHECK(!decode_size(100, 100, 10, -5, TJ, NTJ, &d));
    /* No scaling decoder (PNG): the source's size, scaled once afterwards. */
    CHECK(decode_size(3000, 2000, 400, 300, NULL, 0, &d));
    CHECK_INT(d.decode_w, 3000);
    CHECK_INT(d.decode_h, 2000);
    CHECK_INT(d.shown_w, 400);
    /* A box near INT_MAX does not overflow. */
    CHECK(decode_size(8192, 8192, 2147483647, 2147483647, TJ, NTJ, &d));
    CHECK_INT(d.shown_w, 8192);
}

/* Over many sizes: the decode is never smaller than what is shown, never larger than the
 * source, the smallest factor that qualifies, and what is shown fits the box. */
static void test_invariants(void)
{
    unsigned seed = 12345;
    int bad = 0;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        int sw = 1 + (int)(seed >> 8) % 8192;
        seed = seed * 1103515245u + 12345u;
        int sh = 1 + (int)(seed >> 8) % 8192;
        seed = seed * 1103515245u + 12345u;
        int ww = 1 + (int)(seed >> 8) % 4000, wh = 1 + (int)(seed >> 4) % 4000;
        DecodeSize d;
        if (!decode_size(sw, sh, ww, wh, TJ, NTJ, &d)) { bad++; continue; }
        if (d.decode_w < d.shown_w || d.decode_h < d.shown_h) bad++;
        if (d.decode_w > sw || d.decode_h > sh) bad++;
        if (d.shown_w > ww + 1 || d.shown_h > wh + 1 || d.shown_w < 1 || d.shown_h < 1) bad++;
        for (int k = 0; k < NTJ; k++) { /* no smaller decode would have done */
            int w = decode_scaled(sw, TJ[k]), h = decode_scaled(sh, TJ[k]);
            if (TJ[k].num <= TJ[k].denom && w >= d.shown_w && h >= d.shown_h &&
                (long long)w * h < (long long)d.decode_w * d.decode_h)
                bad++;
        }
    }
    CHECK_INT(bad, 0);
}

/* The library's own factors give the same answers as the table above. */
static void test_library_factors(void)
{
    DecodeSize a, b;
    CHECK(decoder_plan(true, 3000, 2000, 400, 300, &a));
    b = plan(3000, 2000, 400, 300);
    CHECK_INT(a.decode_w, b.decode_w);
    CHECK_INT(a.decode_h, b.decode_h);
    CHECK(decoder_plan(false, 3000, 2000, 400, 300, &a));
    CHECK_INT(a.decode_w, 3000);
    /* decode_scaled rounds as the library does, for every factor it offers. */
    int n = 0, bad = 0;
    tjscalingfactor *sf = tjGetScalingFactors(&n);
    CHECK(n >= 8);
    for (int i = 0; sf && i < n; i++)
        for (int side = 1; side <= 8192; side += 7)
            if (decode_scaled(side, (ScaleFactor){sf[i].num, sf[i].denom}) != TJSCALED(side, sf[i]))
                bad++;
    CHECK_INT(bad, 0);
    CHECK(decoder_too_large(8193, 10));
    CHECK(decoder_too_large(10, 8193));
    CHECK(!decoder_too_large(8192, 8192));
}

/* A header that claims 20,000 x 20,000 pixels (behind a fill byte) is refused from the header:
 * nothing is allocated for its pixels, so it is quick. */
static void test_absurd_header_refused(void)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    SDL_Surface *s = decoder_decode(KIOSK_SOURCE_DIR "/tests/fuzz/corpus/image/"
                                    "jpeg-fill-byte-before-sof.jpg", false, 400, 300);
    double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                (double)SDL_GetPerformanceFrequency();
    CHECK(s == NULL);
    CHECK(strstr(SDL_GetError(), "too large") || strstr(SDL_GetError(), "limit"));
    CHECK(ms < 100);
    if (s) SDL_FreeSurface(s);
}

/* ---- the drawer: a bigger box never draws the smaller texture ------------------------------ */

enum { CW = 1600, CH = 800, BUDGET = 64 << 20 };
static char dir[] = "/tmp/test_decode.XXXXXX";

/* Black and white vertical stripes, `period` pixels each: sharp when drawn at full size, an
 * even grey when averaged down. */
static bool write_stripes(const char *path, bool jpeg, int period)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, CW, CH, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) return false;
    for (int y = 0; y < CH; y++) {
        Uint8 *row = (Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch;
        for (int x = 0; x < CW; x++) memset(row + 3 * x, (x / period) % 2 ? 255 : 0, 3);
    }
    int rc = jpeg ? IMG_SaveJPG(s, path, 95) : IMG_SavePNG(s, path);
    SDL_FreeSurface(s);
    return rc == 0;
}

static DisplayList list;

static void draw_one(Canvas *c, const Image *img, Rect r, float zoom)
{
    dlist_reset(&list, CW, CH);
    DlCmd *cmd = dlist_push(&list, DL_IMAGE, r);
    cmd->image = img;
    cmd->alpha = 255;
    cmd->zoom = zoom;
    cmd->focus_x = cmd->focus_y = 0.5f;
    canvas_draw(c, &list);
}

/* The darkest and lightest grey on row y between x0 and x1. */
static void row_range(Canvas *c, int y, int x0, int x1, int *lo, int *hi)
{
    int w, h;
    const unsigned *px = canvas_pixels(c, &w, &h);
    *lo = 255;
    *hi = 0;
    for (int x = x0; x < x1; x++) {
        int g = (int)((px[(size_t)y * (size_t)w + (size_t)x] >> 8) & 0xFF);
        if (g < *lo) *lo = g;
        if (g > *hi) *hi = g;
    }
}

static void check_no_stale(bool jpeg)
{
    char path[256];
    snprintf(path, sizeof path, "%s/stripes.%s", dir, jpeg ? "jpg" : "png");
    CHECK(write_stripes(path, jpeg, jpeg ? 4 : 2)); /* JPEG: half of each 8x8 block */
    Image img = {.rel = path, .path = path, .type = jpeg ? IMAGE_JPEG : IMAGE_PNG,
                 .width = CW, .height = CH};
    Theme theme = {.background = 0, .surface = 0xFFFFFF, .text = 0, .muted = 0x808080};
    Canvas *c = canvas_create(CW, CH, &theme, KIOSK_SOURCE_DIR "/assets", BUDGET);
    CHECK(c != NULL);
    if (!c) return;
    Drawer *d = canvas_drawer(c);
    /* A tile: 1/8 of the width, the stripes averaged to grey. */
    draw_one(c, &img, (Rect){0, 0, CW / 8.0f, CH / 8.0f}, 1);
    CHECK_INT(drawer_stats(d).decodes, 1);
    int lo, hi;
    row_range(c, CH / 16, 10, CW / 8 - 10, &lo, &hi);
    CHECK(hi - lo < 60);
    /* The same picture in a bigger box: a new decode, full contrast across the whole width. */
    draw_one(c, &img, (Rect){0, 0, CW, CH}, 1);
    CHECK_INT(drawer_stats(d).decodes, 2);
    row_range(c, CH / 2, 0, CW, &lo, &hi);
    CHECK(lo < 30);
    CHECK(hi > 225);
    row_range(c, CH / 2, CW - 40, CW, &lo, &hi); /* not a small texture in the middle */
    CHECK(hi - lo > 200);
    /* A box of another shape that shows it at the same size shares the texture. */
    draw_one(c, &img, (Rect){0, 0, CW, CH + 100}, 1);
    CHECK_INT(drawer_stats(d).decodes, 2);
    /* The attract loop's zoom draws a half-size box larger: decoded for the zoomed size. */
    draw_one(c, &img, (Rect){CW / 4.0f, CH / 4.0f, CW / 2.0f, CH / 2.0f}, DL_ZOOM_MAX);
    CHECK_INT(drawer_stats(d).decodes, 3);
    /* Back to the tile: still in the cache, and the budget holds every texture. */
    draw_one(c, &img, (Rect){0, 0, CW / 8.0f, CH / 8.0f}, 1);
    CHECK_INT(drawer_stats(d).decodes, 3);
    DrawStats st = drawer_stats(d);
    CHECK(st.cache_bytes <= BUDGET);
    CHECK(st.cache_bytes >= (size_t)CW * CH * 4);
    canvas_destroy(c);
    unlink(path);
}

static void test_no_stale_png(void) { check_no_stale(false); }
static void test_no_stale_jpeg(void) { check_no_stale(true); }

int main(void)
{
    RUN(test_usual_sizes);
    RUN(test_edges);
    RUN(test_invariants);
    RUN(test_library_factors);
    RUN(test_absurd_header_refused);
    if (!mkdtemp(dir)) return 1;
    RUN(test_no_stale_png);
    RUN(test_no_stale_jpeg);
    rmdir(dir);
    return check_summary();
}
