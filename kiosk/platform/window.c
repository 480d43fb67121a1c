/* window.c: SDL's window, renderer and events behind the contract of window.h.
 *
 * Choices measured in the performance issue: a borderless window at the display's current
 * size (no mode switch, no waiting for a window manager) and SDL's software renderer with
 * framebuffer acceleration off, which on machines without a GPU starts ~10x faster than the
 * OpenGL path and uses a fraction of the memory; --renderer picks another driver where a GPU
 * helps. Touch arrives as SDL finger events; SDL's synthetic mouse events for touches are
 * switched off (and ignored by id), so one touch is one press; a second finger cancels the
 * touch. A rotated display is drawn through a target texture turned with SDL_RenderCopyEx,
 * and touches are turned back with the same geometry (ui/geom). */
#include "platform/window.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"
#include "core/starttrace.h"
#include "core/util.h"
#include "ops/keptframe.h"
#include "platform/display_power.h"
#include "platform/draw.h"
#include "platform/lockdown.h"
#include "platform/pngfile.h"
#include "platform/videoout.h"
#include "ui/damage.h"
#include "ui/geom.h"

struct Window {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *rotated; /* logical canvas when the display is rotated */
    int rotate;           /* degrees clockwise */
    int pw, ph;           /* physical output size */
    Drawer *drawer;
    VideoOut *video;      /* the clips' player and frames */
    Uint32 wake_event, decoded_event;
    SDL_FingerID finger[2]; /* the first finger down, and a second one while it is */
    bool finger_down[2];
    /* Presenting only what changed (ui/damage.h): with SDL's software renderer the frame is
     * drawn straight into the window surface, which keeps the last frame, so a frame can
     * redraw and present only its damaged rectangles. */
    bool partial;
    Damage damage;
    DamageRect rects[DAMAGE_MAX_RECTS];
    size_t n_rects; /* of the frame drawn last; 0: nothing changed */
    bool whole;     /* the frame drawn last is presented whole */
    bool staged;    /* the surface holds a frame drawn ahead, not what the display shows */
    bool shown_staged; /* the frame shown last was drawn over one drawn ahead */
    bool kept;         /* the first frame kept by the last start was shown */
    uint64_t kept_hash; /* ... and its pixels' hash (ops/keptframe.h) */
};

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

static bool create_renderer(Window *w, const WindowSettings *ws)
{
    int width = ws->width, height = ws->height;
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (ws->windowed) {
        flags |= SDL_WINDOW_RESIZABLE;
    } else {
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            width = mode.w;
            height = mode.h;
        }
        flags |= SDL_WINDOW_BORDERLESS;
        SDL_ShowCursor(SDL_DISABLE);
    }
    int pos = ws->windowed ? SDL_WINDOWPOS_CENTERED : 0;
    w->win = SDL_CreateWindow("kiosk", pos, pos, width, height, flags);
    w->ren = w->win ? SDL_CreateRenderer(w->win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (!w->ren && w->win) w->ren = SDL_CreateRenderer(w->win, -1, 0);
    if (!w->ren && w->win) {
        /* Some video drivers (KMSDRM on some boards) have no software framebuffer: let SDL
         * pick its accelerated renderer rather than show nothing. */
        log_warning("the %s renderer is not available here (%s); trying SDL's default",
                    SDL_GetHint(SDL_HINT_RENDER_DRIVER), SDL_GetError());
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "1");
        w->ren = SDL_CreateRenderer(w->win, -1, SDL_RENDERER_PRESENTVSYNC);
    }
    if (!w->ren) {
        log_error("cannot open a window: %s", SDL_GetError());
        return false;
    }
    SDL_GetRendererOutputSize(w->ren, &w->pw, &w->ph);
    /* SDL's software renderer for a window is SDL_CreateSoftwareRenderer on the window's
     * surface, and its present is SDL_UpdateWindowSurface: drawing into that surface and
     * updating only some rectangles of it is the same path, done in part. A GPU renderer's
     * back buffer is not kept between frames: it draws and presents whole frames. */
    SDL_RendererInfo info;
    const char *env = getenv("KIOSK_DAMAGE");
    w->partial = SDL_GetRendererInfo(w->ren, &info) == 0 && strcmp(info.name, "software") == 0 &&
                 !(env && strcmp(env, "0") == 0);
    return true;
}

