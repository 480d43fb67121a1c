/* window.c: the kiosk on a real display.
 *
 * Choices measured in the performance issue: a borderless window at the display's current
 * size (no mode switch, no waiting for a window manager) and SDL's software renderer with
 * framebuffer acceleration off, which on machines without a GPU starts ~10x faster than the
 * OpenGL path and uses a fraction of the memory. --renderer picks another driver where a GPU
 * helps. The loop sleeps in SDL_WaitEventTimeout until input or the next animation frame, so
 * a kiosk at rest uses no CPU.
 *
 * Touch arrives as SDL finger events; SDL's synthetic mouse events for touches are switched
 * off (and ignored by id), so one touch is one press. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "app/options.h"
#include "app/reload.h"
#include "bundle/bundle.h"
#include "platform/draw.h"
#include "ui/session.h"

static volatile sig_atomic_t stop_requested;

/* SIGINT/SIGTERM (systemd's stop) are taken by one thread in sigwait and turned into an SDL
 * event, so the main loop can sleep without a timeout and still stop at once. */
static int signal_thread(void *arg)
{
    sigset_t *set = arg;
    int sig;
    if (sigwait(set, &sig) == 0) {
        stop_requested = 1;
        SDL_Event e = {.type = SDL_QUIT};
        SDL_PushEvent(&e);
    }
    return 0;
}

static bool map_key(const SDL_Keysym *k, KeyKind *out)
{
    switch (k->sym) {
    case SDLK_TAB: *out = (k->mod & KMOD_SHIFT) ? KEY_PREV : KEY_NEXT; return true;
    case SDLK_LEFT: *out = KEY_LEFT; return true;
    case SDLK_RIGHT: *out = KEY_RIGHT; return true;
    case SDLK_UP: *out = KEY_UP; return true;
    case SDLK_DOWN: *out = KEY_DOWN; return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: *out = KEY_ACTIVATE; return true;
    case SDLK_BACKSPACE: *out = KEY_BACK; return true;
    case SDLK_HOME: *out = KEY_HOME; return true;
    case SDLK_PAGEUP: *out = KEY_PAGE_UP; return true;
    case SDLK_PAGEDOWN: *out = KEY_PAGE_DOWN; return true;
    default: return false;
    }
}

typedef struct Loop {
    SDL_Window *win;
    SDL_Renderer *ren;
    Drawer *drawer;
    Session s;
    Bundle *bundle;      /* on screen (owned) */
    Bundle *pending;     /* valid, waiting for a quiet moment (owned) */
    Reloader *reloader;
    ReloadEvents ev;
    bool windowed;
    SDL_FingerID finger;
    bool finger_down;
    bool quit;
} Loop;

