/* soak.c: a month in a school hallway, simulated: does the kiosk hold its resources?
 *
 *   soak [--days N] [--seed S] [--visits N] [--cache-mb N]
 *
 * The kiosk's own supervisor (app/supervisor.h, as the window drives it) on an accelerated
 * clock, headless, drawn through a Canvas (SDL's software
 * renderer, real fonts, the texture cache with its budget). Every simulated day has opening
 * hours 08:00-17:00 with `visits` visits of 5-60 events each (taps on what is on screen,
 * drags and flings, keys, language switches, quiz answers, back swipes), far enough apart that
 * the idle reset and the attract loop happen in between; outside the hours the screen is
 * dark and the supervisor only steps. Once a day, at a quiet moment in a visit, the bundle is
 * HOT SWAPPED through the supervisor as the reloader hands it over: loaded again from disk
 * with bundle_load (alternately content/techniekpact and a copy in a temporary folder whose
 * version is changed each time) and offered with supervisor_offer; the supervisor switches at
 * the quiet moment, on the same screen and language, and asks for the new theme.
 *
 * Every day it measures the resident set (/proc/self/statm), the open file descriptors
 * (/proc/self/fd) and the texture cache (drawer_stats). It fails when the RSS grows by more
 * than 1 MB after the warm-up (day 2), when the number of descriptors changes, or when the
 * cache goes over its budget. AddressSanitizer inflates and delays memory (quarantine), so
 * in a sanitizer build the RSS is printed but not judged. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bundle/bundle.h"
#include "check.h"
#include "platform/canvas.h"
#include "app/supervisor.h"
#include "ui/session.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SOAK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_SANITIZED 1
#endif
#endif
#ifndef SOAK_SANITIZED
#define SOAK_SANITIZED 0
#endif

enum {
    WIDTH = 1920,
    HEIGHT = 1080,
    FRAME_MS = 16,
    OPEN_H = 8,
    CLOSE_H = 17,
    ATTRACT_DRAW_EVERY = 5,      /* draw one attract slide in 5 */
    WARM_UP_DAY = 2,             /* RSS is judged from the end of this day on */
    MAX_DAYS = 3660,
};

static const int64_t HOUR_MS = 3600 * 1000, DAY_MS = 24 * 3600 * 1000;
static const int64_t WALL_START = 1767225600; /* 2026-01-01 00:00 UTC: the wall clock's start */
static const long RSS_GROWTH_MAX = 1024 * 1024;
static const char ORIGINAL[] = "content/techniekpact";

/* ---- a small seeded PRNG (splitmix64) --------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int64_t rng_range(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rng_next() % (uint64_t)(hi - lo + 1));
}

static float rng_float(float lo, float hi)
{
    return lo + (hi - lo) * (float)((double)(rng_next() >> 11) / 9007199254740992.0);
}

/* ---- resources ---------------------------------------------------------------------------- */

static long rss_bytes(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

/* Bytes of heap in use (glibc's count), or -1 where it cannot say. A leak shows here first;
 * the RSS also holds freed pages the allocator keeps. */
static long heap_in_use(void)
{
#if defined(__GLIBC__) && !SOAK_SANITIZED && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return (long)mallinfo2().uordblks;
#else
    return -1;
#endif
}

/* Hands free heap pages back to the system, so the RSS shows what the process holds. */
static void release_free_pages(void)
{
#if defined(__GLIBC__) && !SOAK_SANITIZED
    malloc_trim(0);
#endif
}

/* Open descriptors, not counting the one used to list them. */
static int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d) return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n - 1;
}

/* What the open descriptors are, for a report when their number changed. */
static void list_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char path[300], target[4096];
        snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        fprintf(stderr, "  fd %s -> %s\n", e->d_name, target);
    }
    if (d) closedir(d);
}

/* ---- the bundle copy ---------------------------------------------------------------------- */

