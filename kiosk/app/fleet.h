/* fleet.h: `kiosk --fleet DIR...`: one table of many kiosks from their status.json files.
 *
 * Each DIR is a kiosk's folder (DIR/status.json, as rsync or one Syncthing folder per kiosk
 * brings it), a folder of such folders (DIR/NAME/status.json: the usual layout when one
 * machine collects them all), or a status.json itself. The table says per kiosk: its name,
 * program version, bundle and version, display on or off, the last load (ok, or FAILED and the
 * first message), the last touch, since when it runs, and its state: ok, STALE (nothing
 * written for longer than the threshold: off, crashed, or no longer synced), STOPPED (it
 * exited), FAILED (its last load). A file that cannot be read (missing, too large, not a
 * status file, wrong types) gets one plain line, never a crash. The exit code is for cron and
 * monitoring: 0 when every kiosk is ok, 1 otherwise, 2 for a wrong command line. */
#ifndef KIOSK_FLEET_H
#define KIOSK_FLEET_H

#include <stdint.h>
#include <stdio.h>

enum {
    FLEET_DEFAULT_STALE_S = 15 * 60, /* heartbeats come every minute: 15 missed is no hiccup */
    FLEET_MAX_KIOSKS = 1000,         /* files read in one report */
    FLEET_CLOCK_SLACK_S = 5 * 60,    /* a file this far in the future: a clock is wrong */
};

/* The report for `n` paths as of `now` (Unix seconds; times shown in local time), a kiosk
 * being stale when its file was written more than `stale_s` seconds before. Returns the exit
 * code. */
int fleet_report(const char *const *paths, int n, int64_t now, int64_t stale_s, FILE *out);

/* fleet_report for now, to stdout; `stale_min` minutes (0: the default). */
int fleet_run(const char *const *paths, int n, long stale_min);

#endif
