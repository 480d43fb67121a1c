/* test_premade: textures made between frames for pictures still being decoded (issue 16).
 *
 * The size an SVG will be rasterised at (core/svgsize.c, pure) against what SDL_image really
 * produces for every SVG of the default bundle; and the drawer on an off-screen canvas with a
 * worker thread: a large picture's texture is made by drawer_idle while it decodes, the frame
 * it arrives in uses it, and the pixels are those of the same picture drawn without a worker.
 * A photo whose header lied (a guess that misses) still draws right, from a fresh texture. */
#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "core/svgsize.h"
#include "platform/canvas.h"
#include "platform/decoder.h"

enum { CW = 1200, CH = 800, BUDGET = 64 << 20 };

static void test_declared_size(void)
{
    float w = 0, h = 0;
    CHECK(svg_declared_size("<svg viewBox=\"0 0 320 240\" width=\"320\" height=\"240\">", &w, &h));
    CHECK_NEAR(w, 320, 0);
    CHECK_NEAR(h, 240, 0);
    /* width and height go before the viewBox, as in nanosvg */
    CHECK(svg_declared_size("<?xml?><svg width='64px' height=\"48\" viewBox=\"0 0 32 24\">", &w, &h));
    CHECK_NEAR(w, 64, 0);
    CHECK_NEAR(h, 48, 0);
    CHECK(svg_declared_size("<svg xmlns=\"x\" viewBox=\"0,0,100.5,50\">", &w, &h));
    CHECK_NEAR(w, 100.5, 1e-4);
    CHECK_NEAR(h, 50, 0);
    CHECK(!svg_declared_size("<svg width=\"20mm\" height=\"10mm\">", &w, &h)); /* units: no guess */
    CHECK(!svg_declared_size("<svg width=\"20\" viewBox=\"0 0 20 10\">", &w, &h));
    CHECK(!svg_declared_size("<svg>", &w, &h));
    CHECK(!svg_declared_size("<html>", &w, &h));
    int ow, oh;
    svg_raster_size(320, 240, 1017, 707, &ow, &oh); /* a 4K detail page */
    CHECK_INT(ow, 943);
    CHECK_INT(oh, 707);
    svg_raster_size(320, 240, 259, 259, &ow, &oh);
    CHECK_INT(ow, 259);
    CHECK_INT(oh, 195);
}

/* The guess against SDL_image for the pictures of one folder: returns how many were tried. */
static int against_sdl_image(const char *folder, const int (*boxes)[2], size_t n_boxes)
{
    DIR *dir = opendir(folder);
    if (!dir) return 0;
    int tried = 0;
    struct dirent *e;
    char path[1024], head[4097];
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".svg") != 0) continue;
        if (snprintf(path, sizeof path, "%s/%s", folder, e->d_name) >= (int)sizeof path) continue;
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        head[fread(head, 1, sizeof head - 1, f)] = '\0';
        fclose(f);
        float sw, sh;
        if (!svg_declared_size(head, &sw, &sh)) continue;
        for (size_t b = 0; b < n_boxes; b++) {
            int w, h;
            svg_raster_size(sw, sh, boxes[b][0], boxes[b][1], &w, &h);
            SDL_Surface *s = decoder_decode(path, true, boxes[b][0], boxes[b][1]);
            CHECK(s != NULL);
            if (!s) continue;
            CHECK_INT(s->w, w);
            CHECK_INT(s->h, h);
            CHECK_INT(s->format->format, SDL_PIXELFORMAT_ABGR8888);
            SDL_FreeSurface(s);
            tried++;
        }
    }
    closedir(dir);
    return tried;
}

static void test_guess_is_sdl_image(void)
{
    static const int boxes[][2] = {{1017, 707}, {259, 259}, {715, 255}, {333, 777}};
    static const int one[][2] = {{508, 353}};
    const char *root = KIOSK_SOURCE_DIR "/content/techniekpact/images";
    int tried = against_sdl_image(KIOSK_SOURCE_DIR "/content/techniekpact/images/careers", boxes, 4);
    char folder[1024];
    static const char *const others[] = {"tiles", "goals", "about", "regions", "portraits", "categories"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        snprintf(folder, sizeof folder, "%s/%s", root, others[i]);
        tried += against_sdl_image(folder, one, 1);
    }
    CHECK(tried >= 40);
}

/* ---- the drawer -------------------------------------------------------------------------- */

static atomic_int arrived;
static void on_decoded(void *ctx)
{
    (void)ctx;
    atomic_store(&arrived, 1);
}

static DisplayList list;