static void create_rotation(Window *w)
{
    if (!w->rotate) return;
    int lw, lh;
    rotate_logical_size(w->rotate, w->pw, w->ph, &lw, &lh);
    w->rotated = SDL_CreateTexture(w->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, lw, lh);
    if (!w->rotated) {
        log_warning("cannot rotate the picture: %s; showing it unrotated", SDL_GetError());
        w->rotate = 0;
    }
}

static void on_decoded(void *ctx)
{
    const Window *w = ctx;
    SDL_Event e = {.type = w->decoded_event};
    SDL_PushEvent(&e);
}

static void set_hints(const WindowSettings *ws)
{
    const char *driver = ws->renderer ? ws->renderer : "software";
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, driver);
    if (strcmp(driver, "software") == 0) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
}

/* SDL_Init connects to the session bus for input methods (IBus, Fcitx). With neither
 * DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus, libdbus "autolaunches" one: it forks and
 * the child walks /proc/self/fd (opendir: malloc) before it execs dbus-launch, which a program
 * with threads must not do. When app/loop.c's second thread held the allocator's lock at that
 * fork (AddressSanitizer's allocator has no fork handler; glibc's has), the child waited for
 * it forever and SDL_Init for the child: the window tests that hung before their first frame.
 * A bus the kiosk starts for itself has nobody on it (an input method or screen saver comes
 * with its session's bus), so an address that fails at once, without a fork, loses nothing. */
void window_no_bus_autolaunch(void)
{
    if (getenv("DBUS_SESSION_BUS_ADDRESS")) return;
    const char *run = getenv("XDG_RUNTIME_DIR");
    char bus[4096];
    struct stat st;
    if (run && snprintf(bus, sizeof bus, "%s/bus", run) < (int)sizeof bus && stat(bus, &st) == 0 &&
        S_ISSOCK(st.st_mode))
        return; /* libdbus finds this one itself */
    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null", 1);
}

Window *window_create(const WindowSettings *ws)
{
    set_hints(ws);
    start_mark("SDL_Init");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        log_error("cannot start video: %s", SDL_GetError());
        return NULL;
    }
    Window *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->rotate = ws->rotate;
    damage_init(&w->damage);
    if (TTF_Init() != 0) {
        log_error("cannot start SDL_ttf: %s", TTF_GetError());
        window_destroy(w);
        return NULL;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    SDL_DisableScreenSaver();
    start_mark("SDL_Init done, TTF and IMG too");
    Uint32 first = SDL_RegisterEvents(2);
    if (first == (Uint32)-1 || !create_renderer(w, ws)) {
        window_destroy(w);
        return NULL;
    }
    w->wake_event = first;
    w->decoded_event = first + 1;
    create_rotation(w);
    if (w->rotated) w->partial = false; /* the turned picture is copied whole */
    start_mark("window and renderer made");
    if (ws->opened) ws->opened(ws->wait_ctx, w);
    const Theme *theme = ws->wait_theme ? ws->wait_theme(ws->wait_ctx) : ws->theme;
    start_mark("bundle taken over");
    w->drawer = theme ? drawer_create(w->ren, theme, ws->assets, ws->cache_bytes) : NULL;
    if (!w->drawer) {
        window_destroy(w);
        return NULL;
    }
    /* After the first frame (which has everything), pictures larger than an icon are decoded
     * on a worker thread and a frame makes new texts and textures for a slice of its time
     * (draw.c): scrolling and new screens never wait for a photo or a page of text. */
    start_mark("drawer made (fonts opened)");
    drawer_set_async(w->drawer, on_decoded, w, 8);
    w->video = videoout_create(w->ren, on_decoded, w); /* news from the player: draw again */
    if (w->video) drawer_set_video(w->drawer, videoout_draw, w->video);
    return w;
}

void window_destroy(Window *w)
{
    if (!w) return;
    videoout_destroy(w->video);
    drawer_destroy(w->drawer);
    if (w->rotated) SDL_DestroyTexture(w->rotated);
    if (w->ren) SDL_DestroyRenderer(w->ren);
    if (w->win) SDL_DestroyWindow(w->win);
    damage_free(&w->damage);
    free(w);
    if (TTF_WasInit()) TTF_Quit();
    IMG_Quit();
    SDL_Quit();
}

void window_size(const Window *w, float *lw, float *lh)
{
    int x, y;
    rotate_logical_size(w->rotate, w->pw, w->ph, &x, &y);
    *lw = (float)x;
    *lh = (float)y;
}

