/* window.c: the kiosk on a real display.
 *
 * Choices measured in the performance issue: a borderless window at the display's current
 * size (no mode switch, no waiting for a window manager) and SDL's software renderer with
 * framebuffer acceleration off, which on machines without a GPU starts ~10x faster than the
 * OpenGL path and uses a fraction of the memory. --renderer picks another driver where a GPU
 * helps. The loop sleeps in SDL_WaitEvent until input or the next timer (animation frame,
 * idle reset, attract slide, bundle reload, watchdog, opening hours), so a kiosk at rest uses
 * no CPU.
 *
 * Touch arrives as SDL finger events; SDL's synthetic mouse events for touches are switched
 * off (and ignored by id), so one touch is one press. In fullscreen the kiosk cannot be left:
 * close requests and the usual shortcuts are ignored and logged; only the admin screen (hidden
 * gesture + PIN) exits. A rotated display is drawn through a target texture turned with
 * SDL_RenderCopyEx, and touches are turned back with the same geometry (ui/geom). */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/lockdown.h"
#include "app/options.h"
#include "app/review.h"
#include "app/reload.h"
#include "app/service.h"
#include "app/usage.h"
#include "bundle/bundle.h"
#include "ops/config.h"
#include "ops/pin.h"
#include "ops/stats.h"
#include "ops/watch.h"
#include "platform/canvas.h"
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
    const Options *o;
    KioskConfig *cfg;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *rotated; /* logical canvas when the display is rotated */
    int rotate;           /* degrees clockwise */
    int pw, ph;           /* physical output size */
    Drawer *drawer;
    Session s;
    Bundle *bundle;       /* on screen (owned) */
    Bundle *pending;      /* valid, waiting for a quiet moment (owned) */
    Reloader *reloader;
    ReloadEvents ev;
    const char *home_path; /* the bundle configured for this kiosk */
    char source[4096];     /* the bundle being followed now: home_path or one on a USB stick */
    const char *usb_dir;
    Watch *usb_watch;
    uint32_t usb_event;
    int64_t usb_rescan_ms; /* 0: none */
    uint32_t decoded_event;
    char last_report[2048];
    Stats *stats;
    Usage usage;
    bool windowed;
    SDL_FingerID finger;
    bool finger_down;
    bool quit;
    int exit_code;
    bool dark;            /* outside opening hours: the screen is black */
    int64_t started_ms;
} Loop;

static int64_t wall_now(void)
{
    return (int64_t)time(NULL);
}

/* Physical pixel -> the session's logical coordinates. */
static void to_logical(const Loop *l, float px, float py, float *x, float *y)
{
    rotate_to_logical(l->rotate, (float)l->pw, (float)l->ph, px, py, x, y);
}

static void pointer(Loop *l, PointerPhase phase, float px, float py, int64_t now)
{
    if (l->dark) {
        /* A touch outside opening hours lights the kiosk up (this touch presses nothing). */
        if (phase == POINTER_DOWN) {
            l->dark = false;
            l->s.input_ms = now;
            l->s.dirty = true;
            l->s.swallow = true;
        }
        return;
    }
    float x, y;
    to_logical(l, px, py, &x, &y);
    session_pointer(&l->s, phase, x, y, now);
}

static void usb_changed(Loop *l, int64_t now);

