/* xtap.c: touch-to-photon from outside: taps a program through XTest and times the first
 * changed pixel on the X screen.
 *
 * A benchmark helper for tests/bench/run.sh (part T). It drives the pointer as the X server's
 * own input (XTest), so the program under test gets ordinary button events, and it reads the
 * server's pixels (1x1 XGetImage on the root window, as xwait does), so it sees what a person
 * would see. The same tool serves the kiosk, the bare SDL program and Chromium: it only knows
 * where to tap and which pixel to watch.
 *
 *   xtap press  [OPTIONS] X Y PX,PY N
 *       N taps on X,Y. Each: the pixel PX,PY is read; the pointer moves to X,Y (no button, so
 *       nothing happens yet) and rests; t0; the button goes down; the pixel is polled until it
 *       differs from before: one time. Then the button comes up and, when the pressed state
 *       led somewhere (a new screen), the program is brought back (--back) and the pixel must
 *       be its old self again before the next tap.
 *   xtap screen [OPTIONS] X Y PX,PY N
 *       N taps on X,Y. Each: the pixel PX,PY (outside what is tapped, so the pressed state
 *       does not touch it) is read; the button goes down and is held --hold ms (a finger's
 *       tap); t0; the button comes up; the pixel is polled until it differs: one time. Then
 *       the program is brought back (--back) and the pixel must be its old self again.
 *
 *   OPTIONS  --hold MS     how long a tap holds the button before it lifts (default 80)
 *            --settle MS   rest after each tap is undone, before the next (default 400)
 *            --warm K      K taps first that are not timed (default 3)
 *            --back key:KEYSYM | tap:X,Y | none
 *                          how the program returns after a tap (default none: releasing the
 *                          button undoes a press; "screen" needs a way back)
 *            --timeout MS  per tap, for the change and for the return (default 3000)
 *
 * Prints one time a line (milliseconds, 0.01 ms), and on stderr a summary
 * "xtap: N taps, p50 A ms, p95 B ms, min C ms, max D ms". Taps that timed out print nothing
 * and are counted on stderr; exit status 1 when half of them or more timed out.
 * The pixel is polled every 0.2 ms (a round trip to the server each); a pixel "differs" when
 * a channel is off by more than 2. DISPLAY selects the server. */
#define _POSIX_C_SOURCE 200809L
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xpixel.h"

typedef struct Opts {
    double hold, settle, timeout;
    int warm;
    enum { BACK_NONE, BACK_KEY, BACK_TAP } back;
    KeyCode key;
    int bx, by;
} Opts;

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The pixel as 0xRRGGBB, or 0xFFFFFFFF when it could not be read. */
static unsigned pixel(Display *d, int x, int y)
{
    XImage *im = XGetImage(d, DefaultRootWindow(d), x, y, 1, 1, AllPlanes, ZPixmap);
    if (!im) return 0xFFFFFFFFu;
    unsigned rgb = rgb_of(im, 0, 0);
    XDestroyImage(im);
    return rgb;
}

static int differs(unsigned a, unsigned b)
{
    return a != 0xFFFFFFFFu && b != 0xFFFFFFFFu && !close_to(a, b, 2);
}

/* Polls until the pixel differs from base (want_change) or matches it again; the time of the
 * poll that saw it (monotonic ms), or -1 after timeout_ms. */
static double poll_until(Display *d, int x, int y, unsigned base, int want_change, double timeout_ms)
{
    double start = mono_ms();
    for (;;) {
        unsigned now = pixel(d, x, y);
        double t = mono_ms();
        if (now != 0xFFFFFFFFu && differs(now, base) == want_change) return t;
        if (t - start > timeout_ms) return -1;
        sleep_ms(0.2);
    }
}

static void button(Display *d, int down)
{
    XTestFakeButtonEvent(d, 1, down ? True : False, CurrentTime);
    XFlush(d);
}

/* The pointer to x,y without a button, then a rest: a tap is a press without movement. */
static void move_to(Display *d, int x, int y)
{
    XTestFakeMotionEvent(d, -1, x, y, CurrentTime);
    XSync(d, False);
    sleep_ms(50);
}

static void go_back(Display *d, const Opts *o)
{
    if (o->back == BACK_KEY) {
        XTestFakeKeyEvent(d, o->key, True, CurrentTime);
        XTestFakeKeyEvent(d, o->key, False, CurrentTime);
        XFlush(d);
    } else if (o->back == BACK_TAP) {
        move_to(d, o->bx, o->by);
        button(d, 1);
        sleep_ms(o->hold);
        button(d, 0);
    }
}

