/* test_supervisor.c: the running kiosk's policy, without a window: the supervisor driven
 * as platform/window.c's loop drives it, on a fake clock (and the real one where a child
 * process is involved). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "app/supervisor.h"
#include "check.h"
#include "ops/status.h"

static const char FAKE_HASH[] = "$y$fake";
static const int64_t WALL = 1767225600; /* 2026-01-01 00:00 UTC */

static bool fake_verify(const char *pin, const char *hash)
{
    return strcmp(hash, FAKE_HASH) == 0 && strcmp(pin, "4711") == 0;
}

/* Every character 10 px wide: layout without fonts. */
static int fixed_width(void *ctx, FontId font, int px, const char *s, size_t len)
{
    (void)ctx, (void)font, (void)px, (void)s;
    return (int)len * 10;
}

typedef struct Kiosk {
    bool no_pin; /* settings without an admin PIN */
    Supervisor *k;
    KioskConfig cfg;
    int64_t now;
    Requests last;
} Kiosk;

static bool start(Kiosk *t, bool windowed, int64_t watchdog_ms, const char *preview)
{
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load("content/techniekpact", &d);
    diags_free(&d);
    if (!b) return false;
    if (!t->no_pin) t->cfg.admin_pin = (char *)FAKE_HASH;
    t->now = 1000000;
    SupervisorSetup su = {.cfg = &t->cfg, .bundle_path = "content/techniekpact", .bundle = b,
                          .measure = {NULL, fixed_width}, .w = 1920, .h = 1080,
                          .windowed = windowed, .watchdog_ms = watchdog_ms,
                          .preview_program = preview, .preview_dir = "/tmp/kiosk-test-preview",
                          .verify = fake_verify};
    t->k = supervisor_create(&su, t->now, WALL);
    return t->k != NULL;
}

static void step(Kiosk *t)
{
    t->last = supervisor_step(t->k, t->now, WALL + t->now / 1000);
}

/* Moves the fake clock, stepping at every wake-up asked for. */
static void advance(Kiosk *t, int64_t ms)
{
    int64_t end = t->now + ms;
    while (t->now < end) {
        step(t);
        t->now = t->last.wake_ms < end ? t->last.wake_ms : end;
    }
    step(t);
}

static void tap_action(Kiosk *t, ActionKind kind, int arg)
{
    const DisplayList *d = supervisor_frame(t->k);
    for (size_t i = 0; i < d->n_hits; i++) {
        const Hit *h = &d->hits[i];
        if (h->action.kind != kind || (arg >= 0 && h->action.arg != arg)) continue;
        float x = h->r.x + h->r.w / 2, y = h->r.y + h->r.h / 2;
        supervisor_pointer(t->k, POINTER_DOWN, x, y, t->now);
        advance(t, 80);
        supervisor_pointer(t->k, POINTER_UP, x, y, t->now);
        advance(t, 300);
        return;
    }
    fprintf(stderr, "  no hit area for action %d on screen\n", (int)kind);
    CHECK(false);
}

/* The hidden corner hold and the right PIN: the admin screen. */
static void open_admin(Kiosk *t)
{
    supervisor_pointer(t->k, POINTER_DOWN, 20, 20, t->now);
    advance(t, SESSION_ADMIN_HOLD_MS + 100);
    supervisor_pointer(t->k, POINTER_UP, 20, 20, t->now);
    advance(t, 300);
    for (const char *p = "4711"; *p; p++) tap_action(t, ACT_PIN_DIGIT, *p - '0');
    tap_action(t, ACT_PIN_OK, -1);
    CHECK_INT(ui_top_const(&supervisor_session(t->k)->ui)->kind, SCREEN_ADMIN);
}

static int64_t real_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The admin preview runs in a child process: while it renders, steps return at once, touch
 * is handled and the watchdog keeps being pinged. */
