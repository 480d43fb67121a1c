/* kept.c: the first frame kept between starts (see kept.h and ops/keptframe.h). */
#include "app/kept.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/caldate.h"
#include "core/log.h"
#include "core/starttrace.h"
#include "core/util.h"
#include "ops/hours.h"
#include "ops/keptframe.h"

/* What decides the first frame's pixels, as far as it can be told without drawing it: the
 * program, the command line (language, start screen, size...), the settings file, the bundle's
 * files, the icons, the day (a dated bundle, today's programme) and the window's size.
 * Whatever else differs (fonts installed since) is caught by comparing the frames. */
static uint64_t key_of(const KioskConfig *cfg, const char *bundle_path, unsigned long long fingerprint,
                       const char *assets, Window *w, time_t now)
{
    uint64_t k = hash_start(HASH_SEED);
    k = keptframe_key_file(k, "/proc/self/exe");
    char cmd[8192];
    FILE *f = fopen("/proc/self/cmdline", "rb");
    size_t n = f ? fread(cmd, 1, sizeof cmd, f) : 0;
    if (f) fclose(f);
    k = hash_bytes(hash_u64(k, n), cmd, n);
    k = keptframe_key_file(k, cfg->path ? cfg->path : "");
    k = hash_u64(hash_bytes(k, bundle_path, strlen(bundle_path) + 1), fingerprint);
    char icons[4200];
    snprintf(icons, sizeof icons, "%s/icons", assets);
    k = keptframe_key_file(k, icons);
    k = hash_u64(k, (uint64_t)caldate_local_day((int64_t)now, NULL));
    float lw, lh;
    window_size(w, &lw, &lh);
    return hash_u64(hash_u64(k, (uint64_t)lw), (uint64_t)lh);
}

void kept_open(Kept *kp, const Options *o, const KioskConfig *cfg, const char *bundle_path,
               unsigned long long fingerprint, const char *assets, Window *w)
{
    kp->on = !o->window_shot && keptframe_path(kp->path, sizeof kp->path);
    if (!kp->on) return;
    time_t now = time(NULL);
    kp->key = key_of(cfg, bundle_path, fingerprint, assets, w, now);
    struct tm local;
    localtime_r(&now, &local);
    if (cfg->has_hours && !hours_is_open(&cfg->hours, &local)) return; /* it may start dark */
    if (!window_show_kept(w, kp->path, kp->key)) return; /* the window remembers it was */
    start_mark("kept first frame on screen");
    const char *fl = getenv("KIOSK_FRAME_LOG");
    unsigned long long hash = 0;
    /* not "presented at": the frame log's frames are the ones drawn */
    if (fl && strcmp(fl, "1") == 0 && window_pixel_hash(w, &hash))
        log_info("kept first frame presented, pixels %016llx", hash);
}

void kept_after_frame(Kept *kp, Window *w, bool dark)
{
    if (!kp->on) return;
    if (dark) kp->on = false; /* a start at night: nothing kept */
    if (!kp->on || !window_complete(w)) return;
    window_keep_first(w, kp->path, kp->key);
    kp->on = false;
}
