/* service.c: sd_notify, when libsystemd is available at build time. */
#include "app/service.h"

#include <stdbool.h>
#include <stdlib.h>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>

void service_ready(void)
{
    sd_notify(0, "READY=1");
}

void service_status(const char *text)
{
    sd_notifyf(0, "STATUS=%s", text);
}

int64_t service_watchdog_interval_ms(void)
{
    uint64_t usec = 0;
    return sd_watchdog_enabled(0, &usec) > 0 ? (int64_t)(usec / 2000) : 0;
}

void service_watchdog_ping(void)
{
    sd_notify(0, "WATCHDOG=1");
}
#else
void service_ready(void) {}
void service_status(const char *text) { (void)text; }
int64_t service_watchdog_interval_ms(void) { return 0; }
void service_watchdog_ping(void) {}
#endif
