/* bench_session.c: frame times of a scripted session, drawn headless as the window draws it.
 *
 * A benchmark helper for tests/bench/run.sh, not a test: it prints figures and never fails
 * on them. Modes:
 *
 *   bench_session frames [--runs N] [--cache-mb N] BUNDLE WxH SCRIPT LABEL
 *       Runs SCRIPT (the --replay format, kiosk/app/script.h; coordinates for 1920x1080,
 *       scaled to WxH) N times on a simulated clock
 *       (16 ms per frame), each run with a fresh Canvas (cold texture cache) and Session. Every
 *       frame that has something new is built and drawn: the work between two presents (input
 *       handling, session_tick, view_build, drawer_draw) is timed with CLOCK_MONOTONIC.
 *       Pictures are decoded as the window decodes them (drawer_set_async: large ones on the
 *       worker; a frame is drawn again when one arrives), so a frame never waits for them.
 *       Prints per run: "run P50 P95 P99 MAX FRAMES VIEW_P50 VIEW_P99 DRAW_P50 DRAW_P99 BUSY
 *       CPU_P50 CPU_P99"
 *       (VIEW: input + tick + view_build; DRAW: drawer_draw; BUSY: wall time / CPU time of the
 *       frames, well above 1 when other programs took the CPU; CPU: the frames' CPU time). BENCH_TRACE=MS lists the
 *       frames over MS ms on stderr, with their CPU time and page faults (fresh memory).
 *   bench_session scroll [--cache-mb N] [--async] BUNDLE WxH COLLECTION
 *       Opens COLLECTION and fling-scrolls it to the end as a hurried visitor would (a 100 ms
 *       flick every 200 ms), on the real clock, one frame every 16 ms as the window's loop
 *       does. --async decodes pictures on the drawer's worker thread, as the window does.
 *       Prints "scroll WALL_S FRAMES MAX_MS OVER33 HWM_MB DECODES CACHE_MB BUSY P50_MS FIRST_MS"
 *       (FRAMES, MAX, OVER33 and P50 are the scrolling frames; FIRST: the frame opening the grid).
 *   bench_session dump BUNDLE WxH SCREEN       the display list of a screen (to build home.html)
 *   bench_session figures [--runs N] BUNDLE WxH COLLECTION
 *       Opens a figures collection from home on a simulated clock and prints per run "figures
 *       FIRST_MS COUNT_P50 COUNT_MAX COUNT_FRAMES BUILD_MS DRAW_MS ALL_MS CPU_MS": its first
 *       frame (textures not cached yet), the count-up's frames (every 16 ms until the screen
 *       is still), and the settled screen's view_build / drawer_draw / both (mean of 20,
 *       wall time) and both in CPU time (not stretched by other programs).
 *   bench_session kinds BUNDLE WxH SCREEN      drawing time of a settled screen split by command
 *                                              kind (where the drawer's time goes)
 *   bench_session svg2png IN.svg OUT.png PX    rasterise an SVG (the PNG of minimal_sdl)
 *   bench_session photos DIR N W H             N JPEG "photos" of W x H (skips existing)
 */
#define _GNU_SOURCE
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/script.h"
#include "layout/hyphen.h"
#include "app/script_fingers.h"
#include "bundle/bundle.h"
#include "platform/canvas.h"
#include "ui/session.h"

enum { FRAME_MS = 16, TAP_MS = 80 };

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Minor page faults of this thread so far (fresh memory touched: what a slow frame's time
 * often is). */
static long faults(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_THREAD, &ru) == 0 ? ru.ru_minflt : 0;
}

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(const double *sorted, size_t n, double p)
{
    if (n == 0) return 0;
    size_t i = (size_t)ceil(p / 100.0 * (double)n);
    if (i < 1) i = 1;
    if (i > n) i = n;
    return sorted[i - 1];
}

static const char *find_assets(void)
{
    static const char *const candidates[] = {"assets", KIOSK_SOURCE_DIR "/assets"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char probe[1024];
        snprintf(probe, sizeof probe, "%s/icons/back.svg", candidates[i]);
        if (access(probe, R_OK) == 0) return candidates[i];
    }
    return NULL;
}

static Bundle *load(const char *dir)
{
    Bundle *b = bundle_load_reporting(dir, stderr);
    if (!b) fprintf(stderr, "bench_session: %s does not load\n", dir);
    return b;
}