TextMeasure window_measure(Window *w)
{
    return drawer_measure(w->drawer);
}

void window_set_theme(Window *w, const Theme *theme)
{
    drawer_set_theme(w->drawer, theme);
    damage_invalidate(&w->damage); /* new fonts: the same commands may draw other pixels */
}

int64_t window_now(void)
{
    return (int64_t)SDL_GetTicks64();
}

void window_wake(Window *w)
{
    SDL_Event e = {.type = w->wake_event};
    SDL_PushEvent(&e);
}

static void pointer_at(const Window *w, WindowEvent *ev, PointerPhase phase, float px, float py)
{
    ev->kind = WINDOW_POINTER;
    ev->phase = phase;
    rotate_to_logical(w->rotate, (float)w->pw, (float)w->ph, px, py, &ev->x, &ev->y);
}

/* Two fingers: the first to touch is finger 0 and a second one, while the first is down,
 * finger 1 (the session makes a pinch of them). Any further finger is ignored, and a finger
 * that touches after the first lifted waits until the second lifted too: fingers keep their
 * number for the whole touch. */
static bool finger(Window *w, const SDL_TouchFingerEvent *f, Uint32 type, WindowEvent *ev)
{
    float x = f->x * (float)w->pw, y = f->y * (float)w->ph;
    int slot = -1;
    if (type == SDL_FINGERDOWN) {
        if (!w->finger_down[0] && !w->finger_down[1]) slot = 0;
        else if (w->finger_down[0] && !w->finger_down[1]) slot = 1;
        if (slot < 0) return false;
        w->finger[slot] = f->fingerId;
        w->finger_down[slot] = true;
        pointer_at(w, ev, POINTER_DOWN, x, y);
        ev->finger = slot;
        return true;
    }
    for (int i = 0; i < 2; i++)
        if (w->finger_down[i] && w->finger[i] == f->fingerId) slot = i;
    if (slot < 0) return false;
    bool up = type == SDL_FINGERUP;
    pointer_at(w, ev, up ? POINTER_UP : POINTER_MOVE, x, y);
    ev->finger = slot;
    if (up) w->finger_down[slot] = false;
    return true;
}

static bool window_event(Window *w, const SDL_WindowEvent *we, WindowEvent *ev)
{
    if (we->event == SDL_WINDOWEVENT_CLOSE) {
        ev->kind = WINDOW_CLOSE;
        return true;
    }
    if (we->event == SDL_WINDOWEVENT_SIZE_CHANGED && !w->rotate) {
        SDL_GetRendererOutputSize(w->ren, &w->pw, &w->ph);
        damage_invalidate(&w->damage);
        ev->kind = WINDOW_RESIZE;
        window_size(w, &ev->w, &ev->h);
        return true;
    }
    ev->kind = WINDOW_REDRAW; /* exposed, restored...: draw again, all of it */
    damage_invalidate(&w->damage);
    return true;
}

static bool key_event(const SDL_KeyboardEvent *k, WindowEvent *ev)
{
    if (lockdown_is_exit_shortcut(k->keysym.sym, k->keysym.mod)) {
        ev->kind = WINDOW_EXIT_KEY;
        ev->escape = k->keysym.sym == SDLK_ESCAPE;
        ev->key_name = SDL_GetKeyName(k->keysym.sym);
        return true;
    }
    ev->kind = WINDOW_KEY;
    return map_key(&k->keysym, &ev->key);
}

/* SDL's event as the core's; false for events the kiosk does not use. */
static bool translate(Window *w, const SDL_Event *e, WindowEvent *ev)
{
    switch (e->type) {
    case SDL_QUIT: ev->kind = WINDOW_CLOSE; return true;
    case SDL_KEYDOWN: return key_event(&e->key, ev);
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: return finger(w, &e->tfinger, e->type, ev);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return false;
        pointer_at(w, ev, e->type == SDL_MOUSEBUTTONDOWN ? POINTER_DOWN : POINTER_UP,
                   (float)e->button.x, (float)e->button.y);
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK)) return false;
        pointer_at(w, ev, POINTER_MOVE, (float)e->motion.x, (float)e->motion.y);
        return true;
    case SDL_MOUSEWHEEL: {
        ev->kind = WINDOW_WHEEL;
        ev->wheel = e->wheel.preciseY;
        /* Ctrl and the wheel zoom a picture or plan at the mouse, as in a browser. */
        ev->zoom = (SDL_GetModState() & KMOD_CTRL) != 0;
        int mx = 0, my = 0;
        SDL_GetMouseState(&mx, &my);
        pointer_at(w, ev, POINTER_MOVE, (float)mx, (float)my);
        ev->kind = WINDOW_WHEEL;
        return true;
    }
    case SDL_WINDOWEVENT: return window_event(w, &e->window, ev);
    default:
        if (e->type == w->wake_event) ev->kind = WINDOW_WAKE;
        else if (e->type == w->decoded_event) ev->kind = WINDOW_REDRAW; /* a picture arrived */
        else return false;
        return true;
    }
}

