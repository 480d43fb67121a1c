/* supervisor.c: the running kiosk's policy; see supervisor.h for the contract.
 *
 * One step, in order: hand-overs from the reloader and the USB watch; a waiting bundle put
 * on screen at a quiet moment (never under a finger); opening hours (dark outside them, until
 * a touch); the session's timers; the frame; statistics; the admin screen's requests; the
 * watchdog; the status files (fleet health); and the earliest time anything needs a look
 * again, so the loop can sleep until then and a kiosk at rest uses no CPU. Background threads (reloader, USB watch) only set
 * flags and call wake(); all decisions are made here, on the loop's thread. */
#include "app/supervisor.h"

#include <signal.h>
#include <stdatomic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/health.h"
#include "app/preview.h"
#include "app/review.h"
#include "app/usage.h"
#include "app/options.h"
#include "app/usb.h"
#include "core/caldate.h"
#include "core/log.h"
#include "ops/pin.h"
#include "ops/stats.h"
#include "ops/watch.h"

enum {
    USB_SETTLE_MS = 2000,         /* a stick's folder appears before it is mounted */
    QUIET_LOOK_MS = 1000,         /* with a bundle waiting, look for a quiet moment this often */
    CLOCK_LOOK_MS = 5 * 60 * 1000, /* the wall clock may be set while we sleep (time sync) */
    PREVIEW_LOOK_MS = 500,        /* look whether the preview has finished */
    WHEEL_NOTCH = 120,            /* scroll per wheel notch, in layout units */
};

struct Supervisor {
    const KioskConfig *cfg; /* the setup's, or `reread` after a SIGHUP */
    KioskConfig reread;     /* owned: the settings as read again on SIGHUP */
    Session s;
    Bundle *bundle;        /* on screen (owned) */
    Bundle *pending;       /* valid, waiting for a quiet moment (owned) */
    Bundle *retired;       /* replaced, freed once the drawer has the new theme (owned) */
    const char *home_path; /* the bundle configured for this kiosk (for today: home_buf) */
    char home_buf[4096];   /* home_path when the date chose it (the settings may be re-read) */
    const char *base_path; /* the setup's: days without a dated bundle; NULL: none apply */
    int32_t dated_day;     /* the local day the dated bundles were last looked at */
    char source[4096];     /* the bundle followed now: home_path or one on a USB stick */
    Reloader *reloader;
    const char *usb_dir;
    Watch *usb_watch;
    atomic_bool usb_changed; /* set by the USB watcher thread */
    int64_t usb_rescan_ms;   /* 0: none */
    char last_report[2048];
    Stats *stats;
    Usage usage;
    Health health; /* status.json and the Prometheus textfile */
    bool windowed, dark, shown, quit, theme_changed, shut_down;
    int exit_code;
    unsigned requested; /* every SESSION_WANT_* seen */
    int64_t started_ms, next_ping_ms, watchdog_ms;
    Preview preview;
    const char *preview_program, *preview_dir;
    void (*wake)(void *ctx);
    void *wake_ctx;
};

/* Locked down: fullscreen with an admin PIN. Without a PIN nobody could leave it but with a
 * signal from another terminal, so then the exit shortcuts work, as in a window. */
static bool locked(const Supervisor *k)
{
    return !k->windowed && k->cfg->admin_pin;
}

static void on_usb(void *ctx)
{
    Supervisor *k = ctx;
    atomic_store(&k->usb_changed, true);
    k->wake(k->wake_ctx);
}

/* Follows `path` from now on: a new watcher, and a load right away (the swap comes at a
 * quiet moment, after the check, as for any new bundle). */
static void follow(Supervisor *k, const char *path, int64_t now)
{
    if (strcmp(path, k->source) == 0) return;
    snprintf(k->source, sizeof k->source, "%s", path);
    reloader_stop(k->reloader);
    k->reloader = reloader_start(k->source, 0, k->wake, k->wake_ctx);
    if (k->reloader) reloader_request(k->reloader, now);
}

static void look_for_usb(Supervisor *k, int64_t now)
{
    char found[4096];
    usb_find_bundle(k->usb_dir, found, sizeof found);
    if (found[0] && strcmp(found, k->source) != 0) {
        log_notice("USB stick with a bundle at %s; checking it", found);
        follow(k, found, now);
    } else if (!found[0] && strcmp(k->source, k->home_path) != 0) {
        log_notice("the USB stick is gone; back to %s", k->home_path);
        follow(k, k->home_path, now);
    }
}