static void test_preview_keeps_watchdog(void)
{
    char prog[] = "/tmp/kiosk-slow-preview-XXXXXX";
    int fd = mkstemp(prog);
    CHECK(fd >= 0);
    if (fd < 0) return;
    const char *script = "#!/bin/sh\nsleep 1.5\n";
    CHECK(write(fd, script, strlen(script)) == (ssize_t)strlen(script));
    close(fd);
    chmod(prog, 0700);
    Kiosk t = {0};
    CHECK(start(&t, false, 100, prog));
    if (!t.k) return;
    open_admin(&t);
    tap_action(&t, ACT_ADMIN_PREVIEW, -1);
    CHECK(supervisor_previewing(t.k));
    int pings = 0, slow_steps = 0;
    int64_t begin = real_ms(), base = t.now;
    while (supervisor_previewing(t.k) && real_ms() - begin < 5000) {
        t.now = base + real_ms() - begin;
        int64_t before = real_ms();
        step(&t);
        if (real_ms() - before > 50) slow_steps++;
        pings += t.last.ping_watchdog;
        int64_t sleep_ms = t.last.wake_ms - t.now;
        if (sleep_ms > 0) usleep((useconds_t)(sleep_ms > 200 ? 200 : sleep_ms) * 1000);
    }
    int64_t took = real_ms() - begin;
    printf("  preview took %lld ms; %d watchdog pings meanwhile, %d slow steps\n", (long long)took, pings, slow_steps);
    CHECK(!supervisor_previewing(t.k));
    CHECK(took >= 1400);
    CHECK(pings >= 10); /* every 100 ms for 1.5 s */
    CHECK_INT(slow_steps, 0);
    step(&t);
    CHECK(strstr(supervisor_session(t.k)->admin_text, "Voorbeeld/preview: /tmp/kiosk-test-preview") != NULL);
    supervisor_destroy(t.k, t.now, WALL);
    unlink(prog);
}

/* Closing: a fullscreen kiosk ignores close requests and exit shortcuts; a window obeys. */
/* The attract loop moves about ten times a second while the screen is on; outside opening
 * hours (screen off) nothing moves and the loop sleeps: no frame-rate wake-ups. */
static void test_attract_sleeps_when_dark(void)
{
    for (int dark = 0; dark < 2; dark++) {
        Kiosk t = {0};
        t.cfg.has_hours = dark;
        hours_clear(&t.cfg.hours); /* closed every day */
        if (!start(&t, false, 0, NULL)) {
            CHECK(false);
            return;
        }
        advance(&t, 200000); /* idle: home after 60 s, the attract loop 30 s later */
        CHECK(supervisor_session(t.k)->ui.attract);
        CHECK(t.last.dark == (bool)dark);
        supervisor_frame(t.k); /* drawn, as the window's loop draws what it is asked to */
        step(&t);
        int64_t sleep_ms = t.last.wake_ms - t.now;
        if (dark) CHECK(sleep_ms >= 1000);
        else CHECK(sleep_ms <= 100);
        supervisor_destroy(t.k, t.now, WALL);
    }
}

/* The hit area of `kind` on screen now (its centre in *x, *y). */
static bool find_hit(Kiosk *t, ActionKind kind, float *x, float *y)
{
    const DisplayList *d = supervisor_frame(t->k);
    for (size_t i = 0; i < d->n_hits; i++)
        if (d->hits[i].action.kind == kind) {
            *x = d->hits[i].r.x + d->hits[i].r.w / 2;
            *y = d->hits[i].r.y + d->hits[i].r.h / 2;
            return true;
        }
    return false;
}

static ScreenKind screen_kind(const Kiosk *t)
{
    return ui_top_const(&supervisor_session(t->k)->ui)->kind;
}