static void handle(Loop *l, const SDL_Event *e)
{
    int64_t now = (int64_t)SDL_GetTicks64();
    switch (e->type) {
    case SDL_QUIT:
        if (l->windowed || stop_requested) l->quit = true;
        else fprintf(stderr, "kiosk: ignored a request to close (fullscreen kiosk)\n");
        break;
    case SDL_KEYDOWN: {
        KeyKind k;
        if (lockdown_is_exit_shortcut(e->key.keysym.sym, e->key.keysym.mod)) {
            if (l->windowed && e->key.keysym.sym == SDLK_ESCAPE) l->quit = true;
            else if (!l->windowed)
                fprintf(stderr, "kiosk: ignored the shortcut %s (fullscreen kiosk)\n",
                        SDL_GetKeyName(e->key.keysym.sym));
        } else if (map_key(&e->key.keysym, &k)) {
            if (l->dark) pointer(l, POINTER_DOWN, 0, 0, now);
            else session_key(&l->s, k, now);
        }
        break;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        float x = e->tfinger.x * (float)l->pw, y = e->tfinger.y * (float)l->ph;
        if (e->type == SDL_FINGERDOWN) {
            if (l->finger_down && e->tfinger.fingerId != l->finger) {
                /* A second finger: not a gesture we support; forget the touch. */
                session_pointer(&l->s, POINTER_CANCEL, 0, 0, now);
                break;
            }
            l->finger = e->tfinger.fingerId;
            l->finger_down = true;
            pointer(l, POINTER_DOWN, x, y, now);
        } else if (l->finger_down && e->tfinger.fingerId == l->finger) {
            bool up = e->type == SDL_FINGERUP;
            pointer(l, up ? POINTER_UP : POINTER_MOVE, x, y, now);
            if (up) l->finger_down = false;
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) break;
        pointer(l, e->type == SDL_MOUSEBUTTONDOWN ? POINTER_DOWN : POINTER_UP,
                (float)e->button.x, (float)e->button.y, now);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK)) break;
        pointer(l, POINTER_MOVE, (float)e->motion.x, (float)e->motion.y, now);
        break;
    case SDL_MOUSEWHEEL:
        session_scroll(&l->s, -e->wheel.preciseY * 120.0f * l->s.h / 1080.0f, now);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_CLOSE && !l->windowed)
            fprintf(stderr, "kiosk: ignored a request to close the window (fullscreen kiosk)\n");
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED && !l->rotate) {
            SDL_GetRendererOutputSize(l->ren, &l->pw, &l->ph);
            session_resize(&l->s, (float)l->pw, (float)l->ph);
        }
        l->s.dirty = true; /* exposed, restored...: draw again */
        break;
    default:
        if (e->type == l->decoded_event && l->decoded_event) {
            l->s.dirty = true; /* a picture arrived: draw it */
        } else if (l->usb_watch && e->type == l->usb_event) {
            usb_changed(l, now);
            /* A stick's folder appears before it is mounted: look again a little later. */
            l->usb_rescan_ms = now + 2000;
        } else if (l->reloader && e->type == l->ev.changed) {
            reloader_changed(l->reloader, now);
        } else if (l->reloader && e->type == l->ev.loaded) {
            char report[8192];
            Bundle *nb = reloader_take(l->reloader, report, sizeof report);
            snprintf(l->last_report, sizeof l->last_report, "%.2000s", report);
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

/* The first folder holding a bundle.yaml below `dir` (a stick at /media/user/LABEL/ or with
 * the bundle one level deeper), or "" when there is none. */
static void find_usb_bundle(const char *dir, int depth, char *out, size_t n)
{
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/bundle.yaml", dir);
    if (depth > 0 && access(probe, R_OK) == 0) {
        snprintf(out, n, "%s", dir);
        return;
    }
    if (depth >= 3) return;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while (!out[0] && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) find_usb_bundle(sub, depth + 1, out, n);
    }
    closedir(d);
}

static void on_decoded(void *ctx)
{
    const Loop *l = ctx;
    SDL_Event e = {.type = l->decoded_event};
    SDL_PushEvent(&e);
}

static void on_usb_change(void *ctx)
{
    const Loop *l = ctx;
    SDL_Event e = {.type = l->usb_event};
    SDL_PushEvent(&e);
}

/* Follows `path` from now on: a new watcher, and a load right away (the swap comes at a
 * quiet moment, after the check, as for any new bundle). */
static void follow(Loop *l, const char *path, int64_t now)
{
    if (strcmp(path, l->source) == 0) return;
    snprintf(l->source, sizeof l->source, "%s", path);
    reloader_stop(l->reloader);
    l->reloader = reloader_start(l->source, l->ev);
    if (l->reloader) reloader_request(l->reloader, now);
}

