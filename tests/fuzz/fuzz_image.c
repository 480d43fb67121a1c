/* fuzz_image.c: libFuzzer target for the picture header check (bundle/paths.h).
 *
 * The input is written as a picture file and probed the three ways the kiosk probes: as .png
 * and as .jpg (the checker, by extension) and by its first bytes (the decoder, before it
 * decodes a file held open). The header reads are libjpeg's and libpng's own, behind setjmp;
 * whatever the bytes, image_probe() must return a reason or a size within the limits, never
 * crash, leak or print. Built and run by tests/fuzz/run.sh. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bundle/paths.h"

static char path[PATH_MAX];

static void remove_file(void) { unlink(path); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/kiosk-fuzz-image-%d", t && t[0] ? t : "/tmp", (int)getpid());
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    fclose(f);
    static const char *const names[] = {"x.png", "x.jpg", NULL};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        ImageType type;
        int w = -1, h = -1;
        const char *why = image_probe(path, names[i], &type, &w, &h);
        if (!why && type != IMAGE_SVG &&
            (w <= 0 || h <= 0 || w > BUNDLE_MAX_IMAGE_SIDE || h > BUNDLE_MAX_IMAGE_SIDE))
            abort(); /* accepted, so it must be within the limits */
    }
    return 0;
}