/* Opening hours 08:00-17:00 every day, the kiosk started at midnight (UTC): closed. */
static bool start_at_night(Kiosk *t, DisplayPower power)
{
    char err[HOURS_ERR_SIZE];
    t->cfg.has_hours = true;
    t->cfg.display_power = power;
    hours_clear(&t->cfg.hours);
    if (!hours_add(&t->cfg.hours, "daily", "08:00-17:00", err, sizeof err)) return false;
    return start(t, false, 0, NULL);
}

/* Outside opening hours the display is switched off, by the way the settings say, once
 * nobody has touched the kiosk for the idle time; black only draws it black. */
static void test_display_off_outside_hours(void)
{
    const DisplayPower ways[] = {DISPLAY_POWER_DPMS, DISPLAY_POWER_CEC, DISPLAY_POWER_BLACK};
    for (size_t i = 0; i < 3; i++) {
        Kiosk t = {0};
        if (!start_at_night(&t, ways[i])) {
            CHECK(false);
            return;
        }
        int64_t idle_ms = (int64_t)supervisor_bundle(t.k)->kiosk.idle_timeout_s * 1000;
        advance(&t, idle_ms - 1000); /* just started: shown for the idle time */
        CHECK(!t.last.dark);
        CHECK(!t.last.display_off);
        advance(&t, 2000);
        CHECK(t.last.dark);
        CHECK(t.last.redraw); /* drawn black once, before the display goes off */
        CHECK_INT(t.last.power, ways[i]);
        CHECK(t.last.display_off == (ways[i] != DISPLAY_POWER_BLACK));
        supervisor_destroy(t.k, t.now, WALL);
    }
}

/* The display comes back on by itself when the hours begin (08:00), not minutes later. */
static void test_display_on_at_opening_time(void)
{
    Kiosk t = {0};
    if (!start_at_night(&t, DISPLAY_POWER_DPMS)) {
        CHECK(false);
        return;
    }
    int64_t open_ms = t.now + 8 * 3600 * 1000LL; /* WALL is midnight at t.now / 1000 = 1000 s */
    open_ms -= 1000 * 1000LL;
    advance(&t, open_ms - t.now - 1000);
    CHECK(t.last.display_off);
    CHECK(t.last.wake_ms <= open_ms); /* the loop is woken at opening time */
    advance(&t, 2000);
    CHECK(!t.last.display_off);
    CHECK(!t.last.dark);
    CHECK(t.last.redraw);
    supervisor_destroy(t.k, t.now, WALL);
}

/* A touch on the switched-off display lights it and presses nothing, even when it lands on a
 * tile and lifts there; the next touch works as always. A key wakes it too, and does not
 * eat the next touch. */
static void test_touch_wakes_display(void)
{
    for (int by_key = 0; by_key < 2; by_key++) {
        Kiosk t = {0};
        float x = 0, y = 0;
        if (!start_at_night(&t, DISPLAY_POWER_DPMS) || !find_hit(&t, ACT_COLLECTION, &x, &y)) {
            CHECK(false);
            return;
        }
        advance(&t, 70000);
        CHECK(t.last.display_off);
        if (by_key) {
            supervisor_key(t.k, KEY_ACTIVATE, t.now);
        } else {
            supervisor_pointer(t.k, POINTER_DOWN, x, y, t.now);
            advance(&t, 80);
            supervisor_pointer(t.k, POINTER_MOVE, x + 2, y, t.now);
            supervisor_pointer(t.k, POINTER_UP, x + 2, y, t.now);
        }
        advance(&t, 300);
        CHECK(!t.last.display_off);
        CHECK(!t.last.dark);
        CHECK_INT(screen_kind(&t), SCREEN_HOME); /* the tile under the finger stayed shut */
        tap_action(&t, ACT_COLLECTION, -1);
        CHECK_INT(screen_kind(&t), SCREEN_COLLECTION);
        supervisor_destroy(t.k, t.now, WALL);
    }
}

static bool read_status(const char *path, KioskStatus *st)
{
    char buf[STATUS_MAX_FILE_BYTES], err[256];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    return n && status_parse_json(buf, n, st, err, sizeof err);
}

