/* xwait.c: judges from outside when a program's first screen is on an X display.
 *
 * A benchmark helper for tests/bench/run.sh. It reads the X server's pixels (XGetImage on the
 * root window), so it sees what a person would see, whatever the program says about itself.
 *
 *   xwait find TIMEOUT_MS RRGGBB X Y W H [RRGGBB X Y W H ...]
 *       Waits until each rectangle holds a pixel of its colour (each channel within 2) and
 *       prints one "X,Y,RRGGBB" per rectangle: the matching pixel nearest the rectangle's
 *       middle. Used once on a settled screen to choose the pixels to watch.
 *   xwait wait T0_NS TIMEOUT_MS X,Y,RRGGBB [X,Y,RRGGBB ...]
 *       Polls those pixels (1x1 XGetImage each, every 1 ms) until all have their colour, then
 *       prints the milliseconds from T0_NS (CLOCK_REALTIME nanoseconds, taken by the caller
 *       just before it launched the program) to the poll that saw them.
 *   xwait shot FILE.ppm
 *       Saves the whole screen as a PPM (for looking at what was measured).
 *
 * Exit status 1 on timeout. DISPLAY selects the server. */
#define _POSIX_C_SOURCE 200809L
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xpixel.h"

static double real_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

typedef struct Want {
    int x, y, w, h;
    unsigned color;
    int fx, fy; /* found */
} Want;

static int find(Display *d, Window root, int argc, char **argv)
{
    if (argc < 6 || (argc - 1) % 5 != 0) return 2;
    double timeout = atof(argv[0]);
    int n = (argc - 1) / 5;
    Want *w = calloc((size_t)n, sizeof *w);
    for (int i = 0; i < n; i++) {
        char **a = argv + 1 + 5 * i;
        w[i] = (Want){atoi(a[1]), atoi(a[2]), atoi(a[3]), atoi(a[4]),
                      (unsigned)strtoul(a[0], NULL, 16), -1, -1};
    }
    double t0 = real_ns();
    for (;;) {
        int missing = 0;
        for (int i = 0; i < n; i++) {
            XImage *im = XGetImage(d, root, w[i].x, w[i].y, (unsigned)w[i].w, (unsigned)w[i].h,
                                   AllPlanes, ZPixmap);
            w[i].fx = -1;
            if (im) {
                double best = 1e18;
                for (int y = 0; y < w[i].h; y++)
                    for (int x = 0; x < w[i].w; x++) {
                        if (!close_to(rgb_of(im, x, y), w[i].color, 2)) continue;
                        double dx = x - w[i].w / 2.0, dy = y - w[i].h / 2.0;
                        /* prefer pixels whose neighbours match too (inside a glyph stroke) */
                        int solid = x > 0 && y > 0 && x + 1 < w[i].w && y + 1 < w[i].h &&
                                    close_to(rgb_of(im, x - 1, y), w[i].color, 2) &&
                                    close_to(rgb_of(im, x + 1, y), w[i].color, 2) &&
                                    close_to(rgb_of(im, x, y - 1), w[i].color, 2) &&
                                    close_to(rgb_of(im, x, y + 1), w[i].color, 2);
                        double score = dx * dx + dy * dy + (solid ? 0 : 1e9);
                        if (score < best) {
                            best = score;
                            w[i].fx = w[i].x + x;
                            w[i].fy = w[i].y + y;
                        }
                    }
                XDestroyImage(im);
            }
            missing += w[i].fx < 0;
        }
        if (!missing) break;
        if ((real_ns() - t0) / 1e6 > timeout) {
            for (int i = 0; i < n; i++)
                if (w[i].fx < 0)
                    fprintf(stderr, "xwait: no #%06X in %dx%d+%d+%d\n", w[i].color, w[i].w, w[i].h,
                            w[i].x, w[i].y);
            return 1;
        }
        sleep_ms(20);
    }
    for (int i = 0; i < n; i++) printf("%s%d,%d,%06X", i ? " " : "", w[i].fx, w[i].fy, w[i].color);
    printf("\n");
    free(w);
    return 0;
}

static int wait_for(Display *d, Window root, int argc, char **argv)
{
    if (argc < 3) return 2;
    double t0 = atof(argv[0]), timeout = atof(argv[1]);
    int n = argc - 2;
    Want *w = calloc((size_t)n, sizeof *w);
    for (int i = 0; i < n; i++) {
        char hex[16];
        if (sscanf(argv[2 + i], "%d,%d,%15s", &w[i].x, &w[i].y, hex) != 3) return 2;
        w[i].color = (unsigned)strtoul(hex, NULL, 16);
    }
    for (;;) {
        int ok = 1;
        for (int i = 0; i < n && ok; i++) {
            XImage *im = XGetImage(d, root, w[i].x, w[i].y, 1, 1, AllPlanes, ZPixmap);
            ok = im && close_to(rgb_of(im, 0, 0), w[i].color, 2);
            if (im) XDestroyImage(im);
        }
        double now = real_ns();
        if (ok) {
            printf("%.1f\n", (now - t0) / 1e6);
            return 0;
        }
        if ((now - t0) / 1e6 > timeout) {
            fprintf(stderr, "xwait: the screen did not show the expected pixels in %.0f ms\n", timeout);
            return 1;
        }
        sleep_ms(1);
    }
}

static int shot(Display *d, Window root, const char *path)
{
    XWindowAttributes a;
    XGetWindowAttributes(d, root, &a);
    XImage *im = XGetImage(d, root, 0, 0, (unsigned)a.width, (unsigned)a.height, AllPlanes, ZPixmap);
    FILE *f = fopen(path, "wb");
    if (!im || !f) return 1;
    fprintf(f, "P6\n%d %d\n255\n", a.width, a.height);
    for (int y = 0; y < a.height; y++)
        for (int x = 0; x < a.width; x++) {
            unsigned c = rgb_of(im, x, y);
            unsigned char px[3] = {(unsigned char)(c >> 16), (unsigned char)(c >> 8), (unsigned char)c};
            fwrite(px, 1, 3, f);
        }
    fclose(f);
    XDestroyImage(im);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) goto usage;
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "xwait: cannot open display %s\n", getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
        return 1;
    }
    XSetErrorHandler(quiet);
    Window root = DefaultRootWindow(d);
    int rc = 2;
    if (strcmp(argv[1], "find") == 0) rc = find(d, root, argc - 2, argv + 2);
    else if (strcmp(argv[1], "wait") == 0) rc = wait_for(d, root, argc - 2, argv + 2);
    else if (strcmp(argv[1], "shot") == 0 && argc > 2) rc = shot(d, root, argv[2]);
    XCloseDisplay(d);
    if (rc != 2) return rc;
usage:
    fprintf(stderr, "usage: see the comment at the top of tests/bench/xwait.c\n");
    return 2;
}