static void handle(Loop *l, const SDL_Event *e)
{
    int64_t now = (int64_t)SDL_GetTicks64();
    int w, h;
    SDL_GetRendererOutputSize(l->ren, &w, &h);
    switch (e->type) {
    case SDL_QUIT:
        if (l->windowed || stop_requested) l->quit = true;
        else fprintf(stderr, "kiosk: ignored a request to close (fullscreen kiosk)\n");
        break;
    case SDL_KEYDOWN: {
        KeyKind k;
        if (e->key.keysym.sym == SDLK_ESCAPE && l->windowed) l->quit = true;
        else if (map_key(&e->key.keysym, &k)) session_key(&l->s, k, now);
        break;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        float x = e->tfinger.x * (float)w, y = e->tfinger.y * (float)h;
        if (e->type == SDL_FINGERDOWN) {
            if (l->finger_down && e->tfinger.fingerId != l->finger) {
                /* A second finger: not a gesture we support; forget the touch. */
                session_pointer(&l->s, POINTER_CANCEL, x, y, now);
                break;
            }
            l->finger = e->tfinger.fingerId;
            l->finger_down = true;
            session_pointer(&l->s, POINTER_DOWN, x, y, now);
        } else if (l->finger_down && e->tfinger.fingerId == l->finger) {
            bool up = e->type == SDL_FINGERUP;
            session_pointer(&l->s, up ? POINTER_UP : POINTER_MOVE, x, y, now);
            if (up) l->finger_down = false;
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) break;
        session_pointer(&l->s, e->type == SDL_MOUSEBUTTONDOWN ? POINTER_DOWN : POINTER_UP,
                        (float)e->button.x, (float)e->button.y, now);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK)) break;
        session_pointer(&l->s, POINTER_MOVE, (float)e->motion.x, (float)e->motion.y, now);
        break;
    case SDL_MOUSEWHEEL:
        session_scroll(&l->s, -e->wheel.preciseY * 120.0f * (float)h / 1080.0f, now);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_CLOSE && !l->windowed)
            fprintf(stderr, "kiosk: ignored a request to close the window (fullscreen kiosk)\n");
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            session_resize(&l->s, (float)w, (float)h);
        l->s.dirty = true; /* exposed, restored...: draw again */
        break;
    default:
        if (l->reloader && e->type == l->ev.changed) {
            reloader_changed(l->reloader, now);
        } else if (l->reloader && e->type == l->ev.loaded) {
            char report[8192];
            Bundle *nb = reloader_take(l->reloader, report, sizeof report);
            if (nb) {
                bundle_free(l->pending);
                l->pending = nb;
                fprintf(stderr, "kiosk: new bundle %s version %s is valid; switching at a quiet "
                        "moment\n%s", nb->id, nb->version, report);
            } else if (report[0]) {
                fprintf(stderr, "kiosk: kept the bundle on screen; the new one cannot be shown:\n%s",
                        report);
            }
        }
        break;
    }
}