void window_next_event(Window *w, int64_t deadline_ms, WindowEvent *ev)
{
    for (;;) {
        *ev = (WindowEvent){.kind = WINDOW_TIMEOUT};
        int64_t left = deadline_ms == INT64_MAX ? -1 : deadline_ms - window_now();
        SDL_Event e;
        int got;
        if (left < 0 && deadline_ms != INT64_MAX) got = SDL_PollEvent(&e);
        else if (left < 0) got = SDL_WaitEvent(&e);
        else got = SDL_WaitEventTimeout(&e, left > INT32_MAX ? INT32_MAX : (int)left);
        if (!got) return;
        if (translate(w, &e, ev)) return;
    }
}

int64_t window_video_ms(Window *w)
{
    return w->video ? videoout_time_ms(w->video) : -1;
}

/* The rectangles of this frame that differ from what the window shows. */
static void find_damage(Window *w, const DisplayList *list)
{
    w->whole = true;
    w->n_rects = 0;
    if (!w->partial) return;
    if (drawer_pending(w->drawer)) damage_invalidate(&w->damage); /* pictures arrived since */
    w->n_rects = damage_update(&w->damage, list, w->rects);
    w->whole = w->n_rects == 1 && w->rects[0].w >= w->pw && w->rects[0].h >= w->ph;
}

void window_draw(Window *w, const DisplayList *list)
{
    if (w->video) videoout_update(w->video, list);
    if (!list) {
        SDL_SetRenderDrawColor(w->ren, 0, 0, 0, 255);
        SDL_RenderClear(w->ren);
        damage_invalidate(&w->damage);
        w->whole = true;
        return;
    }
    if (!w->rotated) {
        find_damage(w, list);
        if (w->whole) drawer_draw(w->drawer, list);
        else if (w->n_rects) drawer_draw_in(w->drawer, list, w->rects, w->n_rects);
        return;
    }
    w->whole = true;
    SDL_SetRenderTarget(w->ren, w->rotated);
    drawer_draw(w->drawer, list);
    SDL_SetRenderTarget(w->ren, NULL);
    int lw, lh;
    SDL_QueryTexture(w->rotated, NULL, NULL, &lw, &lh);
    SDL_Rect dst = {(w->pw - lw) / 2, (w->ph - lh) / 2, lw, lh};
    SDL_RenderCopyEx(w->ren, w->rotated, NULL, &dst, w->rotate, NULL, SDL_FLIP_NONE);
}

int window_presented(const Window *w)
{
    return w->shown_staged ? -2 : w->whole ? -1 : (int)w->n_rects;
}

bool window_prepare(Window *w, const DisplayList *list, int budget_ms)
{
    return drawer_prepare(w->drawer, list, budget_ms);
}

static bool has_video(const DisplayList *list)
{
    for (size_t i = 0; i < list->n_cmds; i++)
        if (list->cmds[i].kind == DL_VIDEO) return true;
    return false;
}

/* The window surface is not the display: drawing into it shows nothing until it is presented.
 * So the screen a finger is about to open can be drawn while the pressed state is on show,
 * and the lift costs only what its frame differs by, and the present. The next frame shown is
 * then presented whole (the display still shows the frame before the one drawn ahead). */
void window_stage(Window *w, const DisplayList *list)
{
    if (!w->partial || w->rotated || w->staged || has_video(list)) return;
    find_damage(w, list);
    if (w->whole) drawer_draw(w->drawer, list);
    else if (w->n_rects) drawer_draw_in(w->drawer, list, w->rects, w->n_rects);
    SDL_RenderFlush(w->ren); /* drawn now, while the finger is down, not at the present */
    w->staged = true;
}