static bool parse_size(const char *s, int *w, int *h)
{
    return s && sscanf(s, "%dx%d", w, h) == 2 && *w >= 64 && *h >= 64;
}

static double vm_hwm_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) kb = atof(line + 6);
    if (f) fclose(f);
    return kb / 1024.0;
}

/* ---- a timed session ---------------------------------------------------------------- */

typedef struct Bench {
    Session s;
    Canvas *c;
    int64_t now;       /* the session's clock (ms) */
    double input_ms;   /* input handling since the last frame: part of the next frame's work */
    double input_cpu;  /* the same in CPU time */
    float sx, sy;      /* script coordinates (1920x1080) -> pixels */
    double *ft;        /* frame times (ms) */
    double *vt, *dt;   /* of which: input + tick + view_build, and drawer_draw */
    double *ct;        /* the frame's CPU time (this thread; unaffected by other programs) */
    size_t n, cap;
    double wall_sum, cpu_sum; /* for noticing a busy machine (wall well above CPU) */
    const char *file;
} Bench;

static void record(Bench *b, double view, double draw, double cpu)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 1024;
        b->ft = realloc(b->ft, b->cap * sizeof *b->ft);
        b->vt = realloc(b->vt, b->cap * sizeof *b->vt);
        b->dt = realloc(b->dt, b->cap * sizeof *b->dt);
        b->ct = realloc(b->ct, b->cap * sizeof *b->ct);
        if (!b->ft || !b->vt || !b->dt || !b->ct) abort();
    }
    b->ct[b->n] = cpu;
    b->vt[b->n] = view;
    b->dt[b->n] = draw;
    b->ft[b->n++] = view + draw;
}

/* Ends a run: its session, canvas and frame records. */
static void bench_end(Bench *b)
{
    session_free(&b->s);
    canvas_destroy(b->c);
    free(b->ft);
    free(b->vt);
    free(b->dt);
    free(b->ct);
}

/* Pictures decoded on the drawer's worker (the frames mode, as the window): the worker says
 * when one is ready, and the next frame is drawn as the window's decoded event would. */
static atomic_int decoded;
static void on_decoded(void *ctx)
{
    (void)ctx;
    atomic_store(&decoded, 1);
}

/* One frame as the window's loop does it: tick, and when something changed build the list
 * and draw it. Returns the frame's work in ms (0 when nothing was drawn). */
static double frame(Bench *b)
{
    double t0 = now_ms(), c0 = cpu_ms() - b->input_cpu;
    double work = 0;
    long f0 = faults();
    if (atomic_exchange(&decoded, 0)) b->s.dirty = true;
    if (session_tick(&b->s, b->now)) {
        const DisplayList *dl = session_frame(&b->s);
        double t1 = now_ms();
        canvas_draw(b->c, dl);
        double t2 = now_ms();
        work = b->input_ms + t2 - t0;
        double cpu = cpu_ms() - c0;
        record(b, b->input_ms + t1 - t0, t2 - t1, cpu);
        static double trace = -1;
        if (trace < 0) trace = getenv("BENCH_TRACE") ? atof(getenv("BENCH_TRACE")) : 0;
        if (trace > 0 && work > trace) {
            char name[160];
            DrawStats ds = drawer_stats(canvas_drawer(b->c));
            fprintf(stderr, "frame %zu at %lld ms: %.1f ms (view %.1f, draw %.1f; CPU %.1f ms, %ld page faults) on %s, %zu decodes so far\n",
                    b->n, (long long)b->now, work, b->input_ms + t1 - t0, t2 - t1, cpu,
                    faults() - f0, session_screen_name(&b->s, name, sizeof name), ds.decodes);
        }
        b->wall_sum += work;
        b->cpu_sum += cpu;
        drawer_idle(canvas_drawer(b->c)); /* as the window does once the frame is shown */
        if (b->n == 1) { /* as the window after its first frame: the dictionaries, on a thread */
            const Bundle *bd = b->s.ui.bundle;
            hyphen_preload_async((const char *const *)bd->languages, bd->n_languages);
        }
    }
    b->input_ms = 0;
    b->input_cpu = 0;
    return work;
}

static void advance(Bench *b, int ms)
{
    int64_t end = b->now + ms;
    while (b->now < end) {
        b->now = b->now + FRAME_MS < end ? b->now + FRAME_MS : end;
        frame(b);
    }
}

