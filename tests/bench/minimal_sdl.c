/* minimal_sdl.c: the floor for "start -> first frame" on this machine.
 *
 * The least an SDL2 program can do to show a screen like the kiosk's home: a borderless
 * window at the display's size, SDL's software renderer (framebuffer acceleration off, as in
 * the kiosk), a title, twelve text tiles and one PNG, one present. No bundle, no fontconfig,
 * no layout engine. tests/bench/run.sh times it from outside exactly as it times the kiosk.
 *
 *   minimal_sdl REGULAR.ttf BOLD.ttf PICTURE.png
 *
 * Like the kiosk it honours KIOSK_BENCH_T0 (prints "first-frame-ms N" after the first present)
 * and KIOSK_BENCH_EXIT=1 (then exits); otherwise it stays until SIGTERM or a quit event. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void text(SDL_Renderer *r, TTF_Font *f, const char *s, SDL_Color c, int x, int y)
{
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, s, c);
    if (!surf) return;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, surf);
    SDL_Rect dst = {x, y, surf->w, surf->h};
    SDL_RenderCopy(r, t, NULL, &dst);
    SDL_DestroyTexture(t);
    SDL_FreeSurface(surf);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: minimal_sdl REGULAR.ttf BOLD.ttf PICTURE.png\n");
        return 2;
    }
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "minimal_sdl: %s\n", SDL_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    SDL_DisplayMode mode = {.w = 1920, .h = 1080};
    SDL_GetDesktopDisplayMode(0, &mode);
    SDL_Window *win = SDL_CreateWindow("minimal", 0, 0, mode.w, mode.h,
                                       SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    TTF_Font *title = TTF_OpenFont(argv[2], 64), *bold = TTF_OpenFont(argv[2], 42),
             *body = TTF_OpenFont(argv[1], 26);
    SDL_Surface *pic = IMG_Load(argv[3]);
    if (!r || !title || !bold || !body || !pic) {
        fprintf(stderr, "minimal_sdl: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Color ink = {0x14, 0x21, 0x3D, 255}, muted = {0x4A, 0x55, 0x68, 255};
    SDL_SetRenderDrawColor(r, 0xF4, 0xF6, 0xFA, 255);
    SDL_RenderClear(r);
    SDL_Texture *pt = SDL_CreateTextureFromSurface(r, pic);
    SDL_Rect pd = {72, 72, pic->w, pic->h};
    SDL_RenderCopy(r, pt, NULL, &pd);
    text(r, title, "Techniekpact", ink, 536, 74);
    text(r, body, "Kies een onderwerp en ontdek de techniek om je heen.", muted, 536, 160);
    for (int i = 0; i < 12; i++) {
        int col = i % 4, row = i / 4;
        SDL_Rect tile = {72 + col * 450, 250 + row * 210, 420, 180};
        SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
        SDL_RenderFillRect(r, &tile);
        char label[32];
        snprintf(label, sizeof label, "Onderwerp %d", i + 1);
        text(r, bold, label, ink, tile.x + 28, tile.y + 40);
        text(r, body, "Een korte regel uitleg", muted, tile.x + 28, tile.y + 100);
    }
    SDL_RenderPresent(r);

    const char *t0 = getenv("KIOSK_BENCH_T0");
    if (t0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        double now = (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
        fprintf(stderr, "first-frame-ms %.1f\n", (now - strtod(t0, NULL)) / 1e6);
        const char *ex = getenv("KIOSK_BENCH_EXIT");
        if (ex && ex[0] == '1') return 0;
    }
    SDL_Event e;
    while (SDL_WaitEvent(&e))
        if (e.type == SDL_QUIT) break;
        else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED)
            SDL_RenderPresent(r);
    SDL_DestroyTexture(pt);
    SDL_FreeSurface(pic);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return 0;
}
