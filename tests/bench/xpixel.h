/* xpixel.h: what the benchmark's X tools (xwait, xtap) share: reading a pixel of the X screen
 * as 0xRRGGBB, comparing colours with a tolerance, sleeping, and ignoring the X errors of a
 * screen that changes while it is read. Header-only: each tool is one file. */
#ifndef KIOSK_BENCH_XPIXEL_H
#define KIOSK_BENCH_XPIXEL_H

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <time.h>

static inline void sleep_ms(double ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)((ms - (double)(time_t)(ms / 1000) * 1000) * 1e6)};
    nanosleep(&ts, NULL);
}

static inline int quiet(Display *d, XErrorEvent *e)
{
    (void)d;
    (void)e;
    return 0; /* a BadMatch while the screen changes: the next poll tries again */
}

static inline unsigned rgb_of(XImage *im, int x, int y)
{
    unsigned long p = XGetPixel(im, x, y);
    unsigned r = (unsigned)((p & im->red_mask) >> __builtin_ctzl(im->red_mask));
    unsigned g = (unsigned)((p & im->green_mask) >> __builtin_ctzl(im->green_mask));
    unsigned b = (unsigned)((p & im->blue_mask) >> __builtin_ctzl(im->blue_mask));
    return (r << 16) | (g << 8) | b;
}

/* Each channel within tol. */
static inline int close_to(unsigned a, unsigned b, int tol)
{
    for (int s = 0; s < 24; s += 8) {
        int d = (int)((a >> s) & 255) - (int)((b >> s) & 255);
        if (d > tol || d < -tol) return 0;
    }
    return 1;
}

#endif
