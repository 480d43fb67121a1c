/* cec.h: an HDMI TV sent to standby and woken again over HDMI-CEC, with cec-client.
 *
 * cec-client (package cec-utils, libcec) takes a command on its standard input in single-
 * command mode: `echo "standby 0" | cec-client -s -d 1` sends the TV (logical address 0) to
 * standby, "on 0" wakes it. It opens the adapter and polls the bus first, which takes a
 * second or more, so it runs on a thread of its own and the loop never waits for it. Only
 * the latest wish counts: "off" and "on" asked for quickly one after the other send "on"
 * last. A failure (no cec-client, no adapter, the TV does not answer) is logged once, not at
 * every opening and closing. */
#ifndef KIOSK_CEC_H
#define KIOSK_CEC_H

#include <stdbool.h>

typedef struct Cec Cec;

/* program: the cec-client to run (NULL: "cec-client", found on PATH). NULL when out of
 * memory or no thread can start (logged). */
Cec *cec_create(const char *program);
/* Asks for the TV on or in standby; returns at once. */
void cec_set(Cec *c, bool on);
/* Waits for the command running now (if any), then stops the thread. NULL is allowed. */
void cec_destroy(Cec *c);

#endif