/* One tap; its time in ms, or -1 when the pixel did not change (or did not come back). */
static double tap(Display *d, const Opts *o, int screen, int x, int y, int px, int py)
{
    unsigned base = pixel(d, px, py);
    move_to(d, x, y);
    double t0, seen;
    if (!screen) {
        t0 = mono_ms();
        button(d, 1);
        seen = poll_until(d, px, py, base, 1, o->timeout);
        sleep_ms(o->hold);
        button(d, 0);
    } else {
        button(d, 1);
        sleep_ms(o->hold);
        t0 = mono_ms();
        button(d, 0);
        seen = poll_until(d, px, py, base, 1, o->timeout);
    }
    /* Undone: the press by the release alone, or the new screen by the way back. A press that
     * also opens a screen (the kiosk's tiles) needs --back in "press" mode too. */
    sleep_ms(o->back == BACK_NONE ? 0 : 250);
    go_back(d, o);
    int back = poll_until(d, px, py, base, 0, o->timeout) >= 0;
    if (!back) fprintf(stderr, "xtap: the pixel %d,%d did not return to #%06X\n", px, py, base);
    sleep_ms(o->settle);
    return seen >= 0 ? seen - t0 : -1;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest rank: the smallest value with at least q of the values at or below it. */
static double pct(const double *v, int n, double q)
{
    int k = (int)(q * n + 0.999999);
    if (k < 1) k = 1;
    return v[k - 1];
}

static int options(Display *d, int *argc, char ***argv, Opts *o)
{
    while (*argc >= 2 && strncmp((*argv)[0], "--", 2) == 0) {
        const char *k = (*argv)[0], *v = (*argv)[1];
        if (strcmp(k, "--hold") == 0) o->hold = atof(v);
        else if (strcmp(k, "--settle") == 0) o->settle = atof(v);
        else if (strcmp(k, "--warm") == 0) o->warm = atoi(v);
        else if (strcmp(k, "--timeout") == 0) o->timeout = atof(v);
        else if (strcmp(k, "--back") == 0 && strncmp(v, "key:", 4) == 0) {
            KeySym s = XStringToKeysym(v + 4);
            o->key = s == NoSymbol ? 0 : XKeysymToKeycode(d, s);
            if (!o->key) return fprintf(stderr, "xtap: no key %s\n", v + 4), 0;
            o->back = BACK_KEY;
        } else if (strcmp(k, "--back") == 0 && sscanf(v, "tap:%d,%d", &o->bx, &o->by) == 2)
            o->back = BACK_TAP;
        else if (strcmp(k, "--back") == 0 && strcmp(v, "none") == 0) o->back = BACK_NONE;
        else return fprintf(stderr, "xtap: bad option %s %s\n", k, v), 0;
        *argc -= 2;
        *argv += 2;
    }
    return 1;
}

static int run(Display *d, int screen, int argc, char **argv)
{
    Opts o = {.hold = 80, .settle = 400, .timeout = 3000, .warm = 3};
    int x, y, px, py, n;
    if (!options(d, &argc, &argv, &o) || argc != 4 || sscanf(argv[2], "%d,%d", &px, &py) != 2)
        return 2;
    x = atoi(argv[0]);
    y = atoi(argv[1]);
    n = atoi(argv[3]);
    if (n < 1 || (screen && o.back == BACK_NONE)) return 2;
    for (int i = 0; i < o.warm; i++) tap(d, &o, screen, x, y, px, py);
    double *t = calloc((size_t)n, sizeof *t);
    int got = 0;
    for (int i = 0; i < n; i++) {
        double ms = tap(d, &o, screen, x, y, px, py);
        if (ms < 0) continue;
        t[got++] = ms;
        printf("%.2f\n", ms);
        fflush(stdout);
    }
    if (got) {
        qsort(t, (size_t)got, sizeof *t, cmp);
        fprintf(stderr, "xtap: %d taps, p50 %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms\n", got,
                pct(t, got, 0.5), pct(t, got, 0.95), t[0], t[got - 1]);
    }
    if (got < n) fprintf(stderr, "xtap: %d of %d taps changed nothing within %.0f ms\n", n - got, n, o.timeout);
    free(t);
    return got * 2 > n ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) goto usage;
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "xtap: cannot open display %s\n", getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
        return 1;
    }
    int ev, er, maj, min;
    if (!XTestQueryExtension(d, &ev, &er, &maj, &min)) {
        fprintf(stderr, "xtap: the X server has no XTest extension\n");
        return 1;
    }
    XSetErrorHandler(quiet);
    int rc = 2;
    if (strcmp(argv[1], "press") == 0) rc = run(d, 0, argc - 2, argv + 2);
    else if (strcmp(argv[1], "screen") == 0) rc = run(d, 1, argc - 2, argv + 2);
    XCloseDisplay(d);
    if (rc != 2) return rc;
usage:
    fprintf(stderr, "usage: see the comment at the top of tests/bench/xtap.c\n");
    return 2;
}
