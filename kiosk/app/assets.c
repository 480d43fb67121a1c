/* assets.c: where the program's own files are: next to the working directory when run from
 * a checkout, else the source tree it was built from, else the installed data folder. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "app/options.h"
#include "ops/config.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_DATA_DIR
#define KIOSK_DATA_DIR "/usr/local/share/kiosk"
#endif

const char *assets_dir(void)
{
    static const char *const candidates[] = {"assets", KIOSK_SOURCE_DIR "/assets",
                                             KIOSK_DATA_DIR "/assets"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char probe[1024];
        snprintf(probe, sizeof probe, "%s/icons/back.svg", candidates[i]);
        if (access(probe, R_OK) == 0) return candidates[i];
    }
    return NULL;
}

bool bench_first_frame(void)
{
    static bool done;
    const char *t0 = getenv("KIOSK_BENCH_T0");
    if (done || !t0) return false;
    done = true;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    double now = (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
    fprintf(stderr, "first-frame-ms %.1f\n", (now - strtod(t0, NULL)) / 1e6);
    const char *ex = getenv("KIOSK_BENCH_EXIT");
    return ex && ex[0] == '1';
}

size_t cache_budget(const Options *o, int config_mb)
{
    size_t mb = o->cache_mb ? o->cache_mb : config_mb > 0 ? (size_t)config_mb : CONFIG_DEFAULT_CACHE_MB;
    return mb << 20;
}