/* Fleet health: a kiosk at rest (dark, closed hours) wakes about once a minute for its status
 * file and no more; a touch that lights it up, a failed load and the stop are written at once. */
static void test_status_file_at_rest(void)
{
    char dir[] = "/tmp/kiosk-test-status-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/status.json", dir);
    Kiosk t = {0};
    t.cfg.status_dir = dir;
    t.cfg.has_hours = true;
    hours_clear(&t.cfg.hours); /* closed every day */
    if (!start(&t, false, 0, NULL)) {
        CHECK(false);
        return;
    }
    advance(&t, 200000);
    CHECK(t.last.dark);
    int steps = 0;
    for (int64_t end = t.now + 10 * 60 * 1000; t.now < end; steps++) {
        step(&t);
        t.now = t.last.wake_ms;
    }
    CHECK(steps >= 10 && steps <= 13); /* heartbeats, and the hours' look every 5 min */
    fprintf(stderr, "  (10 minutes dark and untouched: %d wake-ups)\n", steps);
    KioskStatus st;
    CHECK(read_status(path, &st) && st.running && !st.display_on && st.load_ok);
    CHECK(WALL + t.now / 1000 - st.written_s <= 60);
    supervisor_pointer(t.k, POINTER_DOWN, 10, 10, t.now);
    step(&t);
    CHECK(!t.last.dark);
    CHECK(read_status(path, &st) && st.display_on && st.last_touch_s == WALL + t.now / 1000);
    supervisor_offer(t.k, RELOAD_INVALID, NULL, "bundle.yaml:3:1: error: broken\n");
    step(&t);
    CHECK(read_status(path, &st) && !st.load_ok && st.messages_total == 1);
    supervisor_destroy(t.k, t.now, WALL + t.now / 1000);
    CHECK(read_status(path, &st) && !st.running);
    unlink(path);
    rmdir(dir);
}

static void test_close_policy(void)
{
    Kiosk t = {0};
    CHECK(start(&t, false, 0, NULL));
    supervisor_close(t.k, true, "the shortcut Escape");
    supervisor_close(t.k, false, NULL);
    step(&t);
    CHECK(!t.last.quit);
    supervisor_destroy(t.k, t.now, WALL);
    Kiosk w = {0};
    CHECK(start(&w, true, 0, NULL));
    supervisor_close(w.k, true, "the shortcut Escape");
    step(&w);
    CHECK(w.last.quit);
    CHECK_INT(w.last.exit_code, 0);
    supervisor_destroy(w.k, w.now, WALL);
    /* Fullscreen without an admin PIN is no trap: the exit shortcuts work. */
    Kiosk open = {.no_pin = true};
    CHECK(start(&open, false, 0, NULL));
    supervisor_close(open.k, false, "the shortcut Alt+F4");
    step(&open);
    CHECK(open.last.quit);
    supervisor_destroy(open.k, open.now, WALL);
}

