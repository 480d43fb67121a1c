/* main.c: command-line entry point of the kiosk program.
 *
 * Options are parsed here and dispatched to one mode: check a bundle, render screens, replay a
 * script, or run the kiosk. Each mode lives in its own file under app/. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/check.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif
#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif

static const char *default_bundle(void)
{
    static char path[4096];
    const char *rel = "content/techniekpact";
    FILE *f = fopen("content/techniekpact/bundle.yaml", "r");
    if (f) {
        fclose(f);
        return rel;
    }
    snprintf(path, sizeof path, "%s/%s", KIOSK_SOURCE_DIR, rel);
    return path;
}

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: kiosk [OPTIONS] [BUNDLE]\n"
            "Shows a content bundle fullscreen on a touch screen.\n"
            "BUNDLE is a folder with bundle.yaml (default: content/techniekpact).\n"
            "\n"
            "Options:\n"
            "  --check [BUNDLE]   check a bundle: print every problem as file:line:col, or a\n"
            "                     summary when it is fine; exit 0 if valid, 1 if not\n"
            "  --help             show this help and exit\n"
            "  --version          show the version and exit\n");
}

int main(int argc, char **argv)
{
    const char *bundle = NULL;
    bool check = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("kiosk %s\n", KIOSK_VERSION);
            return 0;
        } else if (strcmp(a, "--check") == 0) {
            check = true;
        } else if (a[0] == '-') {
            fprintf(stderr, "kiosk: unknown option '%s' (see kiosk --help)\n", a);
            return 2;
        } else if (!bundle) {
            bundle = a;
        } else {
            fprintf(stderr, "kiosk: more than one bundle given ('%s' and '%s')\n", bundle, a);
            return 2;
        }
    }
    if (!bundle) bundle = default_bundle();
    if (check) return check_run(bundle, stdout, stderr);
    fprintf(stderr, "kiosk: the screens are not built yet; use --check\n");
    return 2;
}