static void bench_touch(void *ctx, int finger, PointerPhase ph, float x, float y)
{
    Bench *b = ctx;
    double t0 = now_ms(), c0 = cpu_ms();
    session_touch(&b->s, finger, ph, x, y, b->now);
    b->input_ms += now_ms() - t0;
    b->input_cpu += cpu_ms() - c0;
}

static void bench_advance(void *ctx, int ms)
{
    advance(ctx, ms);
}

static bool key_of(const char *name, KeyKind *k)
{
    static const struct {
        const char *name;
        KeyKind key;
    } keys[] = {{"tab", KEY_NEXT},       {"shift-tab", KEY_PREV}, {"left", KEY_LEFT},
                {"right", KEY_RIGHT},    {"up", KEY_UP},          {"down", KEY_DOWN},
                {"enter", KEY_ACTIVATE}, {"back", KEY_BACK},      {"home", KEY_HOME},
                {"pageup", KEY_PAGE_UP}, {"pagedown", KEY_PAGE_DOWN}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].name, name) == 0) {
            *k = keys[i].key;
            return true;
        }
    return false;
}

static bool step(Bench *b, const Step *st)
{
    char name[160];
    const FingerDriver fd = {.ctx = b, .touch = bench_touch, .advance = bench_advance,
                             .sx = b->sx, .sy = b->sy};
    switch (st->kind) {
    case STEP_TAP:
    case STEP_DRAG:
    case STEP_PINCH:
    case STEP_PAN2:
    case STEP_DOUBLETAP:
        return fingers_play(&fd, st);
    case STEP_TAP_TARGET: {
        double t0 = now_ms(), c0 = cpu_ms();
        const Hit *h = session_find_target(&b->s, st->arg);
        b->input_ms += now_ms() - t0;
        b->input_cpu += cpu_ms() - c0;
        if (!h) {
            fprintf(stderr, "%s:%d: nothing to tap for '@%s' on screen %s\n", b->file, st->line,
                    st->arg, session_screen_name(&b->s, name, sizeof name));
            return false;
        }
        fingers_tap(&fd, h->clip.x + h->clip.w / 2, h->clip.y + h->clip.h / 2);
        return true;
    }
    case STEP_KEY: {
        KeyKind k;
        if (!key_of(st->arg, &k)) {
            fprintf(stderr, "%s:%d: unknown key '%s'\n", b->file, st->line, st->arg);
            return false;
        }
        double t0 = now_ms(), c0 = cpu_ms();
        session_key(&b->s, k, b->now);
        b->input_ms += now_ms() - t0;
        b->input_cpu += cpu_ms() - c0;
        advance(b, FRAME_MS);
        return true;
    }
    case STEP_WAIT:
        advance(b, st->ms);
        return true;
    case STEP_SHOT:
        return true; /* nothing to save here */
    case STEP_CLOCK:
        session_set_wall_clock(&b->s, st->wall_s * 1000, b->now);
        return true;
    case STEP_EXPECT:
        if (strncmp(st->arg, "lang:", 5) == 0)
            snprintf(name, sizeof name, "lang:%s", b->s.ui.bundle->languages[b->s.ui.lang]);
        else
            session_screen_name(&b->s, name, sizeof name);
        if (strcmp(name, st->arg) != 0) {
            fprintf(stderr, "%s:%d: expected screen %s, but the kiosk shows %s\n", b->file,
                    st->line, st->arg, name);
            return false;
        }
        return true;
    }
    return false;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
    fclose(f);
    return buf;
}