static bool save_window(SDL_Renderer *r, const char *path)
{
    int w, h;
    SDL_GetRendererOutputSize(r, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = s && SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0 &&
              IMG_SavePNG(s, path) == 0;
    if (!ok) fprintf(stderr, "kiosk: cannot save the window to %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(s);
    return ok;
}

/* Puts the pending bundle on screen, staying on the same screen and language if they exist. */
static void swap_bundle(Loop *l, int64_t now)
{
    char screen[200], lang[16];
    session_screen_name(&l->s, screen, sizeof screen);
    snprintf(lang, sizeof lang, "%s", l->bundle->languages[l->s.ui.lang]);
    Bundle *nb = l->pending;
    l->pending = NULL;
    drawer_set_theme(l->drawer, &nb->theme);
    Session ns;
    if (!session_init(&ns, nb, drawer_measure(l->drawer), l->s.w, l->s.h, now)) {
        bundle_free(nb);
        return;
    }
    const char *colon = strchr(screen, ':');
    if (colon || strcmp(screen, "about") == 0) session_open(&ns, colon ? colon + 1 : screen, now);
    int li = bundle_language_index(nb, lang);
    if (li >= 0 && l->s.ui.lang != l->bundle->default_language) ns.ui.lang = (size_t)li;
    ns.input_ms = l->s.input_ms;
    session_free(&l->s);
    bundle_free(l->bundle);
    l->s = ns;
    l->bundle = nb;
    fprintf(stderr, "kiosk: switched to bundle %s version %s (%zu items)\n", nb->id, nb->version,
            nb->n_items);
}

int window_run(const Options *o)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(o->bundle, &d);
    diags_print(&d, stderr);
    diags_free(&d);
    if (!b) {
        fprintf(stderr, "kiosk: the bundle %s has errors (see above); nothing to show\n", o->bundle);
        return 1;
    }
    fprintf(stderr, "kiosk: showing bundle %s version %s (%zu items)\n", b->id, b->version,
            b->n_items);
    const char *assets = assets_dir();
    if (!assets) {
        fprintf(stderr, "kiosk: cannot find the program's assets folder (assets/icons)\n");
        bundle_free(b);
        return 1;
    }
    const char *driver = o->renderer ? o->renderer : "software";
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, driver);
    if (strcmp(driver, "software") == 0) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    static sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL); /* before any thread starts */

    Loop l = {.windowed = o->windowed, .bundle = b};
    int rc = 1;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "kiosk: cannot start video: %s\n", SDL_GetError());
        goto out;
    }
    SDL_Thread *sig_thread = SDL_CreateThread(signal_thread, "signals", &stop_signals);
    if (sig_thread) SDL_DetachThread(sig_thread);
    if (TTF_Init() != 0) {
        fprintf(stderr, "kiosk: cannot start SDL_ttf: %s\n", TTF_GetError());
        goto out;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    SDL_DisableScreenSaver();
    int w = o->width, h = o->height;
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (o->windowed) {
        flags |= SDL_WINDOW_RESIZABLE;
    } else {
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
        flags |= SDL_WINDOW_BORDERLESS;
        SDL_ShowCursor(SDL_DISABLE);
    }
    l.win = SDL_CreateWindow("kiosk", o->windowed ? SDL_WINDOWPOS_CENTERED : 0,
                             o->windowed ? SDL_WINDOWPOS_CENTERED : 0, w, h, flags);
    l.ren = l.win ? SDL_CreateRenderer(l.win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (!l.ren && l.win) l.ren = SDL_CreateRenderer(l.win, -1, 0);
    if (!l.ren) {
        fprintf(stderr, "kiosk: cannot open a window: %s\n", SDL_GetError());
        goto out;
    }
    SDL_GetRendererOutputSize(l.ren, &w, &h);
    l.drawer = drawer_create(l.ren, &b->theme, assets, o->cache_mb << 20);
    if (!l.drawer || !session_init(&l.s, b, drawer_measure(l.drawer), (float)w, (float)h,
                                   (int64_t)SDL_GetTicks64()))
        goto out;
    Uint32 first = SDL_RegisterEvents(2);
    if (first != (Uint32)-1) {
        l.ev = (ReloadEvents){first, first + 1};
        l.reloader = reloader_start(o->bundle, l.ev);
    }
    if (!l.reloader) fprintf(stderr, "kiosk: not watching %s; restart to show changes\n", o->bundle);
    rc = 0;
    while (!l.quit && !stop_requested) {
        int64_t now = (int64_t)SDL_GetTicks64();
        if (l.pending && session_is_quiet(&l.s, now)) swap_bundle(&l, now);
        if (session_tick(&l.s, now)) {
            const DisplayList *dl = session_frame(&l.s);
            drawer_draw(l.drawer, dl);
            if (o->window_shot) {
                rc = save_window(l.ren, o->window_shot) ? 0 : 1;
                break;
            }
            SDL_RenderPresent(l.ren);
            if (bench_first_frame()) break;
        }
        int64_t wake = session_next_wake(&l.s);
        if (l.reloader) {
            int64_t rw = reloader_tick(l.reloader, (int64_t)SDL_GetTicks64());
            if (rw < wake) wake = rw;
        }
        if (l.pending && wake > now + 1000) wake = now + 1000; /* look for a quiet moment */
        int64_t left = wake == INT64_MAX ? -1 : wake - (int64_t)SDL_GetTicks64();
        int timeout = left < 0 && wake != INT64_MAX ? 0 : left > INT32_MAX ? INT32_MAX : (int)left;
        SDL_Event e;
        if (timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout)) {
            handle(&l, &e);
            while (SDL_PollEvent(&e)) handle(&l, &e);
        }
    }
out:
    reloader_stop(l.reloader);
    bundle_free(l.pending);
    session_free(&l.s);
    drawer_destroy(l.drawer);
    if (l.ren) SDL_DestroyRenderer(l.ren);
    if (l.win) SDL_DestroyWindow(l.win);
    if (TTF_WasInit()) TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    bundle_free(l.bundle);
    return rc;
}
