/* options.h: the command line, parsed once in main.c and read by every mode. */
#ifndef KIOSK_OPTIONS_H
#define KIOSK_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Options {
    const char *bundle;     /* folder */
    const char *render;     /* --render SCREEN */
    const char *render_all; /* --render-all DIR */
    const char *replay;     /* --replay FILE */
    const char *output;     /* -o FILE (or the replay's shot folder) */
    const char *lang;       /* --lang L */
    const char *renderer;   /* --renderer NAME: SDL render driver for the window */
    int width, height;      /* --size or --windowed */
    bool windowed;
    size_t cache_mb;        /* --cache-mb; 0: not given (the settings or the default decide) */
    const char *window_shot; /* --window-shot FILE: save the window's first frame and exit */
    const char *config;     /* --config FILE (default /etc/kiosk/config.yaml or $KIOSK_CONFIG) */
    bool bundle_given;      /* on the command line (else the config's bundle, else default) */
    int rotate;             /* --rotate 0|90|180|270 (-1: from the config) */
    const char *usb_dir;    /* --usb-dir DIR: bundles on USB sticks mounted below DIR */
    const char *open;       /* --open ID: start on this item or collection (app/review.c) */
    bool full;              /* --full: screenshots at the full scrolled height */
    const char *clock;      /* --clock "YYYY-MM-DD HH:MM": the wall clock of --render/--replay */
} Options;

/* Benchmark hook: when KIOSK_BENCH_T0 holds the CLOCK_REALTIME nanoseconds at which the
 * benchmark started the process, prints "first-frame-ms N" once to stderr; with
 * KIOSK_BENCH_EXIT=1 the program then exits. Returns true when it should exit. */
bool bench_first_frame(void);

/* The texture cache budget in bytes: --cache-mb, else `config_mb` (0: the default). */
size_t cache_budget(const Options *o, int config_mb);

/* Finds the folder with the program's own assets (icons), or NULL: assets/ of the checkout
 * the program runs in, or the installed data folder (app/assets.c says which when). */
const char *assets_dir(void);

/* The bundle shown when none is given: content/techniekpact of the checkout, or the installed
 * default bundle. Never NULL (loading it reports a missing folder). */
const char *default_bundle_dir(void);

/* Modes. Each returns the process exit code. */
int render_run(const Options *o);
int replay_run(const Options *o);
int window_run(const Options *o);
int set_pin_run(const Options *o);
/* --stats-export FILE [DB] (app/export.c): DB, or the settings' statistics file, into FILE. */
int stats_export_run(const Options *o, const char *file, char **dbs, int n);

/* The exit code of "Exit the kiosk" on the admin screen: the systemd unit does not restart
 * the kiosk after it (RestartPreventExitStatus). */
enum { KIOSK_EXIT_BY_ADMIN = 75 };

#endif
