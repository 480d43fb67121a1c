/* main.c: command-line entry point of the kiosk program.
 *
 * Options are parsed here (getopt_long, every number parsed strictly: "96junk" is refused)
 * into one Options struct and dispatched to one mode: check a bundle, render screens, replay
 * a script, show statistics, or run the kiosk. Each mode lives in its own file. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/check.h"
#include "app/fleet.h"
#include "app/options.h"
#include "app/paths.h"
#include "ops/config.h"
#include "ops/stats.h"
#include "ui/schedule.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif
static void usage(FILE *out)
{
    fprintf(out,
        "Usage: kiosk [OPTIONS] [BUNDLE]\n"
        "Shows a content bundle fullscreen on a touch screen.\n"
        "BUNDLE is a folder with bundle.yaml (default: content/techniekpact in a checkout,\n"
        KIOSK_DEFAULT_BUNDLE " once installed; the running kiosk takes the\n"
        "settings' bundle first).\n"
        "\n"
        "Checking and previewing a bundle:\n"
        "  --check                check the bundle: print every problem as file:line:col, or a\n"
        "                         summary when it is fine; exit 0 if valid, 1 if not; with\n"
        "                         --config, the settings file too (and its bundles by date)\n"
        "  --render SCREEN        draw one screen to a PNG without a display; SCREEN is home,\n"
        "                         attract, about, quiz, result, a collection or item id, or\n"
        "                         photo:ID (the first picture of item ID's gallery, full screen)\n"
        "  -o FILE                where --render writes (default screen.png)\n"
        "  --render-all DIR       draw every screen in every language into DIR, plus a\n"
        "                         contact sheet per language\n"
        "  --full                 with --render or --render-all: each screen at its full\n"
        "                         scrolled height, as one tall PNG\n"
        "  --open ID              start on this item or collection (in the window, or with\n"
        "                         --replay; --render ID draws it)\n"
        "  --clock \"DATE TIME\"    the local time --render and --replay show timetables at,\n"
        "                         like \"2027-03-13 13:58\" (default: now)\n"
        "  --size WxH             picture size for --render, --render-all and --replay\n"
        "                         (default 1920x1080)\n"
        "  --lang CODE            language to start in (default: the bundle's default)\n"
        "  --replay FILE          run a script of taps, drags, keys and waits on a simulated\n"
        "                         clock, headless; 'shot NAME' lines write NAME.png into the\n"
        "                         folder given with -o (default .); the format, every\n"
        "                         command and key name: docs/replay.md\n"
        "\n"
        "Running:\n"
        "  --windowed WxH         run in a normal window of that size (for development);\n"
        "                         without it the kiosk fills the display\n"
        "  --renderer NAME        SDL render driver: software (default), opengl, opengles2\n"
        "  --cache-mb N           texture cache budget in MB (default 96)\n"
        "  --window-shot FILE     save the window's first frame as PNG and exit (a test that\n"
        "                         the window draws what --render draws)\n"
        "  --rotate DEGREES       0, 90, 180 or 270: for a screen mounted turned clockwise\n"
        "  --usb-dir DIR          show a valid bundle from a USB stick mounted below DIR (e.g.\n"
        "                         /media) while it is plugged in\n"
        "  --config FILE          the local settings (default /etc/kiosk/config.yaml, or\n"
        "                         $KIOSK_CONFIG): bundle, admin PIN, rotation, opening hours,\n"
        "                         statistics; see docs/operating.md\n"
        "\n"
        "Administration:\n"
        "  --set-pin              set the admin PIN (4-12 digits, read from the terminal or\n"
        "                         stdin); only a salted hash is stored, in the config file\n"
        "  --stats DB...          usage report: visits per day and hour, visit length, top\n"
        "                         items, languages, quiz outcomes (several DBs are combined)\n"
        "  --csv DIR              with --stats: write the same figures as CSV files to DIR\n"
        "  --stats-export FILE [DB]  copy the statistics file DB (default: the settings'\n"
        "                         stats file) to FILE while the kiosk runs: one consistent,\n"
        "                         self-contained copy, replaced whole (never half written);\n"
        "                         exit 0, or 1 with the reason\n"
        "  --fleet DIR...         one table of many kiosks from their status.json files (DIR:\n"
        "                         a kiosk's folder, or a folder of them); exit 1 when one is\n"
        "                         stale, stopped or failed its last load\n"
        "  --stale-after MIN      with --fleet: stale after MIN minutes without a status\n"
        "                         written (default 15)\n"
        "\n"
        "  --help                 show this help and exit\n"
        "  --version              show the version and exit\n");
}

/* A whole decimal number in [min, max], nothing before or after it. */
static bool parse_number(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = s && *s ? strtol(s, &end, 10) : 0;
    if (!s || !*s || errno || *end || v < min || v > max) return false;
    *out = v;
    return true;
}

