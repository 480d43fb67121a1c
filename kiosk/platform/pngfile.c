/* pngfile.c: see pngfile.h. The PNG is encoded by SDL_image into a FILE* of ours, so that the
 * stream's error flag, fflush() and fclose() (where a full disk or a network file system
 * reports its errors) are all looked at. */
#include "platform/pngfile.h"
#include "core/log.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool png_write_file(SDL_Surface *s, const char *path)
{
    FILE *f = fopen(path, "wbe");
    if (!f) {
        log_error("cannot save %s: %s", path, strerror(errno));
        return false;
    }
    errno = 0;
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_FALSE); /* closed below, by us */
    bool encoded = rw && IMG_SavePNG_RW(s, rw, 1) == 0;
    char why[256];
    snprintf(why, sizeof why, "%s", encoded ? "" : IMG_GetError());
    int err = ferror(f) ? (errno ? errno : EIO) : 0; /* a write of the encoder failed */
    if (fflush(f) != 0 && !err) err = errno;
    if (fclose(f) != 0 && !err) err = errno;
    if (encoded && !err) return true;
    log_error("cannot save %s: %s", path, err ? strerror(err) : why);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) unlink(path); /* no half picture left */
    return false;
}
