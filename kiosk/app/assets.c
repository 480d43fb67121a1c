/* assets.c: where the program's own files are.
 *
 * The installed program (the binary at KIOSK_INSTALLED_BINARY, app/paths.h) uses only the
 * installed data folder: a service or a user who runs it from a folder that happens to hold an
 * assets/ or content/ folder must not get those. Any other binary (a build tree) is run from
 * a checkout, so it looks in the working directory first and falls back to the data folder of
 * an installed package. No path of the build tree is compiled in. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/options.h"
#include "app/paths.h"
#include "ops/config.h"

/* Whether this process is the installed binary (resolved through symbolic links). */
static bool running_installed(void)
{
    static int installed = -1;
    if (installed < 0) {
        char self[PATH_MAX], target[PATH_MAX];
        installed = realpath("/proc/self/exe", self) && realpath(KIOSK_INSTALLED_BINARY, target) &&
                    strcmp(self, target) == 0;
    }
    return installed == 1;
}

/* `checkout` (relative to the working directory) when not installed and `probe` exists in
 * it, else `installed`. */
static const char *data_path(const char *checkout, const char *probe, const char *installed)
{
    if (!running_installed()) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", checkout, probe);
        if (access(path, R_OK) == 0) return checkout;
    }
    return installed;
}

const char *assets_dir(void)
{
    const char *dir = data_path("assets", "icons/back.svg", KIOSK_DATA_DIR "/assets");
    char probe[1024];
    snprintf(probe, sizeof probe, "%s/icons/back.svg", dir);
    return access(probe, R_OK) == 0 ? dir : NULL;
}

const char *default_bundle_dir(void)
{
    return data_path("content/techniekpact", "bundle.yaml", KIOSK_DEFAULT_BUNDLE);
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
