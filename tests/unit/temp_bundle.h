/* temp_bundle.h: a bundle written into a temporary folder by a unit test (after check.h).
 *
 * temp_bundle_start("/tmp/kiosk-NAME-XXXXXX") makes the folder, temp_bundle_write() puts a
 * file in it, temp_bundle_dir is its path for bundle_load, temp_bundle_remove() deletes it. */
#ifndef KIOSK_TEMP_BUNDLE_H
#define KIOSK_TEMP_BUNDLE_H

#include <stdio.h>
#include <stdlib.h>

static char temp_bundle_dir[64];

static bool temp_bundle_start(const char *pattern)
{
    snprintf(temp_bundle_dir, sizeof temp_bundle_dir, "%s", pattern);
    return mkdtemp(temp_bundle_dir) != NULL;
}

static void temp_bundle_write(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", temp_bundle_dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void temp_bundle_remove(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", temp_bundle_dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", temp_bundle_dir);
}

#endif