static void start_watching(Supervisor *k, const SupervisorSetup *su, int64_t now)
{
    k->reloader = reloader_start(su->bundle_path, su->fingerprint, su->wake, su->wake_ctx);
    if (!k->reloader) log_warning("not watching %s; restart to show changes", su->bundle_path);
    k->usb_dir = su->usb_dir;
    if (k->usb_dir) {
        k->usb_watch = watch_start(k->usb_dir, on_usb, k);
        if (k->usb_watch) look_for_usb(k, now); /* a stick already in at start */
    }
}

static void open_stats(Supervisor *k, int64_t wall)
{
    if (!k->cfg->stats) return;
    char err[512];
    k->stats = stats_open(k->cfg->stats, err, sizeof err);
    if (!k->stats) log_warning("no statistics: %s", err);
    else stats_prune(k->stats, k->cfg->stats_keep_days, wall);
}

/* The settings' `here:` on this bundle's map; an id it does not have is said, not fatal. */
static void set_here(Supervisor *k)
{
    bool has_map = false; /* a bundle without a map (the notice bundle) marks nothing, quietly */
    for (size_t i = 0; i < k->bundle->n_collections; i++)
        has_map = has_map || k->bundle->collections[i].layout == LAYOUT_MAP ||
                  k->bundle->collections[i].layout == LAYOUT_PLAN;
    if (!session_set_here(&k->s, k->cfg->here) && has_map)
        log_warning("warning: here: '%s' in %s is no place on a map or plan of bundle %s; no \"you "
                    "are here\" marker", k->cfg->here, k->cfg->path ? k->cfg->path : "the settings",
                    k->bundle->id);
}

Supervisor *supervisor_create(const SupervisorSetup *su, int64_t now, int64_t wall)
{
    Supervisor *k = calloc(1, sizeof *k);
    if (!k || !session_init(&k->s, su->bundle, su->measure, su->w, su->h, now) ||
        !review_start(&k->s, su->lang, su->open, now)) {
        free(k);
        bundle_free(su->bundle);
        return NULL;
    }
    k->cfg = su->cfg;
    k->bundle = su->bundle;
    k->s.pin_hash = su->cfg->admin_pin;
    k->s.verify = su->verify ? su->verify : pin_verify;
    snprintf(k->home_buf, sizeof k->home_buf, "%s", su->bundle_path);
    k->home_path = k->home_buf;
    k->base_path = su->base_path;
    k->dated_day = caldate_local_day(wall, NULL); /* the setup chose for today already */
    snprintf(k->source, sizeof k->source, "%s", su->bundle_path);
    k->windowed = su->windowed;
    k->started_ms = now;
    k->watchdog_ms = su->watchdog_ms;
    k->next_ping_ms = su->watchdog_ms ? now : INT64_MAX;
    k->preview_program = su->preview_program;
    k->preview_dir = su->preview_dir ? su->preview_dir : "/tmp/kiosk-preview";
    set_here(k);
    k->wake = su->wake;
    k->wake_ctx = su->wake_ctx;
    open_stats(k, wall);
    health_init(&k->health, k->cfg, NULL, now);
    if (su->startup_report && su->startup_report[0])
        health_load(&k->health, false, su->startup_report);
    usage_init(&k->usage, k->stats, &k->s, now, wall);
    if (su->watch) start_watching(k, su, now);
    if (!locked(k) && !k->windowed)
        log_warning("no admin PIN: Esc leaves the kiosk; set one with kiosk --set-pin to lock it");
    if (su->startup_report && su->startup_report[0]) {
        snprintf(k->last_report, sizeof k->last_report, "%s", su->startup_report);
        if (k->reloader) reloader_request(k->reloader, now); /* and again at each change */
    }
    return k;
}

void supervisor_shutdown(Supervisor *k, int64_t now, int64_t wall)
{
    if (!k || k->shut_down) return;
    k->shut_down = true;
    usage_end_visit(&k->usage, &k->s, now, wall);
    health_stop(&k->health, now, wall);
    stats_close(k->stats);
    k->stats = NULL;
    preview_stop(&k->preview);
    watch_stop(k->usb_watch);
    k->usb_watch = NULL;
    reloader_stop(k->reloader);
    k->reloader = NULL;
}

