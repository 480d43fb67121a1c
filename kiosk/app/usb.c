/* usb.c: a bounded walk below the mount folder; hidden folders are skipped. */
#include "app/usb.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void find(const char *dir, int depth, char *out, size_t n)
{
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/bundle.yaml", dir);
    if (depth > 0 && access(probe, R_OK) == 0) {
        snprintf(out, n, "%s", dir);
        return;
    }
    if (depth >= 3) return;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while (!out[0] && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) find(sub, depth + 1, out, n);
    }
    closedir(d);
}

void usb_find_bundle(const char *dir, char *out, size_t n)
{
    out[0] = '\0';
    find(dir, 0, out, n);
}
