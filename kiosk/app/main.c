/* main.c: command-line entry point of the kiosk program.
 *
 * Options are parsed here into one Options struct and dispatched to one mode: check a bundle,
 * render screens, replay a script, or run the kiosk. Each mode lives in its own file. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/check.h"
#include "app/options.h"
#include "ops/stats.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif
#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif

static const char *default_bundle(void)
{
    static char path[4096];
    FILE *f = fopen("content/techniekpact/bundle.yaml", "r");
    if (f) {
        fclose(f);
        return "content/techniekpact";
    }
    snprintf(path, sizeof path, "%s/content/techniekpact", KIOSK_SOURCE_DIR);
    return path;
}

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: kiosk [OPTIONS] [BUNDLE]\n"
        "Shows a content bundle fullscreen on a touch screen.\n"
        "BUNDLE is a folder with bundle.yaml (default: content/techniekpact).\n"
        "\n"
        "Checking and previewing a bundle:\n"
        "  --check                check the bundle: print every problem as file:line:col, or a\n"
        "                         summary when it is fine; exit 0 if valid, 1 if not\n"
        "  --render SCREEN        draw one screen to a PNG without a display; SCREEN is home,\n"
        "                         attract, about, quiz, result, or a collection or item id\n"
        "  -o FILE                where --render writes (default screen.png)\n"
        "  --render-all DIR       draw every screen in every language into DIR, plus a\n"
        "                         contact sheet per language\n"
        "  --full                 with --render or --render-all: each screen at its full\n"
        "                         scrolled height, as one tall PNG\n"
        "  --open ID              start on this item or collection (in the window, or with\n"
        "                         --replay; --render ID draws it)\n"
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
        "                         statistics; see the README\n"
        "\n"
        "Administration:\n"
        "  --set-pin              set the admin PIN (4-12 digits, read from the terminal or\n"
        "                         stdin); only a salted hash is stored, in the config file\n"
        "  --stats DB...          usage report: visits per day and hour, visit length, top\n"
        "                         items, languages, quiz outcomes (several DBs are combined)\n"
        "  --csv DIR              with --stats: write the same figures as CSV files to DIR\n"
        "\n"
        "  --help                 show this help and exit\n"
        "  --version              show the version and exit\n");
}

static bool parse_size(const char *s, int *w, int *h)
{
    char x;
    return s && sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w >= 64 &&
           *h >= 64 && *w <= 16384 && *h <= 16384;
}

int main(int argc, char **argv)
{
    Options o = {.width = 1920, .height = 1080, .cache_mb = 96, .rotate = -1};
    bool check = false, set_pin = false, stats = false;
    const char *csv = NULL;
    const char *dbs[256];
    size_t n_dbs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = true;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("kiosk %s\n", KIOSK_VERSION);
            return 0;
        } else if (strcmp(a, "--check") == 0) {
            check = true;
            takes = false;
        } else if (strcmp(a, "--set-pin") == 0) {
            set_pin = true;
            takes = false;
        } else if (strcmp(a, "--stats") == 0) {
            stats = true;
            takes = false;
        } else if (strcmp(a, "--csv") == 0) {
            csv = next;
        } else if (strcmp(a, "--usb-dir") == 0) {
            o.usb_dir = next;
        } else if (strcmp(a, "--config") == 0) {
            o.config = next;
        } else if (strcmp(a, "--rotate") == 0) {
            o.rotate = next ? atoi(next) : -1;
            if (!next || (o.rotate != 0 && o.rotate != 90 && o.rotate != 180 && o.rotate != 270)) {
                fprintf(stderr, "kiosk: --rotate needs 0, 90, 180 or 270\n");
                return 2;
            }
        } else if (strcmp(a, "--render") == 0) {
            o.render = next;
        } else if (strcmp(a, "--open") == 0) {
            o.open = next;
        } else if (strcmp(a, "--full") == 0) {
            o.full = true;
            takes = false;
        } else if (strcmp(a, "--render-all") == 0) {
            o.render_all = next;
        } else if (strcmp(a, "--replay") == 0) {
            o.replay = next;
        } else if (strcmp(a, "-o") == 0) {
            o.output = next;
        } else if (strcmp(a, "--lang") == 0) {
            o.lang = next;
        } else if (strcmp(a, "--window-shot") == 0) {
            o.window_shot = next;
        } else if (strcmp(a, "--renderer") == 0) {
            o.renderer = next;
        } else if (strcmp(a, "--cache-mb") == 0) {
            o.cache_mb = next ? (size_t)strtoul(next, NULL, 10) : 0;
            if (o.cache_mb < 8 || o.cache_mb > 4096) {
                fprintf(stderr, "kiosk: --cache-mb needs a number from 8 to 4096\n");
                return 2;
            }
        } else if (strcmp(a, "--size") == 0 || strcmp(a, "--windowed") == 0) {
            if (!parse_size(next, &o.width, &o.height)) {
                fprintf(stderr, "kiosk: %s needs a size like 1920x1080\n", a);
                return 2;
            }
            if (a[2] == 'w') o.windowed = true;
            o.size_given = true;
        } else if (a[0] == '-') {
            fprintf(stderr, "kiosk: unknown option '%s' (see kiosk --help)\n", a);
            return 2;
        } else if (stats) {
            if (n_dbs < sizeof dbs / sizeof dbs[0]) dbs[n_dbs++] = a;
            takes = false;
        } else if (!o.bundle) {
            o.bundle = a;
            o.bundle_given = true;
            takes = false;
        } else {
            fprintf(stderr, "kiosk: more than one bundle given ('%s' and '%s')\n", o.bundle, a);
            return 2;
        }
        if (takes) {
            if (!next) {
                fprintf(stderr, "kiosk: %s needs a value (see kiosk --help)\n", a);
                return 2;
            }
            i++;
        }
    }
    if (!o.config) o.config = getenv("KIOSK_CONFIG");
    if (stats) {
        if (n_dbs == 0) {
            fprintf(stderr, "kiosk: --stats needs one or more statistics databases\n");
            return 2;
        }
        return csv ? stats_export_csv(dbs, n_dbs, csv, stderr) : stats_report(dbs, n_dbs, stdout, stderr);
    }
    if (set_pin) return set_pin_run(&o);
    if (!o.bundle) o.bundle = default_bundle();
    if (check) return check_run(o.bundle, stdout, stderr);
    if (o.render || o.render_all) return render_run(&o);
    if (o.replay) return replay_run(&o);
    return window_run(&o);
}