static long count_rows(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    long n = -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* A visitor who goes back home in the default language and walks away leaves nothing for the
 * idle reset to do; the visit still ends at the idle timeout, and the next visitor is a new
 * visit (statistics used to merge the two). */
static void test_walking_away_ends_the_visit(void)
{
    char dir[] = "/tmp/kiosk-visits-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char db[64];
    snprintf(db, sizeof db, "%s/stats.db", dir);
    Kiosk t = {.cfg.stats = db};
    CHECK(start(&t, false, 0, NULL));
    if (!t.k) return;
    int64_t idle_ms = (int64_t)supervisor_bundle(t.k)->kiosk.idle_timeout_s * 1000;
    tap_action(&t, ACT_LANGUAGE, -1); /* visitor 1: English, */
    tap_action(&t, ACT_LANGUAGE, -1); /* back to Dutch: home, default language, fresh */
    CHECK(session_is_fresh(supervisor_session(t.k)));
    advance(&t, idle_ms + 5000);      /* walks away */
    tap_action(&t, ACT_LANGUAGE, -1); /* visitor 2 */
    advance(&t, 2000);
    supervisor_destroy(t.k, t.now, WALL + t.now / 1000);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM visits"), 2);
    unlink(db);
    char side[80];
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    rmdir(dir);
}

/* Signals: HUP and USR1 keep the kiosk running; TERM, INT and USR2 stop it cleanly. */
static void test_signals(void)
{
    int stops[] = {SIGTERM, SIGINT, SIGUSR2};
    for (size_t i = 0; i < 3; i++) {
        Kiosk t = {0};
        CHECK(start(&t, false, 0, NULL));
        supervisor_signal(t.k, SIGHUP, t.now);
        supervisor_signal(t.k, SIGUSR1, t.now);
        step(&t);
        CHECK(!t.last.quit);
        supervisor_signal(t.k, stops[i], t.now);
        step(&t);
        CHECK(t.last.quit);
        CHECK_INT(t.last.exit_code, 0);
        supervisor_destroy(t.k, t.now, WALL);
    }
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* SIGHUP reads the settings again: opening hours and "you are here" apply at once; a file
 * that has gone leaves them as they were (a kiosk is never unlocked by a missing file). */
static void test_hup_rereads_settings(void)
{
    char path[] = "/tmp/kiosk-test-hup-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    write_file(path, "rotate: 0\n");
    Kiosk t = {0};
    Diags d;
    diags_init(&d);
    CHECK(config_load(path, &t.cfg, &d));
    diags_free(&d);
    t.no_pin = true;
    if (!start(&t, false, 0, NULL)) {
        CHECK(false);
        return;
    }
    advance(&t, 1000);
    CHECK(!t.last.dark);
    CHECK(supervisor_session(t.k)->ui.here == NULL);
    write_file(path, "rotate: 0\nhere: noord\nopening_hours:\n  daily: closed\n");
    supervisor_signal(t.k, SIGHUP, t.now);
    advance(&t, 70000); /* closed: dark once nobody has touched it for the idle time */
    CHECK(t.last.dark);
    CHECK(supervisor_session(t.k)->ui.here != NULL);
    unlink(path);
    supervisor_signal(t.k, SIGHUP, t.now); /* gone: nothing changes */
    advance(&t, 1000);
    CHECK(t.last.dark);
    CHECK(supervisor_session(t.k)->ui.here != NULL);
    supervisor_destroy(t.k, t.now, WALL);
    config_free(&t.cfg);
}

/* A valid new bundle waits while a finger is down and replaces the old one at a quiet
 * moment, on the same screen, with the new theme asked for. */
static void test_swap_at_quiet_moment(void)
{
    Kiosk t = {0};
    CHECK(start(&t, false, 0, NULL));
    const Bundle *old = supervisor_bundle(t.k);
    const Collection *c = &old->collections[0];
    tap_action(&t, ACT_COLLECTION, -1);
    char before[160], after[160];
    session_screen_name(supervisor_session(t.k), before, sizeof before);
    Diags d;
    diags_init(&d);
    Bundle *nb = bundle_load("content/techniekpact", &d);
    diags_free(&d);
    supervisor_pointer(t.k, POINTER_DOWN, 960, 540, t.now);
    supervisor_offer(t.k, RELOAD_VALID, nb, "");
    advance(&t, 2 * SESSION_QUIET_MS);
    CHECK(supervisor_bundle(t.k) == old); /* never under a finger */
    supervisor_pointer(t.k, POINTER_CANCEL, 960, 540, t.now);
    advance(&t, SESSION_QUIET_MS + 1000);
    CHECK(supervisor_bundle(t.k) == nb);
    session_screen_name(supervisor_session(t.k), after, sizeof after);
    CHECK_STR(after, before);
    (void)c;
    supervisor_destroy(t.k, t.now, WALL);
}

/* An invalid bundle is reported and the one on screen stays. */
static void test_invalid_kept(void)
{
    Kiosk t = {0};
    CHECK(start(&t, false, 0, NULL));
    const Bundle *old = supervisor_bundle(t.k);
    supervisor_offer(t.k, RELOAD_INVALID, NULL, "bundle.yaml:3:1: error: broken\n");
    advance(&t, 2 * SESSION_QUIET_MS);
    CHECK(supervisor_bundle(t.k) == old);
    supervisor_destroy(t.k, t.now, WALL);
}

static void no_wake(void *ctx) { (void)ctx; }

/* bundles_by_date: at midnight before its first day the dated bundle becomes the kiosk's own
 * (followed like a hot swap), at midnight after its last day the usual one again; the kiosk
 * wakes for midnight and not before. */
static void test_bundle_by_date(void)
{
    Kiosk t = {0};
    DatedBundle fair = {.bundle = (char *)"tests/good/mini", .from = (int32_t)(WALL / 86400) + 1,
                        .to = (int32_t)(WALL / 86400) + 2};
    t.cfg.dated = &fair;
    t.cfg.n_dated = 1;
    Diags d;
    diags_init(&d);
    Bundle *b = bundle_load("content/techniekpact", &d);
    diags_free(&d);
    t.now = 1000000;
    SupervisorSetup su = {.cfg = &t.cfg, .bundle_path = "content/techniekpact",
                          .base_path = "content/techniekpact", .bundle = b,
                          .measure = {NULL, fixed_width}, .w = 1920, .h = 1080, .windowed = true,
                          .wake = no_wake};
    int64_t wall = WALL + 12 * 3600; /* noon of the day before the fair */
    t.k = supervisor_create(&su, t.now, wall);
    CHECK(t.k != NULL);
    if (!t.k) return;
    Requests r = supervisor_step(t.k, t.now, wall);
    CHECK_STR(supervisor_source(t.k), "content/techniekpact");
    /* the next wake-up is at most midnight (12 h + 1 s away) */
    CHECK(r.wake_ms <= t.now + 12 * 3600 * 1000 + 1000);
    t.now += 12 * 3600 * 1000 - 1000;
    supervisor_step(t.k, t.now, WALL + 86400 - 1); /* 23:59:59: not yet */
    CHECK_STR(supervisor_source(t.k), "content/techniekpact");
    t.now += 2000;
    supervisor_step(t.k, t.now, WALL + 86400 + 1); /* 00:00:01 on the first day */
    CHECK_STR(supervisor_source(t.k), "tests/good/mini");
    t.now += 86400 * 1000;
    supervisor_step(t.k, t.now, WALL + 2 * 86400 + 1); /* the second day: still */
    CHECK_STR(supervisor_source(t.k), "tests/good/mini");
    t.now += 86400 * 1000;
    supervisor_step(t.k, t.now, WALL + 3 * 86400 + 1); /* the day after: back */
    CHECK_STR(supervisor_source(t.k), "content/techniekpact");
    supervisor_destroy(t.k, t.now, WALL + 3 * 86400 + 2);
    t.cfg.dated = NULL;
    t.cfg.n_dated = 0;
}

int main(void)
{
    setenv("TZ", "UTC", 1); /* opening hours are local time: WALL is midnight here */
    tzset();
    RUN(test_close_policy);
    RUN(test_signals);
    RUN(test_hup_rereads_settings);
    RUN(test_swap_at_quiet_moment);
    RUN(test_invalid_kept);
    RUN(test_attract_sleeps_when_dark);
    RUN(test_display_off_outside_hours);
    RUN(test_display_on_at_opening_time);
    RUN(test_touch_wakes_display);
    RUN(test_preview_keeps_watchdog);
    RUN(test_walking_away_ends_the_visit);
    RUN(test_status_file_at_rest);
    RUN(test_bundle_by_date);
    return check_summary();
}