static int mode_frames(int argc, char **argv)
{
    int runs = 5;
    size_t cache_mb = 96;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i += 2) {
        if (i + 1 >= argc) return 2;
        if (strcmp(argv[i], "--runs") == 0) runs = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--cache-mb") == 0) cache_mb = (size_t)atoi(argv[i + 1]);
        else return 2;
    }
    if (argc - i < 3) return 2;
    const char *dir = argv[i], *size = argv[i + 1], *script = argv[i + 2];
    int w, h;
    if (!parse_size(size, &w, &h) || runs < 1) return 2;
    size_t len;
    char *text = read_file(script, &len);
    Script sc;
    char err[256];
    if (!text || !script_parse(text, len, &sc, err, sizeof err)) {
        fprintf(stderr, "bench_session: %s: %s\n", script, text ? err : "cannot read");
        return 1;
    }
    free(text);
    Bundle *bundle = load(dir);
    const char *assets = find_assets();
    if (!bundle || !assets) return 1;
    for (int r = 0; r < runs; r++) {
        Bench b = {.file = script, .sx = (float)w / 1920.0f, .sy = (float)h / 1080.0f};
        b.c = canvas_create(w, h, &bundle->theme, assets, cache_mb << 20);
        if (!b.c || !session_init(&b.s, bundle, canvas_measure(b.c), (float)w, (float)h, 0)) return 1;
        /* what a visitor gets: the window's decoding policy (platform/window.c) */
        drawer_set_async(canvas_drawer(b.c), on_decoded, NULL, 8);
        atomic_store(&decoded, 0);
        frame(&b); /* the first frame, as at start */
        for (size_t k = 0; k < sc.n; k++)
            if (!step(&b, &sc.steps[k])) return 1;
        qsort(b.ft, b.n, sizeof *b.ft, cmp);
        qsort(b.vt, b.n, sizeof *b.vt, cmp);
        qsort(b.dt, b.n, sizeof *b.dt, cmp);
        qsort(b.ct, b.n, sizeof *b.ct, cmp);
        printf("run %.2f %.2f %.2f %.2f %zu %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n", pct(b.ft, b.n, 50),
               pct(b.ft, b.n, 95), pct(b.ft, b.n, 99), b.ft[b.n - 1], b.n, pct(b.vt, b.n, 50),
               pct(b.vt, b.n, 99), pct(b.dt, b.n, 50), pct(b.dt, b.n, 99),
               b.cpu_sum > 0 ? b.wall_sum / b.cpu_sum : 1.0, pct(b.ct, b.n, 50), pct(b.ct, b.n, 99));
        fflush(stdout);
        bench_end(&b);
    }
    bundle_free(bundle);
    script_free(&sc);
    return 0;
}

/* ---- a figures screen ------------------------------------------------------------------ */

/* The figures collection opened from home on the simulated clock: its first frame (text
 * textures not yet made), the count-up's frames (built and drawn every 16 ms until the
 * screen is still), then the settled screen built and drawn again REPS times. */
static int mode_figures(int argc, char **argv)
{
    int runs = 5, i = 0;
    for (; i + 1 < argc && strcmp(argv[i], "--runs") == 0; i += 2) runs = atoi(argv[i + 1]);
    int w, h;
    if (argc - i < 3 || !parse_size(argv[i + 1], &w, &h) || runs < 1) return 2;
    Bundle *bundle = load(argv[i]);
    const char *assets = find_assets();
    const Collection *col = bundle ? bundle_find_collection(bundle, argv[i + 2]) : NULL;
    if (!bundle || !assets || !col) {
        if (bundle && !col) fprintf(stderr, "bench_session: no collection '%s'\n", argv[i + 2]);
        return 1;
    }
    enum { REPS = 20 };
    for (int r = 0; r < runs; r++) {
        Bench b = {.file = "figures"};
        b.c = canvas_create(w, h, &bundle->theme, assets, 96u << 20);
        if (!b.c || !session_init(&b.s, bundle, canvas_measure(b.c), (float)w, (float)h, 0)) return 1;
        frame(&b); /* home, as at start: its textures are not the figures screen's */
        b.n = 0;
        b.now = 1000;
        session_apply(&b.s, (Action){.kind = ACT_COLLECTION, .collection = col}, b.now);
        frame(&b);
        advance(&b, VIEW_SETTLE_MS + 200);
        double first = b.ft[0];
        size_t counted = b.n - 1;
        qsort(b.ft + 1, counted, sizeof *b.ft, cmp);
        double build = 0, draw = 0, c0 = cpu_ms();
        for (int k = 0; k < REPS; k++) {
            b.s.dirty = true;
            double t0 = now_ms();
            const DisplayList *dl = session_frame(&b.s);
            double t1 = now_ms();
            canvas_draw(b.c, dl);
            build += t1 - t0;
            draw += now_ms() - t1;
        }
        double cpu = (cpu_ms() - c0) / REPS;
        printf("figures %.2f %.2f %.2f %zu %.3f %.2f %.2f %.2f\n", first, pct(b.ft + 1, counted, 50),
               counted ? b.ft[b.n - 1] : 0.0, counted, build / REPS, draw / REPS,
               (build + draw) / REPS, cpu);
        fflush(stdout);
        bench_end(&b);
    }
    bundle_free(bundle);
    return 0;
}

