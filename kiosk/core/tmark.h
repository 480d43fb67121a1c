/* TEMPORARY start-up trace (not to be committed). */
#pragma once
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static inline void tmark(const char *what)
{
    const char *t0 = getenv("KIOSK_BENCH_T0");
    if (!t0 || !getenv("KIOSK_TMARK")) return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    double now = (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
    fprintf(stderr, "tmark %7.1f %s\n", (now - strtod(t0, NULL)) / 1e6, what);
}
