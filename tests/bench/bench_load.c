/* bench_load.c: how long loading and checking a bundle takes.
 *
 * Generates a bundle of 5,000 items in 5 collections (with bodies, facts, related items and
 * a shared picture), then times bundle_load() on it and on the default bundle: median and
 * min-max of repeated runs, plus the memory the loaded model holds. A benchmark, not a test:
 * it prints figures and never fails on them. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bundle/bundle.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void generate(const char *dir, int items, int collections)
{
    char path[512];
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/images", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/images/icon.svg", dir);
    FILE *f = fopen(path, "w");
    fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" "
          "cy=\"5\" r=\"4\"/></svg>\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/bundle.yaml", dir);
    f = fopen(path, "w");
    fprintf(f, "format: 1\nmeta:\n  id: big\n  title: {nl: Groot, en: Big}\n  version: \"1\"\n"
               "  languages: [nl, en]\n  default_language: nl\nhome:\n  tiles:\n");
    for (int c = 0; c < collections; c++) fprintf(f, "    - target: c%d\n", c);
    fprintf(f, "include:\n");
    for (int c = 0; c < collections; c++) fprintf(f, "  - c%d.yaml\n", c);
    fclose(f);
    int per = items / collections;
    for (int c = 0; c < collections; c++) {
        snprintf(path, sizeof path, "%s/c%d.yaml", dir, c);
        f = fopen(path, "w");
        fprintf(f, "collections:\n  - id: c%d\n    title: {nl: Collectie %d, en: Collection %d}\n"
                   "    categories:\n      - id: a\n        title: {nl: A, en: A}\n    items:\n",
                c, c, c);
        for (int i = 0; i < per; i++) {
            int id = c * per + i;
            fprintf(f,
                    "      - id: item-%d\n"
                    "        title: {nl: Onderdeel %d, en: Item %d}\n"
                    "        subtitle: {nl: Een korte regel, en: A short line}\n"
                    "        image: images/icon.svg\n"
                    "        categories: [a]\n"
                    "        facts:\n"
                    "          - label: {nl: Niveau, en: Level}\n"
                    "            value: mbo 2-4\n"
                    "        related: [item-%d]\n"
                    "        body:\n"
                    "          nl: |\n"
                    "            Dit is **vet** en *schuin*.\n\n"
                    "            - een\n"
                    "            - twee\n"
                    "          en: |\n"
                    "            This is **bold** and *italic*.\n",
                    id, id, id, (id + 1) % items);
        }
        fclose(f);
    }
}

static void bench(const char *label, const char *dir, int runs)
{
    double *t = malloc((size_t)runs * sizeof *t);
    size_t bytes = 0, n_items = 0;
    for (int i = 0; i < runs; i++) {
        Diags d;
        diags_init(&d);
        double t0 = now_ms();
        Bundle *b = bundle_load(dir, &d);
        t[i] = now_ms() - t0;
        if (!b) {
            diags_print(&d, stderr);
            fprintf(stderr, "bench: %s does not load\n", dir);
            exit(1);
        }
        bytes = b->bytes;
        n_items = b->n_items;
        bundle_free(b);
        diags_free(&d);
    }
    qsort(t, (size_t)runs, sizeof *t, cmp);
    printf("| load+check %-22s | %6zu items | median %8.2f ms | min %8.2f | max %8.2f | model %6.1f MB |\n",
           label, n_items, t[runs / 2], t[0], t[runs - 1], (double)bytes / (1024.0 * 1024.0));
    free(t);
}

int main(int argc, char **argv)
{
    const char *def = argc > 1 ? argv[1] : "content/techniekpact";
    char dir[] = "/tmp/kiosk-bench-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    generate(dir, 5000, 5);
    bench("default bundle", def, 21);
    bench("generated 5,000 items", dir, 11);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : 1;
}