static void usb_changed(Loop *l, int64_t now)
{
    char found[4096] = "";
    find_usb_bundle(l->usb_dir, 0, found, sizeof found);
    if (found[0] && strcmp(found, l->source) != 0) {
        fprintf(stderr, "kiosk: USB stick with a bundle at %s; checking it\n", found);
        follow(l, found, now);
    } else if (!found[0] && strcmp(l->source, l->home_path) != 0) {
        fprintf(stderr, "kiosk: the USB stick is gone; back to %s\n", l->home_path);
        follow(l, l->home_path, now);
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
    usage_end_visit(&l->usage, &l->s, now, wall_now());
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
    ns.pin_hash = l->s.pin_hash;
    ns.verify = l->s.verify;
    ns.guard = l->s.guard;
    session_free(&l->s);
    bundle_free(l->bundle);
    l->s = ns;
    l->bundle = nb;
    usage_init(&l->usage, l->stats, &l->s, now, wall_now());
    fprintf(stderr, "kiosk: switched to bundle %s version %s (%zu items)\n", nb->id, nb->version,
            nb->n_items);
}

/* What the admin screen shows: bundle, load status, uptime, the last reload's report. */
static void admin_text(Loop *l, int64_t now)
{
    int64_t up = (now - l->started_ms) / 1000;
    snprintf(l->s.admin_text, sizeof l->s.admin_text,
             "Bundle: %s (%s), versie/version %s, %zu items\n"
             "Map/folder: %s\n"
             "Actief sinds/up for: %lldd %02lld:%02lld:%02lld\n"
             "Verkeerde PINs/wrong PINs: %lu\n"
             "Statistieken/statistics: %s\n"
             "Laatste controle/last check:\n%.1500s",
             text_get(&l->bundle->title, l->bundle->default_language), l->bundle->id,
             l->bundle->version, l->bundle->n_items, l->o->bundle, (long long)(up / 86400),
             (long long)(up / 3600 % 24), (long long)(up / 60 % 60), (long long)(up % 60),
             l->s.pin_failures, l->stats ? l->cfg->stats : "uit/off",
             l->last_report[0] ? l->last_report : "OK");
    /* (the report is cut to what fits the screen; the full text is in the log) */
}

static void admin_requests(Loop *l, int64_t now)
{
    Session *s = &l->s;
    if (s->want_reload) {
        s->want_reload = false;
        if (l->reloader) reloader_request(l->reloader, now);
        fprintf(stderr, "kiosk: reload requested on the admin screen\n");
    }
    if (s->want_preview) {
        s->want_preview = false;
        Options ro = *l->o;
        ro.render_all = "/tmp/kiosk-preview";
        ro.width = (int)s->w;
        ro.height = (int)s->h;
        fprintf(stderr, "kiosk: rendering a preview of every screen into %s\n", ro.render_all);
        render_run(&ro);
        snprintf(l->last_report, sizeof l->last_report, "Voorbeeld/preview: %s\n", ro.render_all);
        s->dirty = true;
    }
    if (s->want_exit) {
        fprintf(stderr, "kiosk: exit chosen on the admin screen\n");
        l->exit_code = KIOSK_EXIT_BY_ADMIN;
        l->quit = true;
    }
}

static void draw(Loop *l, const DisplayList *dl)
{
    if (l->dark) {
        SDL_SetRenderDrawColor(l->ren, 0, 0, 0, 255);
        SDL_RenderClear(l->ren);
        return;
    }
    if (!l->rotated) {
        drawer_draw(l->drawer, dl);
        return;
    }
    SDL_SetRenderTarget(l->ren, l->rotated);
    drawer_draw(l->drawer, dl);
    SDL_SetRenderTarget(l->ren, NULL);
    int lw, lh;
    SDL_QueryTexture(l->rotated, NULL, NULL, &lw, &lh);
    SDL_Rect dst = {(l->pw - lw) / 2, (l->ph - lh) / 2, lw, lh};
    SDL_RenderCopyEx(l->ren, l->rotated, NULL, &dst, l->rotate, NULL, SDL_FLIP_NONE);
}

/* Outside opening hours the screen is dark, unless someone touched it within the idle time. */
static int64_t check_hours(Loop *l, int64_t now)
{
    if (!l->cfg->has_hours) return INT64_MAX;
    time_t t = time(NULL);
    struct tm local;
    localtime_r(&t, &local);
    bool open = hours_is_open(&l->cfg->hours, &local);
    bool touched = now - l->s.input_ms < (int64_t)l->bundle->kiosk.idle_timeout_s * 1000;
    bool dark = !open && !(touched && !l->dark);
    if (dark != l->dark) {
        l->dark = dark;
        l->s.dirty = true;
        fprintf(stderr, "kiosk: %s\n", dark ? "outside opening hours: screen off" : "screen on");
        if (dark) session_apply(&l->s, (Action){.kind = ACT_HOME}, now);
    }
    bool open_then;
    int64_t change_s = hours_next_change(&l->cfg->hours, (int64_t)t, &open_then);
    int64_t wake = change_s == INT64_MAX ? INT64_MAX : now + (change_s - (int64_t)t) * 1000;
    /* The wall clock may be set while we sleep (time sync at boot): look again every 5 min. */
    if (wake > now + 5 * 60 * 1000) wake = now + 5 * 60 * 1000;
    if (!l->dark && !open) {
        int64_t idle_end = l->s.input_ms + (int64_t)l->bundle->kiosk.idle_timeout_s * 1000;
        if (idle_end < wake) wake = idle_end;
    }
    return wake;
}

static bool open_window(Loop *l, const Options *o)
{
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
    l->win = SDL_CreateWindow("kiosk", o->windowed ? SDL_WINDOWPOS_CENTERED : 0,
                              o->windowed ? SDL_WINDOWPOS_CENTERED : 0, w, h, flags);
    l->ren = l->win ? SDL_CreateRenderer(l->win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (!l->ren && l->win) l->ren = SDL_CreateRenderer(l->win, -1, 0);
    if (!l->ren && l->win) {
        /* Some video drivers (KMSDRM on some boards) have no software framebuffer: let SDL
         * pick its accelerated renderer rather than show nothing. */
        fprintf(stderr, "kiosk: the %s renderer is not available here (%s); trying SDL's "
                "default\n", SDL_GetHint(SDL_HINT_RENDER_DRIVER), SDL_GetError());
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "1");
        l->ren = SDL_CreateRenderer(l->win, -1, SDL_RENDERER_PRESENTVSYNC);
    }
    if (!l->ren) {
        fprintf(stderr, "kiosk: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    SDL_GetRendererOutputSize(l->ren, &l->pw, &l->ph);
    if (l->rotate) {
        int lw, lh;
        rotate_logical_size(l->rotate, l->pw, l->ph, &lw, &lh);
        l->rotated = SDL_CreateTexture(l->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, lw, lh);
        if (!l->rotated) {
            fprintf(stderr, "kiosk: cannot rotate the picture: %s; showing it unrotated\n",
                    SDL_GetError());
            l->rotate = 0;
        }
    }
    return true;
}

int window_run(const Options *o)
{
    KioskConfig cfg = {0};
    Diags d;
    diags_init(&d);
    bool cfg_ok = config_load(o->config, &cfg, &d);
    diags_print(&d, stderr);
    diags_free(&d);
    if (!cfg_ok) fprintf(stderr, "kiosk: the settings in %s have errors (see above); using "
                         "defaults where they are wrong\n", cfg.path ? cfg.path : "?");
    char warning[1024];
    if (cfg.found && !config_check_permissions(cfg.path, warning, sizeof warning))
        fprintf(stderr, "kiosk: warning: %s\n", warning);
    const char *bundle_path = (!o->bundle_given && cfg.bundle) ? cfg.bundle : o->bundle;

    const char *assets = assets_dir();
    if (!assets) {
        fprintf(stderr, "kiosk: cannot find the program's assets folder (assets/icons)\n");
        config_free(&cfg);
        return 1;
    }
    diags_init(&d);
    Bundle *b = bundle_load(bundle_path, &d);
    diags_print(&d, stderr);
    char startup_report[2048] = "";
    for (size_t i = 0, used = 0; !b && i < d.count && used < sizeof startup_report - 1; i++) {
        char line[1024];
        used += (size_t)snprintf(startup_report + used, sizeof startup_report - used, "%s\n",
                                 diag_format(&d.items[i], line, sizeof line));
    }
    diags_free(&d);
    if (!b) {
        /* Never a black screen or a restart loop: show the fallback bundle, keep watching the
         * real one, and switch as soon as it is valid. */
        char fallback[4200];
        snprintf(fallback, sizeof fallback, "%s/fallback", assets);
        diags_init(&d);
        b = bundle_load(fallback, &d);
        diags_free(&d);
        if (!b) {
            fprintf(stderr, "kiosk: the bundle %s has errors (see above); nothing to show\n", bundle_path);
            config_free(&cfg);
            return 1;
        }
        fprintf(stderr, "kiosk: the bundle %s has errors (see above); showing a notice and "
                "waiting for a valid bundle\n", bundle_path);
    } else {
        fprintf(stderr, "kiosk: showing bundle %s version %s (%zu items)\n", b->id, b->version,
                b->n_items);
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

    Options ro = *o;
    ro.bundle = bundle_path;
    bool on_fallback = strcmp(b->id, "fallback") == 0 && startup_report[0];
    Loop l = {.o = &ro, .cfg = &cfg, .windowed = o->windowed, .bundle = b,
              .rotate = o->rotate >= 0 ? o->rotate : cfg.rotate};
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
    if (!open_window(&l, o)) goto out;
    int lw, lh;
    rotate_logical_size(l.rotate, l.pw, l.ph, &lw, &lh);
    size_t cache_mb = o->cache_mb != 96 ? o->cache_mb : (size_t)cfg.cache_mb;
    l.drawer = drawer_create(l.ren, &b->theme, assets, cache_mb << 20);
    l.started_ms = (int64_t)SDL_GetTicks64();
    if (!l.drawer || !session_init(&l.s, b, drawer_measure(l.drawer), (float)lw, (float)lh,
                                   l.started_ms) ||
        !review_start(&l.s, o, l.started_ms))
        goto out;
    l.s.pin_hash = cfg.admin_pin;
    l.s.verify = pin_verify;
    if (cfg.stats) {
        char err[512];
        l.stats = stats_open(cfg.stats, err, sizeof err);
        if (!l.stats) fprintf(stderr, "kiosk: no statistics: %s\n", err);
        else stats_prune(l.stats, cfg.stats_keep_days, wall_now());
    }
    usage_init(&l.usage, l.stats, &l.s, l.started_ms, wall_now());
    Uint32 first = SDL_RegisterEvents(4);
    l.home_path = bundle_path;
    snprintf(l.source, sizeof l.source, "%s", bundle_path);
    if (first != (Uint32)-1) {
        l.ev = (ReloadEvents){first, first + 1};
        l.usb_event = first + 2;
        l.decoded_event = first + 3;
        /* After the first frame, pictures that take longer than 8 ms of a frame are decoded on
         * a worker thread: scrolling never waits for a photo. */
        drawer_set_async(l.drawer, on_decoded, &l, 8);
        l.reloader = reloader_start(bundle_path, l.ev);
        l.usb_dir = o->usb_dir ? o->usb_dir : cfg.found ? cfg.usb_dir : NULL;
        if (l.usb_dir) {
            l.usb_watch = watch_start(l.usb_dir, on_usb_change, &l);
            if (l.usb_watch) usb_changed(&l, l.started_ms); /* a stick already in at start */
        }
    }
    if (!l.reloader) fprintf(stderr, "kiosk: not watching %s; restart to show changes\n", bundle_path);
    if (on_fallback) {
        snprintf(l.last_report, sizeof l.last_report, "%s", startup_report);
        if (l.reloader) reloader_request(l.reloader, l.started_ms); /* and again at each change */
    }
    rc = 0;
    bool shown = false;
    while (!l.quit && !stop_requested) {
        int64_t now = (int64_t)SDL_GetTicks64();
        if (l.pending && session_is_quiet(&l.s, now)) swap_bundle(&l, now);
        int64_t hours_wake = check_hours(&l, now);
        if (l.usb_rescan_ms && now >= l.usb_rescan_ms) {
            l.usb_rescan_ms = 0;
            usb_changed(&l, now);
        }
        if (l.usb_rescan_ms && l.usb_rescan_ms < hours_wake) hours_wake = l.usb_rescan_ms;
        if (session_tick(&l.s, now)) {
            if (ui_top(&l.s.ui)->kind == SCREEN_ADMIN) admin_text(&l, now);
            draw(&l, session_frame(&l.s));
            if (o->window_shot) {
                rc = save_window(l.ren, o->window_shot) ? 0 : 1;
                break;
            }
            SDL_RenderPresent(l.ren);
            if (!shown) {
                shown = true;
                service_ready();
                service_status("showing the bundle");
            }
            if (bench_first_frame()) break;
        }
        usage_update(&l.usage, &l.s, now, wall_now());
        admin_requests(&l, now);
        if (l.quit) break;
        int64_t wake = session_next_wake(&l.s);
        if (hours_wake < wake) wake = hours_wake;
        int64_t dog = service_watchdog(now);
        if (dog < wake) wake = dog;
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
    if (rc == 0) rc = l.exit_code;
out:
    usage_end_visit(&l.usage, &l.s, (int64_t)SDL_GetTicks64(), wall_now());
    stats_close(l.stats);
    watch_stop(l.usb_watch);
    reloader_stop(l.reloader);
    bundle_free(l.pending);
    session_free(&l.s);
    drawer_destroy(l.drawer);
    if (l.rotated) SDL_DestroyTexture(l.rotated);
    if (l.ren) SDL_DestroyRenderer(l.ren);
    if (l.win) SDL_DestroyWindow(l.win);
    if (TTF_WasInit()) TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    bundle_free(l.bundle);
    config_free(&cfg);
    return rc;
}