void supervisor_destroy(Supervisor *k, int64_t now, int64_t wall)
{
    if (!k) return;
    supervisor_shutdown(k, now, wall);
    bundle_free(k->retired);
    bundle_free(k->pending);
    session_free(&k->s);
    bundle_free(k->bundle);
    config_free(&k->reread);
    free(k);
}

const Session *supervisor_session(const Supervisor *k) { return &k->s; }
const Bundle *supervisor_bundle(const Supervisor *k) { return k->bundle; }
const char *supervisor_source(const Supervisor *k) { return k->source; }
bool supervisor_previewing(const Supervisor *k) { return k->preview.pid != 0; }
const DisplayList *supervisor_frame(Supervisor *k) { return session_frame(&k->s); }
const DisplayList *supervisor_ahead(Supervisor *k) { return k->dark ? NULL : session_ahead(&k->s); }
void supervisor_ahead_done(Supervisor *k) { session_ahead_done(&k->s); }
unsigned supervisor_requested(const Supervisor *k) { return k->requested; }

/* A touch, key or wheel outside opening hours lights the kiosk up and does nothing else: the
 * visitor cannot see what is under the finger on a dark (or switched-off) screen. The rest of
 * a waking touch (moves, the lift) is swallowed by the session: a lift on a tile would
 * otherwise open it. */
static void wake_up(Supervisor *k, bool finger_down, int64_t now)
{
    log_notice("screen on (%s outside opening hours)", finger_down ? "a touch" : "a key or the wheel");
    k->dark = false;
    session_wake(&k->s, finger_down, now);
}

void supervisor_touch(Supervisor *k, int finger, PointerPhase phase, float x, float y, int64_t now)
{
    if (phase == POINTER_DOWN) health_touch(&k->health, now);
    if (k->dark) {
        if (phase == POINTER_DOWN && finger == 0) wake_up(k, true, now);
        return;
    }
    session_touch(&k->s, finger, phase, x, y, now);
}

void supervisor_pointer(Supervisor *k, PointerPhase phase, float x, float y, int64_t now)
{
    supervisor_touch(k, 0, phase, x, y, now);
}

void supervisor_key(Supervisor *k, KeyKind key, int64_t now)
{
    health_touch(&k->health, now);
    if (k->dark) wake_up(k, false, now);
    else session_key(&k->s, key, now);
}

void supervisor_wheel(Supervisor *k, float notches, int64_t now)
{
    health_touch(&k->health, now);
    if (k->dark) wake_up(k, false, now);
    else session_scroll(&k->s, -notches * WHEEL_NOTCH * view_unit(k->s.w, k->s.h), now);
}

void supervisor_zoom(Supervisor *k, float notches, float x, float y, int64_t now)
{
    health_touch(&k->health, now);
    if (k->dark) wake_up(k, false, now);
    else session_zoom(&k->s, powf(1.25f, notches), x, y, now);
}

void supervisor_resize(Supervisor *k, float w, float h) { session_resize(&k->s, w, h); }
void supervisor_redraw(Supervisor *k) { session_invalidate(&k->s); }

int64_t supervisor_video_time(Supervisor *k, int64_t ms)
{
    int64_t wake = session_video_time(&k->s, ms);
    return k->dark ? INT64_MAX : wake; /* as supervisor_step: a dark screen wants no frames */
}

void supervisor_close(Supervisor *k, bool escape, const char *what)
{
    if (locked(k)) log_notice("ignored %s (fullscreen kiosk)", what ? what : "a request to close");
    else if (escape || !what || !k->windowed) k->quit = true;
}

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* SIGHUP: the settings file read again. The admin PIN, the opening hours and "you are here"
 * apply at once; what was set up at start (bundle, rotation, statistics, USB folder, cache)
 * keeps its value until a restart, and the log says which of those changed. A file that
 * cannot be read now changes nothing. */