static void draw_picture(Canvas *c, const Image *img, Rect r)
{
    dlist_reset(&list, CW, CH);
    DlCmd *cmd = dlist_push(&list, DL_RECT, (Rect){0, 0, CW, CH});
    cmd->color = 0x336699;
    cmd->alpha = 255;
    cmd = dlist_push(&list, DL_IMAGE, r);
    cmd->image = img;
    cmd->alpha = 255;
    cmd->zoom = 1;
    cmd->focus_x = cmd->focus_y = 0.5f;
    canvas_draw(c, &list);
}

static bool same_pixels(Canvas *a, Canvas *b)
{
    int w, h, w2, h2;
    const unsigned *pa = canvas_pixels(a, &w, &h), *pb = canvas_pixels(b, &w2, &h2);
    return w == w2 && h == h2 && memcmp(pa, pb, (size_t)w * (size_t)h * 4) == 0;
}

/* Draws img in r with a worker and without; the stats of the one with. */
static DrawStats through_worker(const Image *img, Rect r, bool idle)
{
    Theme theme = {.background = 0, .surface = 0xFFFFFF, .text = 0, .muted = 0x808080};
    Canvas *sync = canvas_create(CW, CH, &theme, KIOSK_SOURCE_DIR "/assets", BUDGET);
    Canvas *async = canvas_create(CW, CH, &theme, KIOSK_SOURCE_DIR "/assets", BUDGET);
    CHECK(sync && async);
    if (!sync || !async) return (DrawStats){0};
    draw_picture(sync, img, r);
    Drawer *d = canvas_drawer(async);
    atomic_store(&arrived, 0);
    drawer_set_async(d, on_decoded, NULL, 8);
    dlist_reset(&list, CW, CH);
    canvas_draw(async, &list); /* the first frame has everything; the next ones do not */
    draw_picture(async, img, r);
    CHECK(drawer_pending(d)); /* on its way */
    if (idle) CHECK(drawer_idle(d)); /* its texture, made while it decodes */
    for (int i = 0; i < 500 && !atomic_load(&arrived); i++) SDL_Delay(10);
    CHECK(atomic_load(&arrived));
    draw_picture(async, img, r);
    CHECK(!drawer_pending(d));
    CHECK(same_pixels(sync, async));
    DrawStats st = drawer_stats(d);
    canvas_destroy(sync);
    canvas_destroy(async);
    return st;
}

static void test_made_ahead_same_pixels(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/content/techniekpact/images/careers/cnc-verspaner.svg",
             KIOSK_SOURCE_DIR);
    Image svg = {.rel = path, .path = path, .type = IMAGE_SVG};
    DrawStats st = through_worker(&svg, (Rect){40.5f, 30, 1017, 707}, true);
    CHECK_INT(st.premade_used, 1);
    CHECK_INT(st.premade_missed, 0);
    /* no time between frames: made when it arrives, as before */
    st = through_worker(&svg, (Rect){40.5f, 30, 1017, 707}, false);
    CHECK_INT(st.premade_used, 0);
    CHECK_INT(st.premade_missed, 0);
}

static char dir[] = "/tmp/test_premade.XXXXXX";

/* A photo whose size at load was not its size now (replaced since): the texture made ahead
 * has the wrong size, is dropped, and the picture is drawn from a fresh one. */
static void test_wrong_guess(void)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/photo.jpg", dir);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 900, 600, 32, SDL_PIXELFORMAT_ARGB8888);
    CHECK(s != NULL);
    if (!s) return;
    for (int y = 0; y < 600; y++)
        for (int x = 0; x < 900; x++)
            ((Uint32 *)s->pixels)[y * s->pitch / 4 + x] = 0xFF000000u | (Uint32)(x * 255 / 900) << 16 |
                                                         (Uint32)(y * 255 / 600) << 8 | 0x40;
    CHECK(IMG_SaveJPG(s, path, 90) == 0);
    SDL_FreeSurface(s);
    Image right = {.rel = path, .path = path, .type = IMAGE_JPEG, .width = 900, .height = 600};
    DrawStats st = through_worker(&right, (Rect){0, 0, 900, 600}, true);
    CHECK_INT(st.premade_used, 1);
    CHECK_INT(st.premade_missed, 0);
    Image lied = right;
    lied.height = 700; /* the header read at load said so */
    st = through_worker(&lied, (Rect){0, 0, 900, 600}, true);
    CHECK_INT(st.premade_used, 0);
    CHECK_INT(st.premade_missed, 1);
    unlink(path);
}

int main(void)
{
    if (SDL_Init(0) != 0 || !mkdtemp(dir)) return 1;
    RUN(test_declared_size);
    RUN(test_guess_is_sdl_image);
    RUN(test_made_ahead_same_pixels);
    RUN(test_wrong_guess);
    rmdir(dir);
    return check_summary();
}