static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    bool ok = in && out;
    char buf[16384];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
    if (in && ferror(in)) ok = false;
    if (in) fclose(in);
    if (out && fclose(out) != 0) ok = false;
    if (!ok) fprintf(stderr, "soak: cannot copy %s to %s: %s\n", from, to, strerror(errno));
    return ok;
}

/* Copies the folder `from` (regular files and folders) into the new folder `to`. */
static bool copy_tree(const char *from, const char *to)
{
    if (mkdir(to, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "soak: cannot make %s: %s\n", to, strerror(errno));
        return false;
    }
    DIR *d = opendir(from);
    if (!d) {
        fprintf(stderr, "soak: cannot read %s: %s\n", from, strerror(errno));
        return false;
    }
    bool ok = true;
    for (struct dirent *e; ok && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char a[4096], b[4096];
        snprintf(a, sizeof a, "%s/%s", from, e->d_name);
        snprintf(b, sizeof b, "%s/%s", to, e->d_name);
        struct stat st;
        if (lstat(a, &st) != 0) ok = false;
        else if (S_ISDIR(st.st_mode)) ok = copy_tree(a, b);
        else if (S_ISREG(st.st_mode)) ok = copy_file(a, b);
    }
    closedir(d);
    return ok;
}

/* Removes the folder `dir` and everything below it (symbolic links are not followed). */
static bool remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    bool ok = d != NULL;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) ok = remove_tree(path) && ok;
        else ok = unlink(path) == 0 && ok;
    }
    if (d) closedir(d);
    return rmdir(dir) == 0 && ok;
}

/* Writes `version` into the copy's bundle.yaml (the line `  version: "..."` under meta). */
static bool set_version(const char *dir, const char *version)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    char *line = strstr(text, "\n  version: ");
    char *end = line ? strchr(line + 1, '\n') : NULL;
    if (!end) {
        fprintf(stderr, "soak: no version line in %s\n", path);
        return false;
    }
    f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(text, 1, (size_t)(line - text), f) == (size_t)(line - text) &&
              fprintf(f, "\n  version: \"%s\"", version) > 0 &&
              fwrite(end, 1, strlen(end), f) == strlen(end);
    return fclose(f) == 0 && ok;
}

/* ---- the simulation ----------------------------------------------------------------------- */

typedef struct Soak {
    Supervisor *sup;
    const Session *s; /* the supervisor's session (read only) */
    KioskConfig cfg;  /* no settings file: no hours, no statistics */
    Canvas *canvas;
    int64_t now;
    size_t budget;
    unsigned long visits, events, swaps, draws;
    size_t cache_count_max, cache_bytes_max;
    unsigned long idle_resets, attract_starts; /* of sessions already swapped out */
} Soak;

static const Bundle *B(const Soak *k)
{
    return supervisor_bundle(k->sup);
}

/* One turn of the window's loop: the supervisor's step, the drawer told of a new theme. */
static Requests step(Soak *k)
{
    Requests r = supervisor_step(k->sup, k->now, WALL_START + k->now / 1000);
    if (r.theme) drawer_set_theme(canvas_drawer(k->canvas), r.theme);
    return r;
}

static void draw(Soak *k)
{
    canvas_draw(k->canvas, supervisor_frame(k->sup));
    k->draws++;
    DrawStats st = drawer_stats(canvas_drawer(k->canvas));
    if (st.cache_count > k->cache_count_max) k->cache_count_max = st.cache_count;
    if (st.cache_bytes > k->cache_bytes_max) k->cache_bytes_max = st.cache_bytes;
}

/* Steps the supervisor to t at the wake-ups it asks for, as the window loop does. While `lit`
 * (the screen is dark outside the opening hours) it draws the first frame of every
 * ATTRACT_DRAW_EVERY-th attract slide: software frames are the soak's main cost, and a step
 * prime to the number of slides still brings every picture through the cache. The frames in
 * between (the slow zoom, ten a second) are skipped: from one slide's start to the next; the
 * benchmark measures what they cost. */
