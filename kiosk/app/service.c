/* service.c: sd_notify, when libsystemd is available at build time. */
#include "app/service.h"

#include <stdbool.h>
#include <stdlib.h>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>

static int64_t interval_ms = -1; /* -1: not asked yet */
static int64_t next_ms;

void service_ready(void)
{
    sd_notify(0, "READY=1");
}

void service_status(const char *text)
{
    sd_notifyf(0, "STATUS=%s", text);
}

int64_t service_watchdog(int64_t now_ms)
{
    if (interval_ms < 0) {
        uint64_t usec = 0;
        interval_ms = sd_watchdog_enabled(0, &usec) > 0 ? (int64_t)(usec / 2000) : 0;
        next_ms = now_ms;
    }
    if (interval_ms == 0) return INT64_MAX;
    if (now_ms >= next_ms) {
        sd_notify(0, "WATCHDOG=1");
        next_ms = now_ms + interval_ms;
    }
    return next_ms;
}
#else
void service_ready(void) {}
void service_status(const char *text) { (void)text; }
int64_t service_watchdog(int64_t now_ms)
{
    (void)now_ms;
    return INT64_MAX;
}
#endif