static void reread_settings(Supervisor *k)
{
    const KioskConfig *old = k->cfg;
    if (!old->path) return;
    KioskConfig fresh = {0};
    Diags d;
    diags_init(&d);
    config_load(old->path, &fresh, &d);
    diags_print(&d, stderr);
    diags_free(&d);
    if (fresh.ignored || !fresh.found) {
        /* Never unlocked by a settings file that went missing or unreadable. */
        log_warning("SIGHUP: the settings in %s could not be read%s; they stay as they were",
                    old->path, fresh.found ? " (see above)" : " (no such file)");
        config_free(&fresh);
        return;
    }
    char later[160] = "";
    const struct { bool changed; const char *name; } fixed[] = {
        {!same_text(fresh.bundle, old->bundle), "bundle"}, {fresh.rotate != old->rotate, "rotate"},
        {!same_text(fresh.stats, old->stats), "stats"}, {!same_text(fresh.usb_dir, old->usb_dir), "usb_dir"},
        {fresh.cache_mb != old->cache_mb, "cache_mb"},
        {!same_text(fresh.status_dir, old->status_dir), "status_dir"},
        {!same_text(fresh.prometheus_textfile, old->prometheus_textfile), "prometheus_textfile"}};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (fixed[i].changed) {
            size_t used = strlen(later);
            snprintf(later + used, sizeof later - used, "%s%s", used ? ", " : "", fixed[i].name);
        }
    /* What is in use stays what the settings say until a restart. */
    free(fresh.bundle), free(fresh.stats), free(fresh.usb_dir);
    fresh.bundle = dup_or_null(old->bundle), fresh.stats = dup_or_null(old->stats);
    fresh.usb_dir = dup_or_null(old->usb_dir);
    fresh.rotate = old->rotate, fresh.cache_mb = old->cache_mb;
    KioskConfig previous = k->reread; /* freed after the session lets go of its PIN hash */
    k->reread = fresh;
    k->cfg = &k->reread;
    k->s.pin_hash = k->cfg->admin_pin;
    set_here(k);
    config_free(&previous);
    log_notice("SIGHUP: settings read again from %s: admin PIN %s, opening hours %s%s%s",
               k->cfg->path, k->cfg->admin_pin ? "set" : "none",
               k->cfg->has_hours ? "set" : "none (always on)",
               *later ? "; changed, used after a restart: " : "", later);
}

void supervisor_signal(Supervisor *k, int sig, int64_t now)
{
    if (sig == SIGHUP) {
        log_notice("SIGHUP: reloading the bundle %s", k->source);
        reread_settings(k);
        if (k->reloader) reloader_request(k->reloader, now);
    } else if (sig == SIGUSR1) {
        log_notice("status: bundle %s version %s (%zu items), %s, up %llds%s", k->bundle->id,
                   k->bundle->version, k->bundle->n_items, k->dark ? "dark" : "showing",
                   (long long)((now - k->started_ms) / 1000), k->pending ? ", a new bundle waits" : "");
    } else {
        log_notice("stopping (signal %d)", sig);
        k->quit = true;
    }
}

void supervisor_offer(Supervisor *k, ReloadOutcome outcome, Bundle *b, const char *report)
{
    if (outcome == RELOAD_NOTHING) return;
    if (outcome != RELOAD_MOVING) health_load(&k->health, outcome == RELOAD_VALID, report);
    snprintf(k->last_report, sizeof k->last_report, "%.2000s", report);
    if (outcome == RELOAD_VALID && b) {
        bundle_free(k->pending);
        k->pending = b;
        log_info("new bundle %s version %s is valid; switching at a quiet moment\n%s", b->id,
                 b->version, report);
    } else if (report[0]) {
        bundle_free(b);
        log_warning("kept the bundle on screen; the new one cannot be shown:\n%s", report);
    }
}

/* Puts the pending bundle on screen, staying on the same screen and language if they exist. */
static void swap_bundle(Supervisor *k, int64_t now, int64_t wall)
{
    Bundle *nb = k->pending;
    k->pending = NULL;
    usage_end_visit(&k->usage, &k->s, now, wall);
    Session ns;
    if (!session_continue(&ns, &k->s, nb, now)) {
        log_error("out of memory switching to bundle %s; keeping the one on screen", nb->id);
        bundle_free(nb);
        return;
    }
    session_free(&k->s);
    k->retired = k->bundle; /* the drawer may still use its theme until it gets the new one */
    k->s = ns;
    k->bundle = nb;
    k->theme_changed = true;
    usage_init(&k->usage, k->stats, &k->s, now, wall);
    log_notice("switched to bundle %s version %s (%zu items)", nb->id, nb->version, nb->n_items);
    set_here(k);
}