static void advance_to(Soak *k, int64_t t, bool lit)
{
    int64_t slide_ms = (int64_t)B(k)->kiosk.attract_slide_s * 1000;
    int64_t drawn_slide = -1;
    while (k->now < t) {
        Requests r = step(k);
        int64_t wake = r.wake_ms;
        if (wake <= k->now) wake = k->now + FRAME_MS; /* the monkey reports this; go on */
        bool changed = r.redraw;
        if (k->s->ui.attract) {
            int64_t into = k->now - k->s->ui.attract_ms, slide = into / slide_ms;
            if (changed && lit && slide != drawn_slide && slide % ATTRACT_DRAW_EVERY == 0) {
                draw(k);
                drawn_slide = slide;
            }
            int64_t next_slide = k->s->ui.attract_ms + (slide + 1) * slide_ms;
            if (wake < next_slide) wake = next_slide;
        }
        k->now = wake < t ? wake : t;
    }
}

static void advance(Soak *k, int64_t ms)
{
    advance_to(k, k->now + ms, true);
}

static void tap(Soak *k, float x, float y)
{
    supervisor_pointer(k->sup, POINTER_DOWN, x, y, k->now);
    advance(k, rng_range(40, 200));
    supervisor_pointer(k->sup, POINTER_UP, x, y, k->now);
}

static void drag(Soak *k, float x0, float y0, float x1, float y1, int64_t ms)
{
    supervisor_pointer(k->sup, POINTER_DOWN, x0, y0, k->now);
    int steps = ms / (2 * FRAME_MS) > 1 ? (int)(ms / (2 * FRAME_MS)) : 1;
    for (int i = 1; i <= steps; i++) {
        advance(k, ms / steps);
        float f = (float)i / (float)steps;
        supervisor_pointer(k->sup, POINTER_MOVE, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, k->now);
    }
    supervisor_pointer(k->sup, POINTER_UP, x1, y1, k->now);
}

static const Hit *hit_of(Soak *k, ActionKind kind)
{
    const DisplayList *d = supervisor_frame(k->sup);
    for (size_t i = 0; i < d->n_hits; i++)
        if (d->hits[i].action.kind == kind) return &d->hits[i];
    return NULL;
}

static void tap_hit(Soak *k, const Hit *h)
{
    Rect r = h->clip.w > 0 && h->clip.h > 0 ? h->clip : h->r;
    tap(k, r.x + r.w / 2, r.y + r.h / 2);
}

/* One thing a visitor does. */
static void visitor_event(Soak *k)
{
    const DisplayList *d = supervisor_frame(k->sup);
    int r = (int)rng_range(0, 99);
    float u = fminf(k->s->w, k->s->h) / 1080.0f;
    ScreenKind top = ui_top_const(&k->s->ui)->kind;
    const Hit *h;
    if (top == SCREEN_QUIZ && r < 60 && (h = hit_of(k, ACT_ANSWER))) {
        const Hit *answers[16];
        size_t n = 0;
        for (size_t i = 0; i < d->n_hits && n < 16; i++)
            if (d->hits[i].action.kind == ACT_ANSWER) answers[n++] = &d->hits[i];
        tap_hit(k, answers[rng_range(0, (int64_t)n - 1)]);
    } else if (r < 55 && d->n_hits) {
        tap_hit(k, &d->hits[rng_range(0, (int64_t)d->n_hits - 1)]);
    } else if (r < 63) {
        tap(k, rng_float(0, k->s->w - 1), rng_float(0, k->s->h - 1));
    } else if (r < 78) {
        float x = rng_float(200 * u, k->s->w - 200 * u), y = rng_float(300 * u, 800 * u);
        drag(k, x, y, x + rng_float(-50, 50), y + rng_float(-700, 700) * u, rng_range(60, 900));
    } else if (r < 86) {
        static const KeyKind keys[] = {KEY_NEXT, KEY_NEXT, KEY_DOWN, KEY_RIGHT, KEY_ACTIVATE,
                                       KEY_PAGE_DOWN, KEY_BACK, KEY_HOME};
        supervisor_key(k->sup, keys[rng_range(0, sizeof keys / sizeof keys[0] - 1)], k->now);
    } else if (r < 90 && (h = hit_of(k, ACT_LANGUAGE))) {
        tap_hit(k, h);
    } else if (r < 94 && (h = hit_of(k, ACT_QUIZ))) {
        tap_hit(k, h);
    } else if (r < 98) {
        float y = rng_float(200 * u, 800 * u);
        drag(k, 10 * u, y, 500 * u, y + rng_float(-60, 60), rng_range(120, 400));
    } else {
        supervisor_pointer(k->sup, POINTER_DOWN, k->s->w / 2, k->s->h / 2, k->now);
        advance(k, rng_range(700, 2000));
        supervisor_pointer(k->sup, POINTER_UP, k->s->w / 2, k->s->h / 2, k->now);
    }
    k->events++;
}