/* ---- scrolling a big grid on the real clock -------------------------------------------- */

static void woke(void *ctx) { (void)ctx; }

static int mode_scroll(int argc, char **argv)
{
    size_t cache_mb = 96;
    bool async = false;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--async") == 0) async = true;
        else if (strcmp(argv[i], "--cache-mb") == 0 && i + 1 < argc) cache_mb = (size_t)atoi(argv[++i]);
        else return 2;
    }
    if (argc - i < 3) return 2;
    int w, h;
    if (!parse_size(argv[i + 1], &w, &h)) return 2;
    Bundle *bundle = load(argv[i]);
    const char *assets = find_assets();
    if (!bundle || !assets) return 1;
    Bench b = {.file = "scroll"};
    b.c = canvas_create(w, h, &bundle->theme, assets, cache_mb << 20);
    if (!b.c) return 1;
    if (async) drawer_set_async(canvas_drawer(b.c), woke, NULL, 8);
    double start = now_ms();
    b.now = 0;
    if (!session_init(&b.s, bundle, canvas_measure(b.c), (float)w, (float)h, 0)) return 1;
    frame(&b); /* home, as the window starts (not counted) */
    b.n = 0;
    b.wall_sum = b.cpu_sum = 0;
    if (!session_open(&b.s, argv[i + 2], 0)) {
        fprintf(stderr, "bench_session: no collection %s\n", argv[i + 2]);
        return 1;
    }
    b.s.dirty = true;
    frame(&b);
    /* Flick: finger from 85% to 15% of the height in 100 ms, lift, 100 ms later the next. */
    const double flick_ms = 100, cycle_ms = 200;
    float x = (float)w / 2, y0 = (float)h * 0.85f, y1 = (float)h * 0.15f;
    double cycle_start = -1;
    bool down = false;
    int64_t last = -1;
    for (;;) {
        double t = now_ms() - start;
        b.now = (int64_t)t;
        if (b.now == last) b.now = last + 1;
        last = b.now;
        double max = scroller_max(&b.s.scroller), off = scroller_offset(&b.s.scroller);
        bool at_end = max > 0 && off >= max - 1;
        if (at_end && !down) break;
        if (t > 600000) {
            fprintf(stderr, "bench_session: did not reach the end in 10 minutes\n");
            return 1;
        }
        if (!down && (cycle_start < 0 || t - cycle_start >= cycle_ms)) {
            cycle_start = t;
            down = true;
            bench_touch(&b, 0, POINTER_DOWN, x, y0);
        } else if (down) {
            double p = (t - cycle_start) / flick_ms;
            if (p >= 1) {
                bench_touch(&b, 0, POINTER_MOVE, x, y1);
                bench_touch(&b, 0, POINTER_UP, x, y1);
                down = false;
            } else {
                bench_touch(&b, 0, POINTER_MOVE, x, y0 + (y1 - y0) * (float)p);
            }
        }
        double f0 = now_ms();
        frame(&b);
        /* The window sleeps until 16 ms after the frame began (session_next_wake). */
        double left = FRAME_MS - (now_ms() - f0);
        if (left > 0) usleep((useconds_t)(left * 1000));
    }
    double wall = (now_ms() - start) / 1000.0;
    /* The first frame opens the grid (its pictures are decoded in that frame, as the window's
     * first frame of a screen does); the rest is the scrolling. */
    double first = b.ft[0];
    double *sc = b.ft + 1;
    size_t n = b.n - 1, over = 0;
    for (size_t k = 0; k < n; k++) over += sc[k] > 33.0;
    qsort(sc, n, sizeof *sc, cmp);
    DrawStats ds = drawer_stats(canvas_drawer(b.c));
    printf("scroll %.1f %zu %.1f %zu %.1f %zu %.1f %.2f %.1f %.1f\n", wall, n, sc[n - 1], over,
           vm_hwm_mb(), ds.decodes, (double)ds.cache_bytes / 1048576.0,
           b.cpu_sum > 0 ? b.wall_sum / b.cpu_sum : 1.0, pct(sc, n, 50), first);
    session_free(&b.s);
    canvas_destroy(b.c);
    free(b.ft);
    free(b.vt);
    free(b.dt);
    free(b.ct);
    bundle_free(bundle);
    return 0;
}