bool window_has_event(Window *w)
{
    (void)w;
    SDL_PumpEvents();
    return SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT) == SDL_TRUE;
}

bool window_display_power(Window *w, bool on, char *why, size_t n)
{
    /* While the screen saver is disabled, SDL's X11 driver resets the X screen saver every
     * 30 s (X11_PumpEvents, XResetScreenSaver), which may light a display we switched off.
     * Off: the screen saver is let be; on: held off again, as window_create does. */
    if (on) SDL_DisableScreenSaver();
    else SDL_EnableScreenSaver();
    return display_power_set(w->win, on, why, n);
}

void window_show(Window *w)
{
    if (w->whole || w->staged) {
        w->whole = true; /* the display still shows the frame before the one drawn ahead */
        w->shown_staged = w->staged;
        w->staged = false;
        SDL_RenderPresent(w->ren);
        return;
    }
    w->shown_staged = false;
    if (!w->n_rects) return; /* nothing changed: the display already shows this frame */
    SDL_Rect r[DAMAGE_MAX_RECTS];
    for (size_t i = 0; i < w->n_rects; i++)
        r[i] = (SDL_Rect){w->rects[i].x, w->rects[i].y, w->rects[i].w, w->rects[i].h};
    SDL_RenderFlush(w->ren); /* the drawing SDL queued, into the surface */
    if (SDL_UpdateWindowSurfaceRects(w->win, r, (int)w->n_rects) != 0) {
        log_warning("cannot present part of the window (%s); presenting whole frames",
                    SDL_GetError());
        w->partial = false;
        SDL_RenderPresent(w->ren);
    }
}

/* The window surface, where the software renderer draws each frame (upright displays). */
static SDL_Surface *direct_surface(Window *w)
{
    if (!w->partial || w->rotated) return NULL;
    SDL_Surface *s = SDL_GetWindowSurface(w->win);
    return s && s->format->BytesPerPixel == 4 && s->w == w->pw && s->h == w->ph ? s : NULL;
}

bool window_show_kept(Window *w, const char *path, uint64_t key)
{
    SDL_Surface *s = direct_surface(w);
    if (!s || SDL_MUSTLOCK(s)) return false;
    char why[256];
    /* straight into the window surface: a copy through another buffer cost 8 ms more at
     * 1920x1080 (its pages, then the surface's) */
    w->kept = keptframe_read(path, key, s->w, s->h, s->format->format, s->pixels, s->pitch,
                             &w->kept_hash, why, sizeof why);
    if (!w->kept) {
        log_debug("no kept first frame shown: %s", why);
        return false;
    }
    return SDL_UpdateWindowSurface(w->win) == 0;
}

void window_keep_first(Window *w, const char *path, uint64_t key)
{
    SDL_Surface *s = direct_surface(w);
    if (!s) return;
    if (w->kept && keptframe_hash(s->pixels, s->w, s->h, s->pitch) == w->kept_hash) return;
    char why[512];
    if (w->kept)
        log_notice("the first frame kept by the last start differed from this one; keeping this one");
    if (keptframe_write(path, key, s->w, s->h, s->format->format, s->pixels, s->pitch, why, sizeof why))
        log_info("kept the first frame for the next start in %s", path);
    else log_info("cannot keep the first frame for the next start: %s", why);
    /* Its packing took a buffer the size of the frame; glibc then keeps buffers that size in
     * the heap (its mmap threshold rises), which would stay with the running kiosk. */
    malloc_trim(0);
}

bool window_pixel_hash(Window *w, unsigned long long *hash)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w->pw, w->ph, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = s && SDL_RenderReadPixels(w->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0;
    if (ok) *hash = hash_bytes(hash_start(HASH_SEED), s->pixels, (size_t)s->pitch * (size_t)s->h);
    SDL_FreeSurface(s);
    return ok;
}

bool window_save_png(Window *w, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w->pw, w->ph, 32, SDL_PIXELFORMAT_ARGB8888);
    bool read = s && SDL_RenderReadPixels(w->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0;
    if (!read) log_error("cannot read the window back for %s: %s", path, SDL_GetError());
    bool ok = read && png_write_file(s, path);
    SDL_FreeSurface(s);
    return ok;
}

bool window_complete(const Window *w)
{
    return !drawer_pending(w->drawer);
}

void window_idle(Window *w)
{
    drawer_idle(w->drawer);
}