static bool parse_size(const char *s, int *w, int *h)
{
    char x;
    int used = 0;
    return s && sscanf(s, "%d%c%d%n", w, &x, h, &used) == 3 && s[used] == '\0' &&
           (x == 'x' || x == 'X') && *w >= 64 && *h >= 64 && *w <= 16384 && *h <= 16384;
}

enum { OPT_CHECK = 256, OPT_SET_PIN, OPT_STATS, OPT_CSV, OPT_USB_DIR, OPT_CONFIG, OPT_ROTATE,
       OPT_RENDER, OPT_RENDER_ALL, OPT_REPLAY, OPT_LANG, OPT_WINDOW_SHOT, OPT_RENDERER,
       OPT_CACHE_MB, OPT_SIZE, OPT_WINDOWED, OPT_VERSION, OPT_OPEN, OPT_FULL, OPT_FLEET,
       OPT_STALE_AFTER, OPT_CLOCK, OPT_STATS_EXPORT, MAX_DBS = 256 };

#define WITH_VALUE(name, id) {name, required_argument, NULL, id}
static const struct option long_options[] = {
    {"help", no_argument, NULL, 'h'},        {"version", no_argument, NULL, OPT_VERSION},
    {"check", no_argument, NULL, OPT_CHECK}, {"set-pin", no_argument, NULL, OPT_SET_PIN},
    {"stats", no_argument, NULL, OPT_STATS}, WITH_VALUE("csv", OPT_CSV),
    WITH_VALUE("stats-export", OPT_STATS_EXPORT),
    WITH_VALUE("usb-dir", OPT_USB_DIR),      WITH_VALUE("config", OPT_CONFIG),
    WITH_VALUE("rotate", OPT_ROTATE),        WITH_VALUE("render", OPT_RENDER),
    WITH_VALUE("render-all", OPT_RENDER_ALL), WITH_VALUE("replay", OPT_REPLAY),
    WITH_VALUE("lang", OPT_LANG),            WITH_VALUE("window-shot", OPT_WINDOW_SHOT),
    WITH_VALUE("renderer", OPT_RENDERER),    WITH_VALUE("cache-mb", OPT_CACHE_MB),
    WITH_VALUE("size", OPT_SIZE),            WITH_VALUE("windowed", OPT_WINDOWED),
    WITH_VALUE("open", OPT_OPEN),            {"full", no_argument, NULL, OPT_FULL},
    {"fleet", no_argument, NULL, OPT_FLEET}, WITH_VALUE("stale-after", OPT_STALE_AFTER),
    WITH_VALUE("clock", OPT_CLOCK),
    {NULL, 0, NULL, 0},
};

typedef struct Command {
    Options o;
    bool check, set_pin, stats, fleet;
    const char *csv, *stats_export; /* --csv DIR, --stats-export FILE */
    long stale_min; /* --stale-after; 0: the default */
} Command;

/* Options that take a number or a size; 0 when fine, else the exit code 2 (with a message). */
static int parse_value(Command *c, int opt, const char *arg)
{
    long v;
    switch (opt) {
    case OPT_ROTATE:
        if (!parse_number(arg, 0, 270, &v) || v % 90) {
            fprintf(stderr, "kiosk: --rotate needs 0, 90, 180 or 270\n");
            return 2;
        }
        c->o.rotate = (int)v;
        return 0;
    case OPT_STALE_AFTER:
        if (!parse_number(arg, 1, 525600, &c->stale_min)) {
            fprintf(stderr, "kiosk: --stale-after needs a number of minutes from 1 to 525600\n");
            return 2;
        }
        return 0;
    case OPT_CACHE_MB:
        if (!parse_number(arg, CONFIG_MIN_CACHE_MB, CONFIG_MAX_CACHE_MB, &v)) {
            fprintf(stderr, "kiosk: --cache-mb needs a number from %d to %d\n",
                    CONFIG_MIN_CACHE_MB, CONFIG_MAX_CACHE_MB);
            return 2;
        }
        c->o.cache_mb = (size_t)v;
        return 0;
    default: /* OPT_SIZE, OPT_WINDOWED */
        if (!parse_size(arg, &c->o.width, &c->o.height)) {
            fprintf(stderr, "kiosk: %s needs a size like 1920x1080\n",
                    opt == OPT_SIZE ? "--size" : "--windowed");
            return 2;
        }
        c->o.windowed |= opt == OPT_WINDOWED;
        return 0;
    }
}

