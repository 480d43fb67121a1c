/* signals.h: the process's signals, taken by one thread and handed to the loop as values.
 *
 * SIGINT, SIGTERM (systemd's stop), SIGHUP, SIGUSR1 and SIGUSR2 are blocked in every thread
 * and received by one thread in sigwait(); it records the signal and wakes the loop, which
 * hands it to the supervisor. So the loop can sleep without a timeout and still stop at once,
 * and no signal kills the kiosk without a clean shutdown. */
#ifndef KIOSK_SIGNALS_H
#define KIOSK_SIGNALS_H

#include <stdbool.h>

/* Blocks the signals; call before any other thread starts. */
void signals_block(void);
/* Starts the receiving thread; wake(ctx) is called from it after each signal. */
bool signals_start(void (*wake)(void *ctx), void *ctx);
/* The next received signal not yet taken, or 0. */
int signals_take(void);

#endif