/* The hot swap, as the reloader hands a new bundle over: same screen and language after it. */
static bool swap_bundle(Soak *k, const char *dir, const char *want_version)
{
    Diags diags;
    diags_init(&diags);
    Bundle *nb = bundle_load(dir, &diags);
    diags_print(&diags, stderr);
    diags_free(&diags);
    if (!nb) {
        fprintf(stderr, "soak: cannot load %s for the hot swap\n", dir);
        return false;
    }
    char screen[200], after[200], lang[16];
    session_screen_name(k->s, screen, sizeof screen);
    snprintf(lang, sizeof lang, "%s", B(k)->languages[k->s->ui.lang]); /* outlives the bundle */
    const Bundle *before = B(k);
    unsigned long resets = k->s->idle_resets, attracts = k->s->attract_starts;
    supervisor_offer(k->sup, RELOAD_VALID, nb, "");
    step(k);
    if (B(k) == before) {
        fprintf(stderr, "soak: the supervisor did not switch at a quiet moment\n");
        return false;
    }
    k->idle_resets += resets;
    k->attract_starts += attracts;
    k->swaps++;
    /* What the visitor saw is still there (the content is the same, only the version moved). */
    session_screen_name(k->s, after, sizeof after);
    bool kept = strchr(screen, ':') || strcmp(screen, "about") == 0;
    bool same = !kept || strcmp(screen, after) == 0;
    if (!same)
        fprintf(stderr, "soak: the hot swap moved the visitor from %s to %s\n", screen, after);
    CHECK(same);
    CHECK_STR(B(k)->languages[k->s->ui.lang], lang);
    CHECK_STR(B(k)->version, want_version);
    draw(k);
    return true;
}

typedef struct Sample {
    long rss;     /* as it is at the end of the day */
    long settled; /* after dropping the texture cache and returning free pages */
    long heap;    /* heap bytes in use then, or -1 */
    int fds;
} Sample;

static double mb(long bytes)
{
    return (double)bytes / 1048576.0;
}

/* The night's measurement. The texture cache holds up to its budget and is full one evening,
 * half full the next (the daily swap empties it), which moves the raw RSS by several MB
 * without any leak; so the cache is dropped (as a swap does: drawer_set_theme) and free pages
 * handed back before the RSS that is judged is read. */
static Sample measure(Soak *k)
{
    Sample m = {.rss = rss_bytes(), .fds = open_fds()};
    drawer_set_theme(canvas_drawer(k->canvas), &B(k)->theme);
    release_free_pages();
    m.settled = rss_bytes();
    m.heap = heap_in_use();
    return m;
}

static void usage(void)
{
    fprintf(stderr, "usage: soak [--days N] [--seed S] [--visits N] [--cache-mb N]\n");
}