/* One option; -1 to go on, else the exit code. */
static int parse_option(Command *c, int opt, const char *arg)
{
    Options *o = &c->o;
    switch (opt) {
    case 'h': usage(stdout); return 0;
    case OPT_VERSION: printf("kiosk %s\n", KIOSK_VERSION); return 0;
    case OPT_CHECK: c->check = true; break;
    case OPT_SET_PIN: c->set_pin = true; break;
    case OPT_STATS: c->stats = true; break;
    case OPT_CSV: c->csv = arg; break;
    case OPT_STATS_EXPORT: c->stats_export = arg; break;
    case OPT_USB_DIR: o->usb_dir = arg; break;
    case OPT_CONFIG: o->config = arg; break;
    case OPT_RENDER: o->render = arg; break;
    case OPT_RENDER_ALL: o->render_all = arg; break;
    case OPT_REPLAY: o->replay = arg; break;
    case 'o': o->output = arg; break;
    case OPT_LANG: o->lang = arg; break;
    case OPT_WINDOW_SHOT: o->window_shot = arg; break;
    case OPT_RENDERER: o->renderer = arg; break;
    case OPT_OPEN: o->open = arg; break;
    case OPT_FULL: o->full = true; break;
    case OPT_FLEET: c->fleet = true; break;
    case OPT_CLOCK: {
        int64_t wall;
        if (!schedule_parse_local(arg, &wall)) {
            fprintf(stderr, "kiosk: --clock wants a local date and time like \"2027-03-13 13:58\", "
                    "not '%.40s'\n", arg);
            return 2;
        }
        o->clock = arg;
        break;
    }
    case OPT_ROTATE:
    case OPT_STALE_AFTER:
    case OPT_CACHE_MB:
    case OPT_SIZE:
    case OPT_WINDOWED: {
        int rc = parse_value(c, opt, arg);
        return rc ? rc : -1;
    }
    default: fprintf(stderr, "kiosk: see kiosk --help\n"); return 2;
    }
    return -1;
}

static int run_stats(const Command *c, char **dbs, int n)
{
    if (n == 0) {
        fprintf(stderr, "kiosk: --stats needs one or more statistics databases\n");
        return 2;
    }
    if (n > MAX_DBS) {
        fprintf(stderr, "kiosk: --stats takes at most %d databases at once (%d given)\n", MAX_DBS, n);
        return 2;
    }
    const char **list = (const char **)dbs;
    return c->csv ? stats_export_csv(list, (size_t)n, c->csv, stderr)
                  : stats_report(list, (size_t)n, stdout, stderr);
}

int main(int argc, char **argv)
{
    Command c = {.o = {.width = 1920, .height = 1080, .rotate = -1}};
    opterr = 1;
    for (int opt; (opt = getopt_long(argc, argv, "ho:", long_options, NULL)) != -1;) {
        int rc = parse_option(&c, opt, optarg);
        if (rc >= 0) return rc;
    }
    Options *o = &c.o;
    if (!o->config) o->config = getenv("KIOSK_CONFIG");
    if (c.stats) return run_stats(&c, argv + optind, argc - optind);
    if (c.stats_export) return stats_export_run(o, c.stats_export, argv + optind, argc - optind);
    if (c.fleet) return fleet_run((const char *const *)argv + optind, argc - optind, c.stale_min);
    if (optind + 1 < argc) {
        fprintf(stderr, "kiosk: more than one bundle given ('%s' and '%s')\n", argv[optind],
                argv[optind + 1]);
        return 2;
    }
    o->bundle_given = optind < argc;
    o->bundle = o->bundle_given ? argv[optind] : default_bundle_dir();
    if (c.set_pin) return set_pin_run(o);
    if (c.check && o->config) {
        int rc = check_settings(o->config, stdout, stderr);
        return check_run(o->bundle, stdout, stderr) || rc;
    }
    if (c.check) return check_run(o->bundle, stdout, stderr);
    if (o->render || o->render_all) return render_run(o);
    if (o->replay) return replay_run(o);
    return window_run(o);
}