/* Outside opening hours the screen is dark, unless someone touched it within the idle time.
 * Returns when the hours next need a look. */
static int64_t check_hours(Supervisor *k, int64_t now, int64_t wall)
{
    if (!k->cfg->has_hours) return INT64_MAX;
    time_t t = (time_t)wall;
    struct tm local;
    localtime_r(&t, &local);
    bool open = hours_is_open(&k->cfg->hours, &local);
    int64_t idle_ms = (int64_t)k->bundle->kiosk.idle_timeout_s * 1000;
    bool touched = now - k->s.input_ms < idle_ms;
    bool dark = !open && !(touched && !k->dark);
    if (dark != k->dark) {
        k->dark = dark;
        session_invalidate(&k->s);
        if (!dark) log_notice("screen on (opening hours)");
        else if (k->cfg->display_power == DISPLAY_POWER_BLACK)
            log_notice("outside opening hours: screen off (drawn black; display_power: black)");
        else
            log_notice("outside opening hours: screen off (display_power: %s)",
                       config_display_power_name(k->cfg->display_power));
        if (dark) session_apply(&k->s, (Action){.kind = ACT_HOME}, now);
    }
    bool open_then;
    int64_t change_s = hours_next_change(&k->cfg->hours, wall, &open_then);
    int64_t wake = change_s == INT64_MAX ? INT64_MAX : now + (change_s - wall) * 1000;
    if (wake > now + CLOCK_LOOK_MS) wake = now + CLOCK_LOOK_MS;
    if (!k->dark && !open && k->s.input_ms + idle_ms < wake) wake = k->s.input_ms + idle_ms;
    return wake;
}

/* What the admin screen shows: bundle, load status, uptime, the last reload's report. */
static void admin_status(Supervisor *k, int64_t now)
{
    int64_t up = (now - k->started_ms) / 1000;
    const Bundle *b = k->bundle;
    char text[2048];
    snprintf(text, sizeof text,
             "Bundle: %s (%s), versie/version %s, %zu items\n"
             "Map/folder: %.300s\n"
             "Actief sinds/up for: %lldd %02lld:%02lld:%02lld\n"
             "Verkeerde PINs/wrong PINs: %lu\n"
             "Statistieken/statistics: %s\n"
             "Laatste controle/last check:\n%.1500s",
             text_get(&b->title, b->default_language), b->id, b->version, b->n_items,
             k->source, (long long)(up / 86400), (long long)(up / 3600 % 24),
             (long long)(up / 60 % 60), (long long)(up % 60), k->s.pin_failures,
             k->stats ? k->cfg->stats : "uit/off",
             k->preview.pid ? "Voorbeeld wordt gemaakt/preview running...\n"
                            : k->last_report[0] ? k->last_report : "OK");
    /* (the report is cut to what fits the screen; the full text is in the log) */
    session_set_admin_status(&k->s, text);
}

static void admin_requests(Supervisor *k, int64_t now)
{
    unsigned want = session_take_requests(&k->s);
    k->requested |= want;
    if (want & SESSION_WANT_RELOAD) {
        log_notice("reload requested on the admin screen");
        if (k->reloader) reloader_request(k->reloader, now);
    }
    if ((want & SESSION_WANT_PREVIEW) && k->preview_program)
        preview_start(&k->preview, k->preview_program, k->preview_dir, (int)k->s.w, (int)k->s.h,
                      k->source);
    bool ok;
    if (preview_finished(&k->preview, &ok))
        snprintf(k->last_report, sizeof k->last_report, "Voorbeeld/preview: %s%s\n",
                 k->preview_dir, ok ? "" : " (mislukt/failed, see the log)");
    if (want & SESSION_WANT_EXIT) {
        log_notice("exit chosen on the admin screen");
        k->exit_code = KIOSK_EXIT_BY_ADMIN;
        k->quit = true;
    }
}