/* ---- helpers ------------------------------------------------------------------------- */

static int mode_dump(int argc, char **argv)
{
    int w, h;
    if (argc < 3 || !parse_size(argv[1], &w, &h)) return 2;
    Bundle *bundle = load(argv[0]);
    const char *assets = find_assets();
    if (!bundle || !assets) return 1;
    Canvas *c = canvas_create(w, h, &bundle->theme, assets, 96u << 20);
    Session s;
    if (!c || !session_init(&s, bundle, canvas_measure(c), (float)w, (float)h, 0) ||
        !session_open(&s, argv[2], 0))
        return 1;
    const DisplayList *d = session_frame(&s);
    static const char *const kinds[] = {"rect", "frame", "text", "image", "icon", "qr", "poly", "clip"};
    for (size_t i = 0; i < d->n_cmds; i++) {
        const DlCmd *k = &d->cmds[i];
        printf("%-5s x %.1f y %.1f w %.1f h %.1f color #%06X alpha %d radius %.1f stroke %.1f",
               kinds[k->kind], k->r.x, k->r.y, k->r.w, k->r.h, (unsigned)k->color, k->alpha,
               k->radius, k->stroke);
        if (k->kind == DL_TEXT) printf(" font %d px %d \"%.*s\"", (int)k->font, k->px, (int)k->len, k->text);
        if (k->kind == DL_IMAGE && k->image) printf(" image %s", k->image->path);
        if (k->kind == DL_ICON) printf(" icon %s", k->icon);
        printf("\n");
    }
    session_free(&s);
    canvas_destroy(c);
    bundle_free(bundle);
    return 0;
}

/* Where drawing time goes: a settled screen drawn with only one kind of command at a time
 * (textures already cached), so the drawer's cost can be split by kind. */
