/* loop.c: the kiosk on a real display: the window backend and the supervisor, joined.
 *
 * This is the whole loop: ask the supervisor what to do now, draw what it asks for, sleep in
 * the backend until an event or the supervisor's next wake time, hand the event over, repeat.
 * Everything the kiosk decides lives in the supervisor (no SDL) and everything SDL does lives
 * in platform/window.c; this file only reads the settings and the first bundle and joins the
 * two, so a kiosk at rest sleeps without a timeout and uses no CPU. */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/cec.h"
#include "app/kept.h"
#include "app/options.h"
#include "app/service.h"
#include "app/signals.h"
#include "app/supervisor.h"
#include "core/caldate.h"
#include "core/log.h"
#include "core/starttrace.h"
#include "layout/hyphen.h"
#include "ops/config.h"
#include "ops/watch.h"
#include "platform/fonts.h"
#include "platform/player.h"
#include "platform/window.h"

static int64_t wall_now(void)
{
    return (int64_t)time(NULL);
}

static void load_settings(const Options *o, KioskConfig *cfg)
{
    Diags d;
    diags_init(&d);
    bool ok = config_load(o->config, cfg, &d);
    diags_print(&d, stderr);
    diags_free(&d);
    if (cfg->ignored)
        log_error("not using the settings file %s (see above); every setting has its default",
                  cfg->path ? cfg->path : "?");
    else if (!ok)
        log_warning("the settings in %s have errors (see above); using defaults where they are "
                    "wrong", cfg->path ? cfg->path : "?");
    char warning[1024];
    if (cfg->found && !config_check_permissions(cfg->path, warning, sizeof warning))
        log_warning("warning: %s", warning);
}

/* The bundle to show first: the configured one, or (never a black screen or a restart loop)
 * the notice bundle while the real one has errors; `report` receives those errors. */
static Bundle *first_bundle(const char *path, const char *assets, char *report, size_t n)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load(path, &d);
    diags_print(&d, stderr);
    report[0] = '\0';
    if (!b) diags_to_text(&d, report, n);
    diags_free(&d);
    if (b) {
        log_notice("showing bundle %s version %s (%zu items)", b->id, b->version, b->n_items);
        return b;
    }
    char fallback[4200];
    snprintf(fallback, sizeof fallback, "%s/fallback", assets);
    diags_init(&d);
    b = bundle_load(fallback, &d);
    diags_free(&d);
    if (!b) log_error("the bundle %s has errors (see above); nothing to show", path);
    else log_warning("the bundle %s has errors (see above); showing a notice and waiting for a "
                     "valid bundle", path);
    return b;
}

/* The first bundle, read on a second thread while SDL opens the window (both take tens of
 * milliseconds at start, docs/performance.md "Start-up (part 4)"); the window asks for its
 * theme once it is open, and waits here if the bundle is not read yet. */
typedef struct FirstLoad {
    const char *path, *assets, *lang; /* lang: --lang, or NULL */
    unsigned long long fingerprint;
    bool fingerprinted;
    /* for the kept first frame, shown once the window is open (first_opened) */
    Kept *kept;
    const Options *o;
    const KioskConfig *cfg;
    Bundle *b;
    char report[2048];
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool started, joined, ready; /* ready: b and the fonts are there */
} FirstLoad;

