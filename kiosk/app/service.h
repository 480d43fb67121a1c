/* service.h: talking to systemd when run as a service (sd_notify), a no-op otherwise.
 *
 * READY=1 after the first frame; WATCHDOG=1 when the supervisor asks (at half the unit's
 * WatchdogSec), so a hung loop (not only a crash) gets the kiosk restarted; STATUS= for
 * `systemctl status`. Built without libsystemd, every function does nothing. */
#ifndef KIOSK_SERVICE_H
#define KIOSK_SERVICE_H

#include <stdint.h>

void service_ready(void);
void service_status(const char *text);
/* How often the watchdog wants a ping (half of WatchdogSec), or 0 when there is none. */
int64_t service_watchdog_interval_ms(void);
void service_watchdog_ping(void);

#endif