static int mode_kinds(int argc, char **argv)
{
    int w, h;
    if (argc < 3 || !parse_size(argv[1], &w, &h)) return 2;
    Bundle *bundle = load(argv[0]);
    const char *assets = find_assets();
    if (!bundle || !assets) return 1;
    Canvas *c = canvas_create(w, h, &bundle->theme, assets, 96u << 20);
    Session s;
    if (!c || !session_init(&s, bundle, canvas_measure(c), (float)w, (float)h, 0) ||
        !session_open(&s, argv[2], 0))
        return 1;
    const DisplayList *d = session_frame(&s);
    static DisplayList only;
    canvas_draw(c, d); /* fills the texture cache */
    static const char *const kinds[] = {"rect", "frame", "text", "image", "icon", "qr", "poly", "clip"};
    enum { REPS = 20 };
    for (int k = -1; k <= (int)DL_POLY; k++) {
        only = *d;
        only.n_cmds = 0;
        size_t count = 0;
        double px = 0;
        for (size_t i = 0; i < d->n_cmds; i++)
            if (k < 0 || (int)d->cmds[i].kind == k || d->cmds[i].kind == DL_CLIP) {
                only.cmds[only.n_cmds++] = d->cmds[i];
                if (k >= 0 && (int)d->cmds[i].kind == k) {
                    count++;
                    px += (double)d->cmds[i].r.w * (double)d->cmds[i].r.h;
                }
            }
        if (k >= 0 && count == 0) continue;
        double t0 = now_ms();
        for (int r = 0; r < REPS; r++) canvas_draw(c, &only);
        double ms = (now_ms() - t0) / REPS;
        if (k < 0) printf("all %zu commands: %.2f ms a frame (clear and present included)\n", d->n_cmds, ms);
        else printf("%-5s x%-4zu %6.2f Mpx: %.2f ms\n", kinds[k], count, px / 1e6, ms);
    }
    /* The five most expensive commands, each drawn alone (minus an empty frame). */
    only = *d;
    only.n_cmds = 0;
    double t0 = now_ms();
    for (int r = 0; r < REPS; r++) canvas_draw(c, &only);
    double empty = (now_ms() - t0) / REPS, top[5] = {0};
    size_t top_i[5] = {0};
    for (size_t i = 0; i < d->n_cmds; i++) {
        if (d->cmds[i].kind == DL_CLIP) continue;
        only.n_cmds = 1;
        only.cmds[0] = d->cmds[i];
        t0 = now_ms();
        for (int r = 0; r < REPS; r++) canvas_draw(c, &only);
        double ms = (now_ms() - t0) / REPS - empty;
        for (int k = 0; k < 5; k++)
            if (ms > top[k]) {
                memmove(top + k + 1, top + k, (size_t)(4 - k) * sizeof *top);
                memmove(top_i + k + 1, top_i + k, (size_t)(4 - k) * sizeof *top_i);
                top[k] = ms;
                top_i[k] = i;
                break;
            }
    }
    for (int k = 0; k < 5; k++) {
        const DlCmd *m = &d->cmds[top_i[k]];
        printf("costliest %d: %s %.0fx%.0f radius %.0f color #%06X alpha %d: %.2f ms\n", k + 1,
               kinds[m->kind], m->r.w, m->r.h, m->radius, (unsigned)m->color, m->alpha, top[k]);
    }
    /* What square corners would cost: the same rectangles through SDL_RenderFillRect. */
    only = *d;
    only.n_cmds = 0;
    for (size_t i = 0; i < d->n_cmds; i++)
        if (d->cmds[i].kind == DL_RECT || d->cmds[i].kind == DL_CLIP) {
            only.cmds[only.n_cmds] = d->cmds[i];
            only.cmds[only.n_cmds++].radius = 0;
        }
    t0 = now_ms();
    for (int r = 0; r < REPS; r++) canvas_draw(c, &only);
    printf("rect with square corners (SDL_RenderFillRect): %.2f ms\n", (now_ms() - t0) / REPS);
    /* A rounded rectangle's body as three horizontal bands (the full-width middle, and the top
     * and bottom between the corners), corners left out: SDL's software fill is fast on wide
     * rectangles and slow on narrow ones (it works row by row). */
    only.n_cmds = 0;
    for (size_t i = 0; i < d->n_cmds && only.n_cmds + 3 <= DLIST_MAX_CMDS; i++) {
        DlCmd m = d->cmds[i];
        if (m.kind == DL_CLIP || (m.kind == DL_RECT && m.radius < 1)) {
            only.cmds[only.n_cmds++] = m;
        } else if (m.kind == DL_RECT) {
            float rad = fminf(m.radius, fminf(m.r.w, m.r.h) / 2);
            Rect bands[3] = {{m.r.x, m.r.y + rad, m.r.w, m.r.h - 2 * rad},
                             {m.r.x + rad, m.r.y, m.r.w - 2 * rad, rad},
                             {m.r.x + rad, m.r.y + m.r.h - rad, m.r.w - 2 * rad, rad}};
            for (int k = 0; k < 3; k++) {
                only.cmds[only.n_cmds] = m;
                only.cmds[only.n_cmds].r = bands[k];
                only.cmds[only.n_cmds++].radius = 0;
            }
        }
    }
    t0 = now_ms();
    for (int r = 0; r < REPS; r++) canvas_draw(c, &only);
    printf("rect bodies as three wide bands, no corners: %.2f ms\n", (now_ms() - t0) / REPS);
    session_free(&s);
    canvas_destroy(c);
    bundle_free(bundle);
    return 0;
}

static int mode_svg2png(int argc, char **argv)
{
    if (argc < 3) return 2;
    int px = atoi(argv[2]);
    SDL_RWops *rw = SDL_RWFromFile(argv[0], "rb");
    SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, px, px) : NULL;
    if (rw) SDL_RWclose(rw);
    if (!s || IMG_SavePNG(s, argv[1]) != 0) {
        fprintf(stderr, "bench_session: svg2png: %s\n", IMG_GetError());
        return 1;
    }
    SDL_FreeSurface(s);
    return 0;
}

/* Photo-like pictures: smooth colour fields with a few soft shapes, different per index, so
 * JPEG files stay small (~100-200 KB) while every one decodes at full size. */
