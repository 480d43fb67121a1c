/* tap_sdl.c: the floor for "tap -> the screen answers" on this machine.
 *
 * The least SDL2 program that answers a tap the way the kiosk does: a borderless window at
 * the display's size on SDL's software renderer (framebuffer acceleration off, as in the
 * kiosk), waiting in SDL_WaitEvent; a button that takes its pressed colour when the mouse
 * button goes down on it and, when the button comes up on it, a new screen (another colour
 * all over) with a back button. Every change draws the whole frame and presents it
 * (SDL_RenderPresent): one full-frame present, which is what tests/bench/run.sh (part T)
 * compares the kiosk with. Any key goes back too.
 *
 * The places are the kiosk's at 1920x1080 (default bundle): the button where its "Beroepen"
 * tile is, a yellow block where its title mark is, the back button where its "Terug" is, so
 * the benchmark taps and watches the same pixels in both.
 *
 *   tap_sdl            (stays until SIGTERM or a quit event) */
#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>

enum { HOME, PRESSED, OTHER };

static const SDL_Rect button = {677, 244, 565, 183}, back = {49, 961, 228, 102},
                      mark = {72, 72, 400, 130};

static void fill(SDL_Renderer *r, const SDL_Rect *a, Uint32 rgb)
{
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
    if (a) SDL_RenderFillRect(r, a);
    else SDL_RenderClear(r);
}

static void draw(SDL_Renderer *r, int state)
{
    if (state == OTHER) {
        fill(r, NULL, 0x14213D);
        fill(r, &back, 0xFFFFFF);
    } else {
        fill(r, NULL, 0xF4F6FA);
        fill(r, &mark, 0xEDAE49);
        SDL_Rect edge = {button.x - 2, button.y - 2, button.w + 4, button.h + 4};
        fill(r, &edge, 0x8A93A6);
        /* pressed: the kiosk's overlay, its text colour at alpha 40 over white */
        fill(r, &button, state == PRESSED ? 0xDADCE0 : 0xFFFFFF);
    }
    SDL_RenderPresent(r);
}

static bool inside(const SDL_Rect *a, int x, int y)
{
    SDL_Point p = {x, y};
    return SDL_PointInRect(&p, a);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "tap_sdl: %s\n", SDL_GetError());
        return 1;
    }
    SDL_DisplayMode mode = {.w = 1920, .h = 1080};
    SDL_GetDesktopDisplayMode(0, &mode);
    SDL_Window *win = SDL_CreateWindow("tap", 0, 0, mode.w, mode.h, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    if (!r) {
        fprintf(stderr, "tap_sdl: %s\n", SDL_GetError());
        return 1;
    }
    int state = HOME;
    draw(r, state);
    SDL_Event e;
    while (SDL_WaitEvent(&e)) {
        int was = state;
        if (e.type == SDL_QUIT) break;
        if (e.type == SDL_MOUSEBUTTONDOWN && state == HOME && inside(&button, e.button.x, e.button.y))
            state = PRESSED;
        else if (e.type == SDL_MOUSEBUTTONUP && state == PRESSED)
            state = inside(&button, e.button.x, e.button.y) ? OTHER : HOME;
        else if (e.type == SDL_MOUSEBUTTONUP && state == OTHER && inside(&back, e.button.x, e.button.y))
            state = HOME;
        else if (e.type == SDL_KEYDOWN && state == OTHER)
            state = HOME;
        else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED)
            was = -1;
        if (state != was) draw(r, state);
    }
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}
