/* starttrace.c: marks of the start, printed when KIOSK_START_TRACE=1 (see starttrace.h). */
#include "core/starttrace.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool on;
static double t0_ns;
static pthread_t main_thread;
static atomic_bool ended;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts); /* the launcher's clock: KIOSK_BENCH_T0 is realtime */
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void setup(void)
{
    const char *v = getenv("KIOSK_START_TRACE");
    on = v && strcmp(v, "1") == 0;
    const char *t0 = getenv("KIOSK_BENCH_T0");
    t0_ns = t0 ? strtod(t0, NULL) : now_ns();
    main_thread = pthread_self(); /* the first mark comes from main */
}

void start_mark(const char *what)
{
    pthread_once(&once, setup);
    if (!on || atomic_load(&ended)) return;
    bool main = pthread_equal(pthread_self(), main_thread);
    fprintf(stderr, "start: %+8.1f ms %-6s %s\n", (now_ns() - t0_ns) / 1e6, main ? "main" : "second",
            what);
}

void start_trace_end(void)
{
    start_mark("first frame on screen");
    atomic_store(&ended, true);
}
