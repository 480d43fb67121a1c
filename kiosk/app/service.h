/* service.h: talking to systemd when run as a service (sd_notify), a no-op otherwise.
 *
 * READY=1 after the first frame; WATCHDOG=1 from the main loop at half the unit's WatchdogSec,
 * so a hung loop (not only a crash) gets the kiosk restarted; STATUS= for `systemctl status`.
 * Built without libsystemd, every function does nothing. */
#ifndef KIOSK_SERVICE_H
#define KIOSK_SERVICE_H

#include <stdint.h>

void service_ready(void);
void service_status(const char *text);
/* Sends WATCHDOG=1 when due; returns when it is next due (monotonic ms), or INT64_MAX when
 * no watchdog is configured. */
int64_t service_watchdog(int64_t now_ms);

#endif