/* Hand-overs from the background: a finished load, a USB stick put in or pulled. */
static int64_t background(Supervisor *k, int64_t now)
{
    int64_t wake = INT64_MAX;
    if (atomic_exchange(&k->usb_changed, false)) {
        look_for_usb(k, now);
        k->usb_rescan_ms = now + USB_SETTLE_MS; /* mounted by now? look again */
    }
    if (k->usb_rescan_ms && now >= k->usb_rescan_ms) {
        k->usb_rescan_ms = 0;
        look_for_usb(k, now);
    }
    if (k->usb_rescan_ms) wake = k->usb_rescan_ms;
    if (k->reloader) {
        Bundle *b;
        char report[8192];
        ReloadOutcome o = reloader_take(k->reloader, now, &b, report, sizeof report);
        supervisor_offer(k, o, b, report);
        int64_t rw = reloader_tick(k->reloader, now);
        if (rw < wake) wake = rw;
    }
    return wake;
}

static int64_t earliest(int64_t a, int64_t b) { return a < b ? a : b; }

/* bundles_by_date: when the local day changes, the bundle for the new day becomes this kiosk's
 * own, followed like a hot swap (loaded, checked, shown at a quiet moment); a USB stick that
 * is in stays on screen until it is pulled. Wakes just after the next local midnight. */
static int64_t check_dated(Supervisor *k, int64_t now, int64_t wall)
{
    if (!k->base_path) return INT64_MAX;
    int32_t day = caldate_local_day(wall, NULL);
    if (day != k->dated_day) {
        k->dated_day = day;
        const char *dated = config_dated_bundle(k->cfg, day);
        const char *want = dated ? dated : k->base_path;
        if (strcmp(want, k->home_path) != 0) {
            bool on_home = strcmp(k->source, k->home_path) == 0;
            char date[CALDATE_TEXT];
            caldate_format(day, date);
            log_notice("%s: %s is this kiosk's bundle for today%s", date, want,
                       on_home ? "; checking it" : " (after the USB stick)");
            snprintf(k->home_buf, sizeof k->home_buf, "%s", want);
            if (on_home) follow(k, k->home_path, now);
        }
    }
    if (k->cfg->n_dated == 0) return INT64_MAX;
    return now + (caldate_wall_at(wall, 24 * 60) - wall + 1) * 1000;
}

Requests supervisor_step(Supervisor *k, int64_t now, int64_t wall)
{
    bundle_free(k->retired); /* the last step's Requests gave the drawer the new theme */
    k->retired = NULL;
    Requests r = {.wake_ms = background(k, now)};
    if (k->pending && session_is_quiet(&k->s, now)) swap_bundle(k, now, wall);
    r.wake_ms = earliest(r.wake_ms, check_hours(k, now, wall));
    r.wake_ms = earliest(r.wake_ms, check_dated(k, now, wall));
    bool quiet = session_is_quiet(&k->s, now);
    r.wake_ms = earliest(r.wake_ms, health_step(&k->health, k->bundle, !k->dark, quiet, now, wall));
    if (ui_top(&k->s.ui)->kind == SCREEN_ADMIN) admin_status(k, now);
    session_set_wall_clock(&k->s, wall * 1000, now);
    if (session_tick(&k->s, now)) {
        r.redraw = true;
        r.ready = !k->shown;
        k->shown = true;
    }
    r.dark = k->dark;
    r.power = k->cfg->display_power;
    r.display_off = k->dark && r.power != DISPLAY_POWER_BLACK;
    if (k->theme_changed) r.theme = &k->bundle->theme;
    k->theme_changed = false;
    usage_update(&k->usage, &k->s, now, wall);
    admin_requests(k, now);
    if (now >= k->next_ping_ms) {
        r.ping_watchdog = true;
        k->next_ping_ms = now + k->watchdog_ms;
    }
    /* A dark screen shows nothing, so the attract loop's motion must not wake the loop: the
     * kiosk uses no CPU while it is off (a touch wakes it through the window's events). */
    int64_t session_due = k->dark ? INT64_MAX : session_next_wake(&k->s);
    r.wake_ms = earliest(r.wake_ms, earliest(session_due, k->next_ping_ms));
    if (k->pending) r.wake_ms = earliest(r.wake_ms, now + QUIET_LOOK_MS);
    if (k->preview.pid) r.wake_ms = earliest(r.wake_ms, now + PREVIEW_LOOK_MS);
    r.quit = k->quit;
    r.exit_code = k->exit_code;
    return r;
}