static void first_ready(FirstLoad *f)
{
    pthread_mutex_lock(&f->lock);
    f->ready = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

static void *first_load(void *arg)
{
    FirstLoad *f = arg;
    unsigned long long fp = watch_fingerprint(f->path); /* before reading it */
    pthread_mutex_lock(&f->lock);
    f->fingerprint = fp;
    f->fingerprinted = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
    f->b = first_bundle(f->path, f->assets, f->report, sizeof f->report);
    start_mark("bundle read and checked");
    if (f->b) fonts_prepare(f->b->theme.font, f->b->theme.fonts_dir);
    start_mark("fonts looked up");
    Bundle *b = f->b;
    /* a copy: the bundle may be replaced once the window has it */
    char lang[32] = "";
    if (b) snprintf(lang, sizeof lang, "%s", b->languages[b->default_language]);
    for (size_t i = 0; b && f->lang && i < b->n_languages; i++)
        if (strcmp(b->languages[i], f->lang) == 0) snprintf(lang, sizeof lang, "%s", f->lang);
    first_ready(f);
    /* The first frame hyphenates in one language: its dictionary is read now, while the window
     * builds that frame (a layout that needs it first waits in hyphen.c); the others after the
     * first frame (run), so they do not take a core from the start. */
    const char *langs[1] = {lang};
    if (lang[0] && f->started) {
        hyphen_preload(langs, 1);
        start_mark("hyphenation dictionary read");
    }
    else if (lang[0]) hyphen_preload_async(langs, 1); /* read before the window: not in its way */
    return NULL;
}

static void first_load_start(FirstLoad *f)
{
    pthread_mutex_init(&f->lock, NULL);
    pthread_cond_init(&f->cond, NULL);
    /* Runs while SDL_Init does: nothing in SDL_Init may fork then (window_no_bus_autolaunch,
     * called before, says why; the window tests hung so in session 6). */
    f->started = pthread_create(&f->thread, NULL, first_load, f) == 0;
    if (!f->started) first_load(f); /* no thread: read it here, before the window */
}

static void first_load_join(FirstLoad *f)
{
    if (f->started && !f->joined) pthread_join(f->thread, NULL);
    if (!f->joined) {
        pthread_cond_destroy(&f->cond);
        pthread_mutex_destroy(&f->lock);
    }
    f->joined = true;
}

static const Theme *first_theme(void *ctx)
{
    FirstLoad *f = ctx;
    pthread_mutex_lock(&f->lock);
    while (!f->ready) pthread_cond_wait(&f->cond, &f->lock);
    pthread_mutex_unlock(&f->lock);
    return f->b ? &f->b->theme : NULL;
}

/* The window is open: the kept first frame needs the bundle's fingerprint, not the bundle. */
static void first_opened(void *ctx, Window *w)
{
    FirstLoad *f = ctx;
    pthread_mutex_lock(&f->lock);
    while (!f->fingerprinted) pthread_cond_wait(&f->cond, &f->lock);
    pthread_mutex_unlock(&f->lock);
    kept_open(f->kept, f->o, f->cfg, f->path, f->fingerprint, f->assets, w);
}

/* Frames drawn since the last status report (SIGUSR1): how many, the longest time one took to
 * draw and show, and the longest gap between two (how evenly motion is paced). */
typedef struct FrameStats {
    unsigned long frames;
    int64_t since, last, worst_draw, worst_gap;
} FrameStats;

static void frame_done(FrameStats *f, int64_t start, int64_t end)
{
    if (f->frames && start - f->last > f->worst_gap) f->worst_gap = start - f->last;
    if (end - start > f->worst_draw) f->worst_draw = end - start;
    f->last = end;
    f->frames++;
}

static void frame_report(FrameStats *f, int64_t now)
{
    double s = (double)(now - f->since) / 1000.0;
    log_notice("status: frames %lu in %.1f s (%.1f per second), slowest draw %lld ms, longest gap "
               "between frames %lld ms",
               f->frames, s, s > 0 ? (double)f->frames / s : 0.0, (long long)f->worst_draw,
               (long long)f->worst_gap);
    *f = (FrameStats){.since = now, .last = now};
}

static void wake_window(void *ctx)
{
    window_wake(ctx);
}

/* One event from the backend, handed to the supervisor. */
static void dispatch(Supervisor *k, const WindowEvent *e, int64_t now, FrameStats *fs)
{
    char what[96];
    switch (e->kind) {
    case WINDOW_POINTER: supervisor_touch(k, e->finger, e->phase, e->x, e->y, now); break;
    case WINDOW_KEY: supervisor_key(k, e->key, now); break;
    case WINDOW_WHEEL:
        if (e->zoom) supervisor_zoom(k, e->wheel, e->x, e->y, now);
        else supervisor_wheel(k, e->wheel, now);
        break;
    case WINDOW_RESIZE: supervisor_resize(k, e->w, e->h); break;
    case WINDOW_REDRAW: supervisor_redraw(k); break;
    case WINDOW_CLOSE: supervisor_close(k, false, NULL); break;
    case WINDOW_EXIT_KEY:
        snprintf(what, sizeof what, "the shortcut %s", e->key_name);
        supervisor_close(k, e->escape, what);
        break;
    case WINDOW_WAKE:
        for (int sig; (sig = signals_take());) {
            supervisor_signal(k, sig, now);
            if (sig == SIGUSR1) frame_report(fs, now);
        }
        break;
    case WINDOW_TIMEOUT: break;
    }
}

/* KIOSK_FRAME_LOG=1: one line per frame shown, with the wall-clock time right after it was
 * presented and a hash of its pixels, so a test can tap the window (a real X event) and see
 * when the pixels changed. The pixels are read back after the time is taken (the software
 * renderer keeps them in the window surface), so the copy does not count in that time. */
static void log_frame(Window *w, unsigned long long *shown)
{
    window_show(w);
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    unsigned long long hash = 0;
    bool read = window_pixel_hash(w, &hash);
    int presented = window_presented(w);
    char how[32] = "whole"; /* or the damaged rectangles presented */
    if (presented == -2) snprintf(how, sizeof how, "drawn ahead, whole");
    if (presented >= 0) snprintf(how, sizeof how, "rectangles %d", presented);
    log_info("frame %llu presented at %lld.%06ld, pixels %016llx%s, %s", ++*shown,
             (long long)t.tv_sec, t.tv_nsec / 1000, hash, read ? "" : " (unreadable)", how);
}

/* The display's power as the loop last set it, and how (the setting display_power). */
typedef struct Power {
    bool off;
    bool blank;       /* the display really is off (DPMS): present nothing */
    DisplayPower by;
    Cec *cec;         /* started the first time CEC is used */
    bool complained;  /* a display that cannot be switched is logged once */
} Power;

static void power_switch(Power *p, Window *w, DisplayPower by, bool on)
{
    char why[512];
    p->off = !on;
    p->by = by;
    p->blank = false;
    if (by == DISPLAY_POWER_CEC) {
        if (!p->cec) p->cec = cec_create(NULL);
        if (p->cec) cec_set(p->cec, on);
        return;
    }
    if (by != DISPLAY_POWER_DPMS) return;
    if (window_display_power(w, on, why, sizeof why)) {
        p->blank = !on;
        log_info("display switched %s (DPMS)", on ? "on" : "off");
    } else if (!p->complained) {
        p->complained = true;
        log_warning("display_power: dpms: %s; the screen is drawn black instead (set "
                    "display_power: black to say so, or cec for a TV)", why);
    }
}

/* Before drawing: a display that is to be on again (or switched another way) is switched on. */
static void power_before(Power *p, Window *w, const Requests *r)
{
    if (p->off && (!r->display_off || r->power != p->by)) power_switch(p, w, p->by, true);
}

/* After drawing: a dark screen that shows black now is switched off. */
static void power_after(Power *p, Window *w, const Requests *r)
{
    if (r->display_off && !p->off) power_switch(p, w, r->power, false);
}

static bool has_videos(const Bundle *b)
{
    for (size_t i = 0; b && i < b->n_collections; i++)
        for (size_t j = 0; j < b->collections[i].n_items; j++)
            if (b->collections[i].items[j].video) return true;
    return false;
}

/* While a finger rests on a tile or button: the texts of the screen it opens are made now,
 * in slices of 2 ms that stop as soon as anything happens (the lift, a move); once they are
 * all made, its first frame is drawn (not shown) too. */
static void prepare_ahead(Window *w, Supervisor *k)
{
    const DisplayList *next;
    while (!window_has_event(w) && (next = supervisor_ahead(k)))
        if (window_prepare(w, next, 2)) {
            if (!window_has_event(w)) window_stage(w, next);
            supervisor_ahead_done(k);
        }
}

/* Runs until the supervisor asks to quit; returns the exit code. */
static int run(Window *w, Supervisor *k, const Options *o, Power *power, Kept *kept)
{
    bool frame_log = getenv("KIOSK_FRAME_LOG") && strcmp(getenv("KIOSK_FRAME_LOG"), "1") == 0;
    unsigned long long frames = 0;
    FrameStats fs = {.since = window_now()};
    for (;;) {
        int64_t now = window_now();
        Requests r = supervisor_step(k, now, wall_now());
        if (r.theme) window_set_theme(w, r.theme);
        power_before(power, w, &r);
        /* Nothing is presented while DPMS has the display off (a KMS page flip would fail);
         * a screen that is only black (no DPMS here, a TV in standby) is drawn as asked. */
        if (r.redraw && !power->blank) {
            start_mark("first frame: building its display list");
            const DisplayList *frame = r.dark ? NULL : supervisor_frame(k);
            start_mark("first frame: display list built (layout)");
            window_draw(w, frame);
            start_mark("first frame: drawn");
            /* The next frame's captions. The wake time above was reckoned before this frame
             * was built: a clip that started playing in it wants frames from now on. */
            int64_t video_wake = supervisor_video_time(k, window_video_ms(w));
            if (video_wake < r.wake_ms) r.wake_ms = video_wake;
            /* the first frame that has everything (pictures are decoded on the worker) */
            if (o->window_shot && window_complete(w))
                return window_save_png(w, o->window_shot) ? 0 : 1;
            if (frame_log) log_frame(w, &frames);
            else window_show(w);
            frame_done(&fs, now, window_now());
            kept_after_frame(kept, w, r.dark);
        }
        if (r.ready) {
            service_ready();
            service_status("showing the bundle");
            start_trace_end();
            if (bench_first_frame()) return 0;
            /* after the first frame, so start-up does not share the CPU with it */
            const Bundle *b = supervisor_bundle(k);
            hyphen_preload_async((const char *const *)b->languages, b->n_languages);
            if (has_videos(b)) player_preload();
        }
        power_after(power, w, &r);
        if (r.ping_watchdog) service_watchdog_ping();
        if (r.quit) return r.exit_code;
        if (r.redraw) window_idle(w); /* while the frame is on screen */
        prepare_ahead(w, k);
        WindowEvent e;
        window_next_event(w, r.wake_ms, &e);
        do dispatch(k, &e, window_now(), &fs);
        while (e.kind != WINDOW_TIMEOUT && (window_next_event(w, 0, &e), e.kind != WINDOW_TIMEOUT));
    }
}

static const char *self_program(char *buf, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", buf, n - 1);
    if (len <= 0) return NULL;
    buf[len] = '\0';
    return buf;
}

int window_run(const Options *o)
{
    /* First of all: before any thread starts, and before the first bundle is read (a SIGHUP or
     * SIGTERM that came while it was read killed the process with the default action). A
     * signal that comes now waits, pending, for the signal thread. */
    signals_block();
    start_mark("main");
    KioskConfig cfg = {0};
    load_settings(o, &cfg);
    const char *base_path = (!o->bundle_given && cfg.bundle) ? cfg.bundle : o->bundle;
    /* A bundle for today's date (bundles_by_date) unless the command line named one. */
    const char *dated = o->bundle_given ? NULL
                                        : config_dated_bundle(&cfg, caldate_local_day(wall_now(), NULL));
    const char *bundle_path = dated ? dated : base_path;
    const char *assets = assets_dir();
    char self[PATH_MAX];
    if (!assets) {
        log_error("cannot find the program's assets folder (assets/icons)");
        config_free(&cfg);
        return 1;
    }
    Kept kept = {0};
    FirstLoad first = {.path = bundle_path, .assets = assets, .lang = o->lang, .kept = &kept,
                       .o = o, .cfg = &cfg};
    window_no_bus_autolaunch(); /* while there is one thread: it sets the environment */
    first_load_start(&first);
    WindowSettings ws = {
        .width = o->width, .height = o->height, .windowed = o->windowed,
        .rotate = o->rotate >= 0 ? o->rotate : cfg.rotate, .renderer = o->renderer,
        .wait_theme = first_theme, .opened = first_opened, .wait_ctx = &first, .assets = assets,
        .cache_bytes = cache_budget(o, cfg.cache_mb),
    };
    Window *w = window_create(&ws);
    Bundle *b = w ? first.b : NULL;
    if (!b) {
        first_load_join(&first);
        b = first.b;
        fonts_prepare_drop(); /* when the window failed before it took them */
        window_destroy(w);
        bundle_free(b);
        config_free(&cfg);
        return 1;
    }
    SupervisorSetup su = {
        .cfg = &cfg, .bundle_path = bundle_path, .bundle = b, .fingerprint = first.fingerprint,
        .base_path = o->bundle_given ? NULL : base_path,
        .startup_report = first.report,
        .measure = window_measure(w), .windowed = o->windowed, .watch = true,
        .usb_dir = o->usb_dir ? o->usb_dir : cfg.found ? cfg.usb_dir : NULL,
        .watchdog_ms = service_watchdog_interval_ms(), .preview_dir = "/tmp/kiosk-preview",
        .preview_program = self_program(self, sizeof self), .wake = wake_window, .wake_ctx = w,
        .lang = o->lang, .open = o->open,
    };
    window_size(w, &su.w, &su.h);
    signals_start(wake_window, w);
    Supervisor *k = supervisor_create(&su, window_now(), wall_now());
    start_mark("supervisor made");
    Power power = {0};
    int rc = k ? run(w, k, o, &power, &kept) : 1;
    first_load_join(&first); /* it still uses the bundle */
    /* A kiosk stopped at night leaves a display that lights (a console, a desktop); a TV in
     * standby stays there. */
    if (power.off && power.by == DISPLAY_POWER_DPMS) power_switch(&power, w, power.by, true);
    cec_destroy(power.cec);
    supervisor_shutdown(k, window_now(), wall_now()); /* no more wake-ups from other threads */
    window_destroy(w);                                /* the drawer lets go of the bundle */
    supervisor_destroy(k, window_now(), wall_now());
    config_free(&cfg);
    return rc;
}