static int mode_photos(int argc, char **argv)
{
    if (argc < 4) return 2;
    const char *dir = argv[0];
    int n = atoi(argv[1]), w = atoi(argv[2]), h = atoi(argv[3]);
    mkdir(dir, 0755);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    float *col = malloc(sizeof(float) * 6 * (size_t)w), *row_ = malloc(sizeof(float) * 6 * (size_t)h);
    if (!s || !col || !row_) return 1;
    for (int k = 0; k < n; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/photo-%03d.jpg", dir, k);
        if (access(path, R_OK) == 0) continue;
        unsigned seed = (unsigned)k * 2654435761u;
        float hue = (float)(seed % 360) / 360.0f;
        float cx = (float)((seed >> 8) % (unsigned)w), cy = (float)((seed >> 16) % (unsigned)h);
        float rad = (float)h * (0.2f + (float)((seed >> 4) % 100) / 300.0f);
        /* Separable: every term is a product or sum of a column part and a row part. */
        for (int x = 0; x < w; x++) {
            float fx = (float)x / (float)w, dx = (float)x - cx;
            col[6 * x + 0] = 0.5f + 0.4f * sinf(6.2832f * (hue + fx * 0.7f));
            col[6 * x + 1] = expf(-dx * dx / (2 * rad * rad));
            col[6 * x + 2] = sinf(6.2832f * (hue + 0.66f + fx * 0.3f));
            col[6 * x + 3] = 0.02f * sinf((float)x * 0.05f + (float)k);
            col[6 * x + 4] = cosf(6.2832f * (hue + 0.66f + fx * 0.3f));
        }
        for (int y = 0; y < h; y++) {
            float fy = (float)y / (float)h, dy = (float)y - cy;
            row_[6 * y + 0] = 0.5f + 0.4f * sinf(6.2832f * (hue + 0.33f + fy * 0.5f));
            row_[6 * y + 1] = expf(-dy * dy / (2 * rad * rad));
            row_[6 * y + 2] = cosf(6.2832f * fy * 0.3f);
            row_[6 * y + 3] = sinf((float)y * 0.04f);
            row_[6 * y + 4] = sinf(6.2832f * fy * 0.3f);
        }
        for (int y = 0; y < h; y++) {
            Uint8 *px = (Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch;
            const float *ry = row_ + 6 * y;
            for (int x = 0; x < w; x++) {
                const float *cx_ = col + 6 * x;
                float blob = cx_[1] * ry[1], tex = cx_[3] * ry[3];
                /* sin(a + b) = sin a cos b + cos a sin b */
                float bl = 0.5f + 0.4f * (cx_[2] * ry[2] + cx_[4] * ry[4]);
                float r = cx_[0] * (1 - blob) + blob + tex;
                float g = ry[0] * (1 - blob) + blob * 0.9f + tex;
                float b = bl * (1 - blob) + blob * 0.6f + tex;
                px[3 * x + 0] = (Uint8)(fminf(1, fmaxf(0, r)) * 255);
                px[3 * x + 1] = (Uint8)(fminf(1, fmaxf(0, g)) * 255);
                px[3 * x + 2] = (Uint8)(fminf(1, fmaxf(0, b)) * 255);
            }
        }
        char tmp[1100];
        snprintf(tmp, sizeof tmp, "%s.tmp", path);
        if (IMG_SaveJPG(s, tmp, 80) != 0 || rename(tmp, path) != 0) {
            fprintf(stderr, "bench_session: cannot write %s: %s\n", path, IMG_GetError());
            return 1;
        }
    }
    SDL_FreeSurface(s);
    free(col);
    free(row_);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) goto usage;
    int rc = 2;
    if (strcmp(argv[1], "frames") == 0) rc = mode_frames(argc - 2, argv + 2);
    else if (strcmp(argv[1], "scroll") == 0) rc = mode_scroll(argc - 2, argv + 2);
    else if (strcmp(argv[1], "dump") == 0) rc = mode_dump(argc - 2, argv + 2);
    else if (strcmp(argv[1], "kinds") == 0) rc = mode_kinds(argc - 2, argv + 2);
    else if (strcmp(argv[1], "figures") == 0) rc = mode_figures(argc - 2, argv + 2);
    else if (strcmp(argv[1], "svg2png") == 0) rc = mode_svg2png(argc - 2, argv + 2);
    else if (strcmp(argv[1], "photos") == 0) rc = mode_photos(argc - 2, argv + 2);
    if (rc != 2) return rc;
usage:
    fprintf(stderr, "usage: see the comment at the top of tests/bench/bench_session.c\n");
    return 2;
}