int main(int argc, char **argv)
{
    int days = 30, visits_per_day = 40;
    size_t cache_mb = 96;
    rng_state = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--days") == 0 && i + 1 < argc) days = atoi(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            rng_state = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--visits") == 0 && i + 1 < argc) visits_per_day = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cache-mb") == 0 && i + 1 < argc)
            cache_mb = strtoul(argv[++i], NULL, 10);
        else {
            usage();
            return 2;
        }
    }
    if (days < 1 || days > MAX_DAYS || visits_per_day < 1 || visits_per_day > 500 || cache_mb < 1) {
        usage();
        return 2;
    }
    const char *assets =
        access("assets/icons/back.svg", R_OK) == 0 ? "assets" : KIOSK_SOURCE_DIR "/assets";
    char copy[] = "/tmp/kiosk-soak-XXXXXX";
    if (!mkdtemp(copy)) {
        fprintf(stderr, "soak: cannot make a temporary folder: %s\n", strerror(errno));
        return 1;
    }
    char copy_dir[sizeof copy + 16];
    snprintf(copy_dir, sizeof copy_dir, "%s/bundle", copy);
    Soak *k = calloc(1, sizeof *k);
    Sample *day_end = calloc((size_t)days + 1, sizeof *day_end);
    char original_version[64] = "";
    if (!k || !day_end) {
        free(k);
        free(day_end);
        rmdir(copy);
        fprintf(stderr, "soak: out of memory\n");
        return 1;
    }
    Diags diags;
    diags_init(&diags);
    Bundle *first = copy_tree(ORIGINAL, copy_dir) ? bundle_load(ORIGINAL, &diags) : NULL;
    diags_print(&diags, stderr);
    diags_free(&diags);
    CHECK(first != NULL);
    if (!first) goto out;
    snprintf(original_version, sizeof original_version, "%s", first->version);
    k->budget = cache_mb << 20;
    k->canvas = canvas_create(WIDTH, HEIGHT, &first->theme, assets, k->budget);
    CHECK(k->canvas != NULL);
    if (!k->canvas) {
        bundle_free(first);
        goto out;
    }
    k->now = 6 * HOUR_MS; /* switched on at 06:00 on day 1 */
    SupervisorSetup su = {.cfg = &k->cfg, .bundle_path = ORIGINAL, .bundle = first,
                          .measure = canvas_measure(k->canvas), .w = WIDTH, .h = HEIGHT};
    k->sup = supervisor_create(&su, k->now, WALL_START + k->now / 1000);
    if (!k->sup) goto out;
    k->s = supervisor_session(k->sup);
    draw(k);
    Sample start = measure(k);
    printf("soak: %d days, %d visits a day, cache budget %zu MB, %s build; start: RSS %.1f MB, "
           "%d fds\n", days, visits_per_day, cache_mb, SOAK_SANITIZED ? "sanitizer" : "normal",
           mb(start.settled), start.fds);

    for (int day = 1; day <= days; day++) {
        int64_t midnight = (int64_t)(day - 1) * DAY_MS;
        advance_to(k, midnight + OPEN_H * HOUR_MS, false); /* the night: dark, ticking */
        int64_t slot = (CLOSE_H - OPEN_H) * HOUR_MS / visits_per_day;
        int swap_visit = (int)rng_range(0, visits_per_day - 1);
        for (int v = 0; v < visits_per_day; v++) {
            /* A visitor arrives some time in the slot; the previous one left long ago. */
            advance_to(k, midnight + OPEN_H * HOUR_MS + v * slot + rng_range(0, slot / 4), true);
            int n = (int)rng_range(5, 60);
            int swap_at = v == swap_visit ? (int)rng_range(0, n - 1) : -1;
            for (int e = 0; e < n; e++) {
                visitor_event(k);
                draw(k);
                advance(k, rng_range(300, 4000));
                if (e == swap_at) {
                    /* The reloader has a new bundle; the window waits for a quiet moment. */
                    advance(k, SESSION_QUIET_MS + 1000);
                    CHECK(session_is_quiet(k->s, k->now));
                    bool copy_day = day % 2 == 1;
                    char version[64];
                    if (copy_day) snprintf(version, sizeof version, "soak-day-%d", day);
                    else snprintf(version, sizeof version, "%s", original_version);
                    if (copy_day) CHECK(set_version(copy_dir, version));
                    CHECK(swap_bundle(k, copy_day ? copy_dir : ORIGINAL, version));
                }
            }
            k->visits++;
        }
        advance_to(k, midnight + CLOSE_H * HOUR_MS, true);
        advance_to(k, midnight + DAY_MS - 1, false);
        DrawStats st = drawer_stats(canvas_drawer(k->canvas));
        day_end[day] = measure(k);
        const Sample *e = &day_end[day];
        char heap[32] = "n/a";
        if (e->heap >= 0) snprintf(heap, sizeof heap, "%.2f MB", mb(e->heap));
        printf("day %2d: RSS %6.1f MB, settled %5.1f MB, heap %s, fds %d, cache %zu textures "
               "%.1f MB (max %zu, %.1f MB), %zu evictions; %lu visits, %lu events, %lu swaps, "
               "bundle %s\n",
               day, mb(e->rss), mb(e->settled), heap, e->fds,
               st.cache_count, mb((long)st.cache_bytes), k->cache_count_max,
               mb((long)k->cache_bytes_max), st.cache_evictions, k->visits, k->events, k->swaps,
               B(k)->version);
        fflush(stdout);
    }

    int warm_day = days >= WARM_UP_DAY ? WARM_UP_DAY : 1;
    Sample warm = day_end[warm_day], end = day_end[days];
    long growth = end.settled - warm.settled;
    long raw_min = day_end[1].rss, raw_max = day_end[1].rss;
    for (int day = 2; day <= days; day++) {
        if (day_end[day].rss < raw_min) raw_min = day_end[day].rss;
        if (day_end[day].rss > raw_max) raw_max = day_end[day].rss;
    }
    printf("soak: %d days, %lu visits, %lu events, %lu swaps; RSS after warm-up (day %d) %.1f MB, "
           "at the end %.1f MB (growth %.2f MB%s; settled, raw %.1f..%.1f MB); fds %d -> %d; "
           "cache entries max %zu, bytes max %zu (budget %zu); idle resets %lu, attract starts "
           "%lu, frames drawn %lu\n",
           days, k->visits, k->events, k->swaps, warm_day, mb(warm.settled), mb(end.settled),
           mb(growth), SOAK_SANITIZED ? ", not judged under ASan" : "", mb(raw_min), mb(raw_max),
           warm.fds, end.fds, k->cache_count_max,
           k->cache_bytes_max, k->budget, k->idle_resets + k->s->idle_resets,
           k->attract_starts + k->s->attract_starts, k->draws);
    if (!SOAK_SANITIZED && days > WARM_UP_DAY) {
        if (growth > RSS_GROWTH_MAX)
            fprintf(stderr, "soak: the settled RSS grew by %ld bytes after day %d (allowed %ld); "
                    "heap in use %ld -> %ld bytes\n", growth, WARM_UP_DAY, RSS_GROWTH_MAX,
                    warm.heap, end.heap);
        CHECK(growth <= RSS_GROWTH_MAX);
    }
    /* Fonts are opened (and kept open) as sizes are first used, so descriptors are counted
     * from the warm-up on: after it, every day must end with exactly as many. */
    bool fds_steady = true;
    for (int day = warm_day + 1; day <= days; day++)
        if (day_end[day].fds != warm.fds) {
            fprintf(stderr, "soak: day %d ends with %d fds, %d after the warm-up\n", day,
                    day_end[day].fds, warm.fds);
            fds_steady = false;
        }
    if (!fds_steady) list_fds();
    CHECK(fds_steady);
    CHECK(k->cache_bytes_max <= k->budget);
    CHECK(k->idle_resets + k->s->idle_resets > 0);
    CHECK(k->attract_starts + k->s->attract_starts > 0);
    CHECK_INT(k->swaps, days);
out:
    supervisor_destroy(k->sup, k->now, WALL_START + k->now / 1000);
    canvas_destroy(k->canvas);
    free(k);
    free(day_end);
    if (!remove_tree(copy))
        fprintf(stderr, "soak: cannot remove %s: %s\n", copy, strerror(errno));
    return check_summary();
}
