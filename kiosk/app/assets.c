/* assets.c: where the program's own files are: next to the working directory when run from
 * a checkout, else the source tree it was built from, else the installed data folder. */
#include <stdio.h>
#include <unistd.h>

#include "app/options.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_DATA_DIR
#define KIOSK_DATA_DIR "/usr/local/share/kiosk"
#endif

const char *assets_dir(void)
{
    static const char *const candidates[] = {"assets", KIOSK_SOURCE_DIR "/assets",
                                             KIOSK_DATA_DIR "/assets"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char probe[1024];
        snprintf(probe, sizeof probe, "%s/icons/back.svg", candidates[i]);
        if (access(probe, R_OK) == 0) return candidates[i];
    }
    return NULL;
}
